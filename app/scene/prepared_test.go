package scene_test

import (
	"bytes"
	"math"
	"testing"

	"github.com/paulmach/orb"

	"heartland/app/scene"
	"heartland/assets"
	"heartland/geo"
	"heartland/mapstyle"
	"heartland/yourdata"
)

func geoPoint(lon, lat float64) orb.Point { return orb.Point{lon, lat} }

// prepared returns a prepared scene as the data bundle carries it, viewed
// in place in the returned bytes.
func prepared(t *testing.T) ([]byte, *geo.PreparedScene) {
	t.Helper()
	return preparedIndexing(t, scene.Indexed)
}

// preparedIndexing returns a prepared scene whose hit index holds what
// indexed says.
func preparedIndexing(t *testing.T, indexed func(string, *geo.Feature) bool) ([]byte, *geo.PreparedScene) {
	t.Helper()
	layers, err := assets.Layers()
	if err != nil {
		t.Fatal(err)
	}
	b, err := geo.PrepareScene(layers, geo.CentralAsia, geo.PrepareOptions{Indexed: indexed, Levels: []int{6}, Dash: mapstyle.DashPattern}).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := geo.DecodePreparedScene(b)
	if err != nil {
		t.Fatal(err)
	}
	return b, ps
}

func TestPreparedSceneGivesTheSameItemsAndAnchors(t *testing.T) {
	b, ps := prepared(t)
	kept := bytes.Clone(b)
	// As the browser does: the lon/lat geometry of lines and areas stays
	// packed, and the prepared scene gives what is drawn.
	computed, fromBundle := newScene(t, nil), newSceneOf(t, assets.LayersPacked, ps)
	if fromBundle.Item("KAZ").Feature.Geometry != nil {
		t.Error("KAZ's lon/lat geometry was decoded at start; want it left packed")
	}
	for _, id := range []string{"KAZ", "cpc-pipeline", "kashagan"} {
		if g, w := fromBundle.Bound(id), computed.Bound(id); g != w || g.IsEmpty() {
			t.Errorf("Bound(%s) = %v from packed layers; want %v", id, g, w)
		}
	}
	ci, pi := computed.Items(), fromBundle.Items()
	if len(ci) != len(pi) {
		t.Fatalf("prepared: %d items; computed: %d", len(pi), len(ci))
	}
	for i := range ci {
		c, p := ci[i], pi[i]
		if c.Feature.ID != p.Feature.ID || c.Layer != p.Layer || c.Central != p.Central || c.Status != p.Status {
			t.Fatalf("item %d: prepared %s/%s; computed %s/%s", i, p.Layer, p.Feature.ID, c.Layer, c.Feature.ID)
		}
		if dist(c.Anchor, p.Anchor) > 1 {
			t.Errorf("%s: prepared anchor %v; computed %v", c.Feature.ID, p.Anchor, c.Anchor)
		}
		cb, pb := c.World.Bound(), p.World.Bound()
		if dist(cb.Min, pb.Min) > 1 || dist(cb.Max, pb.Max) > 1 {
			t.Errorf("%s: prepared bound %v; computed %v", c.Feature.ID, pb, cb)
		}
	}
	for _, id := range []string{"KAZ", "kashagan"} {
		want := ps.World(indexOf(fromBundle, id))
		if !sameMemory(fromBundle.Item(id).World, want) {
			t.Errorf("Item(%s).World is a copy; want the prepared geometry itself", id)
		}
	}
	if fromBundle.PreparedMeshes(6) == nil || computed.PreparedMeshes(6) != nil || fromBundle.PreparedMeshes(9) != nil {
		t.Error("PreparedMeshes(6) should come from the bundle only, PreparedMeshes(9) from neither")
	}
	// The bundle's hit index answers as the computed one.
	for _, p := range []orb.Point{kazInterior, kashagan, {69.2163, 41.2647}, {59, 40}, {75, 42}} {
		if g, w := at(fromBundle, p, 3000), at(computed, p, 3000); g != w {
			t.Errorf("FeatureAt(%v): prepared %q; computed %q", p, g, w)
		}
	}
	if !near(fromBundle.WorldBound(), computed.WorldBound()) {
		t.Errorf("WorldBound(): prepared %v; computed %v", fromBundle.WorldBound(), computed.WorldBound())
	}
	// A reader's layer comes and goes without touching the bundle.
	res, _ := yourdata.Decode([]byte(readerLayer), "custom1", "")
	fromBundle.AddCustomLayer(geo.Layer{ID: "custom1", Features: res.Features}, mapstyle.CustomColors[0])
	fromBundle.RemoveLayer("custom1")
	if at(fromBundle, kashagan, 3000) != "kashagan" {
		t.Error("after a reader's layer came and went, the prepared scene lost Kashagan")
	}
	if !bytes.Equal(b, kept) {
		t.Error("the prepared scene's bytes changed; the scene must never modify them")
	}
	// Export and the quiz read Layers(): every geometry decoded, as the CLI has it.
	for li, l := range fromBundle.Layers() {
		for fi, f := range l.Features {
			if w := computed.Layers()[li].Features[fi].Geometry; !orb.Equal(f.Geometry, w) {
				t.Fatalf("Layers(): %s geometry differs from the eagerly decoded one", f.ID)
			}
		}
	}
}

