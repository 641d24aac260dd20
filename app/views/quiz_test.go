package views

import (
	"strings"
	"testing"

	"heartland/internal/quiz"
)

var (
	choice = quiz.Question{Mode: quiz.Choice, Prompt: "Capital of Kazakhstan?", Options: []string{"Almaty", "Astana", "Bishkek"}, Correct: 1, AnswerName: "Astana"}
	click  = quiz.Question{Mode: quiz.Click, Prompt: "Click Uzbekistan", AnswerName: "Uzbekistan"}
)

func TestQuizFrameHasEveryPartHidden(t *testing.T) {
	card, cross := QuizFrame()
	for _, class := range []string{"quiz-counter", "quiz-score", "quiz-prompt", "quiz-hint", "quiz-options", "quiz-feedback", "quiz-summary", "quiz-next", "quiz-close"} {
		if len(find([]Node{card}, classed(class))) != 1 {
			t.Errorf("the card has no single .%s", class)
		}
	}
	if card.Attr("id") != "quiz" || card.Attr("hidden") != "" || !hasAttr(card, "hidden") || !hasAttr(cross, "hidden") {
		t.Errorf("card %v, centre mark %v; want #quiz and both hidden", card.Attrs, cross.Attrs)
	}
}

func hasAttr(n Node, name string) bool {
	for _, a := range n.Attrs {
		if a.Name == name {
			return true
		}
	}
	return false
}

func TestQuizCardAsksMarksAndSums(t *testing.T) {
	var c QuizCard
	c.ShowQuestion(choice, 2, 6, 1)
	if c.Counter != "Question 2 of 6" || c.Score != "Score 1" || c.Prompt != choice.Prompt || c.Focus != "quiz-option" || c.Cross || c.Next != "" {
		t.Errorf("choice question: %+v", c)
	}
	if len(c.Options) != 3 || c.Options[1].TextContent() != "2Astana" || c.Options[1].Attr("data-option") != "1" || hasAttr(c.Options[1], "disabled") {
		t.Errorf("options %v; want three enabled buttons, keys 1–3", c.Options)
	}
	if !strings.Contains(c.Live, "Question 2 of 6: Capital") {
		t.Errorf("live %q; want the question read out", c.Live)
	}

	c.ShowResult(quiz.Result{Question: choice, Right: false, Given: "Bishkek"}, 2, "Not quite: Astana", 1, false)
	right, wrong := find(c.Options, classed("quiz-right")), find(c.Options, classed("quiz-wrong"))
	if len(right) != 1 || right[0].Attr("aria-label") != "Astana (right answer)" || len(wrong) != 1 || wrong[0].Attr("aria-label") != "Bishkek (your answer)" {
		t.Errorf("after a wrong choice: right %v, wrong %v", right, wrong)
	}
	if !hasAttr(c.Options[0], "disabled") || c.FeedbackClass != "quiz-feedback quiz-wrong" || c.Next != "Next ›" || c.Focus != "quiz-next" || c.Live != "" || c.Prompt != choice.Prompt {
		t.Errorf("after a wrong choice: %+v", c)
	}

	c.ShowQuestion(click, 6, 6, 1)
	if c.Options != nil || !c.Cross || c.Focus != "" || !strings.Contains(c.Hint, "Enter") {
		t.Errorf("click question: %+v", c)
	}
	c.ShowResult(quiz.Result{Question: click, Right: true}, -1, "Right!", 2, true)
	if c.Next != "See results ›" || c.Cross || c.FeedbackClass != "quiz-feedback quiz-right" {
		t.Errorf("last answer: %+v", c)
	}

	c.ShowSummary(2, 6, []quiz.Result{{Question: choice, Given: "Bishkek"}, {Question: click}})
	missed := find(c.Summary, tagged("li"))
	if len(missed) != 2 || missed[0].TextContent() != "Capital of Kazakhstan? Answer: Astana (you: Bishkek)" || missed[1].TextContent() != "Click Uzbekistan Answer: Uzbekistan" {
		t.Errorf("missed %q", text(missed))
	}
	if c.Prompt != "You scored 2 of 6." || c.Focus != "quiz-again" || c.Next != "" || c.Options != nil || len(find(c.Summary, classed("quiz-done"))) != 1 {
		t.Errorf("summary: %+v", c)
	}
	c.ShowSummary(6, 6, nil)
	if !strings.Contains(text(c.Summary), "Every answer right.") {
		t.Errorf("all right: summary %q", text(c.Summary))
	}
}
