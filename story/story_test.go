package story

import (
	"reflect"
	"strings"
	"testing"
)

const good = `{"id":"demo","title":"Demo","steps":[
 {"title":"Start","text":"One.\n\nTwo with a [link](https://example.org/a).","view":{"center":[66,45],"zoom":4.6},"layers":["countries"]},
 {"title":"Kashagan","text":"Oil.","view":{"fit":"kashagan"},"highlight":"kashagan","sources":[{"title":"S","url":"https://s.example","year":2024}]}]}`

func TestDecodeReadsAValidStory(t *testing.T) {
	s, err := Decode([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "demo" || len(s.Steps) != 2 || s.Steps[1].View.Fit != "kashagan" || s.Steps[0].View.Zoom != 4.6 {
		t.Errorf("Decode = %+v", s)
	}
}

func TestDecodeNamesTheProblem(t *testing.T) {
	for name, c := range map[string]struct{ doc, want string }{
		"json":      {`{`, "not a story"},
		"unknown":   {`{"id":"a","title":"T","steps":[],"extra":1}`, "unknown field"},
		"no steps":  {`{"id":"a","title":"T","steps":[]}`, "0 steps"},
		"no title":  {`{"id":"a","title":" ","steps":[{"title":"x","text":"","view":{"fit":"KAZ"}}]}`, "no title"},
		"bad id":    {`{"id":"<x>","title":"T","steps":[{"title":"x","text":"","view":{"fit":"KAZ"}}]}`, "id"},
		"no view":   {`{"id":"a","title":"T","steps":[{"title":"x","text":""}]}`, "step 1"},
		"both":      {`{"id":"a","title":"T","steps":[{"title":"x","text":"","view":{"fit":"KAZ","center":[1,2],"zoom":4}}]}`, "both fit and center"},
		"range":     {`{"id":"a","title":"T","steps":[{"title":"x","text":"","view":{"center":[500,2],"zoom":4}}]}`, "out of range"},
		"zoom":      {`{"id":"a","title":"T","steps":[{"title":"x","text":"","view":{"center":[60,40],"zoom":40}}]}`, "zoom"},
		"hostile":   {`{"id":"a","title":"T","steps":[{"title":"x","text":"","view":{"fit":"<img src=x>"}}]}`, "not an id"},
		"source":    {`{"id":"a","title":"T","steps":[{"title":"x","text":"","view":{"fit":"KAZ"},"sources":[{"title":"s","url":"javascript:x","year":2020}]}]}`, "https"},
		"long text": {`{"id":"a","title":"T","steps":[{"title":"x","text":"` + strings.Repeat("a", 3001) + `","view":{"fit":"KAZ"}}]}`, "limit"},
	} {
		_, err := Decode([]byte(c.doc))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Decode error = %v; want one mentioning %q", name, err, c.want)
		}
	}
}

func TestCheckFindsUnknownIdsAndLayers(t *testing.T) {
	s, _ := Decode([]byte(good))
	errs := s.Check(func(id string) bool { return id == "KAZ" }, func(l string) bool { return l != "countries" })
	if len(errs) != 3 {
		t.Fatalf("Check = %v; want kashagan twice and the countries layer", errs)
	}
	if !strings.Contains(errs[0].Error(), `step 1 ("Start"): no layer "countries"`) {
		t.Errorf("first error = %v", errs[0])
	}
}

func TestParagraphsKeepOnlyWebLinks(t *testing.T) {
	got := Paragraphs("Hello [map](https://a.example/x) and [bad](javascript:alert(1)).\n\n  Second\nline  \n\n\n")
	want := [][]Run{
		{{Text: "Hello "}, {Text: "map", URL: "https://a.example/x"}, {Text: " and [bad](javascript:alert(1))."}},
		{{Text: "Second line"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Paragraphs = %#v\nwant %#v", got, want)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte(`{"id":"a","title":"T","steps":[{"title":"x","text":"[a](https://b)","view":{"fit":"KAZ"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode(data)
		if err != nil {
			return
		}
		for _, st := range s.Steps {
			for _, p := range Paragraphs(st.Text) {
				for _, r := range p {
					if r.URL != "" && !strings.HasPrefix(r.URL, "http") {
						t.Fatalf("link to %q", r.URL)
					}
				}
			}
		}
	})
}

func FuzzParagraphs(f *testing.F) {
	f.Add("a [b](https://c) d")
	f.Add("[](https://x)[[x](y)](z)")
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range Paragraphs(s) {
			for _, r := range p {
				if r.URL != "" && !strings.HasPrefix(r.URL, "https://") && !strings.HasPrefix(r.URL, "http://") {
					t.Fatalf("Paragraphs(%q) linked %q", s, r.URL)
				}
			}
		}
	})
}
