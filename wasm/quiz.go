//go:build js

package main

import (
	"fmt"
	"strconv"
	"syscall/js"

	"heartland/app"
	"heartland/geo"
	"heartland/internal/quiz"
)

// quizCard is the quiz at the foot of the map (app.QuizView): counter,
// score, prompt, options, feedback and summary, and the centre mark a
// keyboard answer uses. app.QuizPlayer runs the quiz; the card only shows
// it. ?quiz=SET&seed=N starts one, so a class given the same link gets the
// same questions; Q or the Q button starts the mixed set.
type quizCard struct {
	d        *dom
	cam      *geo.Camera
	player   *app.QuizPlayer
	card     js.Value
	counter  js.Value
	score    js.Value
	prompt   js.Value
	hint     js.Value
	options  js.Value
	feedback js.Value
	next     js.Value
	summary  js.Value
	cross    js.Value
}

var _ app.QuizView = (*quizCard)(nil)

func (g *Game) newQuizPlayer() {
	d := g.ui
	v := &quizCard{d: d, cam: g.cam}
	g.quiz = app.NewQuizPlayer(g.m, v, func(p quiz.Params) ([]quiz.Question, error) {
		return quiz.Generate(g.scene.Layers(), g.scene.Facts(), p)
	})
	v.player = g.quiz
	v.build()
	if btn, ok := d.controlButton("quiz-open", "quiz-button", "Q", "Quiz (Q)", "Start a quiz"); ok {
		onClick(btn, func() { g.quiz.StartQuery("") })
	}
	g.installQuizAPI()
	search := js.Global().Get("location").Get("search").String()
	if _, ok, warnings := quiz.ParseQuery(search); ok {
		for _, w := range warnings {
			d.warn("quiz: " + w)
		}
		g.afterLayout = append(g.afterLayout, func() { g.quiz.StartQuery(search) })
	}
}

func (v *quizCard) build() {
	d := v.d
	v.card = d.el("section", "quiz-card", "")
	v.card.Set("id", "quiz")
	v.card.Set("hidden", true)
	v.card.Set("tabIndex", -1)
	v.card.Call("setAttribute", "aria-labelledby", "quiz-prompt")
	head := d.el("div", "quiz-head", "")
	v.counter = d.el("span", "quiz-counter", "")
	v.score = d.el("span", "quiz-score", "")
	closeBtn := d.button("quiz-close", "×")
	closeBtn.Call("setAttribute", "aria-label", "Leave the quiz (Esc)")
	head.Call("append", v.counter, v.score, closeBtn)
	v.prompt = d.el("h2", "quiz-prompt", "")
	v.prompt.Set("id", "quiz-prompt")
	v.hint = d.el("p", "quiz-hint", "")
	v.options = d.el("div", "quiz-options", "")
	v.options.Call("setAttribute", "role", "group")
	v.options.Call("setAttribute", "aria-label", "Answers")
	v.feedback = d.el("p", "quiz-feedback", "")
	v.feedback.Call("setAttribute", "role", "status")
	v.feedback.Call("setAttribute", "aria-live", "polite")
	v.summary = d.el("div", "quiz-summary", "")
	v.next = d.button("quiz-next", "Next ›")
	nav := d.el("div", "quiz-nav", "")
	nav.Call("append", v.next)
	v.card.Call("append", head, v.prompt, v.hint, v.options, v.feedback, v.summary, nav)
	v.cross = d.el("div", "quiz-crosshair", "")
	v.cross.Call("setAttribute", "aria-hidden", "true")
	v.cross.Set("hidden", true)
	d.doc.Get("body").Call("append", v.card, v.cross)
	onClick(closeBtn, func() { v.player.Close() })
	onClick(v.next, func() { v.player.Next() })
}

// button makes a <button type=button>.
func (d *dom) button(class, text string) js.Value {
	b := d.el("button", class, text)
	b.Set("type", "button")
	return b
}

// onClick runs fn when el is clicked.
func onClick(el js.Value, fn func()) {
	el.Call("addEventListener", "click", safeFunc(func(js.Value, []js.Value) any { fn(); return nil }))
}

// ShowQuestion fills the card with a question and focuses where it is
// answered: the first option, or the map.
func (v *quizCard) ShowQuestion(q quiz.Question, n, total, score int) {
	d := v.d
	v.card.Set("hidden", false)
	v.counter.Set("textContent", fmt.Sprintf("Question %d of %d", n, total))
	v.score.Set("textContent", fmt.Sprintf("Score %d", score))
	v.prompt.Set("textContent", q.Prompt)
	v.feedback.Set("textContent", "")
	v.feedback.Set("className", "quiz-feedback")
	v.summary.Set("textContent", "")
	v.options.Set("textContent", "")
	v.next.Set("hidden", true)
	v.next.Set("textContent", "Next ›")
	if q.Mode == quiz.Choice {
		v.hint.Set("textContent", "Choose an answer (keys 1–4).")
		for i, o := range q.Options {
			b := d.button("quiz-option", "")
			b.Call("append", d.el("span", "quiz-key", strconv.Itoa(i+1)), d.doc.Call("createTextNode", o))
			onClick(b, func() { v.player.Choose(i) })
			v.options.Call("append", b)
		}
	} else {
		v.hint.Set("textContent", "Click the map. Keyboard: move the map with the arrow keys and + −, then press Enter to answer at the centre mark.")
	}
	v.cross.Set("hidden", q.Mode != quiz.Click)
	d.live.Set("textContent", fmt.Sprintf("Question %d of %d: %s", n, total, q.Prompt))
	if q.Mode == quiz.Choice {
		v.options.Get("firstChild").Call("focus")
	} else {
		d.canvas.Call("focus")
	}
}

