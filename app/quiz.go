package app

import (
	"math"
	"strconv"

	"github.com/paulmach/orb"

	"heartland/app/views"
	"heartland/internal/quiz"
	"heartland/mapstyle"
)

// QuizView is the quiz card at the foot of the map and the centre mark a
// keyboard answer uses, as the quiz player drives them.
type QuizView interface {
	// Show shows the card as views.QuizCard says: a question, its result
	// or the summary, with the centre mark for a click question, and moves
	// the focus where it says.
	Show(card views.QuizCard)
	// Hide hides the card and the centre mark and gives the map the focus.
	Hide()
	// SetQuery puts a quiz's URL query (quiz.Params.Query, "" for none) in
	// the address, so Share keeps the quiz.
	SetQuery(query string)
	// Lift is how many CSS pixels at the foot of the map the card covers.
	Lift() float64
}

// QuizPlayer runs a quiz on the map: questions from internal/quiz asked one
// at a time, answered by a click on the map, by choosing an option (keys
// 1–4) or at the centre mark (Enter). While it runs a click never selects,
// names are hidden (Map.SetHover) and only the layers a question needs are
// shown; closing gives the reader's layers back.
type QuizPlayer struct {
	m         *Map
	view      QuizView
	questions func(quiz.Params) ([]quiz.Question, error)
	session   *quiz.Session
	saved     map[string]bool // layer visibility before the quiz
	card      views.QuizCard  // what the card shows
}

// NewQuizPlayer returns a quiz player on m that makes its questions with
// questions (quiz.Generate over the map's data). It takes m's clicks while
// a quiz is open.
func NewQuizPlayer(m *Map, view QuizView, questions func(quiz.Params) ([]quiz.Question, error)) *QuizPlayer {
	p := &QuizPlayer{m: m, view: view, questions: questions}
	m.ClickFirst = p.Click
	return p
}

// Open reports whether a quiz (or its summary) is showing.
func (p *QuizPlayer) Open() bool { return p.session != nil }

// StartQuery starts the quiz a URL query names (?quiz=SET&seed=N), or the
// mixed quiz when it names none.
func (p *QuizPlayer) StartQuery(query string) {
	params := quiz.NewParams(quiz.Mixed, nil, quiz.DefaultCount)
	if parsed, ok, _ := quiz.ParseQuery(query); ok {
		params = parsed
	}
	p.Start(params)
}

// Start makes the questions and asks the first; it closes a story.
func (p *QuizPlayer) Start(params quiz.Params) {
	qs, err := p.questions(params)
	if err != nil {
		p.m.page.Warn(err.Error())
		return
	}
	p.m.openGuide(ModeQuiz, p)
	if p.session == nil {
		p.saved = map[string]bool{}
		for _, l := range p.m.scene.LayerIDs() {
			p.saved[l] = p.m.scene.Visible(l)
		}
	}
	p.session = quiz.NewSession(params, qs)
	p.m.page.HideTooltip()
	p.m.page.ClosePanel()
	p.view.SetQuery(params.Query())
	p.showQuestion()
}

// Again starts the same quiz, set and seed, anew.
func (p *QuizPlayer) Again() {
	if p.session != nil {
		p.Start(p.session.Params)
	}
}

// Close leaves the quiz and gives back the layers the reader had.
func (p *QuizPlayer) Close() {
	if p.session == nil {
		return
	}
	p.session = nil
	p.m.closeGuide(p)
	for l, on := range p.saved {
		p.m.scene.SetVisible(l, on)
	}
	p.m.Restyle()
	p.m.page.SyncLayers()
	p.m.SelectQuiet("")
	p.view.SetQuery("")
	p.view.Hide()
	p.m.page.Emit("quiz", nil)
}

// Choose answers a choice question with option i (0-based).
func (p *QuizPlayer) Choose(i int) {
	if p.session == nil {
		return
	}
	if r, err := p.session.Choose(i); err == nil {
		p.showResult(r, i)
	}
}

// Click answers a click question with a click at x, y (CSS pixels). It
// reports whether the quiz took the click: while a quiz is open a click
// never selects.
func (p *QuizPlayer) Click(x, y float64) bool {
	s := p.session
	if s == nil {
		return false
	}
	if q, ok := s.Current(); !ok || s.Answered() || q.Mode != quiz.Click {
		return true
	}
	given := ""
	if f, ok := p.m.FeatureAt(x, y); ok {
		given = f.Name
	}
	r, err := s.Click(p.m.Cam.Unproject(x, y), given, func(ll orb.Point) float64 {
		px, py := p.m.Cam.Project(ll)
		return math.Hypot(px-x, py-y)
	})
	if err == nil {
		p.showResult(r, -1)
	}
	return true
}

// AnswerAtCentre answers a click question at the centre mark, as Enter does.
func (p *QuizPlayer) AnswerAtCentre() {
	w, h, _ := p.m.Cam.Viewport()
	p.Click(w/2, h/2)
}

// Next asks the next question, or shows the summary after the last.
func (p *QuizPlayer) Next() {
	if p.session != nil && p.session.Next() {
		p.showQuestion()
	}
}

