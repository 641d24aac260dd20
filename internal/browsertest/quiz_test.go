package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/paulmach/orb"

	"heartland/internal/quiz"
)

// quizState is heartland.quiz().
type quizState struct {
	Set      string  `json:"set"`
	Seed     float64 `json:"seed"`
	Index    int     `json:"index"`
	Total    int     `json:"total"`
	Score    int     `json:"score"`
	Answered int     `json:"answered"`
	Done     bool    `json:"done"`
	Question *struct {
		Prompt  string   `json:"prompt"`
		Mode    string   `json:"mode"`
		Options []string `json:"options"`
	} `json:"question"`
	Last *struct {
		Right bool   `json:"right"`
		Given string `json:"given"`
	} `json:"last"`
}

func (p *mapPage) quiz() quizState {
	p.t.Helper()
	return evalJS[quizState](p, `heartland.quiz() || {}`)
}

// reduceMotion makes flights jump, so the view a test sets is the view the
// map keeps.
func (p *mapPage) reduceMotion() {
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}})
		return err
	}))
}

// quizRight says whether the test answers question i right: two of three.
func quizRight(i int) bool { return i%3 != 1 }

func TestQuizAnsweredRightAndWrongGivesTheRightScore(t *testing.T) {
	// Six questions keep the test inside its time on software WebGL.
	seed, count := uint64(5), 6
	want, err := quiz.FromAssets(quiz.NewParams("countries", &seed, count))
	if err != nil {
		t.Fatal(err)
	}
	// A point well inside each country, for right and wrong clicks.
	inside := map[string]orb.Point{}
	for _, q := range want {
		inside[q.Answer] = q.Where
	}

	p := newPage(t)
	p.reduceMotion()
	p.load(fmt.Sprintf("?quiz=countries&seed=%d&count=%d", seed, count))
	p.waitJS("the quiz card", `heartland.quiz() && !document.getElementById("quiz").hidden`)
	if s := p.quiz(); s.Set != "countries" || s.Seed != float64(seed) || s.Total != len(want) {
		t.Fatalf("heartland.quiz() = %+v; want set countries, seed %d, %d questions", s, seed, len(want))
	}
	if !evalJS[bool](p, `/quiz=countries/.test(location.search) && /seed=5/.test(location.search)`) {
		t.Errorf("location.search = %q; want the quiz and seed kept for Share", evalJS[string](p, `location.search`))
	}

	score, clicks, keys := 0, 0, 0
	var wrong []quiz.Question
	for i, q := range want {
		s := p.quiz()
		if s.Index != i || s.Question == nil || s.Question.Prompt != q.Prompt || s.Question.Mode != string(q.Mode) {
			t.Fatalf("question %d in the browser = %+v; want %q (%s), as quiz.Generate makes it natively", i, s.Question, q.Prompt, q.Mode)
		}
		right := quizRight(i)
		if q.Mode == quiz.Click {
			clicks++
			target := q.Where
			if !right { // the next country of the quiz: inside it, not in this one
				target = inside[want[(i+1)%len(want)].Answer]
			}
			p.setState(fmt.Sprintf("{center: [%g, %g]}", target[0], target[1]))
			x, y := p.project(target[0], target[1])
			p.requireCanvasAt(x, y)
			p.do(chromedp.MouseClickXY(x, y))
		} else {
			keys++
			n := q.Correct
			if !right {
				n = (q.Correct + 1) % len(q.Options)
			}
			p.do(chromedp.KeyEvent(fmt.Sprint(n + 1)))
		}
		p.waitJS(fmt.Sprintf("question %d answered", i+1), fmt.Sprintf(`heartland.quiz().answered === %d`, i+1))
		if right {
			score++
		} else {
			wrong = append(wrong, q)
		}
		s = p.quiz()
		feedback := evalJS[string](p, `document.querySelector(".quiz-feedback").textContent`)
		if s.Score != score || s.Last == nil || s.Last.Right != right {
			t.Errorf("after question %d (%q answered right=%v): quiz() = %+v; want score %d", i+1, q.Prompt, right, s, score)
		}
		if wantText := map[bool]string{true: "Right!", false: "Not quite"}[right]; !strings.HasPrefix(feedback, wantText) || !strings.Contains(feedback, q.AnswerName) {
			t.Errorf("question %d feedback %q; want %q naming %s", i+1, feedback, wantText, q.AnswerName)
		}
		if sel := p.state().Selected; sel == nil || *sel != q.Answer {
			t.Errorf("question %d: the map outlines %v; want the right answer %s", i+1, sel, q.Answer)
		}
		if q.Mode == quiz.Choice && evalJS[string](p, `document.querySelector(".quiz-option.quiz-right").textContent`) != fmt.Sprint(q.Correct+1)+q.AnswerName {
			t.Errorf("question %d: the option marked right is not %q", i+1, q.AnswerName)
		}
		if !evalJS[bool](p, `document.getElementById("panel").hidden`) {
			t.Fatalf("question %d: the normal panel opened during the quiz", i+1)
		}
		if i == 1 || q.Mode == quiz.Choice && keys == 1 {
			_, png, _ := p.screenshot()
			saveQuizShot(t, fmt.Sprintf("quiz-%d-%s.png", i+1, q.Mode), png)
		}
		switch i % 3 { // every way on: the Next button's Enter, N, →
		case 0:
			p.do(chromedp.KeyEvent(kb.Enter))
		case 1:
			if i == 4 {
				measureQuizStep(p)
				break
			}
			p.do(chromedp.KeyEvent("n"))
		case 2:
			p.do(chromedp.KeyEvent(kb.ArrowRight))
		}
		p.waitJS(fmt.Sprintf("the step past question %d", i+1), fmt.Sprintf(`heartland.quiz().index === %d`, i+1))
	}
	if clicks == 0 || keys == 0 {
		t.Fatalf("seed %d gave %d click and %d keyboard questions; the test wants both", seed, clicks, keys)
	}

	s := p.quiz()
	summary := evalJS[string](p, `document.getElementById("quiz").textContent`)
	if !s.Done || s.Score != score || !strings.Contains(summary, fmt.Sprintf("You scored %d of %d.", score, len(want))) {
		t.Errorf("at the end quiz() = %+v, card %q; want done with %d of %d", s, summary, score, len(want))
	}
	missed := evalJS[[]string](p, `[...document.querySelectorAll(".quiz-missed li")].map((li) => li.textContent)`)
	if len(missed) != len(wrong) {
		t.Errorf("the summary lists %d missed questions %q; want %d", len(missed), missed, len(wrong))
	}
	for k, q := range wrong {
		if k < len(missed) && (!strings.Contains(missed[k], q.Prompt) || !strings.Contains(missed[k], q.AnswerName)) {
			t.Errorf("missed item %d = %q; want %q with its answer %s", k, missed[k], q.Prompt, q.AnswerName)
		}
	}
	_, png, _ := p.screenshot()
	saveQuizShot(t, "quiz-summary.png", png)

	p.do(chromedp.KeyEvent(kb.Escape))
	p.waitJS("Esc to leave the quiz", `heartland.quiz() === null && document.getElementById("quiz").hidden && !/quiz=/.test(location.search)`)
	if !evalJS[bool](p, `heartland.getState().layers.includes("labels")`) {
		t.Error("the labels did not come back after the quiz")
	}
}

