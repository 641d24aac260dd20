package check

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"

	"heartland/assets"

	"heartland/geo"
)

// Kinds are the feature kinds the map knows how to draw. A new layer adds
// its kinds here and its drawing style in wasm/.
var Kinds = map[string]bool{
	"country":     true,
	"territory":   true,
	"lake":        true,
	"former-lake": true,
	"land-border": true,
	"coast":       true,
}

// Central are the five Central Asian states, drawn as the map's subject.
var Central = []string{"KAZ", "KGZ", "TJK", "TKM", "UZB"}

// Neighbours must be on the map for the region's story to make sense.
var Neighbours = []string{"RUS", "CHN", "MNG", "AFG", "PAK", "IRN", "AZE", "GEO", "ARM", "TUR"}

func (c *checker) checkLayers() {
	for _, l := range c.layers {
		for i, f := range l.features {
			c.checkFeature(l, i, f)
		}
		switch l.base {
		case "countries.geojson":
			c.checkCountriesLayer(l)
		case "boundaries.geojson":
			c.checkBoundariesLayer(l)
		}
	}
}

// checkFeature applies the rules every feature of every layer follows.
func (c *checker) checkFeature(l layerFile, i int, f geo.Feature) {
	bad := func(format string, args ...any) { c.problem(l.path, featureErr(i, f.ID, format, args...)) }
	c.claimID(l, f, bad)
	switch {
	case f.Kind == "country" && !assets.ValidAlpha3(f.ID):
		bad("id of a country must be its ISO 3166-1 alpha-3 code, like KAZ")
	case f.Kind != "country" && !isKebab(f.ID):
		bad("id must be kebab-case (lowercase letters, digits and hyphens)")
	}
	if !Kinds[f.Kind] {
		bad("kind %q is not one of %s", f.Kind, strings.Join(sortedKeys(Kinds), ", "))
	}
	if name, ok := f.Props["name"].(string); !ok {
		bad("missing string property \"name\"")
	} else if strings.TrimSpace(name) == "" && f.Kind != "lake" {
		bad("name is empty (only unnamed lakes may have no name)")
	}
	if f.Kind == "lake" || f.Kind == "former-lake" {
		c.checkLake(l, i, f)
	}
	if _, isPoint := f.Geometry.(orb.Point); isPoint && f.Country != "" && c.world != nil {
		c.checkPointCountry(l, i, f)
	}
}

// claimID records the feature's id, reporting it when an earlier file or
// feature already uses it: ids are unique across all layers.
func (c *checker) claimID(l layerFile, f geo.Feature, bad func(string, ...any)) {
	if first, ok := c.byID[f.ID]; ok {
		bad("id is also used in %s", first)
		return
	}
	c.byID[f.ID] = c.rel(l.path)
}

func (c *checker) checkCountriesLayer(l layerFile) {
	groups := map[string]string{}
	central := map[string]bool{}
	for _, code := range Central {
		central[code] = true
	}
	for i, f := range l.features {
		bad := func(format string, args ...any) { c.problem(l.path, featureErr(i, f.ID, format, args...)) }
		if f.Kind != "country" && f.Kind != "territory" {
			bad("kind %q does not belong in the countries layer (want country or territory)", f.Kind)
		}
		if f.Kind == "country" && f.Country != f.ID {
			bad("country is %q; want it equal to the id", f.Country)
		}
		group := f.StringProp("group")
		groups[f.ID] = group
		switch {
		case group != "central" && group != "neighbour":
			bad("group is %q; want \"central\" or \"neighbour\"", group)
		case group == "central" && !central[f.ID]:
			bad("group is \"central\" but only %s are Central Asian states", strings.Join(Central, " "))
		}
	}
	for _, code := range Central {
		switch g, ok := groups[code]; {
		case !ok:
			c.problem(l.path, fmt.Errorf("central state %s is missing (regenerate with `make data`; check region.json)", code))
		case g != "central":
			c.problem(l.path, fmt.Errorf("central state %s has group %q; want \"central\" (check region.json's \"central\")", code, g))
		}
	}
	for _, code := range Neighbours {
		if _, ok := groups[code]; !ok {
			c.problem(l.path, fmt.Errorf("neighbour %s is missing (regenerate with `make data`; check region.json's edges)", code))
		}
	}
}

// checkBoundariesLayer checks that every border and coast names countries
// that exist. An empty code stands for a territory without one (Siachen).
func (c *checker) checkBoundariesLayer(l layerFile) {
	if c.codes == nil {
		return // countries.geojson is broken; that problem is reported already
	}
	for i, f := range l.features {
		bad := func(format string, args ...any) { c.problem(l.path, featureErr(i, f.ID, format, args...)) }
		list, ok := f.Props["countries"].([]any)
		if !ok {
			bad("missing property \"countries\" (a list of ISO alpha-3 codes)")
			continue
		}
		for _, v := range list {
			code, ok := v.(string)
			switch {
			case !ok:
				bad("countries holds %v; want strings", v)
			case code != "" && !c.places[code]:
				bad("countries names %q, which is not a country or territory in countries.geojson", code)
			}
		}
	}
}

// checkLake checks that a lake's representative point lies on the map.
func (c *checker) checkLake(l layerFile, i int, f geo.Feature) {
	if c.world == nil {
		return
	}
	p, ok := interiorPoint(f.Geometry)
	if !ok {
		c.problem(l.path, featureErr(i, f.ID, "a lake must be a Polygon or MultiPolygon, not %s", f.Geometry.GeoJSONType()))
		return
	}
	if !c.mapBound.Contains(p) {
		c.problem(l.path, featureErr(i, f.ID, "lake at %s is outside the map area %s–%s (the bound of countries.geojson)",
			FormatLonLat(p), FormatLonLat(c.mapBound.Min), FormatLonLat(c.mapBound.Max)))
	}
}

// checkPointCountry checks that a point feature lies in the country it names.
func (c *checker) checkPointCountry(l layerFile, i int, f geo.Feature) {
	if !c.world.Has(f.Country) {
		c.problem(l.path, featureErr(i, f.ID, "country %q is not in countries.geojson", f.Country))
		return
	}
	if err := c.world.CheckPoint(f.ID, f.Geometry.(orb.Point), f.Country); err != nil {
		c.problem(l.path, err)
	}
}

// interiorPoint returns a lon/lat point inside a polygonal geometry: the
// label anchor of its largest polygon, found in world metres where
// distances mean the same in every direction.
func interiorPoint(g orb.Geometry) (orb.Point, bool) {
	var mp orb.MultiPolygon
	switch g := g.(type) {
	case orb.Polygon:
		mp = orb.MultiPolygon{g}
	case orb.MultiPolygon:
		mp = g
	default:
		return orb.Point{}, false
	}
	if len(mp) == 0 {
		return orb.Point{}, false
	}
	w := project.MultiPolygon(mp.Clone(), geo.CentralAsia.Forward)
	p := geo.CentralAsia.Inverse(geo.LabelAnchor(w))
	if math.IsNaN(p[0]) || math.IsNaN(p[1]) {
		return mp[0][0][0], true
	}
	return p, true
}

// rel returns path relative to the checked folder, with forward slashes.
func (c *checker) rel(path string) string {
	if r, err := filepath.Rel(c.dir, path); err == nil {
		return filepath.ToSlash(r)
	}
	return path
}

// isKebab accepts lowercase ASCII letters and digits joined by hyphens. A
// doubled hyphen is tolerated: `heartland data` names the border between a
// country and a territory without an ISO code "border--chn".
func isKebab(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
