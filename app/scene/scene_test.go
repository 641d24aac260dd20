package scene_test

import (
	"image/color"
	"slices"
	"sync"
	"testing"

	"github.com/paulmach/orb"

	"heartland/app/scene"
	"heartland/assets"
	"heartland/geo"
	"heartland/mapstyle"
)

// facts are the country facts, decoded once; each test decodes the layers
// afresh, since a scene keeps them and a reader's layer is appended to them.
var facts = sync.OnceValues(assets.LoadFacts)

func newScene(t *testing.T, ps *geo.PreparedScene) *scene.Scene {
	t.Helper()
	return newSceneOf(t, assets.Layers, ps)
}

// newSceneOf is newScene with the layers from load (assets.Layers or, as
// the browser loads them, assets.LayersPacked).
func newSceneOf(t *testing.T, load func() ([]geo.Layer, error), ps *geo.PreparedScene) *scene.Scene {
	t.Helper()
	layers, err := load()
	if err != nil {
		t.Fatalf("assets.Layers(): %v", err)
	}
	f, err := facts()
	if err != nil {
		t.Fatalf("assets.LoadFacts(): %v", err)
	}
	s, notUsed := scene.New(layers, f, ps)
	if notUsed != nil {
		t.Fatalf("New: prepared scene not used: %v", notUsed)
	}
	return s
}

var (
	kazInterior = orb.Point{67, 48}         // central Kazakhstan, away from any symbol
	kashagan    = orb.Point{51.583, 46.167} // offshore, in the Caspian
)

// at returns the id a click at lonLat selects with tol world metres, or "".
func at(s *scene.Scene, lonLat orb.Point, tol float64) string {
	f, _ := s.FeatureAt(geo.CentralAsia.Forward(lonLat), tol)
	return f.ID
}

func TestFeatureAtFindsCountriesAndSymbols(t *testing.T) {
	s := newScene(t, nil)
	for _, tc := range []struct {
		name   string
		lonLat orb.Point
		want   string
	}{
		{"Kazakhstan's interior", kazInterior, "KAZ"},
		{"Kashagan, offshore", kashagan, "kashagan"},
		{"Kashagan's point, 2 km off", orb.Point{51.6, 46.167}, "kashagan"},
		{"Tashkent", orb.Point{69.2163, 41.2647}, "tashkent"},
		{"the open Indian Ocean", orb.Point{65, 10}, ""},
	} {
		if got := at(s, tc.lonLat, 3000); got != tc.want {
			t.Errorf("%s: FeatureAt(%v) = %q; want %q", tc.name, tc.lonLat, got, tc.want)
		}
	}
}

func TestHiddenLayersAndSymbolsCannotBeHit(t *testing.T) {
	s := newScene(t, nil)
	s.SetVisible(mapstyle.LayerEnergy, false)
	if s.Visible(mapstyle.LayerEnergy) {
		t.Fatal("Visible(energy) after SetVisible(energy, false) = true")
	}
	// Under the hidden field lies the Caspian: nothing to select.
	if got := at(s, kashagan, 3000); got != "" {
		t.Errorf("energy hidden: FeatureAt(Kashagan) = %q; want none", got)
	}
	s.SetVisible(mapstyle.LayerEnergy, true)
	s.SymbolShown = func(id string) bool { return id != "kashagan" }
	if got := at(s, kashagan, 3000); got != "" {
		t.Errorf("Kashagan's symbol decluttered: FeatureAt(Kashagan) = %q; want none", got)
	}
	s.SetVisible(mapstyle.LayerCountries, false)
	if got := at(s, kazInterior, 3000); got != "" {
		t.Errorf("countries hidden: FeatureAt(Kazakhstan) = %q; want none", got)
	}
}