func TestQuizKeyStartsMixedQuizAndClicksNeverOpenThePanel(t *testing.T) {
	p := openMap(t, "")
	evalJS[bool](p, `(document.querySelector("canvas").focus(), true)`)
	p.do(chromedp.KeyEvent("q"))
	p.waitJS("Q to start the mixed quiz", `heartland.quiz() && heartland.quiz().set === "mixed"`)
	// Kazakhstan's middle: a click that would otherwise open its panel.
	x, y := p.project(67, 48)
	p.requireCanvasAt(x, y)
	p.do(chromedp.MouseClickXY(x, y))
	p.waitJS("the click to be handled", `heartland.quiz().answered === 1 || heartland.quiz().question.mode === "choice"`)
	if !evalJS[bool](p, `document.getElementById("panel").hidden`) {
		t.Error("a map click during the quiz opened the panel")
	}
	evalJS[bool](p, `heartland.startQuiz("<img src=x onerror=window.__pwned=1>", "x")`)
	p.waitJS("a bad set name to give the mixed quiz", `heartland.quiz().set === "mixed" && heartland.quiz().answered === 0`)
	if n := evalJS[int](p, `document.querySelectorAll("#quiz img").length`); n != 0 {
		t.Errorf("a set name became markup: %d img elements in the card", n)
	}

	// Without a mouse: move the map so the place is at the centre mark, Enter.
	seed := uint64(5)
	qs, err := quiz.FromAssets(quiz.NewParams("countries", &seed, quiz.DefaultCount))
	if err != nil {
		t.Fatal(err)
	}
	evalJS[bool](p, `heartland.startQuiz("countries", 5)`)
	p.waitJS("the countries quiz", `heartland.quiz().set === "countries" && heartland.quiz().seed === 5`)
	for i, q := range qs {
		if q.Mode == quiz.Choice {
			p.do(chromedp.KeyEvent("1"))
			p.waitJS("a choice", fmt.Sprintf(`heartland.quiz().answered === %d`, i+1))
			p.do(chromedp.KeyEvent("n"))
			p.waitJS("the next question", fmt.Sprintf(`heartland.quiz().index === %d`, i+1))
			continue
		}
		p.setState(fmt.Sprintf("{center: [%g, %g]}", q.Where[0], q.Where[1]))
		evalJS[bool](p, `(document.querySelector("canvas").focus(), true)`)
		p.do(chromedp.KeyEvent(kb.Enter))
		p.waitJS("Enter to answer at the centre", fmt.Sprintf(`heartland.quiz().answered === %d`, i+1))
		if s := p.quiz(); s.Last == nil || !s.Last.Right {
			t.Errorf("Enter with %s at the centre mark: %+v; want a right answer", q.AnswerName, s.Last)
		}
		break
	}
	p.do(chromedp.Click(".quiz-close"))
	p.waitJS("× to close the quiz", `heartland.quiz() === null`)
}

