package app

import (
	"github.com/paulmach/orb"

	"heartland/geo"
)

// Page is what the map asks of the page around it. Every method is called
// from the event callback that caused it, so the page changes at once,
// without waiting for a frame.
type Page interface {
	OpenPanel(id string) // the panel of a feature or country
	ClosePanel()
	ShowTooltip(text string, x, y float64) // CSS pixels of the map element
	HideTooltip()
	SetPointerCursor(on bool)
	WriteHash(hash string)          // replace the URL hash without a history entry
	Emit(event string, payload any) // to the page's heartland.on listeners
	Warn(msg string)                // on the console
	SyncLayers()                    // the legend's boxes follow Scene.Visible
	// Highlight shows the hovered and selected areas and lines ("" for
	// none) above the canvas, where the browser draws them at once.
	Highlight(hover, selected string)
	// CoveredEdges is how much of each edge of the map the page's own
	// controls cover, CSS pixels, so a framed view stays clear of them.
	CoveredEdges() geo.Padding
	// MoveCanvas shows the last drawn picture scaled by k about the map's
	// top-left corner, then moved by dx, dy CSS pixels (k=1, dx=dy=0: as
	// drawn). The compositor does it, so a gesture never waits for a frame.
	MoveCanvas(k, dx, dy float64)
	// Wake asks the renderer for a frame soon. afterPaint defers the frame
	// until the browser has painted what this callback changed, so a slow
	// frame never holds back a panel or tooltip.
	Wake(afterPaint bool)
	Settled() // the view came to rest: lists of what is in view follow it
	ReducedMotion() bool
	SetPresenter(on bool) // page styles for presenter mode
	ToggleFullscreen()
}

// Scene is what the map asks of its data.
type Scene interface {
	// FeatureAt returns the top feature a click at world point w (metres)
	// would select: within tol world metres of a point or line, or inside an
	// area; hidden layers and decluttered symbols do not count.
	FeatureAt(w orb.Point, tol float64) (Feature, bool)
	// Feature returns a feature or country by id.
	Feature(id string) (Feature, bool)
	// Bound is a feature's extent, [lon, lat] degrees.
	Bound(id string) orb.Bound
	// LayerIDs lists the toggleable layers in drawing order.
	LayerIDs() []string
	Visible(layer string) bool
	SetVisible(layer string, on bool)
}

// Feature is what the map needs to know of a feature.
type Feature struct {
	ID, Name, Kind, Layer string
	// Symbol: drawn as a symbol in every frame rather than into the cached
	// map image, so highlighting it needs no new map image.
	Symbol bool
	// At is a point feature's position, [lon, lat] degrees.
	At orb.Point
}

// Covered is the padding, CSS pixels, that keeps a framed view clear of the
// page's controls: the search above, the buttons on the right and, when its
// right edge is left of the middle of a page width wide, the open legend
// (legendRight 0 when it is closed), so the home view is not hidden
// behind it.
func Covered(legendRight, width float64) geo.Padding {
	pad := geo.Padding{Top: 56, Right: 60, Bottom: 24, Left: 16}
	if legendRight > 0 && legendRight < width/2 {
		pad.Left = legendRight + 8
	}
	return pad
}
