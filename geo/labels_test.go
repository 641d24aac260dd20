package geo_test

import (
	"slices"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"heartland/geo"
)

// lShape is an L of arms 2 km wide and 10 km long, in world metres: its
// centroid (3.2 km, 3.2 km) lies in the notch, outside the polygon.
var lShape = orb.Polygon{{{0, 0}, {10000, 0}, {10000, 2000}, {2000, 2000}, {2000, 10000}, {0, 10000}, {0, 0}}}

func TestLabelAnchorLiesInsideAnLShape(t *testing.T) {
	if c, _ := planar.CentroidArea(lShape); planar.PolygonContains(lShape, c) {
		t.Fatalf("centroid %v is inside the L; the test needs one outside", c)
	}
	got := geo.LabelAnchor(orb.MultiPolygon{lShape})
	if !planar.PolygonContains(lShape, got) {
		t.Fatalf("LabelAnchor(L) = %v; want a point inside it", got)
	}
	// The widest spot is mid-arm, 1 km from both sides.
	if d := planar.DistanceFrom(orb.LineString(lShape[0]), got); d < 900 {
		t.Errorf("LabelAnchor(L) = %v, %.0f m from the edge; want at least 900 m", got, d)
	}
}

func TestLabelAnchorUsesTheLargestPolygon(t *testing.T) {
	small := orb.Polygon{{{50000, 0}, {51000, 0}, {51000, 1000}, {50000, 1000}, {50000, 0}}}
	got := geo.LabelAnchor(orb.MultiPolygon{small, lShape})
	if !planar.PolygonContains(lShape, got) {
		t.Errorf("LabelAnchor(small square, L) = %v; want inside the L", got)
	}
}

func TestLabelAnchorAvoidsHoles(t *testing.T) {
	donut := orb.Polygon{
		{{0, 0}, {10000, 0}, {10000, 10000}, {0, 10000}, {0, 0}},
		{{2000, 2000}, {2000, 8000}, {8000, 8000}, {8000, 2000}, {2000, 2000}},
	}
	got := geo.LabelAnchor(orb.MultiPolygon{donut})
	if !planar.PolygonContains(donut, got) {
		t.Errorf("LabelAnchor(square with hole) = %v; want inside the rim", got)
	}
}

func TestLabelAnchorOfNothingIsTheOrigin(t *testing.T) {
	if got := geo.LabelAnchor(nil); got != (orb.Point{}) {
		t.Errorf("LabelAnchor(nil) = %v; want [0 0]", got)
	}
}

func TestLabelAnchorLiesInsideRealCountries(t *testing.T) {
	for _, id := range []string{"KAZ", "UZB", "KGZ", "TJK", "TKM", "AZE", "RUS", "CHN", "MNG"} {
		mp := worldMultiPolygon(t, id)
		got := geo.LabelAnchor(mp)
		if !planar.MultiPolygonContains(mp, got) {
			t.Errorf("LabelAnchor(%s) = %v (%v); want inside %s", id, got, geo.CentralAsia.Inverse(got), id)
		}
	}
}

