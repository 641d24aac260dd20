//go:build js

package main

import (
	"strconv"
	"syscall/js"

	"heartland/app"
	"heartland/app/views"
	"heartland/geo"
	"heartland/internal/quiz"
)

// quizCard is the quiz at the foot of the map (app.QuizView): views.QuizCard
// decides what it shows; app.QuizPlayer runs the quiz. ?quiz=SET&seed=N
// starts one, so a class given the same link gets the same questions; Q or
// the Q button starts the mixed set.
type quizCard struct {
	d      *dom
	cam    *geo.Camera
	player *app.QuizPlayer
	card   js.Value
	cross  js.Value
}

var _ app.QuizView = (*quizCard)(nil)

func (g *Game) newQuizPlayer() {
	d := g.ui
	v := &quizCard{d: d, cam: g.cam}
	g.quiz = app.NewQuizPlayer(g.m, v, func(p quiz.Params) ([]quiz.Question, error) {
		return quiz.Generate(g.scene.Layers(), g.scene.Facts(), p)
	})
	v.player = g.quiz
	card, cross := views.QuizFrame()
	v.card, v.cross = d.render(card), d.render(cross)
	d.doc.Get("body").Call("append", v.card, v.cross)
	// One listener for every button of the card, so redrawing it leaks no callbacks.
	listen(v.card, "click", func(e js.Value) {
		if btn := e.Get("target").Call("closest", "button"); !btn.IsNull() {
			n, _ := strconv.Atoi(btn.Get("dataset").Get("option").String())
			v.player.Press(btn.Get("className").String(), n)
		}
	})
	if btn, ok := d.controlButton("quiz-open", "quiz-button", "Q", "Quiz (Q)", "Start a quiz"); ok {
		listen(btn, "click", func(js.Value) { g.quiz.StartQuery("") })
	}
	g.installQuizAPI()
	if start := g.quiz.FromURL(js.Global().Get("location").Get("search").String()); start != nil {
		g.afterLayout = append(g.afterLayout, start)
	}
}

// Show puts c on the card and moves the focus where it says.
func (v *quizCard) Show(c views.QuizCard) {
	d := v.d
	part := func(class string) js.Value { return v.card.Call("querySelector", "."+class) }
	for _, t := range [][2]string{{"quiz-counter", c.Counter}, {"quiz-score", c.Score}, {"quiz-prompt", c.Prompt},
		{"quiz-hint", c.Hint}, {"quiz-feedback", c.Feedback}} {
		part(t[0]).Set("textContent", t[1])
	}
	part("quiz-feedback").Set("className", c.FeedbackClass)
	for _, p := range []struct {
		class string
		nodes []views.Node
	}{{"quiz-options", c.Options}, {"quiz-summary", c.Summary}} {
		part(p.class).Set("textContent", "")
		d.appendAll(part(p.class), p.nodes)
	}
	next := part("quiz-next")
	next.Set("hidden", c.Next == "")
	if c.Next != "" {
		next.Set("textContent", c.Next)
	}
	v.card.Set("hidden", false)
	v.cross.Set("hidden", !c.Cross)
	if c.Live != "" {
		d.live.Set("textContent", c.Live)
	}
	if c.Focus != "" {
		part(c.Focus).Call("focus")
	} else {
		d.canvas.Call("focus")
	}
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

// SetQuery puts the quiz's set and seed in the address (app.QuizSearch),
// keeping the rest of the query and the hash, so Share keeps the quiz.
func (v *quizCard) SetQuery(query string) {
	loc := js.Global().Get("location")
	search := app.QuizSearch(loc.Get("search").String(), query)
	js.Global().Get("history").Call("replaceState", nil, "", loc.Get("pathname").String()+search+loc.Get("hash").String())
}

// installQuizAPI adds heartland.quiz() and heartland.startQuiz(set, seed).
func (g *Game) installQuizAPI() {
	api := js.Global().Get("heartland")
	api.Set("quiz", safeFunc(func(js.Value, []js.Value) any { return g.quiz.State() }))
	api.Set("startQuiz", safeFunc(func(_ js.Value, args []js.Value) any {
		set, seed := arg(args, 0), arg(args, 1)
		if set.Type() != js.TypeString {
			set = js.ValueOf("")
		}
		if seed.Type() != js.TypeNumber && seed.Type() != js.TypeString {
			seed = js.ValueOf("")
		}
		return g.quiz.StartAPI(set.String(), js.Global().Call("String", seed).String())
	}))
}