func TestPreparedSceneOfOtherLayersIsSetAside(t *testing.T) {
	_, ps := prepared(t)
	layers, err := assets.Layers()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := facts()
	s, notUsed := scene.New(layers[:len(layers)-1], f, ps)
	if notUsed == nil {
		t.Fatal("New with a prepared scene of other layers: notUsed = nil; want why")
	}
	if s.PreparedMeshes(6) != nil {
		t.Error("a set-aside prepared scene still gives its meshes")
	}
	if got := at(s, kazInterior, 3000); got != "KAZ" {
		t.Errorf("computed instead: FeatureAt(Kazakhstan) = %q; want KAZ", got)
	}
}

func TestPreparedHitIndexThatDisagreesIsRebuilt(t *testing.T) {
	// A bundle from a build whose map selected only countries.
	_, ps := preparedIndexing(t, func(layer string, _ *geo.Feature) bool { return layer == mapstyle.LayerCountries })
	layers, err := assets.Layers()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := facts()
	s, notUsed := scene.New(layers, f, ps)
	if notUsed == nil {
		t.Fatal("New with a prepared hit index of countries only: notUsed = nil; want why")
	}
	if got := at(s, kashagan, 3000); got != "kashagan" {
		t.Errorf("hit index rebuilt: FeatureAt(Kashagan) = %q; want kashagan", got)
	}
	if !sameMemory(s.Item("KAZ").World, ps.World(indexOf(s, "KAZ"))) || s.PreparedMeshes(6) == nil {
		t.Error("the prepared geometry and meshes should still be used when only the hit index disagrees")
	}
}

func indexOf(s *scene.Scene, id string) int {
	for i, it := range s.Items() {
		if it.Feature.ID == id {
			return i
		}
	}
	return -1
}

// sameMemory reports whether two geometries share their first coordinate.
func sameMemory(a, b orb.Geometry) bool {
	first := func(g orb.Geometry) *orb.Point {
		switch g := g.(type) {
		case orb.Point:
			return nil
		case orb.MultiPolygon:
			return &g[0][0][0]
		case orb.Polygon:
			return &g[0][0]
		}
		return nil
	}
	if _, ok := a.(orb.Point); ok {
		return a == b
	}
	pa, pb := first(a), first(b)
	return pa != nil && pa == pb
}

func near(a, b orb.Bound) bool {
	return dist(a.Min, b.Min) < 1 && dist(a.Max, b.Max) < 1
}

// dist is the distance between two world points, metres.
func dist(a, b orb.Point) float64 { return math.Hypot(a[0]-b[0], a[1]-b[1]) }
