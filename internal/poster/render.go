package poster

import (
	"fmt"
	"image/color"

	"github.com/paulmach/orb"

	"heartland/assets"
	"heartland/geo"
)

// Options say what to draw.
type Options struct {
	Width, Height int       // CSS pixels; 0 means 1200×630, a social card
	State         geo.State // view, layers and selection, as in the URL hash
	Theme         string    // "light" (default) or "dark"
	Title         string    // "" means DefaultTitle
	Legend        bool      // add a key to the kinds drawn, bottom left

	// LayerColors gives readers' layers, by layer id, the colours the app
	// gave them; a layer not named takes the next of mapstyle.CustomColors.
	LayerColors map[string]color.NRGBA
}

// DefaultTitle heads a poster whose Options give none.
const DefaultTitle = "Heartland — Central Asia"

// Attribution credits the data on every poster.
const Attribution = "Borders: Natural Earth · Lakes: GSHHG · Cities: GeoNames · heartland"

// HomeView is geo.HomeView, the lon/lat bound the app frames at start, in
// degrees, and HomePadding the CSS pixels it keeps clear around it.
var HomeView = geo.HomeView

const HomePadding = 16

// AllLayers are the layer ids drawn when the state names none; "labels"
// switches the names on and off.
var AllLayers = []string{"countries", "boundaries", "water", "trade", "energy", "minerals", "cities", "labels"}

// maxSide bounds a poster's width and height in CSS pixels.
const maxSide = 8192

// clipMargin is how far beyond the viewport, in CSS pixels, geometry is
// kept, so strokes and joins at the edge are drawn whole.
const clipMargin = 20

// item is a feature with its geometry projected to world metres.
type item struct {
	layer   string
	f       *geo.Feature
	world   orb.Geometry
	bound   orb.Bound
	central bool
	style   kindStyle // strategic and custom features
	styled  bool      // style is set: the feature is drawn by kind
}

// renderer holds what one Render needs on the way to a Drawing.
type renderer struct {
	cam      *geo.Camera
	pal      Palette
	level    int
	clip     orb.Bound // world metres kept: the viewport plus clipMargin
	visible  map[string]bool
	items    []*item
	byID     map[string]*item
	selected string
	d        *Drawing

	legend     bool
	shown      map[legendKey]kindStyle // what the legend lists
	layerNames map[string]string
	layerOrder map[string]int
}

// Render draws the view opt.State describes from layers (countries,
// boundaries, water and the thematic layers, as assets.Layers returns
// them; other layers are drawn as a reader's custom layers). Facts name the
// selected country in the title block. Warnings about the state are the
// caller's business (see geo.ParseHash); Render fails only on bad options.
func Render(layers []geo.Layer, facts assets.Facts, opt Options) (*Drawing, error) {
	if opt.Width == 0 && opt.Height == 0 {
		opt.Width, opt.Height = 1200, 630
	}
	if opt.Width < 16 || opt.Height < 16 || opt.Width > maxSide || opt.Height > maxSide {
		return nil, fmt.Errorf("poster size %d×%d: want 16 to %d pixels each way", opt.Width, opt.Height, maxSide)
	}
	pal, err := PaletteFor(opt.Theme)
	if err != nil {
		return nil, err
	}
	if opt.Title == "" {
		opt.Title = DefaultTitle
	}
	r := &renderer{pal: pal, byID: map[string]*item{}, selected: opt.State.Selected,
		d:      &Drawing{Width: opt.Width, Height: opt.Height, Palette: pal, Title: opt.Title},
		legend: opt.Legend, shown: map[legendKey]kindStyle{}, layerNames: map[string]string{}, layerOrder: map[string]int{}}
	r.project(layers, opt.LayerColors)
	r.setCamera(layers, opt)
	r.setVisible(layers, opt.State)
	r.draw(facts)
	return r.d, nil
}

