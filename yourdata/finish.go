package yourdata

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// finish turns items into features: positions checked and, a little past
// the edge, brought back; degenerate parts dropped or repaired; a
// collection split into its points, lines and areas; the whole simplified
// if it has more positions than the map draws.
func (r *reader) finish(items []item) ([]geo.Feature, error) {
	var out []geo.Feature
	for _, it := range items {
		parts := r.shape(it)
		for k, g := range parts {
			f := geo.Feature{ID: r.prefix + "-" + strconv.Itoa(it.n), Geometry: g, Props: it.props}
			if k > 0 {
				f.ID += "-" + strconv.Itoa(k+1)
			}
			if f.Props == nil {
				f.Props = map[string]any{}
			}
			f.Name = nameOf(f.Props)
			if f.Name == "" {
				f.Name = fmt.Sprintf("Feature %d", it.n)
			}
			f.Kind = kindOf(g)
			out = append(out, f)
		}
	}
	if len(out) > MaxFeatures {
		return nil, fmt.Errorf("the file makes %s features to draw; the limit is %s", count(len(out)), count(MaxFeatures))
	}
	if len(out) == 0 {
		return nil, r.nothingToDraw()
	}
	if err := r.fitVertices(out); err != nil {
		return nil, err
	}
	if looksSwapped(out) {
		r.notes.add(theFile, "every position lies outside the map, and all would lie on it with longitude and latitude swapped: the map wants longitude first, then latitude", "")
	}
	return out, nil
}

// nothingToDraw says in one sentence why a file gave no features.
func (r *reader) nothingToDraw() error {
	what := r.format
	if what == "" {
		what = "file"
	}
	if len(r.notes.order) == 0 {
		return fmt.Errorf("nothing to draw: the %s holds no features", what)
	}
	return fmt.Errorf("nothing to draw: nothing in the %s has a shape the map can place, for the reasons listed", what)
}

// kindOf gives a reader's feature its kind from its geometry.
func kindOf(g orb.Geometry) string {
	switch g.Dimensions() {
	case 0:
		return "custom-point"
	case 1:
		return "custom-line"
	}
	return "custom-area"
}

// nameKeys are the properties a feature's name is read from, in order.
var nameKeys = []string{"name", "Name", "NAME", "title", "Title", "TITLE", "name_en", "NAME_EN", "name:en", "shapeName", "label",
	"city", "City", "place", "Place", "название", "Название", "наименование", "Наименование", "город", "Город"}

// nameOf finds a feature's name in its properties; "" when none.
func nameOf(props map[string]any) string {
	for _, key := range nameKeys {
		if s, ok := props[key].(string); ok && strings.TrimSpace(s) != "" {
			return clip(strings.TrimSpace(s), 200)
		}
	}
	// Administrative boundaries (geoBoundaries, OCHA): ADM2_EN and the like.
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		u := strings.ToUpper(k)
		if s, ok := props[k].(string); ok && strings.HasPrefix(u, "ADM") && strings.HasSuffix(u, "_EN") && strings.TrimSpace(s) != "" {
			return clip(strings.TrimSpace(s), 200)
		}
	}
	return ""
}

// shape checks an item's positions and returns the geometries to draw: a
// collection becomes up to three (its points, lines and areas).
func (r *reader) shape(it item) []orb.Geometry {
	geom, err := r.fixPositions(it.at, it.geom)
	if err != nil {
		r.notes.add(it.at, err.Error(), "")
		return nil
	}
	var pts orb.MultiPoint
	var lines orb.MultiLineString
	var areas orb.MultiPolygon
	before := len(r.notes.order) + r.notes.total()
	r.collect(it.at, geom, &pts, &lines, &areas)
	dropped := len(r.notes.order)+r.notes.total() != before
	var parts []orb.Geometry
	for _, g := range []orb.Geometry{single(pts), single(lines), single(areas)} {
		if g != nil {
			parts = append(parts, g)
		}
	}
	if len(parts) == 0 && !dropped {
		r.notes.add(it.at, "empty geometry: nothing to draw", "")
	}
	return parts
}

// single returns a one-part multi-geometry as that part, nil for none.
func single(g orb.Geometry) orb.Geometry {
	switch g := g.(type) {
	case orb.MultiPoint:
		if len(g) == 1 {
			return g[0]
		} else if len(g) > 1 {
			return g
		}
	case orb.MultiLineString:
		if len(g) == 1 {
			return g[0]
		} else if len(g) > 1 {
			return g
		}
	case orb.MultiPolygon:
		if len(g) == 1 {
			return g[0]
		} else if len(g) > 1 {
			return g
		}
	}
	return nil
}

