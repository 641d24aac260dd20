package placement

import (
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"heartland/assets"
	"heartland/geo"
	"heartland/mapstyle"
)

// homeMap is the real data at the home view of a 1280×720 map, as the
// live map holds it: every layer shown.
func homeMap(t testing.TB) (View, []Area, []Point) {
	t.Helper()
	layers, err := assets.Layers()
	if err != nil {
		t.Fatal(err)
	}
	var world orb.Bound
	var areas []Area
	var points []Point
	visible := map[string]bool{"labels": true}
	for _, l := range layers {
		visible[l.ID] = true
		for _, f := range l.Features {
			w := geo.ToWorld(geo.CentralAsia, f.Geometry)
			if l.ID == "countries" {
				world = world.Union(w.Bound())
			}
			if p, ok := w.(orb.Point); ok {
				if k, ok := mapstyle.Kinds[f.Kind]; ok {
					points = append(points, Point{Ref: len(points), ID: f.ID, Layer: l.ID, World: p,
						Radius: k.Radius, Priority: k.Priority, Name: f.Name, Capital: f.Kind == "capital"})
				}
				continue
			}
			a := Area{Ref: len(areas), Layer: l.ID, Kind: f.Kind, Name: f.Name,
				Central: f.StringProp("group") == "central", Span: w.Bound().Right() - w.Bound().Left(), World: w}
			if ll, ok := f.LabelPoint(); ok && a.Named() {
				a.Anchor = geo.CentralAsia.Forward(ll)
				areas = append(areas, a)
			}
		}
	}
	cam := geo.NewCamera(geo.CentralAsia, geo.Limits{World: world, MaxZoom: 11})
	cam.SetViewport(1280, 720, 1)
	cam.FitBounds(geo.HomeView, 16)
	return View{Camera: cam, Visible: func(l string) bool { return visible[l] }}, areas, points
}

// TestHomeViewNamesTheFiveCentralAsianCountries places the real data's
// names and symbols at the home view, the button column kept clear.
func TestHomeViewNamesTheFiveCentralAsianCountries(t *testing.T) {
	v, areas, points := homeMap(t)
	sym := Symbols(nil, points, v)
	got := NewLabels(areas, fixedMeasure).Place(v, sym, []geo.LabelBox{ButtonColumn(1280, 720)})
	var names []string
	for _, l := range got {
		if l.Style == CentralName {
			names = append(names, l.Text)
		}
	}
	slices.Sort(names)
	want := []string{"KAZAKHSTAN", "KYRGYZSTAN", "TAJIKISTAN", "TURKMENISTAN", "UZBEKISTAN"}
	if !slices.Equal(names, want) {
		t.Errorf("central names at the home view = %v; want %v", names, want)
	}
	if len(sym) < 10 || len(got) < 20 {
		t.Errorf("home view shows %d symbols and %d names; want a map's worth", len(sym), len(got))
	}
}

// TestZoomedInNamesTheCountriesInView zooms to the Fergana Valley, where
// three countries meet and none has its label anchor on screen: each is
// named inside its part of the view, and the neighbours shown are too.
func TestZoomedInNamesTheCountriesInView(t *testing.T) {
	v, areas, points := homeMap(t)
	layers, err := assets.Layers()
	if err != nil {
		t.Fatal(err)
	}
	countries := geo.NewCountries(layers[0].Features)
	v.Camera.SetView(orb.Point{71.2, 40.8}, 8)
	sym := Symbols(nil, points, v)
	got := NewLabels(areas, fixedMeasure).Place(v, sym, []geo.LabelBox{ButtonColumn(1280, 720)})
	byText := map[string]Label{}
	for _, l := range got {
		byText[l.Text] = l
	}
	for _, c := range []struct {
		name string
		in   string // the country the name must sit in
	}{{"UZBEKISTAN", "UZB"}, {"KYRGYZSTAN", "KGZ"}, {"TAJIKISTAN", "TJK"}} {
		l, ok := byText[c.name]
		if !ok {
			t.Errorf("no %s at zoom 8 over Fergana; names placed: %v", c.name, keys(byText))
			continue
		}
		at := geo.CentralAsia.Inverse(v.Camera.ScreenToWorld(l.Box.X, l.Box.Y))
		if got := countries.At(at); got != c.in {
			t.Errorf("%s is placed at %v, in %q; want inside %s", c.name, at, got, c.in)
		}
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// BenchmarkHomeFrame is what a frame at the home view decides, as the live
// map runs it: the symbols kept and the names placed (text already
// measured, as after the first frame).
func BenchmarkHomeFrame(b *testing.B) {
	v, areas, points := homeMap(b)
	labels := NewLabels(areas, fixedMeasure)
	obstacles := []geo.LabelBox{ButtonColumn(1280, 720)}
	sym := Symbols(nil, points, v)
	labels.Place(v, sym, obstacles)
	var placed []Label
	b.ReportAllocs()
	for b.Loop() {
		sym = Symbols(sym[:0], points, v)
		placed = labels.Place(v, sym, obstacles)
	}
	b.ReportMetric(float64(len(sym)), "symbols/op")
	b.ReportMetric(float64(len(placed)), "names/op")
}