func TestFeatureDescribesWhatTheMapNeeds(t *testing.T) {
	s := newScene(t, nil)
	f, ok := s.Feature("kashagan")
	if !ok || f.Name != "Kashagan" || f.Kind != "oil-field" || f.Layer != mapstyle.LayerEnergy || !f.Symbol || f.At != kashagan {
		t.Errorf("Feature(kashagan) = %+v, %v; want the oil field's symbol at %v", f, ok, kashagan)
	}
	f, ok = s.Feature("KAZ")
	if !ok || f.Kind != "country" || f.Symbol {
		t.Errorf("Feature(KAZ) = %+v, %v; want a country, not a symbol", f, ok)
	}
	for _, id := range []string{"", "nowhere"} {
		if _, ok := s.Feature(id); ok {
			t.Errorf("Feature(%q) found; want none", id)
		}
		if b := s.Bound(id); !b.IsZero() {
			t.Errorf("Bound(%q) = %v; want zero", id, b)
		}
	}
	if b := s.Bound("KAZ"); !b.Contains(kazInterior) || b.Left() < 45 || b.Right() > 90 {
		t.Errorf("Bound(KAZ) = %v; want about 46–88°E around %v", b, kazInterior)
	}
	if kaz := s.Item("KAZ"); kaz.AnchorPoint() != kaz.Anchor || !kaz.World.Bound().Contains(kaz.Anchor) {
		t.Errorf("Item(KAZ).AnchorPoint() = %v; want its label anchor %v, inside it", kaz.AnchorPoint(), kaz.Anchor)
	}
	if !s.Item("KAZ").Central || s.Item("RUS").Central {
		t.Error("Item(KAZ).Central, Item(RUS).Central; want true, false")
	}
	if got := s.DisplayName("KAZ"); got != "Kazakhstan" {
		t.Errorf("DisplayName(KAZ) = %q; want Kazakhstan", got)
	}
	if got := s.DisplayName("kashagan"); got != "Kashagan" {
		t.Errorf("DisplayName(kashagan) = %q; want Kashagan", got)
	}
	if got := s.DisplayName("nowhere"); got != "nowhere" {
		t.Errorf("DisplayName(nowhere) = %q; want the id", got)
	}
	if w := s.WorldBound(); !w.Contains(geo.CentralAsia.Forward(kazInterior)) {
		t.Errorf("WorldBound() = %v; want it to hold Kazakhstan", w)
	}
	if len(s.Facts().Countries) == 0 {
		t.Error("Facts() has no countries")
	}
}

func TestLayerIDsEndWithTheLabelsSwitch(t *testing.T) {
	s := newScene(t, nil)
	want := []string{"countries", "boundaries", "water", "energy", "minerals", "trade", "cities", "labels"}
	got := s.LayerIDs()
	if len(s.Layers())+1 != len(got) {
		t.Errorf("LayerIDs() = %v; want Layers() (%d) and labels", got, len(s.Layers()))
	}
	for _, id := range want {
		if !slices.Contains(got, id) || !s.Visible(id) {
			t.Errorf("LayerIDs() = %v; want %s in it, shown", got, id)
		}
	}
	if got[len(got)-1] != mapstyle.LayerLabels {
		t.Errorf("LayerIDs() = %v; want labels last", got)
	}
}

func TestPointsAreOrderedByPriority(t *testing.T) {
	s := newScene(t, nil)
	pts := s.Points()
	if len(pts) < 50 {
		t.Fatalf("len(Points()) = %d; want the map's many symbols", len(pts))
	}
	prio := func(it *scene.Item) int { return mapstyle.Kinds[it.Feature.Kind].Priority }
	for i := 1; i < len(pts); i++ {
		if prio(pts[i-1]) > prio(pts[i]) {
			t.Fatalf("Points()[%d] %s (priority %d) after %s (priority %d); want most important first",
				i, pts[i].Feature.ID, prio(pts[i]), pts[i-1].Feature.ID, prio(pts[i-1]))
		}
	}
	if k := pts[0].Feature.Kind; k != "capital" {
		t.Errorf("Points()[0] is a %s; want a capital", k)
	}
	for _, it := range pts {
		if it.AnchorPoint() != it.World.(orb.Point) {
			t.Fatalf("%s: AnchorPoint() = %v; want its position %v", it.Feature.ID, it.AnchorPoint(), it.World)
		}
	}
}

func TestLineKindsGroupThematicLines(t *testing.T) {
	s := newScene(t, nil)
	kinds := s.LineKinds()
	has := func(kind string, dashed bool) bool {
		return slices.ContainsFunc(kinds, func(k scene.LineKey) bool { return k.Kind == kind && (k.Dash > 0) == dashed })
	}
	for _, tc := range []struct {
		kind   string
		dashed bool
	}{{"oil-pipeline", false}, {"gas-pipeline", false}, {"sea-route", true}} {
		if !has(tc.kind, tc.dashed) {
			t.Errorf("LineKinds() = %v; want %s (dashed %v)", kinds, tc.kind, tc.dashed)
		}
	}
	for i, k := range kinds {
		if k.Color != (color.RGBA{}) {
			t.Errorf("LineKinds()[%d] = %+v; want no colour: the palette gives it", i, k)
		}
		if slices.Index(kinds, k) != i {
			t.Errorf("LineKinds() holds %+v twice", k)
		}
	}
	it := s.Item("kashagan")
	if it.Status != "operating" {
		t.Errorf("Item(kashagan).Status = %q; want operating", it.Status)
	}
}

func TestSearchIndexHoldsCountriesLakesAndThematicFeatures(t *testing.T) {
	ix := newScene(t, nil).SearchIndex()
	for _, tc := range []struct{ query, id string }{
		{"Kazakhstan", "KAZ"}, {"Uzbekistan", "UZB"}, {"Kashagan", "kashagan"}, {"Tashkent", "tashkent"},
	} {
		found := false
		for _, e := range ix.Find(tc.query, 10) {
			found = found || e.ID == tc.id
		}
		if !found {
			t.Errorf("SearchIndex().Search(%q) = %v; want %s", tc.query, ix.Find(tc.query, 10), tc.id)
		}
	}
}
