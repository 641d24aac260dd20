package views

import (
	"testing"

	"heartland/geo"
)

func TestExternalLinkOpensANewTabWithoutTheOpener(t *testing.T) {
	a := ExternalLink("World Bank", "https://data.worldbank.org/")
	for name, want := range map[string]string{"href": "https://data.worldbank.org/", "target": "_blank", "rel": "noopener noreferrer"} {
		if got := a.Attr(name); got != want {
			t.Errorf("ExternalLink %s = %q; want %q", name, got, want)
		}
	}
	if a.Text != "World Bank" {
		t.Errorf("ExternalLink text = %q", a.Text)
	}
}

func TestCiteLinksToItsSourceAndNamesIt(t *testing.T) {
	c := cite("[2]", geo.Source{Title: "UN WPP", URL: "javascript:alert(1)", Year: 2024})
	if c.Class != "cite" || c.Text != "[2]" || c.Attr("title") != "UN WPP (2024)" {
		t.Errorf("cite = %+v; want class cite, text [2], title UN WPP (2024)", c)
	}
	if c.Attr("href") != "#" {
		t.Errorf("cite href = %q; want # for a javascript: URL", c.Attr("href"))
	}
}
