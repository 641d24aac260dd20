package views

import (
	"fmt"
	"strconv"

	"heartland/internal/quiz"
)

// QuizFrame is the quiz card at the foot of the map, empty and hidden, and
// the centre mark a keyboard answer uses. QuizCard fills the card's parts,
// found by their classes: quiz-counter, quiz-score, quiz-prompt, quiz-hint,
// quiz-options, quiz-feedback, quiz-summary and quiz-next.
func QuizFrame() (card, crosshair Node) {
	head := El("div", "quiz-head", "", El("span", "quiz-counter", ""), El("span", "quiz-score", ""),
		button("quiz-close", "×").With("aria-label", "Leave the quiz (Esc)"))
	card = El("section", "quiz-card", "", head,
		El("h2", "quiz-prompt", "").With("id", "quiz-prompt"),
		El("p", "quiz-hint", ""),
		El("div", "quiz-options", "").With("role", "group").With("aria-label", "Answers"),
		El("p", "quiz-feedback", "").With("role", "status").With("aria-live", "polite"),
		El("div", "quiz-summary", ""),
		El("div", "quiz-nav", "", button("quiz-next", "Next ›")),
	).With("id", "quiz").With("hidden", "").With("tabindex", "-1").With("aria-labelledby", "quiz-prompt")
	crosshair = El("div", "quiz-crosshair", "").With("aria-hidden", "true").With("hidden", "")
	return card, crosshair
}

// button is a <button type=button>.
func button(class, text string) Node { return El("button", class, text).With("type", "button") }

// QuizCard is what the quiz card shows: each part's text, the answer
// options or the summary, the Next button, the centre mark, what a screen
// reader hears and where the focus goes. app.QuizPlayer fills it and
// hands it to app.QuizView.Show; the browser shell shows it as it is.
type QuizCard struct {
	Counter, Score, Prompt, Hint string
	// Options are the answer buttons (class quiz-option, data-option the
	// 0-based index), marked right or wrong once answered.
	Options                 []Node
	Feedback, FeedbackClass string
	Summary                 []Node // the missed questions and the Try again (quiz-again) and Close (quiz-done) buttons
	Next                    string // the Next button's text; "" hides it
	Cross                   bool   // the centre mark shows
	// Live is new text for the screen reader's live region, "" for none.
	Live string
	// Focus is the class of the element that takes the focus (the first
	// of them): quiz-option, quiz-next or quiz-again; "" for the map.
	Focus string
}

// ShowQuestion shows question n (1-based) of total and the score so far: a
// choice question's options, keys 1–4, or how to answer by clicking.
func (c *QuizCard) ShowQuestion(q quiz.Question, n, total, score int) {
	*c = QuizCard{Counter: fmt.Sprintf("Question %d of %d", n, total), Score: fmt.Sprintf("Score %d", score),
		Prompt: q.Prompt, FeedbackClass: "quiz-feedback", Live: fmt.Sprintf("Question %d of %d: %s", n, total, q.Prompt)}
	if q.Mode == quiz.Choice {
		c.Hint, c.Focus = "Choose an answer (keys 1–4).", "quiz-option"
		c.Options = quizOptions(q, -1, false)
		return
	}
	c.Hint, c.Focus = "Click the map. Keyboard: move the map with the arrow keys and + −, then press Enter to answer at the centre mark.", ""
	c.Cross = q.Mode == quiz.Click
}

// quizOptions are a choice question's buttons; once answered they are
// disabled, the right one and the one chosen marked.
func quizOptions(q quiz.Question, chosen int, answered bool) []Node {
	out := make([]Node, len(q.Options))
	for i, o := range q.Options {
		b := El("button", "quiz-option", "", El("span", "quiz-key", strconv.Itoa(i+1)), TextNode(o)).
			With("type", "button").With("data-option", strconv.Itoa(i))
		if answered {
			b = b.With("disabled", "")
			switch i {
			case q.Correct:
				b.Class += " quiz-right"
				b = b.With("aria-label", o+" (right answer)")
			case chosen:
				b.Class += " quiz-wrong"
				b = b.With("aria-label", o+" (your answer)")
			}
		}
		out[i] = b
	}
	return out
}

// ShowResult shows the answer to the question on the card: the feedback, the
// new score, the right option and the one chosen (-1 for a click), and the
// button on to the next question or, after the last, the results.
func (c *QuizCard) ShowResult(r quiz.Result, chosen int, feedback string, score int, last bool) {
	c.Feedback, c.Score = feedback, fmt.Sprintf("Score %d", score)
	c.FeedbackClass = "quiz-feedback " + map[bool]string{true: "quiz-right", false: "quiz-wrong"}[r.Right]
	if r.Question.Mode == quiz.Choice {
		c.Options = quizOptions(r.Question, chosen, true)
	}
	c.Cross, c.Live, c.Focus, c.Next = false, "", "quiz-next", "Next ›"
	if last {
		c.Next = "See results ›"
	}
}

// ShowSummary ends the quiz: the score, the questions answered wrongly with
// their answers, and the buttons to try again or close.
func (c *QuizCard) ShowSummary(score, total int, wrong []quiz.Result) {
	*c = QuizCard{Counter: "Quiz finished", Score: fmt.Sprintf("Score %d", score), Prompt: fmt.Sprintf("You scored %d of %d.", score, total),
		FeedbackClass: c.FeedbackClass, Live: fmt.Sprintf("Quiz finished: %d of %d right.", score, total), Focus: "quiz-again"}
	if len(wrong) == 0 {
		c.Summary = []Node{El("p", "", "Every answer right.")}
	} else {
		list := El("ol", "quiz-missed", "")
		for _, r := range wrong {
			li := El("li", "", r.Question.Prompt+" Answer: ", El("strong", "", r.Question.AnswerName))
			if r.Given != "" {
				li.Kids = append(li.Kids, TextNode(" (you: "+r.Given+")"))
			}
			list.Kids = append(list.Kids, li)
		}
		c.Summary = []Node{El("p", "", "To look at again:"), list}
	}
	c.Summary = append(c.Summary, El("div", "quiz-nav", "", button("quiz-again", "Try again"), button("quiz-done", "Close")))
}
