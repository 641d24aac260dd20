//go:build js

package main

import (
	"fmt"
	"math"
	"strconv"
	"syscall/js"

	"github.com/paulmach/orb"

	"heartland/app"
	"heartland/internal/quiz"
)

// The quiz card asks questions made by internal/quiz from the map's data,
// one at a time at the foot of the map: clicked on the map or chosen from
// options (keys 1–4), with the right answer outlined at once, a running
// score and a summary. ?quiz=SET&seed=N starts one, so a class given the
// same link gets the same questions; Q or the Q button starts the mixed set.
// While the card is open a click on the map answers and never opens the
// panel, and labels and tooltips are off so they cannot give answers away.
type quizPlayer struct {
	session  *quiz.Session
	saved    map[string]bool // layer visibility before the quiz
	card     js.Value
	counter  js.Value
	score    js.Value
	prompt   js.Value
	hint     js.Value
	options  js.Value
	feedback js.Value
	next     js.Value
	summary  js.Value
	cross    js.Value // the centre mark a keyboard answer uses
}

func (g *Game) newQuizPlayer() {
	d := g.ui
	p := &quizPlayer{}
	g.quiz = p
	p.card = d.el("section", "quiz-card", "")
	p.card.Set("id", "quiz")
	p.card.Set("hidden", true)
	p.card.Set("tabIndex", -1)
	p.card.Call("setAttribute", "aria-labelledby", "quiz-prompt")
	head := d.el("div", "quiz-head", "")
	p.counter = d.el("span", "quiz-counter", "")
	p.score = d.el("span", "quiz-score", "")
	closeBtn := d.el("button", "quiz-close", "×")
	closeBtn.Call("setAttribute", "aria-label", "Leave the quiz (Esc)")
	head.Call("append", p.counter, p.score, closeBtn)
	p.prompt = d.el("h2", "quiz-prompt", "")
	p.prompt.Set("id", "quiz-prompt")
	p.hint = d.el("p", "quiz-hint", "")
	p.options = d.el("div", "quiz-options", "")
	p.options.Call("setAttribute", "role", "group")
	p.options.Call("setAttribute", "aria-label", "Answers")
	p.feedback = d.el("p", "quiz-feedback", "")
	p.feedback.Call("setAttribute", "role", "status")
	p.feedback.Call("setAttribute", "aria-live", "polite")
	p.summary = d.el("div", "quiz-summary", "")
	p.next = d.el("button", "quiz-next", "Next ›")
	nav := d.el("div", "quiz-nav", "")
	nav.Call("append", p.next)
	p.card.Call("append", head, p.prompt, p.hint, p.options, p.feedback, p.summary, nav)
	p.cross = d.el("div", "quiz-crosshair", "")
	p.cross.Call("setAttribute", "aria-hidden", "true")
	p.cross.Set("hidden", true)
	d.doc.Get("body").Call("append", p.card, p.cross)
	for _, b := range []js.Value{closeBtn, p.next} {
		b.Set("type", "button")
	}
	g.onClick(closeBtn, quizAction{op: quizClose})
	g.onClick(p.next, quizAction{op: quizNext})
	if btn, ok := d.controlButton("quiz-open", "quiz-button", "Q", "Quiz (Q)", "Start a quiz"); ok {
		g.onClick(btn, quizAction{op: quizStart})
	}
	g.m.ClickFirst = g.quizClick
	g.installQuizAPI()
	search := js.Global().Get("location").Get("search").String()
	if _, ok, warnings := quiz.ParseQuery(search); ok {
		for _, w := range warnings {
			d.warn("quiz: " + w)
		}
		g.afterLayout = append(g.afterLayout, func() { g.quizEvent(quizAction{op: quizStart, query: search}) })
	}
}

// quizOp is what a quiz button or key asks for.
type quizOp int

