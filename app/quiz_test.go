package app

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"heartland/app/views"
	"heartland/internal/quiz"
	"heartland/story"
)

// fakeQuizCard records what the player shows, one line per call.
type fakeQuizCard struct {
	calls []string
	query string
	lift  float64
}

func (v *fakeQuizCard) log(s string) { v.calls = append(v.calls, s) }

// Show logs what the card shows: a question, a result or the summary.
func (v *fakeQuizCard) Show(c views.QuizCard) {
	score := strings.TrimPrefix(c.Score, "Score ")
	switch {
	case c.Counter == "Quiz finished":
		var scored, total int
		fmt.Sscanf(c.Prompt, "You scored %d of %d.", &scored, &total)
		v.log(fmt.Sprintf("summary %d of %d wrong %d", scored, total, strings.Count(views.El("div", "", "", c.Summary...).TextContent(), " Answer: ")))
	case c.Feedback != "":
		v.log(fmt.Sprintf("result %s score %s%s", c.Feedback, score, map[bool]string{true: " last"}[c.Next == "See results ›"]))
	default:
		v.log(fmt.Sprintf("question %s %s score %s", c.Prompt, strings.TrimPrefix(c.Counter, "Question "), score))
	}
}
func (v *fakeQuizCard) Hide()                 { v.log("hide") }
func (v *fakeQuizCard) SetQuery(query string) { v.query = query }
func (v *fakeQuizCard) Lift() float64         { return v.lift }

// last returns the last thing the card showed.
func (v *fakeQuizCard) last() string {
	if len(v.calls) == 0 {
		return ""
	}
	return v.calls[len(v.calls)-1]
}

// threeQuestions: click Kazakhstan, choose Almaty's country (the right
// option is the second), click Almaty with the cities.
func threeQuestions(p quiz.Params) ([]quiz.Question, error) {
	kaz := orb.MultiPolygon{{{{50, 42}, {80, 42}, {80, 54}, {50, 54}, {50, 42}}}}
	return []quiz.Question{
		{Set: "countries", Mode: quiz.Click, Prompt: "Click Kazakhstan.", Answer: "KAZ", AnswerName: "Kazakhstan", Layer: "countries", Where: orb.Point{67, 48}, Area: kaz},
		{Set: "capitals", Mode: quiz.Choice, Prompt: "Almaty is in?", Answer: "almaty", AnswerName: "Kazakhstan", Layer: "cities",
			Options: []string{"Uzbekistan", "Kazakhstan", "Tajikistan", "Kyrgyzstan"}, Correct: 1, Where: orb.Point{76.9, 43.25}},
		{Set: "capitals", Mode: quiz.Click, Prompt: "Click Almaty.", Answer: "almaty", AnswerName: "Almaty", Layer: "cities", Where: orb.Point{76.9, 43.25}},
	}, nil
}

func testQuiz() (*QuizPlayer, *fakeQuizCard, *Map, *fakePage, *fakeScene) {
	m, page, scene, _ := testMap()
	scene.layers = append(scene.layers, "boundaries", "energy", "custom1")
	for _, l := range scene.layers {
		scene.visible[l] = true
	}
	card := &fakeQuizCard{lift: 250}
	return NewQuizPlayer(m, card, threeQuestions), card, m, page, scene
}

func visibleLayers(s *fakeScene) []string {
	var on []string
	for _, l := range s.layers {
		if s.visible[l] {
			on = append(on, l)
		}
	}
	return on
}

