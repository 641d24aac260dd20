package views

import (
	"fmt"
	"strings"

	"heartland/geo"
)

// SafeURL lets only http and https links through; anything else (a
// javascript: URL in data, say) becomes an inert "#".
func SafeURL(u string) string {
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return "#"
}

// ExternalLink is a link that opens in a new tab without handing the page
// to it (rel=noopener), and only to http or https addresses.
func ExternalLink(text, url string) Node {
	return El("a", "", text).With("href", SafeURL(url)).With("target", "_blank").With("rel", "noopener noreferrer")
}

// cite is a superscript-style citation mark, "[2]", that links to its source
// and names it on hover.
func cite(mark string, s geo.Source) Node {
	a := ExternalLink(mark, s.URL).With("title", fmt.Sprintf("%s (%d)", s.Title, s.Year))
	a.Class = "cite"
	return a
}

// Citations numbers the sources a panel cites, in order of first use.
type Citations struct {
	Keys  []string
	index map[string]int
}

// Ref returns the marker for a source key, "[1]" for the first cited.
func (c *Citations) Ref(key string) string {
	if c.index == nil {
		c.index = map[string]int{}
	}
	n, ok := c.index[key]
	if !ok {
		c.Keys = append(c.Keys, key)
		n = len(c.Keys)
		c.index[key] = n
	}
	return fmt.Sprintf("[%d]", n)
}

// sourcesSection is a heading and a numbered list of sources, each an
// external link with its year; the numbers match the [n] marks above it.
// It is empty when there are no sources.
func sourcesSection(list []geo.Source) []Node {
	if len(list) == 0 {
		return nil
	}
	ol := El("ol", "sources", "")
	for _, s := range list {
		ol.Kids = append(ol.Kids, El("li", "", "", ExternalLink(s.Title, s.URL), El("span", "year", fmt.Sprintf(", %d", s.Year))))
	}
	return []Node{El("h3", "", "Sources"), ol}
}
