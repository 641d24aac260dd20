package geo

import "testing"

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
	type dot struct{ x, y, r float64 }
	disc := func(d dot) (float64, float64, float64) { return d.x, d.y, d.r }
	b := LabelBox{X: 100, Y: 50, W: 40, H: 10}
	for _, c := range []struct {
		name string
		dots []dot
		want float64
	}{
		{"no symbols", nil, 50},
		{"a dot far away", []dot{{300, 50, 4}}, 50},
		{"a dot under the label", []dot{{100, 50, 4}}, 37},
		{"dots above and on it", []dot{{100, 50, 4}, {100, 37, 4}}, 63},
		{"dots everywhere", []dot{{100, 26, 4}, {100, 37, 4}, {100, 50, 4}, {100, 63, 4}, {100, 74, 4}}, 50},
	} {
		if got := ClearOfSymbols(b, c.dots, disc); got != c.want {
			t.Errorf("ClearOfSymbols(%s) = %v; want %v", c.name, got, c.want)
		}
	}
}