const (
	quizStart  quizOp = iota + 1
	quizAgain         // the same set and seed again
	quizClose         // leave the quiz
	quizChoose        // choose option number choice
	quizCentre        // answer a click question at the centre mark
	quizNext          // the next question
)

// quizAction is one quiz command: an op and its argument.
type quizAction struct {
	op     quizOp
	choice int    // quizChoose: 0-based option
	query  string // quizStart: a URL query naming the set and seed
}

// onClick runs a quiz action when a button is clicked.
func (g *Game) onClick(el js.Value, a quizAction) {
	el.Call("addEventListener", "click", safeFunc(func(js.Value, []js.Value) any { g.quizEvent(a); return nil }))
}

// key runs in the page's key listener: it reports whether the quiz takes
// the key, and does what the key asks.
func (p *quizPlayer) key(g *Game, key string) bool {
	push := g.quizEvent
	open := !p.card.Get("hidden").Bool()
	if !open {
		if (key == "q" || key == "Q") && mapHasFocus() {
			push(quizAction{op: quizStart})
			return true
		}
		return false
	}
	ds := p.card.Get("dataset")
	answered, mode := ds.Get("answered").String() == "1", ds.Get("mode").String()
	switch key {
	case "Escape":
		push(quizAction{op: quizClose})
	case "1", "2", "3", "4":
		if mode != string(quiz.Choice) || answered {
			return false
		}
		n, _ := strconv.Atoi(key)
		push(quizAction{op: quizChoose, choice: int(n - 1)})
	case "n", "N", "ArrowRight", "Enter", " ":
		if !answered {
			if (key == "Enter" || key == " ") && mode == string(quiz.Click) && mapHasFocus() {
				push(quizAction{op: quizCentre})
				return true
			}
			return false
		}
		if (key == "Enter" || key == " ") && focusOnButton() {
			return false // the focused button's own click does it
		}
		push(quizAction{op: quizNext})
	case "q", "Q":
	default:
		return false
	}
	return true
}

func focusOnButton() bool {
	el := js.Global().Get("document").Get("activeElement")
	return !el.IsNull() && !el.IsUndefined() && el.Get("tagName").String() == "BUTTON"
}

// quizOpen reports whether a quiz (or its summary) is showing.
func (g *Game) quizOpen() bool { return g.quiz != nil && g.quiz.session != nil }

// quizEvent does a quiz action.
func (g *Game) quizEvent(e quizAction) {
	p := g.quiz
	switch e.op {
	case quizStart:
		params := quiz.NewParams(quiz.Mixed, nil, quiz.DefaultCount)
		if parsed, ok, _ := quiz.ParseQuery(e.query); ok {
			params = parsed
		}
		g.startQuiz(params)
	case quizAgain:
		if p.session != nil {
			g.startQuiz(p.session.Params)
		}
	case quizClose:
		g.closeQuiz()
	case quizChoose:
		if p.session != nil {
			if r, err := p.session.Choose(e.choice); err == nil {
				g.showResult(r, e.choice)
			}
		}
	case quizCentre:
		w, h, _ := g.cam.Viewport()
		g.quizClick(w/2, h/2)
	case quizNext:
		if p.session != nil && p.session.Next() {
			g.showQuestion()
		}
	}
}

// startQuiz makes the questions and shows the first.
func (g *Game) startQuiz(params quiz.Params) {
	p := g.quiz
	qs, err := quiz.Generate(g.scene.layers, g.scene.facts, params)
	if err != nil {
		g.ui.warn(err.Error())
		return
	}
	if g.story.current != nil {
		g.closeStory()
	}
	if p.session == nil {
		p.saved = map[string]bool{}
		for k, v := range g.scene.visible {
			p.saved[k] = v
		}
	}
	p.session = quiz.NewSession(params, qs)
	g.m.SetMode(app.ModeQuiz)
	g.ui.hideTooltip()
	g.ui.closePanel()
	p.card.Set("hidden", false)
	setQuizQuery(params.Query())
	g.showQuestion()
	g.ui.emit("quiz", g.quizState())
}

