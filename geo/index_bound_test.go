package geo

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
)

func TestFastBoundIsOrbsBound(t *testing.T) {
	geoms := []orb.Geometry{
		orb.Point{1, 2},
		orb.LineString{{0, 0}, {3, -1}},
		orb.Polygon{{{0, 0}, {4, 0}, {4, 3}, {0, 0}}, {{1, 1}, {2, 1}, {2, 2}, {1, 1}}},
		orb.MultiPolygon{{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}, {{{-5, 7}, {-4, 7}, {-4, 9}, {-5, 7}}}},
		orb.MultiPolygon{},
		orb.Polygon{},
	}
	for _, name := range []string{"countries.bin", "lakes.bin"} {
		raw, err := os.ReadFile(filepath.Join("..", "assets", "packed", name))
		if err != nil {
			t.Fatal(err)
		}
		fs, err := UnpackFeatures(raw)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			geoms = append(geoms, ToWorld(CentralAsia, f.Geometry))
		}
	}
	for _, g := range geoms {
		if got, want := fastBound(g), g.Bound(); got != want {
			t.Errorf("fastBound(%T with bound %v) = %v; want %v", g, want, got, want)
		}
	}
}
