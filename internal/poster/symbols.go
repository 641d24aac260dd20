package poster

import (
	"github.com/paulmach/orb"

	"heartland/placement"
)

// view is what placement needs of the poster: its camera, the layers shown
// and the selection (a poster has no hover and no presenter emphasis).
func (r *renderer) view() placement.View {
	return placement.View{Camera: r.cam, Visible: func(id string) bool { return r.visible[id] }, Selected: r.selected}
}

// drawSymbols declutters the point features with the live map's policy
// (placement.Symbols: the selected one always, then the rest by priority,
// each kept only where it clears every kept symbol) and adds them to the
// drawing.
func (r *renderer) drawSymbols() []placement.Symbol {
	var points []placement.Point
	var items []*item // by Point.Ref
	for _, it := range r.items {
		p, ok := it.world.(orb.Point)
		if !ok || !it.styled {
			continue
		}
		points = append(points, placement.Point{Ref: len(items), ID: it.f.ID, Layer: it.layer, World: p,
			Radius: it.style.radius, Priority: it.style.priority, Name: it.f.Name, Capital: it.f.Kind == "capital"})
		items = append(items, it)
	}
	placed := placement.Symbols(nil, points, r.view())
	for _, s := range placed {
		r.noteShown(items[s.Ref])
	}
	for i := len(placed) - 1; i >= 0; i-- { // the forced one was placed first: draw it last
		s, it := placed[i], items[placed[i].Ref]
		sym := Symbol{ID: it.f.ID, X: s.X, Y: s.Y, Radius: s.R, Shape: it.style.shape,
			Fill: it.style.color, Edge: r.pal.SymbolEdge, Capital: s.Capital}
		if sym.Capital {
			sym.Dot = r.pal.Casing // as the screen draws it
		}
		r.d.Symbols = append(r.d.Symbols, sym)
	}
	return placed
}