// showQuizLayers shows the base map and the one layer a question needs:
// labels would give answers away, and other layers only distract.
func (g *Game) showQuizLayers(layer string) {
	changed := false
	for _, l := range (sceneView{g}).LayerIDs() {
		on := l == layer || l == "countries" || l == "boundaries" || l == "water"
		if g.scene.visible[l] != on {
			g.scene.visible[l], changed = on, true
		}
	}
	if changed {
		g.m.Restyle()
		g.ui.syncLayers(g)
	}
}

// closeQuiz leaves the quiz and gives back the layers the reader had.
func (g *Game) closeQuiz() {
	p := g.quiz
	if p.session == nil {
		return
	}
	p.session = nil
	g.m.SetMode(app.ModeBrowse)
	p.card.Set("hidden", true)
	p.cross.Set("hidden", true)
	for k, v := range p.saved {
		g.scene.visible[k] = v
	}
	g.m.Restyle()
	g.ui.syncLayers(g)
	g.m.SelectQuiet("")
	setQuizQuery("")
	g.ui.live.Set("textContent", "Quiz closed")
	g.ui.canvas.Call("focus")
	g.ui.emit("quiz", nil)
}

// showQuestion fills the card with the current question, or the summary.
func (g *Game) showQuestion() {
	p, s := g.quiz, g.quiz.session
	q, ok := s.Current()
	if !ok {
		g.showSummary()
		return
	}
	d := g.ui
	p.counter.Set("textContent", fmt.Sprintf("Question %d of %d", s.Index()+1, len(s.Questions)))
	p.score.Set("textContent", fmt.Sprintf("Score %d", s.Score()))
	p.prompt.Set("textContent", q.Prompt)
	p.feedback.Set("textContent", "")
	p.feedback.Set("className", "quiz-feedback")
	p.summary.Set("textContent", "")
	p.options.Set("textContent", "")
	p.next.Set("hidden", true)
	p.next.Set("textContent", "Next ›")
	p.card.Get("dataset").Set("answered", "0")
	p.card.Get("dataset").Set("mode", string(q.Mode))
	if q.Mode == quiz.Choice {
		p.hint.Set("textContent", "Choose an answer (keys 1–4).")
		for i, o := range q.Options {
			b := d.el("button", "quiz-option", "")
			b.Set("type", "button")
			b.Call("append", d.el("span", "quiz-key", strconv.Itoa(i+1)), d.doc.Call("createTextNode", o))
			g.onClick(b, quizAction{op: quizChoose, choice: int(i)})
			p.options.Call("append", b)
		}
	} else {
		p.hint.Set("textContent", "Click the map. Keyboard: move the map with the arrow keys and + −, then press Enter to answer at the centre mark.")
	}
	p.cross.Set("hidden", q.Mode != quiz.Click)
	g.showQuizLayers(q.Layer)
	if q.Outline {
		g.revealAnswer(q)
	} else {
		g.m.SelectQuiet("")
	}
	g.m.Restyle()
	d.live.Set("textContent", fmt.Sprintf("Question %d of %d: %s", s.Index()+1, len(s.Questions), q.Prompt))
	if q.Mode == quiz.Choice {
		p.options.Get("firstChild").Call("focus")
	} else {
		d.canvas.Call("focus")
	}
	g.ui.emit("quiz", g.quizState())
}

// quizClick answers a click question with a click at (x, y) CSS pixels. It
// reports whether the quiz took the click: while the card is open a click
// never opens the panel.
func (g *Game) quizClick(x, y float64) bool {
	if !g.quizOpen() {
		return false
	}
	s := g.quiz.session
	if q, ok := s.Current(); !ok || s.Answered() || q.Mode != quiz.Click {
		return true
	}
	lonLat := g.cam.Unproject(x, y)
	given := ""
	if f, ok := g.m.FeatureAt(x, y); ok {
		given = f.Name
	}
	r, err := s.Click(lonLat, given, func(p orb.Point) float64 {
		px, py := g.cam.Project(p)
		return math.Hypot(px-x, py-y)
	})
	if err == nil {
		g.showResult(r, -1)
	}
	return true
}

