package placement

import (
	"testing"

	"heartland/geo"
)

func TestShortNameDropsTheClauseThePanelShows(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Inkai (JV Inkai)", "Inkai"},
		{"Tengiz, Atyrau region", "Tengiz"},
		{"Ob (river)", "Ob (river)"}, // too short to cut
		{"Almaty", "Almaty"},
	} {
		if got := ShortName(c.in); got != c.want {
			t.Errorf("ShortName(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestClearOfSymbolsMovesALabelOffADot(t *testing.T) {
	dot := func(x, y, r float64) Symbol { return Symbol{X: x, Y: y, R: r} }
	b := geo.LabelBox{X: 100, Y: 50, W: 40, H: 10}
	for _, c := range []struct {
		name string
		dots []Symbol
		want float64
	}{
		{"no symbols", nil, 50},
		{"a dot far away", []Symbol{dot(300, 50, 4)}, 50},
		{"a dot under the label", []Symbol{dot(100, 50, 4)}, 37},
		{"dots above and on it", []Symbol{dot(100, 50, 4), dot(100, 37, 4)}, 63},
		{"dots everywhere", []Symbol{dot(100, 26, 4), dot(100, 37, 4), dot(100, 50, 4), dot(100, 63, 4), dot(100, 74, 4)}, 50},
	} {
		if got := clearOfSymbols(b, c.dots); got != c.want {
			t.Errorf("clearOfSymbols(%s) = %v; want %v", c.name, got, c.want)
		}
	}
}