// Focus is where the keyboard focus is when a key comes.
type Focus int

const (
	FocusMap    Focus = iota // the canvas or the page itself
	FocusButton              // a button, which Enter and Space press
	FocusOther               // a link, a panel, a field
)

// Key takes the quiz's keys and reports whether it did. Q starts the mixed
// quiz from the map. While a quiz is open: Escape closes it, 1–4 choose
// before a choice question is answered, Enter or Space answer a click
// question at the centre mark from the map, and N, →, Enter or Space go on
// once a question is answered (Enter and Space on a button press it
// instead).
func (p *QuizPlayer) Key(key string, focus Focus) bool {
	s := p.session
	if s == nil {
		if (key == "q" || key == "Q") && focus == FocusMap {
			p.StartQuery("")
			return true
		}
		return false
	}
	q, asking := s.Current()
	answered := s.Answered()
	press := key == "Enter" || key == " "
	switch key {
	case "Escape":
		p.Close()
	case "1", "2", "3", "4":
		if !asking || q.Mode != quiz.Choice || answered {
			return false
		}
		n, _ := strconv.Atoi(key)
		p.Choose(n - 1)
	case "n", "N", "ArrowRight", "Enter", " ":
		switch {
		case !answered && press && asking && q.Mode == quiz.Click && focus == FocusMap:
			p.AnswerAtCentre()
		case !answered:
			return false
		case press && focus == FocusButton:
			return false // the button's own click does it
		default:
			p.Next()
		}
	case "q", "Q": // taken, so it does not start another quiz
	default:
		return false
	}
	return true
}

// showQuestion asks the current question, or shows the summary.
func (p *QuizPlayer) showQuestion() {
	s := p.session
	q, ok := s.Current()
	if !ok {
		p.showSummary()
		return
	}
	p.card.ShowQuestion(q, s.Index()+1, len(s.Questions), s.Score())
	p.view.Show(p.card)
	p.showLayers(q.Layer)
	if q.Outline {
		p.reveal(q)
	} else {
		p.m.SelectQuiet("")
	}
	p.m.Restyle()
	p.m.page.Emit("quiz", p.State())
}

// showLayers shows the base map and the one layer a question needs:
// labels would give answers away, and other layers only distract.
func (p *QuizPlayer) showLayers(layer string) {
	changed := false
	for _, l := range p.m.scene.LayerIDs() {
		on := l == layer || l == mapstyle.LayerCountries || l == mapstyle.LayerBoundaries || l == mapstyle.LayerWater
		if p.m.scene.Visible(l) != on {
			p.m.scene.SetVisible(l, on)
			changed = true
		}
	}
	if changed {
		p.m.Restyle()
		p.m.page.SyncLayers()
	}
}

// showResult gives the feedback for an answer and outlines the right place.
func (p *QuizPlayer) showResult(r quiz.Result, chosen int) {
	s := p.session
	p.card.ShowResult(r, chosen, Feedback(r), s.Score(), s.Index() == len(s.Questions)-1)
	p.view.Show(p.card)
	p.reveal(r.Question)
	p.m.page.Emit("quiz", p.State())
}

// Feedback says in words whether an answer was right, and what was.
func Feedback(r quiz.Result) string {
	q := r.Question
	text := "Right! " + q.AnswerName + "."
	if !r.Right {
		text = "Not quite. The answer is " + q.AnswerName + "."
		if r.Given != "" && q.Mode == quiz.Click {
			text += " You clicked " + r.Given + "."
		} else if r.Given != "" {
			text += " You chose " + r.Given + "."
		}
	}
	if q.Mode == quiz.Click {
		text += " It is outlined on the map."
	}
	return text
}

// revealMargin is how far inside the map's visible edges, CSS pixels, an
// answer must be to count as on screen.
const revealMargin = 20

// reveal outlines the answer and flies to it when it is off screen or
// under the card.
func (p *QuizPlayer) reveal(q quiz.Question) {
	if _, ok := p.m.scene.Feature(q.Answer); !ok {
		return
	}
	p.m.SelectQuiet(q.Answer)
	x, y := p.m.Cam.Project(q.Where)
	w, h, _ := p.m.Cam.Viewport()
	lift := p.view.Lift()
	bottom := math.Min(h, h-lift)
	if x < revealMargin || y < revealMargin || x > w-revealMargin || y > bottom-revealMargin {
		p.m.FlyTo(q.Answer, lift)
	}
}

// showSummary ends the quiz with the score and what was wrong.
func (p *QuizPlayer) showSummary() {
	s := p.session
	p.card.ShowSummary(s.Score(), len(s.Questions), s.Wrong())
	p.view.Show(p.card)
	p.m.SelectQuiet("")
	p.m.Restyle()
}

// State is what heartland.quiz() and the "quiz" event report; nil when no
// quiz is open. The right answer shows only once it is given.
func (p *QuizPlayer) State() any {
	s := p.session
	if s == nil {
		return nil
	}
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
