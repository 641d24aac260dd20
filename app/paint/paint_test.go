package paint_test

import (
	"image/color"
	"strings"
	"sync"
	"testing"

	"github.com/paulmach/orb"

	"heartland/app/paint"
	"heartland/app/scene"
	"heartland/app/views"
	"heartland/assets"
	"heartland/geo"
	"heartland/mapstyle"
	"heartland/yourdata"
)

var (
	facts  = sync.OnceValues(assets.LoadFacts)
	layers = func(t *testing.T) []geo.Layer {
		t.Helper()
		l, err := assets.Layers()
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
)

// newScene is the map's scene without a prepared scene, or with one that
// holds the meshes of level 6, as the data bundle does.
func newScene(t *testing.T, prepared bool) *scene.Scene {
	t.Helper()
	f, err := facts()
	if err != nil {
		t.Fatal(err)
	}
	var ps *geo.PreparedScene
	if prepared {
		b, err := geo.PrepareScene(layers(t), geo.CentralAsia, geo.PrepareOptions{Indexed: scene.Indexed, Levels: []int{6}, Dash: mapstyle.DashPattern}).MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if ps, err = geo.DecodePreparedScene(b); err != nil {
			t.Fatal(err)
		}
	}
	s, notUsed := scene.New(layers(t), f, ps)
	if notUsed != nil {
		t.Fatalf("scene.New: %v", notUsed)
	}
	return s
}

const readerLayer = `{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"Our school"},"geometry":{"type":"Point","coordinates":[66.5,48.5]}},
 {"type":"Feature","properties":{"name":"Our trip","stroke":"#ff0000"},"geometry":{"type":"LineString","coordinates":[[69,41],[76,43]]}},
 {"type":"Feature","properties":{"name":"Our valley","fill":"#0000ff"},"geometry":{"type":"Polygon","coordinates":[[[70,40],[72,40],[72,41],[70,41],[70,40]]]}}
]}`

func addReaderLayer(t *testing.T, s *scene.Scene) []geo.Feature {
	t.Helper()
	res, err := yourdata.Decode([]byte(readerLayer), "custom1", "")
	if err != nil {
		t.Fatal(err)
	}
	features := res.Features
	s.AddCustomLayer(geo.Layer{ID: "custom1", Name: "Mine", Features: features}, mapstyle.CustomColors[0])
	return features
}

func TestBuildColoursEachRoleFromThePalette(t *testing.T) {
	s := newScene(t, false)
	for _, theme := range []string{mapstyle.ThemeLight, mapstyle.ThemeDark, mapstyle.ThemeContrast} {
		p, _ := mapstyle.PaletteFor(theme)
		l := paint.Build(s, 5, p)
		for _, c := range []struct {
			role string
			m    *paint.Mesh
			want color.NRGBA
		}{
			{"neighbours", l.Neighbours, p.Neighbour}, {"central", l.Central, p.Central},
			{"territories", l.Territories, p.Territory}, {"lakes", l.Lakes, p.Water},
			{"former lakes", l.FormerLakes, p.FormerLake}, {"borders", l.Borders, p.Border},
			{"central borders", l.BordersCentral, p.BorderStrong}, {"coasts", l.Coasts, p.Coast},
		} {
			if c.m.Color != paint.RGBA(c.want) || c.m.VertexCount() == 0 {
				t.Errorf("%s: %s mesh is %v with %d vertices; want %v and some", theme, c.role, c.m.Color, c.m.VertexCount(), c.want)
			}
		}
		for k, m := range l.Lines {
			if want := paint.RGBA(p.KindColor(k.Kind)); m.Color != want {
				t.Errorf("%s: lines %v in %v; want the kind's %v", theme, k, m.Color, want)
			}
		}
		if len(l.Lines) == 0 {
			t.Errorf("%s: no line meshes", theme)
		}
	}
}

// The data bundle's meshes and those built in the browser are one code's:
// a level the bundle holds and the same level built agree.
func TestBundledAndBuiltMeshesAgree(t *testing.T) {
	built, bundled := paint.Build(newScene(t, false), 6, mapstyle.Light), paint.Build(newScene(t, true), 6, mapstyle.Light)
	if a, b := built.Central.VertexCount(), bundled.Central.VertexCount(); a != b || a == 0 {
		t.Errorf("central fills: built %d vertices, bundled %d; want the same", a, b)
	}
	if len(built.Lines) != len(bundled.Lines) {
		t.Errorf("built %d line groups, bundled %d; want the same", len(built.Lines), len(bundled.Lines))
	}
	for k, m := range built.Lines {
		if o := bundled.Lines[k]; o == nil || o.VertexCount() != m.VertexCount() || o.Color != m.Color {
			t.Errorf("line group %v: built %d vertices, bundled %v", k, m.VertexCount(), o)
		}
	}
}

func TestReadersLinesAndAreasAreDrawnInTheirColours(t *testing.T) {
	s := newScene(t, false)
	features := addReaderLayer(t, s)
	l := paint.Build(s, 5, mapstyle.Light)
	trip := s.Item(features[1].ID)
	if m := l.Lines[trip.LineKey()]; m == nil || m.Color != (color.RGBA{0xff, 0, 0, 0xff}) || m.VertexCount() == 0 {
		t.Errorf("the reader's line: %v; want a red mesh", m)
	}
	valley := s.Item(features[2].ID)
	if m := l.Lines[valley.LineKey()]; m == nil || m.VertexCount() == 0 {
		t.Error("the reader's area has no outline")
	}
	if len(l.CustomFills) != 1 {
		t.Fatalf("%d custom fills; want the area's one", len(l.CustomFills))
	}
	want := paint.Blend(color.RGBA{0, 0, 0xff, 0xff}, paint.RGBA(mapstyle.Light.Neighbour), 0.35)
	if f := l.CustomFills[0]; f.Layer != "custom1" || f.Color != want || f.VertexCount() == 0 {
		t.Errorf("custom fill: layer %q colour %v; want custom1 in %v, its fill blended toward the land", f.Layer, f.Color, want)
	}
	if got := paint.ItemColor(s.Item(features[0].ID), mapstyle.Dark); got != mapstyle.CustomColors[0] {
		t.Errorf("ItemColor(reader's point) = %v; want its layer's %v in any palette", got, mapstyle.CustomColors[0])
	}
}

func TestCountryOutlineIsBuiltOnceAndOnlyForCountries(t *testing.T) {
	l := paint.Build(newScene(t, false), 4, mapstyle.Dark)
	o := l.CountryOutline("KAZ")
	if o == nil || o.VertexCount() == 0 || o.Color != paint.RGBA(mapstyle.Dark.Outline) {
		t.Fatalf("CountryOutline(KAZ) = %v; want an outline in the palette's outline colour", o)
	}
	if l.CountryOutline("KAZ") != o {
		t.Error("the outline was built again")
	}
	for _, id := range []string{"", "no-such-id", "kashagan"} {
		if l.CountryOutline(id) != nil {
			t.Errorf("CountryOutline(%q) is not nil", id)
		}
	}
}

func TestCacheKeepsTheLevelsUsedLast(t *testing.T) {
	var c paint.Cache[int]
	builds := 0
	get := func(level int) int {
		return c.Get(level, func(l int) int { builds++; return l * 10 })
	}
	// With two kept: 3 drops 1; 1 again drops 2 and is built anew.
	for _, level := range []int{1, 2, 2, 3, 1} {
		if got := get(level); got != level*10 {
			t.Fatalf("Get(%d) = %d", level, got)
		}
	}
	if paint.MaxCachedLevels != 2 || builds != 4 {
		t.Errorf("%d builds, %d kept; want 4 (level 2 reused), 2", builds, paint.MaxCachedLevels)
	}
	get(3)
	if builds != 4 {
		t.Errorf("%d builds after getting 3 again; want it kept", builds)
	}
	c.Drop()
	get(3)
	if builds != 5 {
		t.Errorf("after Drop, %d builds; want level 3 rebuilt", builds)
	}
}

func TestSpotlightDimsAllButTheCountryAndFadesWhatIsOutside(t *testing.T) {
	s := newScene(t, false)
	var sp paint.Spotlight
	whole := sp.Mask(s, "almaty", 4)
	country := sp.Mask(s, "KAZ", 4)
	if whole.Color != paint.SpotColor || country.VertexCount() <= whole.VertexCount() {
		t.Errorf("mask of a city %d vertices, of Kazakhstan %d; want the country's hole added", whole.VertexCount(), country.VertexCount())
	}
	if sp.Mask(s, "KAZ", 4) != country {
		t.Error("the mask was built again")
	}
	almaty, tashkent, uzb := s.Item("almaty"), s.Item("tashkent"), s.Item("UZB")
	if almaty == nil || tashkent == nil || uzb == nil {
		t.Fatal("the data lacks Almaty, Tashkent or Uzbekistan")
	}
	for _, c := range []struct {
		spot string
		it   *scene.Item
		want bool
	}{
		{"KAZ", almaty, false}, {"KAZ", tashkent, true}, {"KAZ", uzb, true}, {"KAZ", s.Item("KAZ"), false},
		{"almaty", tashkent, true}, {"almaty", almaty, false}, {"", tashkent, false}, {"KAZ", nil, false},
	} {
		if got := sp.Faded(s, c.spot, c.it); got != c.want {
			t.Errorf("Faded(spotlight on %q, %v) = %v; want %v", c.spot, c.it, got, c.want)
		}
	}
}

func attr(list []views.Attr, name string) string {
	for _, a := range list {
		if a.Name == name {
			return a.Value
		}
	}
	return ""
}

func TestHighlightFillsCountriesAndCasesLines(t *testing.T) {
	s := newScene(t, false)
	var line string
	for _, it := range s.Items() {
		if _, ok := it.World.(orb.LineString); ok && it.Layer == "energy" {
			line = it.Feature.ID
			break
		}
	}
	if line == "" {
		t.Fatal("no energy line in the data")
	}
	p := mapstyle.Dark
	h := paint.Highlight(s, "UZB", "KAZ", false, 4, p, 1)
	if d := attr(h[paint.HoverArea], "d"); !strings.HasPrefix(d, "M") || !strings.HasSuffix(d, "Z") {
		t.Errorf("hovered Uzbekistan's path %.40q; want closed rings", d)
	}
	if got := attr(h[paint.HoverArea], "fill"); got != views.HexColor(paint.RGBA(p.Hover)) {
		t.Errorf("hovered central country filled %s; want the palette's hover", got)
	}
	if got := attr(h[paint.SelectedArea], "stroke"); got != views.HexColor(paint.RGBA(p.Outline)) || attr(h[paint.SelectedArea], "stroke-width") != "2.5" {
		t.Errorf("selected Kazakhstan stroked %s %s; want the outline colour, 2.5 px", got, attr(h[paint.SelectedArea], "stroke-width"))
	}
	if attr(h[paint.HoverStroke], "d") != "" || attr(h[paint.SelectedCasing], "d") != "" {
		t.Error("countries got line paths")
	}

	h = paint.Highlight(s, line, line, true, 4, p, 1.4)
	if attr(h[paint.HoverCasing], "d") != "" || attr(h[paint.HoverArea], "d") != "" {
		t.Error("hovering the selection drew it twice")
	}
	casing, stroke := h[paint.SelectedCasing], h[paint.SelectedStroke]
	if d := attr(stroke, "d"); !strings.HasPrefix(d, "M") || strings.HasSuffix(d, "Z") || d != attr(casing, "d") {
		t.Errorf("line paths %.40q, casing %.40q; want one open course", d, attr(casing, "d"))
	}
	it := s.Item(line)
	w := mapstyle.Kinds[it.Feature.Kind].Width * 1.4
	if attr(casing, "stroke-width") <= attr(stroke, "stroke-width") && w > 0 || attr(stroke, "stroke") != views.HexColor(paint.ItemColor(it, p)) {
		t.Errorf("casing %v, stroke %v; want a wider casing under the kind's colour", casing, stroke)
	}

	h = paint.Highlight(s, "", "KAZ", true, 4, p, 1.4)
	if attr(h[paint.SelectedArea], "d") != "" {
		t.Error("with the spotlight on, the selected area was filled too")
	}
	s.SetVisible("countries", false)
	if attr(paint.Highlight(s, "UZB", "", false, 4, p, 1)[paint.HoverArea], "d") != "" {
		t.Error("a hidden layer's country was highlighted")
	}
}

func TestHighlightTransformMapsWorldMetresToCSSPixels(t *testing.T) {
	if got, want := paint.HighlightTransform(0.004, 640, 400, 2), "matrix(0.002 0 0 -0.002 320.00 200.00)"; got != want {
		t.Errorf("HighlightTransform = %q; want %q", got, want)
	}
}

func TestHighlightFrameHoldsAPathForEachPart(t *testing.T) {
	svg := paint.HighlightFrame()
	if svg.Tag != "svg" || svg.Attr("id") != "highlight" || len(svg.Kids) != 1 || len(svg.Kids[0].Kids) != paint.HighlightPaths {
		t.Fatalf("HighlightFrame() = %+v; want an svg#highlight with a g of %d paths", svg, paint.HighlightPaths)
	}
	if p := svg.Kids[0].Kids[0]; p.Tag != "path" || p.Attr("vector-effect") != "non-scaling-stroke" {
		t.Errorf("path %+v; want strokes that keep their width", p)
	}
	if !strings.Contains(svg.Attr("style"), "pointer-events: none") {
		t.Errorf("style %q; want the pointer to pass through", svg.Attr("style"))
	}
}
