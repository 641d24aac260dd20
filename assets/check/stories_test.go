package check

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestDirChecksStoriesAgainstTheData(t *testing.T) {
	dir := strategicDir(t, layerFiles{"cities.geojson": {almaty, astana}})
	writeFile(t, filepath.Join(dir, "stories", "good.json"), []byte(`{"id":"good","title":"Good","steps":[
	 {"title":"Kazakhstan","text":"x","view":{"fit":"KAZ"},"highlight":"almaty","layers":["countries","cities"]}]}`))
	writeFile(t, filepath.Join(dir, "stories", "bad.json"), []byte(`{"id":"bad","title":"Bad","steps":[
	 {"title":"Gone","text":"x","view":{"fit":"atlantis"},"layers":["secret"]}]}`))
	writeFile(t, filepath.Join(dir, "stories", "broken.json"), []byte(`{"id":"broken","title":"B","steps":[{"title":"x","text":"x"}]}`))
	got := strings.Join(storyProblems(Dir(dir, Options{Partial: true})), "\n")
	for _, want := range []string{
		`bad.json: step 1 ("Gone"): no feature or country with id "atlantis"`,
		`bad.json: step 1 ("Gone"): no layer "secret"`,
		`broken.json: step 1 ("x"): view needs a center and zoom, or a fit`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "good.json") {
		t.Errorf("a valid story was reported:\n%s", got)
	}
}

func storyProblems(r Report) []string {
	var out []string
	for _, p := range r.Problems {
		if s := filepath.ToSlash(p.Error()); strings.Contains(s, "stories/") {
			out = append(out, s)
		}
	}
	return out
}
