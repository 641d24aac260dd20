package geo_test

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"heartland/geo"
)

func TestCitiesLieInTheirCountries(t *testing.T) {
	tests := []struct {
		city    orb.Point
		country string
		notIn   string
	}{
		{almaty, "KAZ", "KGZ"},
		{astana, "KAZ", "RUS"},
		{tashkent, "UZB", "KAZ"},
		{baku, "AZE", "RUS"},
	}
	for _, tt := range tests {
		w := geo.CentralAsia.Forward(tt.city)
		if !planar.MultiPolygonContains(worldMultiPolygon(t, tt.country), w) {
			t.Errorf("%s contains Forward(%v) = false; want true", tt.country, tt.city)
		}
		if planar.MultiPolygonContains(worldMultiPolygon(t, tt.notIn), w) {
			t.Errorf("%s contains Forward(%v) = true; want false", tt.notIn, tt.city)
		}
	}
}

// countryIndex indexes every country in layer "countries" plus extra
// lon/lat features in layer "extra".
func countryIndex(tb testing.TB, extra ...*geo.Feature) *geo.Index {
	tb.Helper()
	ix := geo.NewIndex()
	countries := loadBorders(tb, "countries.geojson")
	for i := range countries {
		ix.Add("countries", &countries[i], geo.ToWorld(geo.CentralAsia, countries[i].Geometry))
	}
	for _, f := range extra {
		ix.Add("extra", f, geo.ToWorld(geo.CentralAsia, f.Geometry))
	}
	ix.Build()
	return ix
}

func TestIndexQueryFindsTheCountryUnderACity(t *testing.T) {
	ix := countryIndex(t)
	tests := []struct {
		at   orb.Point
		want string // "" for no hit
	}{
		{almaty, "KAZ"},
		{astana, "KAZ"},
		{tashkent, "UZB"},
		{baku, "AZE"},
		{caspian, ""},
		{orb.Point{150, 60}, ""}, // beyond every bound
	}
	for _, tt := range tests {
		hit, ok := ix.Query(geo.CentralAsia.Forward(tt.at), 0, nil)
		if got := hitID(hit, ok); got != tt.want {
			t.Errorf("Query(Forward(%v)) = %q; want %q", tt.at, got, tt.want)
		}
		if ok && hit.Layer != "countries" {
			t.Errorf("Query(Forward(%v)).Layer = %q; want countries", tt.at, hit.Layer)
		}
	}
}

func TestIndexQueryPrefersPointsThenLinesThenPolygons(t *testing.T) {
	const tol = 5000 // metres
	city := &geo.Feature{ID: "almaty", Kind: "city", Geometry: almaty}
	// A pipeline along 45°N from 70°E to 72°E, in Kazakhstan.
	pipe := &geo.Feature{ID: "pipe", Kind: "pipeline", Geometry: orb.LineString{{70, 45}, {71, 45}, {72, 45}}}
	ix := countryIndex(t, city, pipe)

	aw := geo.CentralAsia.Forward(almaty)
	mid := geo.CentralAsia.Forward(orb.Point{71, 45})
	tests := []struct {
		name string
		at   orb.Point // world metres
		want string
	}{
		{"on the city", aw, "almaty"},
		{"near the city", orb.Point{aw[0] + 0.6*tol, aw[1] - 0.6*tol}, "almaty"},
		{"beyond the city's tolerance", orb.Point{aw[0] + 1.5*tol, aw[1]}, "KAZ"},
		{"on the pipeline", mid, "pipe"},
		{"near the pipeline", orb.Point{mid[0], mid[1] + 0.9*tol}, "pipe"},
		{"beyond the pipeline's tolerance", orb.Point{mid[0], mid[1] - 1.1*tol}, "KAZ"},
		{"past the pipeline's end", orb.Point{geo.CentralAsia.Forward(orb.Point{72, 45})[0] + 2*tol, mid[1]}, "KAZ"},
	}
	for _, tt := range tests {
		hit, ok := ix.Query(tt.at, tol, nil)
		if got := hitID(hit, ok); got != tt.want {
			t.Errorf("%s: Query(%v, %v) = %q; want %q", tt.name, tt.at, float64(tol), got, tt.want)
		}
	}
}

func TestIndexQueryPicksTheNearestOfTwoPoints(t *testing.T) {
	a := &geo.Feature{ID: "a", Kind: "city", Geometry: orb.Point{70, 45}}
	b := &geo.Feature{ID: "b", Kind: "city", Geometry: orb.Point{70.05, 45}}
	ix := countryIndex(t, a, b)
	for _, tt := range []struct {
		lon  float64
		want string
	}{{70.01, "a"}, {70.04, "b"}} {
		hit, ok := ix.Query(geo.CentralAsia.Forward(orb.Point{tt.lon, 45}), 10000, nil)
		if got := hitID(hit, ok); got != tt.want {
			t.Errorf("Query(Forward(%v, 45)) = %q; want %q", tt.lon, got, tt.want)
		}
	}
}

