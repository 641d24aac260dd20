package placement

import (
	"fmt"
	"testing"

	"heartland/geo"
)

// worldSpan is the world-metre width that appears px CSS pixels wide in v.
func worldSpan(v View, px float64) float64 { return px / v.Camera.Scale() }

func TestCentralAsiaNamesWinOverNeighbours(t *testing.T) {
	v := testView(t)
	areas := []Area{
		{Ref: 0, Layer: "countries", Kind: "country", Name: "Russia", Anchor: at(v, 400, 300), Span: 9e6},
		{Ref: 1, Layer: "countries", Kind: "country", Name: "Kyrgyzstan", Central: true, Anchor: at(v, 405, 302), Span: 9e5},
	}
	got := NewLabels(areas, fixedMeasure).Place(v, nil, nil)
	if len(got) != 1 || got[0].Text != "KYRGYZSTAN" || got[0].Style != CentralName || got[0].Ref != 1 {
		t.Fatalf("Place = %v; want only KYRGYZSTAN in the central style", texts(got))
	}
	if st := got[0].Style; st.Font() != Bold || st.Size() != 14 || st.Ink() != InkLabel {
		t.Errorf("central style = font %d size %g ink %d; want bold 14 label ink", st.Font(), st.Size(), st.Ink())
	}
}

func TestWiderAreasOfARankAreNamedFirst(t *testing.T) {
	v := testView(t)
	areas := []Area{
		{Ref: 0, Layer: "countries", Kind: "country", Name: "Small", Anchor: at(v, 400, 300), Span: 1e5},
		{Ref: 1, Layer: "countries", Kind: "country", Name: "Large", Anchor: at(v, 410, 300), Span: 2e6},
		{Ref: 2, Layer: "countries", Kind: "territory", Name: "Territory", Anchor: at(v, 100, 100), Span: 3e6},
	}
	got := NewLabels(areas, fixedMeasure).Place(v, nil, nil)
	if fmt.Sprint(texts(got)) != "[Large]" || got[0].Style != NeighbourName {
		t.Errorf("Place = %v; want [Large] in the neighbour style (a territory is not named)", texts(got))
	}
}

func TestSmallLakesAreUnnamed(t *testing.T) {
	v := testView(t)
	areas := []Area{
		{Ref: 0, Layer: "water", Name: "Pond", Anchor: at(v, 200, 200), Span: worldSpan(v, MinWaterSpan-1)},
		{Ref: 1, Layer: "water", Name: "Balkhash", Anchor: at(v, 500, 200), Span: worldSpan(v, MinWaterSpan+1)},
		{Ref: 2, Layer: "water", Anchor: at(v, 300, 400), Span: worldSpan(v, 500)},
	}
	got := NewLabels(areas, fixedMeasure).Place(v, nil, nil)
	if fmt.Sprint(texts(got)) != "[Balkhash]" || got[0].Style != WaterName || got[0].Style.Font() != Italic {
		t.Errorf("Place = %v; want only Balkhash, in italic", texts(got))
	}
}

func TestHiddenLayersAndHiddenLabelsAreUnnamed(t *testing.T) {
	v := testView(t)
	areas := []Area{
		{Layer: "countries", Kind: "country", Name: "Iran", Anchor: at(v, 200, 200), Span: 2e6},
		{Layer: "water", Name: "Aral", Anchor: at(v, 500, 200), Span: 1e6},
	}
	l := NewLabels(areas, fixedMeasure)
	v.Visible = shown("labels", "countries")
	if got := l.Place(v, nil, nil); fmt.Sprint(texts(got)) != "[Iran]" {
		t.Errorf("with water hidden, Place = %v; want [Iran]", texts(got))
	}
	v.Visible = shown("countries", "water")
	if got := l.Place(v, nil, nil); len(got) != 0 {
		t.Errorf("with labels hidden, Place = %v; want none", texts(got))
	}
}