// ShowResult shows the feedback, marks the right option and the one
// chosen, and offers the next question.
func (v *quizCard) ShowResult(r quiz.Result, chosen int, feedback string, score int, last bool) {
	q := r.Question
	v.feedback.Set("textContent", feedback)
	v.feedback.Set("className", "quiz-feedback "+map[bool]string{true: "quiz-right", false: "quiz-wrong"}[r.Right])
	v.score.Set("textContent", fmt.Sprintf("Score %d", score))
	buttons := v.options.Get("children")
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
	v.cross.Set("hidden", true)
	if last {
		v.next.Set("textContent", "See results ›")
	}
	v.next.Set("hidden", false)
	v.next.Call("focus")
}

// ShowSummary shows the score, the questions answered wrongly and the
// buttons to try again or close.
func (v *quizCard) ShowSummary(score, total int, wrong []quiz.Result) {
	d := v.d
	v.counter.Set("textContent", "Quiz finished")
	v.score.Set("textContent", fmt.Sprintf("Score %d", score))
	v.prompt.Set("textContent", fmt.Sprintf("You scored %d of %d.", score, total))
	v.hint.Set("textContent", "")
	v.options.Set("textContent", "")
	v.feedback.Set("textContent", "")
	v.next.Set("hidden", true)
	v.cross.Set("hidden", true)
	if len(wrong) > 0 {
		v.summary.Call("append", d.el("p", "", "To look at again:"))
		list := d.el("ol", "quiz-missed", "")
		for _, r := range wrong {
			li := d.el("li", "", r.Question.Prompt+" Answer: ")
			li.Call("append", d.el("strong", "", r.Question.AnswerName))
			if r.Given != "" {
				li.Call("append", d.doc.Call("createTextNode", " (you: "+r.Given+")"))
			}
			list.Call("append", li)
		}
		v.summary.Call("append", list)
	} else {
		v.summary.Call("append", d.el("p", "", "Every answer right."))
	}
	again, done := d.button("quiz-again", "Try again"), d.button("quiz-done", "Close")
	row := d.el("div", "quiz-nav", "")
	row.Call("append", again, done)
	onClick(again, func() { v.player.Again() })
	onClick(done, func() { v.player.Close() })
	v.summary.Call("append", row)
	d.live.Set("textContent", fmt.Sprintf("Quiz finished: %d of %d right.", score, total))
	again.Call("focus")
}

func (v *quizCard) Hide() {
	v.card.Set("hidden", true)
	v.cross.Set("hidden", true)
	v.d.live.Set("textContent", "Quiz closed")
	v.d.canvas.Call("focus")
}

// Lift is the height of the map the card covers.
func (v *quizCard) Lift() float64 {
	_, h, _ := v.cam.Viewport()
	return h - v.card.Call("getBoundingClientRect").Get("top").Float()
}

// SetQuery puts the quiz's set and seed in the address (or takes them
// out), keeping the rest of the query and the hash, so Share keeps the quiz.
func (v *quizCard) SetQuery(query string) {
	loc := js.Global().Get("location")
	params := js.Global().Get("URLSearchParams").New(loc.Get("search"))
	keys := []string{"quiz", "seed", "count"}
	for _, k := range keys {
		params.Call("delete", k)
	}
	if query != "" {
		given := js.Global().Get("URLSearchParams").New(query)
		for _, k := range keys {
			if val := given.Call("get", k); !val.IsNull() {
				params.Call("set", k, val)
			}
		}
	}
	search := params.Call("toString").String()
	if search != "" {
		search = "?" + search
	}
	js.Global().Get("history").Call("replaceState", nil, "", loc.Get("pathname").String()+search+loc.Get("hash").String())
}

// quizFocus says where the focus is, for the quiz's keys.
func quizFocus() app.Focus {
	switch {
	case mapHasFocus():
		return app.FocusMap
	case focusOnButton():
		return app.FocusButton
	}
	return app.FocusOther
}

func focusOnButton() bool {
	el := js.Global().Get("document").Get("activeElement")
	return !el.IsNull() && !el.IsUndefined() && el.Get("tagName").String() == "BUTTON"
}

// installQuizAPI adds heartland.quiz() and heartland.startQuiz(set, seed).
func (g *Game) installQuizAPI() {
	api := js.Global().Get("heartland")
	api.Set("quiz", safeFunc(func(js.Value, []js.Value) any { return g.quiz.State() }))
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
		g.quiz.StartQuery(q)
		return len(warnings) == 0
	}))
}
