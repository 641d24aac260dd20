package views

import (
	"strings"
	"testing"

	"heartland/geo"
)

func TestReadersFeatureShowsHostileStringsAsTextAndLinksOnlyTheWeb(t *testing.T) {
	f := &geo.Feature{ID: "custom1-0", Name: "<img src=x onerror=alert(1)>", Kind: "custom-point", Props: map[string]any{
		"name":   "<img src=x onerror=alert(1)>",
		"link":   "javascript:alert(document.cookie)",
		"site":   "https://example.org/a?b=<c>",
		"<b>key": nil,
		"count":  3.5,
		"open":   true,
		"nested": map[string]any{"a": []any{1.0, "<script>"}},
	}}
	p := FeaturePanel(f, testFacts, names)
	if p.Title != f.Name {
		t.Errorf("Title = %q; want the name as it is", p.Title)
	}
	if got := p.Body[0].Text; got != "Point · your layer" {
		t.Errorf("kind line = %q", got)
	}
	dl := find(p.Body, tagged("dl"))[0]
	var rows []string
	for i := 0; i+1 < len(dl.Kids); i += 2 {
		rows = append(rows, dl.Kids[i].Text+"="+dl.Kids[i+1].TextContent())
	}
	want := []string{
		"<b>key=—", "count=3.5", "link=javascript:alert(document.cookie)", "name=<img src=x onerror=alert(1)>",
		`nested={"a":[1,"\u003cscript\u003e"]}`, "open=true", "site=https://example.org/a?b=<c>",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	links := find(p.Body, tagged("a"))
	if len(links) != 1 || links[0].Attr("href") != "https://example.org/a?b=<c>" || links[0].Attr("rel") != "noopener noreferrer" {
		t.Errorf("links = %+v; want only the https value, opening without the opener", links)
	}
}

func TestReadersFeatureWithoutPropertiesSaysSo(t *testing.T) {
	p := FeaturePanel(&geo.Feature{ID: "custom1-0", Kind: "custom-area"}, testFacts, names)
	if len(p.Body) != 2 || p.Body[0].Text != "Area · your layer" || p.Body[1].Text != "This feature has no properties." {
		t.Errorf("body = %+v", p.Body)
	}
}

func TestReadersLongNamesAndValuesAreClipped(t *testing.T) {
	long := strings.Repeat("я", 600)
	p := FeaturePanel(&geo.Feature{ID: "c", Kind: "custom-line", Props: map[string]any{long: long}}, testFacts, names)
	dl := find(p.Body, tagged("dl"))[0]
	if got := []rune(dl.Kids[0].Text); len(got) != 81 || got[80] != '…' {
		t.Errorf("name is %d runes; want 80 and an ellipsis", len(got))
	}
	if got := []rune(dl.Kids[1].Text); len(got) != 501 || got[500] != '…' {
		t.Errorf("value is %d runes; want 500 and an ellipsis", len(got))
	}
}

func TestClipCountsRunesNotBytes(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want string
	}{
		{"Almaty", 6, "Almaty"},
		{"Almaty", 5, "Almat…"},
		{"Алматы", 3, "Алм…"},
		{"", 0, ""},
	} {
		if got := Clip(c.s, c.n); got != c.want {
			t.Errorf("Clip(%q, %d) = %q; want %q", c.s, c.n, got, c.want)
		}
	}
}
