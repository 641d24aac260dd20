package geo_test

import (
	"math"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// The tests read the committed border data rather than fixtures, so they
// check the map people see.
var (
	assetsOnce sync.Map // file name → *assetResult
)

type assetResult struct {
	once     sync.Once
	features []geo.Feature
	err      error
}

// loadBorders decodes assets/borders/name once per test binary.
func loadBorders(tb testing.TB, name string) []geo.Feature {
	tb.Helper()
	v, _ := assetsOnce.LoadOrStore(name, &assetResult{})
	r := v.(*assetResult)
	r.once.Do(func() {
		data, err := os.ReadFile(filepath.Join("..", "assets", "borders", name))
		if err != nil {
			r.err = err
			return
		}
		r.features, r.err = geo.DecodeGeoJSON(data)
	})
	if r.err != nil {
		tb.Fatalf("loading %s: %v", name, r.err)
	}
	return r.features
}

// feature returns the feature with id from features, or fails the test.
func feature(tb testing.TB, features []geo.Feature, id string) *geo.Feature {
	tb.Helper()
	for i := range features {
		if features[i].ID == id {
			return &features[i]
		}
	}
	tb.Fatalf("no feature %q", id)
	return nil
}

// worldMultiPolygon returns a country's geometry in world metres.
func worldMultiPolygon(tb testing.TB, id string) orb.MultiPolygon {
	tb.Helper()
	f := feature(tb, loadBorders(tb, "countries.geojson"), id)
	mp, ok := geo.ToWorld(geo.CentralAsia, f.Geometry).(orb.MultiPolygon)
	if !ok {
		tb.Fatalf("%s: geometry is %T; want orb.MultiPolygon", id, f.Geometry)
	}
	return mp
}

// Cities the tests project, [lon, lat] degrees.
var (
	almaty   = orb.Point{76.9, 43.25}
	astana   = orb.Point{71.43, 51.13}
	tashkent = orb.Point{69.24, 41.31}
	baku     = orb.Point{49.87, 40.41}
	caspian  = orb.Point{51.0, 42.0} // open water between Baku and Aktau
)

// regionBox is the lon/lat box the camera tests keep the map on.
var regionBox = orb.Bound{Min: orb.Point{27, 20}, Max: orb.Point{97, 60}}

func regionLimits() geo.Limits {
	return geo.Limits{World: geo.CentralAsia.ForwardBound(regionBox), MaxZoom: 12}
}

// allPoints lists every vertex of g.
func allPoints(g orb.Geometry) []orb.Point {
	var out []orb.Point
	switch g := g.(type) {
	case orb.Point:
		out = append(out, g)
	case orb.MultiPoint:
		out = append(out, g...)
	case orb.LineString:
		out = append(out, g...)
	case orb.Ring:
		out = append(out, g...)
	case orb.MultiLineString:
		for _, l := range g {
			out = append(out, l...)
		}
	case orb.Polygon:
		for _, r := range g {
			out = append(out, r...)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			for _, r := range p {
				out = append(out, r...)
			}
		}
	}
	return out
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func nearPoint(a, b orb.Point, tol float64) bool {
	return near(a[0], b[0], tol) && near(a[1], b[1], tol)
}