// collect sorts a geometry's drawable parts by dimension, dropping lines of
// fewer than 2 positions and rings of fewer than 4, and closing open rings.
func (r *reader) collect(at where, g orb.Geometry, pts *orb.MultiPoint, lines *orb.MultiLineString, areas *orb.MultiPolygon) {
	switch g := g.(type) {
	case orb.Point:
		*pts = append(*pts, g)
	case orb.MultiPoint:
		*pts = append(*pts, g...)
	case orb.LineString:
		if len(g) < 2 {
			r.notes.add(at, "lines of fewer than 2 positions dropped", "")
			return
		}
		*lines = append(*lines, g)
	case orb.MultiLineString:
		for _, l := range g {
			r.collect(at, l, pts, lines, areas)
		}
	case orb.Polygon:
		if p := r.cleanPolygon(at, g); p != nil {
			*areas = append(*areas, p)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			r.collect(at, p, pts, lines, areas)
		}
	case orb.Collection:
		for _, m := range g {
			r.collect(at, m, pts, lines, areas)
		}
	}
}

// cleanPolygon closes open rings and drops rings of fewer than 4
// positions; a polygon whose outer ring goes is dropped whole.
func (r *reader) cleanPolygon(at where, p orb.Polygon) orb.Polygon {
	out := make(orb.Polygon, 0, len(p))
	for i, ring := range p {
		if len(ring) > 0 && ring[0] != ring[len(ring)-1] {
			r.notes.add(at, "open rings closed", "")
			ring = append(ring, ring[0])
		}
		if len(ring) < 4 {
			if i == 0 {
				r.notes.add(at, "polygons whose outer ring has fewer than 4 positions dropped", "")
				return nil
			}
			r.notes.add(at, "holes of fewer than 4 positions dropped", "")
			continue
		}
		out = append(out, ring)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// errRange is a position no map can place.
var errRange = errors.New("out of range")

// fixPositions checks every position: longitudes up to 360° past the
// antimeridian are brought back (points wrapped, lines and rings clamped to
// ±180° so they do not streak across the map) and latitudes a hair past a
// pole clamped, with a note; anything further is an error naming the
// position.
func (r *reader) fixPositions(at where, g orb.Geometry) (orb.Geometry, error) {
	var bad orb.Point
	wrapped, clamped, lat := false, false, false
	fix := func(p *orb.Point, isPoint bool) bool {
		lon, la := p[0], p[1]
		if math.IsNaN(lon) || math.IsNaN(la) || math.IsInf(lon, 0) || math.IsInf(la, 0) || math.Abs(lon) > 360 || math.Abs(la) > 90.01 {
			bad = *p
			return false
		}
		if math.Abs(la) > 90 {
			p[1] = math.Copysign(90, la)
			lat = true
		}
		if math.Abs(lon) > 180 {
			if isPoint {
				p[0] = math.Mod(lon+540, 360) - 180
				wrapped = true
			} else {
				p[0] = math.Copysign(180, lon)
				clamped = true
			}
		}
		return true
	}
	if p, ok := g.(orb.Point); ok {
		if fix(&p, true) {
			g = p
		}
	}
	if !eachPoint(g, fix) {
		return nil, fmt.Errorf("coordinates out of range, skipped (such as [%s, %s]: the map wants longitude within ±180 and latitude within ±90 degrees; is the file in another projection?)", trimFloat(bad[0]), trimFloat(bad[1]))
	}
	if wrapped {
		r.notes.add(at, "longitudes past ±180 wrapped round", "")
	}
	if clamped {
		r.notes.add(at, "lines or areas past ±180° longitude cut back to ±180", "")
	}
	if lat {
		r.notes.add(at, "latitudes a hair past ±90 set to ±90", "")
	}
	return g, nil
}

// eachPoint calls fn on every position of g (isPoint for points), stopping
// when fn returns false; it reports whether it went through all.
func eachPoint(g orb.Geometry, fn func(p *orb.Point, isPoint bool) bool) bool {
	switch g := g.(type) {
	case orb.Point:
		return fn(&g, true) // a copy: fixPositions and Collection write points back
	case orb.MultiPoint:
		for i := range g {
			if !fn(&g[i], true) {
				return false
			}
		}
	case orb.LineString:
		for i := range g {
			if !fn(&g[i], false) {
				return false
			}
		}
	case orb.Ring:
		return eachPoint(orb.LineString(g), fn)
	case orb.MultiLineString:
		for _, l := range g {
			if !eachPoint(l, fn) {
				return false
			}
		}
	case orb.Polygon:
		for _, ring := range g {
			if !eachPoint(ring, fn) {
				return false
			}
		}
	case orb.MultiPolygon:
		for _, p := range g {
			if !eachPoint(p, fn) {
				return false
			}
		}
	case orb.Collection:
		for i, m := range g {
			if p, ok := m.(orb.Point); ok {
				if !fn(&p, true) {
					return false
				}
				g[i] = p
			} else if !eachPoint(m, fn) {
				return false
			}
		}
	}
	return true
}
