package quiz

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"heartland/assets"
	"heartland/geo"
)

func loadData(t testing.TB) ([]geo.Layer, assets.Facts) {
	t.Helper()
	layers, err := assets.Layers()
	if err != nil {
		t.Fatal(err)
	}
	facts, err := assets.LoadFacts()
	if err != nil {
		t.Fatal(err)
	}
	return layers, facts
}

func generate(t *testing.T, set string, seed uint64, count int) []Question {
	t.Helper()
	qs, err := FromAssets(NewParams(set, &seed, count))
	if err != nil {
		t.Fatalf("Generate(%s, seed %d): %v", set, seed, err)
	}
	return qs
}

// featureByID finds a feature in any layer.
func featureByID(layers []geo.Layer, id string) (geo.Feature, string, bool) {
	for _, l := range layers {
		for _, f := range l.Features {
			if f.ID == id {
				return f, l.ID, true
			}
		}
	}
	return geo.Feature{}, "", false
}

func TestEverySetGivesValidQuestionsFromTheData(t *testing.T) {
	layers, facts := loadData(t)
	for _, set := range Sets {
		for _, seed := range []uint64{0, 1, 42, 1 << 40} {
			qs, err := Generate(layers, facts, NewParams(set, &seed, DefaultCount))
			if err != nil {
				t.Fatalf("Generate(%s, %d): %v", set, seed, err)
			}
			if len(qs) < 5 || len(qs) > DefaultCount {
				t.Errorf("Generate(%s, %d) gives %d questions; want 5 to %d", set, seed, len(qs), DefaultCount)
			}
			prompts := map[string]bool{}
			for i, q := range qs {
				where := func(format string, args ...any) {
					t.Errorf("%s seed %d question %d %q: "+format, append([]any{set, seed, i, q.Prompt}, args...)...)
				}
				if key := q.Prompt + " " + q.Answer; prompts[key] {
					where("asked twice")
				} else {
					prompts[key] = true
				}
				if set != Mixed && q.Set != set {
					where("comes from set %q", q.Set)
				}
				f, layer, ok := featureByID(layers, q.Answer)
				if !ok {
					where("right answer %q is no feature or country of the map", q.Answer)
				} else if q.Layer != layer {
					where("layer %q; the answer %q is in %q", q.Layer, q.Answer, layer)
				}
				if q.AnswerName == "" || (q.Mode == Click && q.AnswerName != f.Name) {
					where("answer name %q; want the feature's name %q", q.AnswerName, f.Name)
				}
				switch q.Mode {
				case Choice:
					if len(q.Options) < 2 || len(q.Options) > 4 {
						where("%d options; want 2 to 4", len(q.Options))
					}
					if q.Correct < 0 || q.Correct >= len(q.Options) || q.Options[q.Correct] != q.AnswerName {
						where("options %q, correct %d; want the right answer %q among them", q.Options, q.Correct, q.AnswerName)
					}
					seen := map[string]bool{}
					for _, o := range q.Options {
						if seen[o] || o == "" {
							where("option %q is empty or repeated in %q", o, q.Options)
						}
						seen[o] = true
					}
				case Click:
					if q.Options != nil {
						where("a click question with options %q", q.Options)
					}
					if q.Area == nil && q.Where == (orb.Point{}) {
						where("a click question with nowhere to click")
					}
					if q.Area != nil && !q.RightClick(q.Where, nil) {
						where("its own label point %v is not a right click", q.Where)
					}
				default:
					where("mode %q", q.Mode)
				}
			}
		}
	}
}

