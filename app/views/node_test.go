package views

import (
	"strings"
	"testing"
)

// find returns the nodes in list and below (document order) for which match
// is true.
func find(list []Node, match func(Node) bool) []Node {
	var out []Node
	for _, n := range list {
		if match(n) {
			out = append(out, n)
		}
		out = append(out, find(n.Kids, match)...)
	}
	return out
}

func tagged(tag string) func(Node) bool { return func(n Node) bool { return n.Tag == tag } }

func classed(class string) func(Node) bool {
	return func(n Node) bool { return strings.Contains(" "+n.Class+" ", " "+class+" ") }
}

func text(list []Node) string {
	var b strings.Builder
	for _, n := range list {
		b.WriteString(n.TextContent())
	}
	return b.String()
}

func TestWithCopiesAttributesSoSiblingsDoNotShareThem(t *testing.T) {
	base := El("a", "", "x").With("href", "https://a.test")
	one, two := base.With("title", "one"), base.With("title", "two")
	if one.Attr("title") != "one" || two.Attr("title") != "two" || base.Attr("title") != "" {
		t.Errorf("titles = %q, %q, base %q; want one, two and none", one.Attr("title"), two.Attr("title"), base.Attr("title"))
	}
}

func TestTextContentReadsTextThenChildren(t *testing.T) {
	n := El("dd", "", "19.5 million", El("span", "year", " (2024)"), El("a", "cite", "[1]"))
	if got, want := n.TextContent(), "19.5 million (2024)[1]"; got != want {
		t.Errorf("TextContent() = %q; want %q", got, want)
	}
}