func TestSymbolNamesGoRightElseLeftAboveOrBelow(t *testing.T) {
	v := testView(t)
	sym := Symbols(nil, []Point{{Ref: 7, ID: "almaty", Layer: "cities", World: at(v, 400, 300), Radius: 5,
		Name: "Almaty (Alma-Ata)", Capital: false}}, v)
	l := NewLabels(nil, fixedMeasure)
	w, h := fixedMeasure("Almaty", PointName)
	off := 5.0 + LabelGap + 1
	for _, c := range []struct {
		obstacles []geo.LabelBox
		side      Side
		box       geo.LabelBox
	}{
		{nil, Right, geo.LabelBox{X: 400 + off + w/2, Y: 300, W: w, H: h}},
		{[]geo.LabelBox{{X: 450, Y: 300, W: 20, H: 20}}, Left, geo.LabelBox{X: 400 - off - w/2, Y: 300, W: w, H: h}},
		{[]geo.LabelBox{{X: 400, Y: 300, W: 200, H: 10}}, Above, geo.LabelBox{X: 400, Y: 300 - off - h/2, W: w, H: h}},
		{[]geo.LabelBox{{X: 400, Y: 280, W: 200, H: 30}}, Below, geo.LabelBox{X: 400, Y: 300 + off + h/2, W: w, H: h}},
	} {
		got := l.Place(v, sym, c.obstacles)
		if len(got) != 1 || got[0].Text != "Almaty" || got[0].Side != c.side || got[0].Ref != 7 || got[0].NamesArea() {
			t.Errorf("with obstacles %v: Place = %+v; want Almaty on side %d", c.obstacles, got, c.side)
			continue
		}
		if b := got[0].Box; !near(b.X, c.box.X) || !near(b.Y, c.box.Y) || b.W != c.box.W || b.H != c.box.H {
			t.Errorf("with obstacles %v: box %v; want %v", c.obstacles, b, c.box)
		}
	}
	if got := l.Place(v, sym, []geo.LabelBox{{X: 400, Y: 300, W: 200, H: 60}}); len(got) != 0 {
		t.Errorf("boxed in: Place = %v; want none", texts(got))
	}
}

func TestCapitalsAreNamedInBold(t *testing.T) {
	v := testView(t)
	sym := Symbols(nil, []Point{{ID: "astana", Layer: "cities", World: at(v, 400, 300), Radius: 6.5, Name: "Astana", Capital: true}}, v)
	got := NewLabels(nil, fixedMeasure).Place(v, sym, nil)
	if len(got) != 1 || got[0].Style != CapitalName || got[0].Style.Font() != Bold {
		t.Errorf("Place = %+v; want Astana in the capital style", got)
	}
}

func TestCentralNameMovesToClearASymbol(t *testing.T) {
	v := testView(t)
	areas := []Area{{Layer: "countries", Name: "Tajikistan", Central: true, Anchor: at(v, 400, 300), Span: 5e5}}
	sym := Symbols(nil, []Point{{ID: "dushanbe", Layer: "cities", World: at(v, 400, 300), Radius: 6.5}}, v)
	got := NewLabels(areas, fixedMeasure).Place(v, sym, nil)
	if len(got) != 1 || got[0].Text != "TAJIKISTAN" {
		t.Fatalf("Place = %v; want TAJIKISTAN", texts(got))
	}
	if b := got[0].Box; near(b.Y, 300) || overlaps(b, geo.LabelBox{X: 400, Y: 300, W: 13, H: 13}, 0) {
		t.Errorf("TAJIKISTAN at %v; want it moved off the symbol at (400, 300)", b)
	}
}