func TestQuizRightAndWrongAnswersScoreAndSummaryThenCloseGivesLayersBack(t *testing.T) {
	p, card, m, page, scene := testQuiz()
	before := visibleLayers(scene)
	p.StartQuery("?quiz=capitals&seed=7")
	if !p.Open() || m.Mode() != ModeQuiz || card.query != "quiz=capitals&seed=7" {
		t.Fatalf("StartQuery: open %v, mode %v, query %q", p.Open(), m.Mode(), card.query)
	}
	if card.last() != "question Click Kazakhstan. 1 of 3 score 0" {
		t.Errorf("card shows %q; want the first question", card.last())
	}
	if got, want := visibleLayers(scene), []string{"countries", "boundaries"}; !reflect.DeepEqual(got, want) {
		t.Errorf("layers for a countries question = %v; want %v", got, want)
	}

	// Right: a click in Kazakhstan.
	x, y := screen(m, 67, 48)
	m.Click(x, y)
	if card.last() != "result Right! Kazakhstan. It is outlined on the map. score 1" || m.Selected() != "KAZ" || page.has("open") {
		t.Errorf("after a right click: card %q, selected %q, page %q", card.last(), m.Selected(), page.took())
	}
	p.Next()
	if got, want := visibleLayers(scene), []string{"countries", "cities", "boundaries"}; !reflect.DeepEqual(got, want) {
		t.Errorf("layers for a cities question = %v; want %v", got, want)
	}

	// Wrong: the first option.
	p.Choose(0)
	p.Choose(1) // a second answer changes nothing
	if card.last() != "result Not quite. The answer is Kazakhstan. You chose Uzbekistan. score 1" {
		t.Errorf("after a wrong choice: card %q", card.last())
	}
	p.Next()

	// Wrong: a click in Uzbekistan, far from Almaty; the last question.
	x, y = screen(m, 64, 40)
	m.Click(x, y)
	if card.last() != "result Not quite. The answer is Almaty. You clicked Uzbekistan. It is outlined on the map. score 1 last" {
		t.Errorf("after a wrong click: card %q", card.last())
	}
	s := p.State().(map[string]any)
	if s["score"] != 1 || s["answered"] != 3 || s["done"] != false || s["set"] != "capitals" || s["seed"] != 7.0 {
		t.Errorf("State() = %v", s)
	}
	p.Next()
	if card.last() != "summary 1 of 3 wrong 2" || m.Selected() != "" {
		t.Errorf("after the last: card %q, selected %q; want the summary and no outline", card.last(), m.Selected())
	}
	if s := p.State().(map[string]any); s["done"] != true || s["question"] != nil {
		t.Errorf("State() at the summary = %v; want done, no question", s)
	}

	p.Again()
	if card.last() != "question Click Kazakhstan. 1 of 3 score 0" {
		t.Errorf("Again: card %q; want the first question anew", card.last())
	}
	p.Close()
	if got := visibleLayers(scene); !reflect.DeepEqual(got, before) {
		t.Errorf("layers after the quiz = %v; want the reader's %v", got, before)
	}
	if p.Open() || m.Mode() != ModeBrowse || card.query != "" || card.last() != "hide" || page.payloads["quiz"] != nil || p.State() != nil {
		t.Errorf("after Close: open %v, mode %v, query %q, card %q, quiz event %v", p.Open(), m.Mode(), card.query, card.last(), page.payloads["quiz"])
	}
	m.Click(x, y)
	if m.Selected() != "UZB" {
		t.Errorf("a click after the quiz selected %q; want UZB", m.Selected())
	}
}

func TestQuizStateHidesTheAnswerUntilGiven(t *testing.T) {
	p, _, m, page, _ := testQuiz()
	p.StartQuery("")
	s := page.payloads["quiz"].(map[string]any)
	if s["set"] != quiz.Mixed || s["last"] != nil || s["index"] != 0 || s["total"] != 3 {
		t.Errorf("quiz event at the start = %v; want the mixed set, question 1 of 3, no answer", s)
	}
	q := s["question"].(map[string]any)
	if q["prompt"] != "Click Kazakhstan." || q["mode"] != "click" {
		t.Errorf("question = %v", q)
	}
	x, y := screen(m, 67, 48)
	m.Click(x, y)
	last := page.payloads["quiz"].(map[string]any)["last"]
	if want := map[string]any{"right": true, "answer": "KAZ", "answerName": "Kazakhstan", "given": "Kazakhstan"}; !reflect.DeepEqual(last, want) {
		t.Errorf("last = %v; want %v", last, want)
	}
}

func TestClickDuringAQuizNeverSelects(t *testing.T) {
	p, _, m, page, _ := testQuiz()
	p.StartQuery("")
	x, y := screen(m, 67, 48)
	m.Click(x, y) // answers
	m.Click(x, y) // answered: ignored
	p.Next()      // a choice question: clicks are ignored
	page.took()
	m.Click(x, y)
	if page.has("open") || page.has("emit select") || m.Selected() != "" {
		t.Errorf("a click on a choice question: selected %q, page %q", m.Selected(), page.took())
	}
	m.SetHover("KAZ", x, y)
	if page.has("tooltip") {
		t.Errorf("a name showed in a tooltip during the quiz")
	}
}