// showResult gives the feedback for an answer: right or wrong in words, the
// right option marked and the right place outlined on the map.
func (g *Game) showResult(r quiz.Result, chosen int) {
	p, s := g.quiz, g.quiz.session
	q := r.Question
	text := "Right! " + q.AnswerName + "."
	if !r.Right {
		text = "Not quite. The answer is " + q.AnswerName + "."
		if r.Given != "" {
			text += map[bool]string{true: " You clicked ", false: " You chose "}[q.Mode == quiz.Click] + r.Given + "."
		}
	}
	if q.Mode == quiz.Click {
		text += " It is outlined on the map."
	}
	p.feedback.Set("textContent", text)
	p.feedback.Set("className", "quiz-feedback "+map[bool]string{true: "quiz-right", false: "quiz-wrong"}[r.Right])
	p.score.Set("textContent", fmt.Sprintf("Score %d", s.Score()))
	buttons := p.options.Get("children")
	for i := 0; i < buttons.Length(); i++ {
		b := buttons.Index(i)
		b.Set("disabled", true)
		switch {
		case i == q.Correct:
			b.Get("classList").Call("add", "quiz-right")
			b.Call("setAttribute", "aria-label", q.Options[i]+" (right answer)")
		case i == chosen:
			b.Get("classList").Call("add", "quiz-wrong")
			b.Call("setAttribute", "aria-label", q.Options[i]+" (your answer)")
		}
	}
	p.card.Get("dataset").Set("answered", "1")
	p.cross.Set("hidden", true)
	if s.Index() == len(s.Questions)-1 {
		p.next.Set("textContent", "See results ›")
	}
	p.next.Set("hidden", false)
	p.next.Call("focus")
	g.revealAnswer(q)
	g.ui.emit("quiz", g.quizState())
}

// revealAnswer outlines the answer and flies to it when it is off screen.
func (g *Game) revealAnswer(q quiz.Question) {
	if g.scene.byID[q.Answer] == nil {
		return
	}
	g.m.SelectQuiet(q.Answer)
	x, y := g.cam.Project(q.Where)
	w, h, _ := g.cam.Viewport()
	cardTop := g.quiz.card.Call("getBoundingClientRect").Get("top").Float()
	if x < 20 || y < 20 || x > w-20 || y > math.Min(h, cardTop)-20 {
		g.m.FlyTo(q.Answer, h-cardTop)
	}
}

// showSummary ends the quiz with the score and what was wrong.
func (g *Game) showSummary() {
	p, s, d := g.quiz, g.quiz.session, g.ui
	total := len(s.Questions)
	p.counter.Set("textContent", "Quiz finished")
	p.score.Set("textContent", fmt.Sprintf("Score %d", s.Score()))
	p.prompt.Set("textContent", fmt.Sprintf("You scored %d of %d.", s.Score(), total))
	p.hint.Set("textContent", "")
	p.options.Set("textContent", "")
	p.feedback.Set("textContent", "")
	p.next.Set("hidden", true)
	p.cross.Set("hidden", true)
	p.card.Get("dataset").Set("answered", "")
	p.card.Get("dataset").Set("mode", "summary")
	if wrong := s.Wrong(); len(wrong) > 0 {
		p.summary.Call("append", d.el("p", "", "To look at again:"))
		list := d.el("ol", "quiz-missed", "")
		for _, r := range wrong {
			li := d.el("li", "", r.Question.Prompt+" Answer: ")
			li.Call("append", d.el("strong", "", r.Question.AnswerName))
			if r.Given != "" {
				li.Call("append", d.doc.Call("createTextNode", " (you: "+r.Given+")"))
			}
			list.Call("append", li)
		}
		p.summary.Call("append", list)
	} else {
		p.summary.Call("append", d.el("p", "", "Every answer right."))
	}
	again := d.el("button", "quiz-again", "Try again")
	done := d.el("button", "quiz-done", "Close")
	row := d.el("div", "quiz-nav", "")
	for _, b := range []js.Value{again, done} {
		b.Set("type", "button")
		row.Call("append", b)
	}
	g.onClick(again, quizAction{op: quizAgain})
	g.onClick(done, quizAction{op: quizClose})
	p.summary.Call("append", row)
	g.m.SelectQuiet("")
	d.live.Set("textContent", fmt.Sprintf("Quiz finished: %d of %d right.", s.Score(), total))
	again.Call("focus")
	g.m.Restyle()
}

