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

func TestPresenterInURL(t *testing.T) {
	for search, want := range map[string]bool{"?presenter=1": true, "?quiz=x&presenter=1": true, "?presenter=0": false, "": false, "?presenter=1;x": false} {
		if got := PresenterInURL(search); got != want {
			t.Errorf("PresenterInURL(%q) = %v; want %v", search, got, want)
		}
	}
}

func TestQuizCardButtonsAndTheAddressDriveThePlayer(t *testing.T) {
	p, card, _, page, _ := testQuiz()
	if p.FromURL("?layer=x") != nil {
		t.Error("FromURL without quiz= gave a start")
	}
	start := p.FromURL("?quiz=capitals&seed=x")
	if start == nil || !page.has("warn quiz: seed=") || p.Open() {
		t.Fatalf("FromURL(?quiz=capitals&seed=x): start %v, page %q; want a warning and a start for later", start != nil, page.took())
	}
	start()
	if !p.Open() || !strings.HasPrefix(card.last(), "question Click Kazakhstan") {
		t.Fatalf("after the start: %q", card.last())
	}
	p.Press("quiz-option", 0) // not a choice question: nothing
	p.Press("quiz-next", 0)   // not answered: nothing
	if !strings.HasPrefix(card.last(), "question Click Kazakhstan") {
		t.Errorf("an option and Next before an answer: %q", card.last())
	}
	p.AnswerAtCentre()
	p.Press("quiz-next", 0)
	p.Press("quiz-option quiz-right", 1)
	if !strings.HasPrefix(card.last(), "result Right") {
		t.Errorf("Next, then option 2 of the choice question: %q; want it answered right", card.last())
	}
	p.Press("something-else", 0)
	p.Press("quiz-close", 0)
	if p.Open() || card.last() != "hide" {
		t.Errorf("× : open %v, card %q", p.Open(), card.last())
	}
	start()
	card.calls = nil
	p.Press("quiz-again", 0)
	if !strings.HasPrefix(card.last(), "question Click Kazakhstan") {
		t.Errorf("Try again: %q; want the first question anew", card.last())
	}
	p.Press("quiz-done", 0)
	if p.Open() {
		t.Error("Close on the summary left the quiz open")
	}
}

func TestParseConfigKeepsDefaultsForWhatIsMissingOrWrong(t *testing.T) {
	for text, want := range map[string]Config{
		"":   {Theme: "auto", Legend: true, Search: true},
		"[]": {Theme: "auto", Legend: true, Search: true},
		`{"theme": "dark", "legend": false, "search": false, "cooperative": true}`: {Theme: "dark"},
		`{"theme": 1, "legend": "no"}`:                                             {Theme: "auto", Legend: true, Search: true},
	} {
		if got := ParseConfig(text); got != want {
			t.Errorf("ParseConfig(%s) = %+v; want %+v", text, got, want)
		}
	}
}