func TestLabelsNeverOverlapEachOtherSymbolsOrObstacles(t *testing.T) {
	v := testView(t)
	var areas []Area
	var points []Point
	for i := range 60 {
		x, y := 30+float64(i%10)*75, 40+float64(i/10)*90
		kinds := []Area{
			{Layer: "countries", Kind: "country", Central: i%7 == 0, Name: fmt.Sprintf("Country %d", i)},
			{Layer: "water", Name: fmt.Sprintf("Lake %d", i)},
		}
		a := kinds[i%2]
		a.Ref, a.Anchor, a.Span = i, at(v, x, y), worldSpan(v, float64(40+i*3))
		areas = append(areas, a)
		points = append(points, Point{Ref: i, ID: fmt.Sprint(i), Layer: "cities", World: at(v, x+20, y+15),
			Radius: 4, Priority: i % 3, Name: fmt.Sprintf("Town %d", i), Capital: i%5 == 0})
	}
	sym := Symbols(nil, points, v)
	button := ButtonColumn(800, 600)
	got := NewLabels(areas, fixedMeasure).Place(v, sym, []geo.LabelBox{button})
	if len(got) < 20 {
		t.Fatalf("Place kept %d names; want a good many", len(got))
	}
	for i, a := range got {
		if a.Box.X-a.Box.W/2 < 0 || a.Box.Y-a.Box.H/2 < 0 || a.Box.X+a.Box.W/2 > 800 || a.Box.Y+a.Box.H/2 > 600 {
			t.Errorf("%q at %v leaves the 800×600 view", a.Text, a.Box)
		}
		if overlaps(a.Box, button, LabelGap) {
			t.Errorf("%q at %v is under the button column %v", a.Text, a.Box, button)
		}
		for _, b := range got[:i] {
			if overlaps(a.Box, b.Box, LabelGap) {
				t.Errorf("%q at %v overlaps %q at %v", a.Text, a.Box, b.Text, b.Box)
			}
		}
		gap := LabelGap
		if a.Style == CentralName { // placed before the symbols, then moved off them if it can be
			gap = 0
		}
		for _, s := range sym {
			if overlaps(a.Box, geo.LabelBox{X: s.X, Y: s.Y, W: 2 * s.R, H: 2 * s.R}, float64(gap)) {
				t.Errorf("%q at %v overlaps symbol %s at (%.0f, %.0f)", a.Text, a.Box, s.ID, s.X, s.Y)
			}
		}
	}
}

func TestEmphasisScalesNames(t *testing.T) {
	v := testView(t)
	areas := []Area{{Layer: "countries", Name: "Uzbekistan", Central: true, Anchor: at(v, 400, 300), Span: 1e6}}
	l := NewLabels(areas, fixedMeasure)
	w, h := fixedMeasure("UZBEKISTAN", CentralName)
	v.Emphasis = 1.5
	got := l.Place(v, nil, nil)
	if len(got) != 1 || !near(got[0].Box.W, 1.5*w) || !near(got[0].Box.H, 1.5*h) {
		t.Errorf("Place at emphasis 1.5 = %+v; want a %g×%g box", got, 1.5*w, 1.5*h)
	}
}

func TestTextsAreMeasuredOnceAndFramesDoNotAllocate(t *testing.T) {
	v := testView(t)
	areas := []Area{{Layer: "countries", Name: "Kazakhstan", Central: true, Anchor: at(v, 300, 300), Span: 3e6}}
	sym := Symbols(nil, []Point{{ID: "a", Layer: "cities", World: at(v, 500, 200), Radius: 4, Name: "Aktau"}}, v)
	calls := 0
	l := NewLabels(areas, func(s string, st Style) (float64, float64) { calls++; return fixedMeasure(s, st) })
	obstacles := []geo.LabelBox{ButtonColumn(800, 600)}
	l.Place(v, sym, obstacles)
	if n := testing.AllocsPerRun(50, func() { l.Place(v, sym, obstacles) }); n != 0 {
		t.Errorf("Place allocates %g times a frame; want 0", n)
	}
	if calls != 2 {
		t.Errorf("measured %d times in 51 frames; want 2, once per text", calls)
	}
}

func TestButtonColumnIsTheRightEdge(t *testing.T) {
	if got, want := ButtonColumn(800, 600), (geo.LabelBox{X: 772, Y: 300, W: 56, H: 600}); got != want {
		t.Errorf("ButtonColumn(800, 600) = %v; want %v", got, want)
	}
}

func texts(ls []Label) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Text)
	}
	return out
}
