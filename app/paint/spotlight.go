package paint

import (
	"image/color"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"heartland/app/scene"
	"heartland/geo"
)

// The spotlight, in presenter mode, dims everything but the spotlit
// feature (app.Map.Spotlit), so that a class looks where the teacher
// points: the map outside a spotlit country goes dark, and the symbols
// and names outside it fade.

// SpotColor is the colour that dims the map around the spotlight.
var SpotColor = color.RGBA{0x10, 0x14, 0x1c, 0xff}

const (
	SpotAlpha  = 0.6  // how much of SpotColor covers the dimmed map
	FadedAlpha = 0.35 // symbols and names outside the spotlight
)

// Spotlight keeps what the spotlit feature needs across frames. The zero
// value is ready.
type Spotlight struct {
	id     string
	masks  map[int]*Mesh // per level
	inside map[*scene.Item]bool
}

// follow drops what was built for another spotlit feature.
func (sp *Spotlight) follow(id string) {
	if sp.id != id || sp.masks == nil {
		sp.id, sp.masks, sp.inside = id, map[int]*Mesh{}, map[*scene.Item]bool{}
	}
}

// Mask is the area the spotlight on id dims at a level, to be drawn with
// the even-odd rule: a rectangle far beyond the map, with a spotlit country
// as a hole (any other feature dims the whole map, its symbol stays lit).
func (sp *Spotlight) Mask(s *scene.Scene, id string, level int) *Mesh {
	sp.follow(id)
	if m, ok := sp.masks[level]; ok {
		return m
	}
	m := &Mesh{Color: SpotColor}
	b := s.WorldBound()
	pad := 4 * max(b.Right()-b.Left(), b.Top()-b.Bottom())
	x0, y0, x1, y1 := b.Left()-pad, b.Bottom()-pad, b.Right()+pad, b.Top()+pad
	m.AddPolygons(orb.MultiPolygon{{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}})
	m.AddPolygons(countryShape(s, id, level))
	sp.masks[level] = m
	return m
}

// Faded reports whether an item's symbol and name are outside the
// spotlight on id ("" for none): not the spotlit feature and not within the
// spotlit country.
func (sp *Spotlight) Faded(s *scene.Scene, id string, it *scene.Item) bool {
	if id == "" || it == nil || it.Feature.ID == id {
		return false
	}
	spot := s.Item(id)
	if spot == nil || spot.Layer != "countries" || it.Layer == "countries" {
		return true
	}
	sp.follow(id)
	in, ok := sp.inside[it]
	if !ok {
		in = planar.MultiPolygonContains(geo.AsMultiPolygon(spot.World), it.AnchorPoint())
		sp.inside[it] = in
	}
	return !in
}