// quizState is what heartland.quiz() and the quiz event report; nil when
// no quiz is open. The right answer shows only once it is given.
func (g *Game) quizState() any {
	if !g.quizOpen() {
		return nil
	}
	s := g.quiz.session
	out := map[string]any{"set": s.Params.Set, "seed": float64(s.Params.Seed), "index": s.Index(), "total": len(s.Questions),
		"score": s.Score(), "answered": len(s.Results), "done": s.Done()}
	if q, ok := s.Current(); ok {
		opts := make([]any, len(q.Options))
		for i, o := range q.Options {
			opts[i] = o
		}
		out["question"] = map[string]any{"prompt": q.Prompt, "mode": string(q.Mode), "options": opts}
	}
	if n := len(s.Results); n > 0 {
		r := s.Results[n-1]
		out["last"] = map[string]any{"right": r.Right, "answer": r.Question.Answer, "answerName": r.Question.AnswerName, "given": r.Given}
	}
	return out
}

// installQuizAPI adds heartland.quiz() and heartland.startQuiz(set, seed).
func (g *Game) installQuizAPI() {
	api := js.Global().Get("heartland")
	api.Set("quiz", safeFunc(func(js.Value, []js.Value) any { return g.quizState() }))
	api.Set("startQuiz", safeFunc(func(_ js.Value, args []js.Value) any {
		q := "quiz="
		if set := arg(args, 0); set.Type() == js.TypeString {
			q += js.Global().Call("encodeURIComponent", set.String()).String()
		}
		if seed := arg(args, 1); seed.Type() == js.TypeNumber || seed.Type() == js.TypeString {
			q += "&seed=" + js.Global().Call("encodeURIComponent", js.Global().Call("String", seed)).String()
		}
		_, _, warnings := quiz.ParseQuery(q)
		for _, w := range warnings {
			g.ui.warn("startQuiz: " + w)
		}
		g.quizEvent(quizAction{op: quizStart, query: q})
		return len(warnings) == 0
	}))
}

// setQuizQuery puts the quiz's set and seed in the address (or takes them
// out), keeping the rest of the query and the hash, so Share keeps the quiz.
func setQuizQuery(query string) {
	loc := js.Global().Get("location")
	params := js.Global().Get("URLSearchParams").New(loc.Get("search"))
	for _, k := range []string{"quiz", "seed", "count"} {
		params.Call("delete", k)
	}
	for k, v := range mapFromQuery(query) {
		params.Call("set", k, v)
	}
	search := params.Call("toString").String()
	if search != "" {
		search = "?" + search
	}
	js.Global().Get("history").Call("replaceState", nil, "", loc.Get("pathname").String()+search+loc.Get("hash").String())
}

func mapFromQuery(query string) map[string]string {
	out := map[string]string{}
	if query == "" {
		return out
	}
	params := js.Global().Get("URLSearchParams").New(query)
	for _, k := range []string{"quiz", "seed", "count"} {
		if v := params.Call("get", k); !v.IsNull() {
			out[k] = v.String()
		}
	}
	return out
}