func TestQuizKeys(t *testing.T) {
	type step struct {
		key   string
		focus Focus
		taken bool
		then  string // what the card shows after, "" for unchanged
	}
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"Q starts from the map only", []step{
			{"q", FocusOther, false, ""},
			{"Q", FocusMap, true, "question Click Kazakhstan. 1 of 3 score 0"},
			{"q", FocusMap, true, ""}, // taken, starts nothing
		}},
		{"keys 1–4 only on a choice question", []step{
			{"q", FocusMap, true, "question Click Kazakhstan. 1 of 3 score 0"},
			{"1", FocusMap, false, ""},
			{"n", FocusMap, false, ""}, // not answered yet
			{"Enter", FocusButton, false, ""},
			{"Enter", FocusMap, true, "result Right! Kazakhstan. It is outlined on the map. score 1"}, // at the centre mark
			{" ", FocusButton, false, ""}, // Next has focus: its click goes on
			{"ArrowRight", FocusButton, true, "question Almaty is in? 2 of 3 score 1"},
			{"5", FocusButton, false, ""},
			{"2", FocusButton, true, "result Right! Kazakhstan. score 2"},
			{"3", FocusButton, false, ""}, // answered
			{"N", FocusOther, true, "question Click Almaty. 3 of 3 score 2"},
		}},
		{"Escape closes", []step{
			{"q", FocusMap, true, "question Click Kazakhstan. 1 of 3 score 0"},
			{"Escape", FocusOther, true, "hide"},
			{"Escape", FocusOther, false, ""},
		}},
	} {
		p, card, m, _, _ := testQuiz()
		m.Cam.SetView(orb.Point{67, 48}, m.Cam.Zoom()) // Kazakhstan under the centre mark
		for _, s := range tc.steps {
			before := card.last()
			taken := p.Key(s.key, s.focus)
			then := card.last()
			if then == before {
				then = ""
			}
			if taken != s.taken || then != s.then {
				t.Errorf("%s: Key(%q, %v) = %v, card %q; want %v, %q", tc.name, s.key, s.focus, taken, then, s.taken, s.then)
			}
		}
	}
}

func TestOneGuidedModeAtATime(t *testing.T) {
	qp, card, m, _, scene := testQuiz()
	bar := &fakeStoryBar{}
	sp := NewStoryPlayer(m, bar, []story.Story{steppe})
	before := visibleLayers(scene)
	qp.StartQuery("")
	sp.Open("steppe", 1)
	if qp.Open() || card.last() != "hide" || m.Mode() != ModeStory {
		t.Errorf("opening a story: quiz open %v, card %q, mode %v; want the quiz closed", qp.Open(), card.last(), m.Mode())
	}
	if got := visibleLayers(scene); reflect.DeepEqual(got, before) {
		t.Errorf("the story's first step did not set its layers: %v", got)
	}
	qp.StartQuery("")
	if _, _, open := sp.Current(); open || bar.open || m.Mode() != ModeQuiz {
		t.Errorf("starting a quiz: story open %v, bar %v, mode %v; want the story closed", open, bar.open, m.Mode())
	}
	sp.Close() // not the open guide: the quiz stays
	if !qp.Open() || m.Mode() != ModeQuiz {
		t.Errorf("closing a closed story ended the quiz")
	}
}

func TestQuizThatCannotBeMadeIsReported(t *testing.T) {
	m, page, _, _ := testMap()
	p := NewQuizPlayer(m, &fakeQuizCard{}, func(quiz.Params) ([]quiz.Question, error) {
		return nil, errors.New("quiz: no questions")
	})
	p.StartQuery("quiz=energy")
	if p.Open() || !page.has("warn quiz: no questions") {
		t.Errorf("open %v, page %q; want a warning and no quiz", p.Open(), page.took())
	}
	p.Next()
	p.Choose(0)
	p.Again()
	p.Close()
	if p.Click(1, 1) {
		t.Errorf("a click with no quiz was taken")
	}
}

func TestAnswerOffScreenFliesAboveTheCard(t *testing.T) {
	p, card, m, page, _ := testQuiz()
	page.reduced = true
	card.lift = 300
	m.Cam.SetView(orb.Point{60, 40}, 7) // Almaty far to the east
	p.StartQuery("")
	p.Choose(0) // not a choice question: nothing
	x, y := screen(m, 67, 48)
	m.Click(x, y)
	p.Next()
	p.Choose(0)
	if x, y := screen(m, 76.9, 43.25); x < 20 || x > 1260 || y < 20 || y > 800-300-20 {
		t.Errorf("Almaty after the answer at %.0f, %.0f; want it on screen above the card", x, y)
	}
}