func TestSameSetAndSeedGiveTheSameQuiz(t *testing.T) {
	for _, set := range Sets {
		a, b := generate(t, set, 7, 10), generate(t, set, 7, 10)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s seed 7 gave two different quizzes", set)
		}
		if c := generate(t, set, 8, 10); reflect.DeepEqual(prompts(a), prompts(c)) && reflect.DeepEqual(options(a), options(c)) {
			t.Errorf("%s: seeds 7 and 8 gave the same questions in the same order", set)
		}
	}
	layers, facts := loadData(t)
	d1, _ := Generate(layers, facts, NewParams("energy", nil, 10))
	d2, _ := Generate(layers, facts, NewParams("energy", nil, 10))
	if !reflect.DeepEqual(d1, d2) {
		t.Error("energy with the default seed gave two different quizzes")
	}
}

func prompts(qs []Question) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.Prompt)
	}
	return out
}

func options(qs []Question) [][]string {
	var out [][]string
	for _, q := range qs {
		out = append(out, q.Options)
	}
	return out
}

func TestCountriesSetMixesClickAndChoice(t *testing.T) {
	qs := generate(t, "countries", 3, 10)
	var clicks, choices int
	for _, q := range qs {
		if q.Mode == Click {
			clicks++
			if !strings.HasPrefix(q.Prompt, "Find ") || q.Area == nil {
				t.Errorf("click question %q: want Find … with the country's shape", q.Prompt)
			}
		} else {
			choices++
			if !q.Outline {
				t.Errorf("choice question %q does not outline its country", q.Prompt)
			}
		}
	}
	if clicks == 0 || choices == 0 {
		t.Errorf("countries: %d click and %d choice questions; want both", clicks, choices)
	}
}

func TestPipelineStartsWhereItsRouteBegins(t *testing.T) {
	layers, _ := loadData(t)
	tapi, _, ok := featureByID(layers, "tapi-pipeline")
	if !ok {
		t.Fatal("no tapi-pipeline in the data")
	}
	if got, ok := StartCountry(tapi, countriesOf(layers)); got != "TKM" || !ok {
		t.Errorf("StartCountry(TAPI) = %q, %v; want TKM (first of its countries list)", got, ok)
	}
	// Without the countries list, the first vertex decides.
	bare := geo.Feature{ID: "x", Geometry: tapi.Geometry, Props: map[string]any{}}
	if got, ok := StartCountry(bare, countriesOf(layers)); got != "TKM" || !ok {
		t.Errorf("StartCountry(TAPI without countries) = %q, %v; want TKM from its first vertex", got, ok)
	}
	rev := slices.Clone(tapi.Geometry.(orb.LineString))
	slices.Reverse(rev)
	bare.Geometry = rev
	if got, ok := StartCountry(bare, countriesOf(layers)); got != "IND" || !ok {
		t.Errorf("StartCountry(TAPI reversed, without countries) = %q, %v; want IND, where it ends", got, ok)
	}
	bare.Geometry = orb.LineString{{50.5, 42}}
	if got, ok := StartCountry(bare, countriesOf(layers)); ok {
		t.Errorf("StartCountry(line starting in the Caspian Sea) = %q; want none", got)
	}
}

func TestEnergyAsksWhereTAPIStarts(t *testing.T) {
	layers, facts := loadData(t)
	seed := uint64(1)
	qs, err := Generate(layers, facts, NewParams("energy", &seed, MaxCount))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if q.Answer == "tapi-pipeline" {
			if !strings.Contains(q.Prompt, "start in") || q.AnswerName != "Turkmenistan" || !slices.Contains(q.Options, "Afghanistan") && !slices.Contains(q.Options, "Pakistan") {
				t.Errorf("TAPI question %q options %q answer %q; want it to start in Turkmenistan, with countries on its route as wrong options", q.Prompt, q.Options, q.AnswerName)
			}
			return
		}
	}
	t.Errorf("energy (all %d questions) never asks about the TAPI pipeline", len(qs))
}