func TestIndexQueryPrefersTheSmallerOfNestedPolygons(t *testing.T) {
	lake := &geo.Feature{ID: "lake", Kind: "lake", Geometry: orb.Polygon{{{76, 43}, {78, 43}, {78, 44}, {76, 44}, {76, 43}}}}
	ix := countryIndex(t, lake)
	hit, ok := ix.Query(geo.CentralAsia.Forward(almaty), 0, nil)
	if got := hitID(hit, ok); got != "lake" {
		t.Errorf("Query(Forward(%v)) = %q; want lake, the smaller polygon", almaty, got)
	}
}

func TestIndexQuerySkipsHiddenLayers(t *testing.T) {
	city := &geo.Feature{ID: "almaty", Kind: "city", Geometry: almaty}
	ix := countryIndex(t, city)
	w := geo.CentralAsia.Forward(almaty)
	tests := []struct {
		name    string
		visible func(string, *geo.Feature) bool
		want    string
	}{
		{"all", nil, "almaty"},
		{"countries only", func(l string, _ *geo.Feature) bool { return l == "countries" }, "KAZ"},
		{"extra only", func(l string, _ *geo.Feature) bool { return l == "extra" }, "almaty"},
		{"none", func(string, *geo.Feature) bool { return false }, ""},
		{"decluttered symbol", func(_ string, f *geo.Feature) bool { return f.ID != "almaty" }, "KAZ"},
	}
	for _, tt := range tests {
		hit, ok := ix.Query(w, 1000, tt.visible)
		if got := hitID(hit, ok); got != tt.want {
			t.Errorf("visible %s: Query(Forward(%v)) = %q; want %q", tt.name, almaty, got, tt.want)
		}
	}
}

func TestIndexQueryOnAnEmptyOrUnbuiltIndexFindsNothing(t *testing.T) {
	w := geo.CentralAsia.Forward(almaty)
	if hit, ok := geo.NewIndex().Query(w, 1e9, nil); ok {
		t.Errorf("NewIndex().Query = %v; want no hit", hit)
	}
	ix := geo.NewIndex()
	ix.Add("x", &geo.Feature{ID: "p"}, w)
	if hit, ok := ix.Query(w, 1, nil); ok {
		t.Errorf("Query before Build = %v; want no hit", hit)
	}
	ix.Build()
	if hit, ok := ix.Query(w, 1, nil); hitID(hit, ok) != "p" {
		t.Errorf("Query after Build = %q; want p", hitID(hit, ok))
	}
}

func TestIndexFindsMultiPointsAndMultiLines(t *testing.T) {
	mp := orb.MultiPoint{{1000, 1000}, {5000, 5000}}
	mls := orb.MultiLineString{{{0, 10000}, {10000, 10000}}, {{0, 20000}, {10000, 20000}}}
	ix := geo.NewIndex()
	ix.Add("x", &geo.Feature{ID: "mp"}, mp)
	ix.Add("x", &geo.Feature{ID: "mls"}, mls)
	ix.Build()
	tests := []struct {
		at   orb.Point
		want string
	}{
		{orb.Point{5050, 5000}, "mp"},
		{orb.Point{3000, 3000}, ""},
		{orb.Point{5000, 19950}, "mls"},
		{orb.Point{5000, 15000}, ""},
	}
	for _, tt := range tests {
		hit, ok := ix.Query(tt.at, 100, nil)
		if got := hitID(hit, ok); got != tt.want {
			t.Errorf("Query(%v, 100) = %q; want %q", tt.at, got, tt.want)
		}
	}
}

func hitID(h geo.Hit, ok bool) string {
	if !ok {
		return ""
	}
	return h.Feature.ID
}

func TestIndexQueryOnNaNFindsNothing(t *testing.T) {
	ix := countryIndex(t)
	w := geo.CentralAsia.Forward(almaty)
	nan := math.NaN()
	for _, tt := range []struct {
		at  orb.Point
		tol float64
	}{{orb.Point{nan, w[1]}, 1000}, {orb.Point{w[0], nan}, 1000}, {w, nan}} {
		if hit, ok := ix.Query(tt.at, tt.tol, nil); ok {
			t.Errorf("Query(%v, %v) = %q; want no hit", tt.at, tt.tol, hitID(hit, ok))
		}
	}
}

// A pointer move must not make garbage: the browser hit-tests on every one.
func TestIndexQueryDoesNotAllocate(t *testing.T) {
	layers := appLayers(t)
	ix := appIndex(t, layers, false)
	queries := randomWorldPoints(256, geo.CentralAsia.ForwardBound(layers[0].Bound()), 3)
	shown := map[string]bool{"countries": true, "cities": true}
	visible := func(layer string, _ *geo.Feature) bool { return shown[layer] }
	i := 0
	if n := testing.AllocsPerRun(1000, func() {
		ix.Query(queries[i%len(queries)], 20000, visible)
		i++
	}); n != 0 {
		t.Errorf("Query allocates %v times per call; want 0", n)
	}
}
