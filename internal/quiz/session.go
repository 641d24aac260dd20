package quiz

import (
	"errors"

	"github.com/paulmach/orb"
)

// Result is how one question was answered.
type Result struct {
	Question Question
	Right    bool
	Given    string // what the reader chose, or the country a click landed in ("" over the sea)
}

// Session plays a quiz: one question at a time, each answered once, with a
// running score. The app drives it; it knows nothing of the screen.
type Session struct {
	Params    Params
	Questions []Question
	Results   []Result // one per answered question, in order
	index     int
}

// ErrAnswered is returned when the current question was already answered
// (or the quiz is over): a second answer must not change the score.
var ErrAnswered = errors.New("quiz: this question is already answered")

// NewSession starts a quiz at its first question.
func NewSession(p Params, qs []Question) *Session { return &Session{Params: p, Questions: qs} }

// Index is the 0-based number of the current question; len(Questions) when
// the quiz is over.
func (s *Session) Index() int { return s.index }

// Current returns the question being asked, false when the quiz is over.
func (s *Session) Current() (Question, bool) {
	if s.index >= len(s.Questions) {
		return Question{}, false
	}
	return s.Questions[s.index], true
}

// Answered reports whether the current question has its answer.
func (s *Session) Answered() bool { return len(s.Results) > s.index }

// Done reports whether every question has been asked and answered and the
// reader moved past the last.
func (s *Session) Done() bool { return s.index >= len(s.Questions) }

// Score is the number of right answers so far.
func (s *Session) Score() int {
	n := 0
	for _, r := range s.Results {
		if r.Right {
			n++
		}
	}
	return n
}

// Choose answers a choice question with option i (0-based).
func (s *Session) Choose(i int) (Result, error) {
	q, ok := s.Current()
	if !ok || s.Answered() {
		return Result{}, ErrAnswered
	}
	if q.Mode != Choice || i < 0 || i >= len(q.Options) {
		return Result{}, errors.New("quiz: no such option for this question")
	}
	return s.record(Result{Question: q, Right: i == q.Correct, Given: q.Options[i]}), nil
}

// Click answers a click question with a click at lonLat (degrees); given
// names what the click landed on, for the summary. pixelsTo is as for
// Question.RightClick.
func (s *Session) Click(lonLat orb.Point, given string, pixelsTo func(orb.Point) float64) (Result, error) {
	q, ok := s.Current()
	if !ok || s.Answered() {
		return Result{}, ErrAnswered
	}
	if q.Mode != Click {
		return Result{}, errors.New("quiz: this question is answered with its options, not a click")
	}
	return s.record(Result{Question: q, Right: q.RightClick(lonLat, pixelsTo), Given: given}), nil
}

func (s *Session) record(r Result) Result {
	s.Results = append(s.Results, r)
	return r
}

// Next moves past an answered question; it reports false (and stays) when
// the current one is not answered yet.
func (s *Session) Next() bool {
	if !s.Answered() || s.Done() {
		return false
	}
	s.index++
	return true
}

// Wrong lists the questions answered wrongly, in order.
func (s *Session) Wrong() []Result {
	var out []Result
	for _, r := range s.Results {
		if !r.Right {
			out = append(out, r)
		}
	}
	return out
}
