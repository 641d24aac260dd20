package geo

import "testing"

func TestSimpleStyleColorReadsOnlyHexColours(t *testing.T) {
	for v, want := range map[any][4]int{
		"#ff0000":              {255, 0, 0, 1},
		"#0a0":                 {0, 170, 0, 1},
		" #ABCDEF ":            {171, 205, 239, 1},
		"red":                  {0, 0, 0, 0},
		"#12345":               {0, 0, 0, 0},
		"#gggggg":              {0, 0, 0, 0},
		"url(javascript:x)":    {0, 0, 0, 0},
		42.0:                   {0, 0, 0, 0},
		"#ff0000;background:x": {0, 0, 0, 0},
	} {
		r, g, b, ok := SimpleStyleColor(map[string]any{"marker-color": v}, "marker-color")
		got := [4]int{int(r), int(g), int(b), 0}
		if ok {
			got[3] = 1
		}
		if got != want {
			t.Errorf("SimpleStyleColor(%v) = %v; want %v", v, got, want)
		}
	}
}