// project turns every feature into world metres once and styles the
// thematic and custom ones by kind.
func (r *renderer) project(layers []geo.Layer, colors map[string]color.NRGBA) {
	custom := 0
	for li := range layers {
		l := &layers[li]
		r.layerNames[l.ID], r.layerOrder[l.ID] = l.Name, li
		isCustom := !baseLayers[l.ID] && !strategicLayers[l.ID]
		for fi := range l.Features {
			f := &l.Features[fi]
			it := &item{layer: l.ID, f: f, world: geo.ToWorld(geo.CentralAsia, f.Geometry),
				central: f.StringProp("group") == "central"}
			it.bound = it.world.Bound()
			if st, ok := r.kindStyle(f.Kind); ok && !baseLayers[l.ID] {
				it.style, it.styled = st, true
			} else if isCustom {
				it.style, _ = r.kindStyle(customKind(it.world))
				it.styled = true
			}
			if c, ok := colors[l.ID]; ok && isCustom {
				it.style.color = c
			} else if isCustom {
				it.style.color = customColors[custom%len(customColors)]
			}
			r.items = append(r.items, it)
			if _, dup := r.byID[f.ID]; !dup {
				r.byID[f.ID] = it
			}
		}
		if isCustom {
			custom++
		}
	}
}

// customKind is the kind a reader's feature of unknown kind is drawn as.
func customKind(g orb.Geometry) string {
	switch g.(type) {
	case orb.Point:
		return "custom-point"
	case orb.Polygon, orb.MultiPolygon:
		return "custom-area"
	}
	return "custom-line"
}

// setCamera builds the app's camera — limited to the countries layer's
// bound less the 3% margin the data is cut with — and frames the view.
func (r *renderer) setCamera(layers []geo.Layer, opt Options) {
	var world orb.Bound
	first, onlyCountries := true, hasLayer(layers, "countries")
	for _, it := range r.items {
		if onlyCountries && it.layer != "countries" {
			continue
		}
		if first {
			world, first = it.bound, false
		} else {
			world = world.Union(it.bound)
		}
	}
	if first { // no data at all: frame the home view
		world = geo.CentralAsia.ForwardBound(HomeView)
	}
	pad := (world.Right() - world.Left()) * 0.03 / 1.06
	r.cam = geo.NewCamera(geo.CentralAsia, geo.Limits{World: world.Pad(-pad), MaxZoom: 11})
	r.cam.SetViewport(float64(opt.Width), float64(opt.Height), 1)
	if opt.State.HasView {
		r.cam.SetView(opt.State.Center, opt.State.Zoom)
	} else {
		r.cam.FitBounds(HomeView, HomePadding)
	}
	r.level = geo.LevelFor(r.cam.Zoom())
	r.d.Zoom, r.d.Level, r.d.cam = r.cam.Zoom(), r.level, r.cam
	m := clipMargin / r.cam.Scale()
	r.clip = r.cam.VisibleWorld().Pad(m)
}

func hasLayer(layers []geo.Layer, id string) bool {
	for _, l := range layers {
		if l.ID == id {
			return true
		}
	}
	return false
}

// setVisible records which layers show: those the state lists, else all.
func (r *renderer) setVisible(layers []geo.Layer, s geo.State) {
	r.visible = map[string]bool{}
	if s.HasLayers {
		for _, id := range s.Layers {
			r.visible[id] = true
		}
		return
	}
	for _, id := range AllLayers {
		r.visible[id] = true
	}
	for _, l := range layers {
		r.visible[l.ID] = true
	}
}

// draw fills the display list in the app's order: land, lakes, borders,
// the selection's outline, lines, symbols, then the title block, the
// legend and names.
func (r *renderer) draw(facts assets.Facts) {
	r.drawCountries()
	r.drawWater()
	r.drawBoundaries()
	r.drawSelectedOutline()
	r.drawLines()
	symbols := r.drawSymbols()
	obstacles := r.drawTitleBlock(facts)
	if r.legend {
		if box, ok := r.drawLegend(obstacles[0], obstacles[1]); ok {
			obstacles = append(obstacles, box)
		}
	}
	r.drawLabels(symbols, obstacles)
}
