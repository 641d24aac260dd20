package scene

import (
	"github.com/paulmach/orb"

	"heartland/app"
	"heartland/geo"
	"heartland/mapstyle"
)

var _ app.Scene = (*Scene)(nil)

// FeatureAt returns the top feature a click at world point w would select
// (see app.Scene): hidden layers and symbols hidden by decluttering
// (SymbolShown) do not count.
func (s *Scene) FeatureAt(w orb.Point, tol float64) (app.Feature, bool) {
	hit, ok := s.index.Query(w, tol, func(layer string, f *geo.Feature) bool {
		if !s.visible[layer] {
			return false
		}
		if _, isPoint := f.Geometry.(orb.Point); isPoint && s.SymbolShown != nil {
			return s.SymbolShown(f.ID)
		}
		return true
	})
	if !ok {
		return app.Feature{}, false
	}
	return s.Feature(hit.Feature.ID)
}

// Feature returns a feature or country by id.
func (s *Scene) Feature(id string) (app.Feature, bool) {
	it := s.byID[id]
	if id == "" || it == nil {
		return app.Feature{}, false
	}
	f := app.Feature{ID: it.Feature.ID, Name: it.Feature.Name, Kind: it.Feature.Kind, Layer: it.Layer}
	if p, ok := it.Feature.Geometry.(orb.Point); ok {
		f.Symbol, f.At = true, p
	}
	return f, true
}

// Bound is a feature's extent, [lon, lat] degrees; empty for an unknown id
// or a geometry that cannot be decoded.
func (s *Scene) Bound(id string) orb.Bound {
	if it := s.byID[id]; it != nil && it.Feature.Unpack() == nil {
		return it.Feature.Geometry.Bound()
	}
	return orb.Bound{}
}

// LayerIDs lists the layers in drawing order and then the labels switch.
func (s *Scene) LayerIDs() []string {
	ids := make([]string, 0, len(s.layers)+1)
	for _, l := range s.layers {
		ids = append(ids, l.ID)
	}
	return append(ids, mapstyle.LayerLabels)
}

// Visible reports whether a layer (or the labels switch) is shown.
func (s *Scene) Visible(layer string) bool { return s.visible[layer] }

// SetVisible shows or hides a layer, or switches the labels.
func (s *Scene) SetVisible(layer string, on bool) { s.visible[layer] = on }