func TestSessionScoresRightAndWrongAnswers(t *testing.T) {
	area := orb.MultiPolygon{{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}}}
	qs := []Question{
		{Mode: Choice, Prompt: "a", Options: []string{"x", "y", "z"}, Correct: 1, AnswerName: "y"},
		{Mode: Click, Prompt: "b", Area: area, AnswerName: "Square"},
		{Mode: Click, Prompt: "c", Where: orb.Point{20, 20}, AnswerName: "Dot"},
		{Mode: Choice, Prompt: "d", Options: []string{"x", "y"}, Correct: 0, AnswerName: "x"},
		{Mode: Click, Prompt: "e", Where: orb.Point{20, 20}, AnswerName: "Dot"},
	}
	s := NewSession(NewParams("countries", nil, 5), qs)
	px := func(d float64) func(orb.Point) float64 { return func(orb.Point) float64 { return d } }
	steps := []struct {
		answer func() (Result, error)
		right  bool
	}{
		{func() (Result, error) { return s.Choose(1) }, true},
		{func() (Result, error) { return s.Click(orb.Point{5, 5}, "Square", nil) }, true},
		{func() (Result, error) { return s.Click(orb.Point{0, 0}, "", px(ClickTolerance+1)) }, false},
		{func() (Result, error) { return s.Choose(1) }, false},
		{func() (Result, error) { return s.Click(orb.Point{0, 0}, "", px(ClickTolerance)) }, true},
	}
	for i, st := range steps {
		if s.Index() != i || s.Answered() {
			t.Fatalf("before answer %d: index %d, answered %v", i, s.Index(), s.Answered())
		}
		if s.Next() {
			t.Fatalf("Next() moved past unanswered question %d", i)
		}
		r, err := st.answer()
		if err != nil || r.Right != st.right {
			t.Fatalf("answer %d = %+v, %v; want right=%v", i, r, err, st.right)
		}
		if _, err := s.Choose(0); err != ErrAnswered {
			t.Errorf("a second answer to question %d: err %v; want ErrAnswered", i, err)
		}
		if !s.Next() {
			t.Fatalf("Next() after answer %d did not move", i)
		}
	}
	if !s.Done() || s.Score() != 3 {
		t.Errorf("after 5 answers (3 right): done %v, score %d; want done, 3", s.Done(), s.Score())
	}
	wrong := s.Wrong()
	if len(wrong) != 2 || wrong[0].Question.Prompt != "c" || wrong[1].Given != "y" || wrong[1].Question.AnswerName != "x" {
		t.Errorf("Wrong() = %+v; want questions c and d, d answered y instead of x", wrong)
	}
	if _, err := s.Click(orb.Point{5, 5}, "", nil); err != ErrAnswered {
		t.Errorf("an answer after the end: %v; want ErrAnswered", err)
	}
}

func TestWrongModeAnswersAreRefused(t *testing.T) {
	s := NewSession(Params{}, []Question{{Mode: Click, Prompt: "a", Where: orb.Point{1, 1}}, {Mode: Choice, Prompt: "b", Options: []string{"x", "y"}}})
	if _, err := s.Choose(0); err == nil || s.Answered() {
		t.Error("Choose on a click question was accepted")
	}
	s.Click(orb.Point{1, 1}, "", func(orb.Point) float64 { return 0 })
	s.Next()
	for _, i := range []int{-1, 2} {
		if _, err := s.Choose(i); err == nil || s.Answered() {
			t.Errorf("Choose(%d) with two options was accepted", i)
		}
	}
	if _, err := s.Click(orb.Point{1, 1}, "", nil); err == nil || s.Answered() {
		t.Error("Click on a choice question was accepted")
	}
}

func TestCountriesOfFindTheCountryUnderAPoint(t *testing.T) {
	layers, _ := loadData(t)
	countries := countriesOf(layers)
	ashgabat, _, _ := featureByID(layers, "ashgabat")
	id := countries.At(ashgabat.Geometry.(orb.Point))
	if s, _ := countries.Shape(id); id != "TKM" || s.Name != "Turkmenistan" {
		t.Errorf("At(Ashgabat) = %q (%q); want TKM, Turkmenistan", id, s.Name)
	}
}
