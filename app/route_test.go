package app

import (
	"strings"
	"testing"

	"heartland/story"
)

func TestRouteKeyGivesEachKeyToWhatHasTheFocus(t *testing.T) {
	canvas, button := KeyFocus{Tag: "CANVAS"}, KeyFocus{Tag: "BUTTON"}
	field, box := KeyFocus{Tag: "INPUT", InputType: "search"}, KeyFocus{Tag: "INPUT", InputType: "checkbox"}

	m, page, _, _ := testMap()
	quiz := NewQuizPlayer(m, &fakeQuizCard{}, threeQuestions)
	stories := NewStoryPlayer(m, &fakeStoryBar{}, []story.Story{steppe})
	route := func(key string, f KeyFocus) KeyUse { return RouteKey(m, stories, quiz, key, false, f) }

	if got := route("Tab", canvas); got != KeyLeaves {
		t.Errorf("Tab: %v; want it to leave the map", got)
	}
	if got := RouteKey(m, stories, quiz, "+", true, canvas); got != KeyPassed {
		t.Errorf("Ctrl and +: %v; want the browser's zoom", got)
	}
	zoom := m.Cam.Zoom()
	if got := route("+", field); got != KeyPassed || m.Cam.Zoom() != zoom {
		t.Errorf("+ in the search field: %v; want it typed", got)
	}
	if got := route("+", KeyFocus{}); got != KeyTaken {
		t.Errorf("+ with nothing focused: %v; want the map to zoom", got)
	}
	if got := route("x", canvas); got != KeyPassed {
		t.Errorf("x on the map: %v; want it passed", got)
	}
	m.Select("KAZ")
	page.took()
	if got := route("Escape", field); got != KeyPassed || m.Selected() != "KAZ" {
		t.Errorf("Escape in a text field: %v, selected %q; want the field's", got, m.Selected())
	}
	if got := route("Escape", box); got != KeyTaken || m.Selected() != "" {
		t.Errorf("Escape on a layer box: %v, selected %q; want the panel closed", got, m.Selected())
	}
	if got := route("ArrowLeft", button); got != KeyPassed {
		t.Errorf("← on a panel button: %v; want it passed", got)
	}

	if got := route("q", button); got != KeyPassed || quiz.Open() {
		t.Errorf("Q on a button: %v; want no quiz", got)
	}
	if got := route("q", canvas); got != KeyTaken || !quiz.Open() {
		t.Errorf("Q on the map: %v; want the quiz started", got)
	}
	if got := route("1", field); got != KeyPassed {
		t.Errorf("1 typed in a field during the quiz: %v; want it typed", got)
	}
	quiz.Close()

	stories.Open(steppe.ID, 1)
	if got := route("ArrowRight", KeyFocus{Tag: "BUTTON", InStory: true}); got != KeyTakenHere {
		t.Errorf("→ in the story bar: %v; want the story's, stopped there", got)
	}
	if _, step := m.Story(); step != 2 {
		t.Errorf("after → the story is at step %d; want 2", step)
	}
	if got := RouteKey(m, nil, nil, "0", false, canvas); got != KeyTaken {
		t.Errorf("0 with no story or quiz player: %v; want the map's", got)
	}
}

func TestQuizSearchReplacesOnlyTheQuizParameters(t *testing.T) {
	for _, c := range []struct{ search, query, want string }{
		{"", "quiz=countries&seed=5", "?quiz=countries&seed=5"},
		{"?layer=https%3A%2F%2Fa.test%2Fx.json&quiz=mixed&theme=dark", "quiz=capitals&count=6", "?layer=https%3A%2F%2Fa.test%2Fx.json&theme=dark&quiz=capitals&count=6"},
		{"?quiz=countries&seed=5&count=6", "", ""},
		{"?a=b c+d&e=%zz&f=~*&=x&", "", "?a=b+c+d&e=%25zz&f=%7E*&=x"},
		{"?q=%E2%82%AC", "quiz=", "?q=%E2%82%AC&quiz="},
	} {
		if got := QuizSearch(c.search, c.query); got != c.want {
			t.Errorf("QuizSearch(%q, %q) = %q; want %q", c.search, c.query, got, c.want)
		}
	}
}

func TestStartAPIWarnsOfABadSetAndStartsTheMixedQuiz(t *testing.T) {
	p, card, _, page, _ := testQuiz()
	if !p.StartAPI("countries", "5") || card.query != "quiz=countries&seed=5" {
		t.Errorf("StartAPI(countries, 5): query %q", card.query)
	}
	if p.StartAPI("<img>", "") || !strings.Contains(page.took(), "warn startQuiz: quiz=\"<img>\" is not a question set") || card.query != "quiz=mixed" {
		t.Errorf("StartAPI(<img>): query %q, page %q", card.query, page.took())
	}
}