// measureQuizStep presses N and times how long the card takes to show the
// next question, in milliseconds from the key event and in frames the map
// drew meanwhile.
func measureQuizStep(p *mapPage) {
	p.t.Helper()
	// From a map at rest: a step taken mid-redraw waits for that frame,
	// which software WebGL draws in hundreds of milliseconds.
	last := -1.0
	p.waitFor("the map to rest", func() (bool, string) {
		time.Sleep(700 * time.Millisecond)
		n := evalJS[float64](p, `heartland.stats().frames`)
		done := n == last
		last = n
		return done, fmt.Sprintf("%v frames and counting", n)
	})
	evalJS[bool](p, `(window.__quizStep = new Promise((done) => {
		const prompt = document.getElementById("quiz-prompt"), frames = heartland.stats().frames;
		let t0 = 0;
		window.addEventListener("keydown", () => { t0 = performance.now(); }, {capture: true, once: true});
		const seen = new MutationObserver(() => {
			seen.disconnect();
			done({ms: performance.now() - t0, frames: heartland.stats().frames - frames});
		});
		seen.observe(prompt, {childList: true, characterData: true, subtree: true});
	}), true)`)
	p.do(chromedp.KeyEvent("n"))
	m, err := chromedp.Run(p.ctx, chromedp.Evaluate[map[string]float64](`window.__quizStep`, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("timing a step: %v", err)
	}
	p95 := evalJS[float64](p, `heartland.stats().p95FrameMs`)
	p.t.Logf("N to the next question: %.1f ms, %.0f frames drawn meanwhile (p95 frame %.0f ms)", m["ms"], m["frames"], p95)
	if m["frames"] > 1 {
		p.t.Errorf("the next question showed after %.0f frames (%.1f ms); want it within one frame", m["frames"], m["ms"])
	}
}

func saveQuizShot(t *testing.T, name string, png []byte) {
	dir := filepath.Join(env.root, "test-output")
	if err := os.MkdirAll(dir, 0o755); err == nil {
		os.WriteFile(filepath.Join(dir, name), png, 0o644)
	}
}

// One guided mode at a time: opening the story closes the quiz, so the
// story bar and the quiz card never cover each other.
func TestOpeningAStoryClosesTheQuiz(t *testing.T) {
	p := openMap(t, "")
	p.waitFor("the quiz to start", func() (bool, string) {
		evalJS[any](p, `heartland.startQuiz("countries", 1)`)
		q := p.quiz()
		return q.Set == "countries", fmt.Sprintf("quiz() = %+v", q)
	})
	p.waitJS("the quiz card", `!document.querySelector(".quiz-card").hidden`)
	evalJS[any](p, `document.getElementById("story-open").click()`)
	p.waitJS("the story bar", `!document.querySelector(".story-bar").hidden`)
	p.waitJS("the quiz card to close", `document.querySelector(".quiz-card").hidden`)
}
