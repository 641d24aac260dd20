package browsertest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// listRows returns the list of places' rows, each its cells' text joined
// by "|".
func (p *mapPage) listRows() []string {
	p.t.Helper()
	return evalJS[[]string](p, `[...document.querySelectorAll("#feature-list tbody tr")].map(
		tr => [...tr.cells].map(td => td.textContent.trim()).join("|"))`)
}

func TestPlacesListShowsCentralAsiaFirstAndOpensAPanel(t *testing.T) {
	p := openMap(t, "")
	p.do(chromedp.Click(`#list-toggle`))
	var rows []string
	p.waitFor("the list of places in view", func() (bool, string) {
		rows = p.listRows()
		return len(rows) > 5, fmt.Sprintf("%d rows", len(rows))
	})
	want := []string{"Kazakhstan|Country|", "Kyrgyzstan|Country|", "Tajikistan|Country|", "Turkmenistan|Country|", "Uzbekistan|Country|"}
	if !slices.Equal(rows[:5], want) {
		t.Errorf("first rows = %q; want the five Central Asian states by name, %q", rows[:5], want)
	}
	firstFeature := slices.IndexFunc(rows, func(r string) bool { return !strings.Contains(r, "|Country|") })
	if firstFeature < 0 || slices.ContainsFunc(rows[firstFeature:], func(r string) bool { return strings.Contains(r, "|Country|") }) {
		t.Errorf("countries and features are mixed: %q", rows)
	}
	if !slices.ContainsFunc(rows, func(r string) bool { return strings.HasSuffix(r, "|Kazakhstan") }) {
		t.Errorf("no feature row names Kazakhstan as its country: %q", rows)
	}
	p.do(chromedp.Click(`#feature-list button[data-id="KAZ"]`))
	p.waitPanel("Kazakhstan")
}