func TestPlaceLabelsKeepsWhatFitsInPriorityOrder(t *testing.T) {
	const w, h = 800, 600
	box := func(x, y float64) geo.LabelBox { return geo.LabelBox{X: x, Y: y, W: 100, H: 20} }
	tests := []struct {
		name  string
		boxes []geo.LabelBox
		gap   float64
		want  []int
	}{
		{"apart", []geo.LabelBox{box(100, 100), box(300, 100), box(100, 300)}, 6, []int{0, 1, 2}},
		{"overlapping: first wins", []geo.LabelBox{box(100, 100), box(150, 105)}, 0, []int{0}},
		{"a big later box loses to a small earlier one", []geo.LabelBox{{X: 400, Y: 300, W: 10, H: 10}, {X: 400, Y: 300, W: 300, H: 100}}, 0, []int{0}},
		{"off the left", []geo.LabelBox{box(49, 100), box(50, 200)}, 0, []int{1}},
		{"off the right", []geo.LabelBox{box(751, 100), box(750, 200)}, 0, []int{1}},
		{"off the top", []geo.LabelBox{box(100, 9), box(300, 10)}, 0, []int{1}},
		{"off the bottom", []geo.LabelBox{box(100, 591), box(300, 590)}, 0, []int{1}},
		{"far off screen", []geo.LabelBox{box(-1e9, 100)}, 0, nil},
		{"4 px apart, gap 6", []geo.LabelBox{box(100, 100), box(204, 100)}, 6, []int{0}},
		{"4 px apart, gap 3", []geo.LabelBox{box(100, 100), box(204, 100)}, 3, []int{0, 1}},
		{"4 px apart vertically, gap 6", []geo.LabelBox{box(100, 100), box(100, 124)}, 6, []int{0}},
		{"touching, no gap", []geo.LabelBox{box(100, 100), box(200, 100)}, 0, []int{0, 1}},
		{"a dropped box blocks nothing", []geo.LabelBox{box(100, 100), box(180, 100), box(260, 100)}, 0, []int{0, 2}},
		{"none", nil, 6, nil},
	}
	for _, tt := range tests {
		if got := geo.PlaceLabels(nil, tt.boxes, w, h, tt.gap); !slices.Equal(got, tt.want) {
			t.Errorf("%s: PlaceLabels(%v, gap %v) = %v; want %v", tt.name, tt.boxes, tt.gap, got, tt.want)
		}
	}
}

func TestPlaceLabelsReusesItsSliceWithoutAllocating(t *testing.T) {
	boxes := make([]geo.LabelBox, 60)
	for i := range boxes {
		boxes[i] = geo.LabelBox{X: float64(40 + (i%10)*75), Y: float64(30 + (i/10)*90), W: 80, H: 16}
	}
	dst := make([]int, 0, len(boxes))
	allocs := testing.AllocsPerRun(100, func() {
		dst = geo.PlaceLabels(dst[:0], boxes, 800, 600, 6)
	})
	if allocs != 0 {
		t.Errorf("PlaceLabels(dst[:0], …) allocates %v times per call; want 0", allocs)
	}
	if len(dst) == 0 || len(dst) == len(boxes) {
		t.Errorf("PlaceLabels kept %d of %d crowded boxes; want some but not all", len(dst), len(boxes))
	}
}

func TestPlaceCandidatesFallsBackToTheNextFreeBox(t *testing.T) {
	symbol := []geo.LabelBox{{X: 50, Y: 50, W: 10, H: 10}}
	right := geo.LabelBox{X: 80, Y: 50, W: 40, H: 12}
	left := geo.LabelBox{X: 20, Y: 50, W: 40, H: 12}
	blocker := []geo.LabelBox{{X: 80, Y: 50, W: 30, H: 12}}
	got := geo.PlaceCandidates(nil, [][]geo.LabelBox{symbol, blocker, {right, left}}, 200, 100, 2)
	if len(got) != 3 {
		t.Fatalf("kept %d labels; want 3: %+v", len(got), got)
	}
	if got[2].Label != 2 || got[2].Box != left {
		t.Errorf("third label placed %+v; want the left box once the right one is taken", got[2])
	}
	none := geo.PlaceCandidates(nil, [][]geo.LabelBox{symbol, {{X: 50, Y: 50, W: 5, H: 5}}}, 200, 100, 2)
	if len(none) != 1 {
		t.Errorf("a label whose only box is taken was kept: %+v", none)
	}
	off := geo.PlaceCandidates(nil, [][]geo.LabelBox{{{X: -10, Y: 50, W: 10, H: 10}, {X: 10, Y: 50, W: 10, H: 10}}}, 200, 100, 2)
	if len(off) != 1 || off[0].Box.X != 10 {
		t.Errorf("off-screen first box: got %+v; want the second", off)
	}
}
