package yourdata

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// topology is a TopoJSON document being read: its arcs in degrees and the
// geometries of its objects with their arc references.
type topology struct {
	arcs    []orb.LineString // nil for an arc that could not be read
	full    []orb.LineString // the arcs before simplification (nil when not simplified)
	arcErrs []string         // why, for each unreadable arc
	uses    []int            // how many times each arc is referenced
	geoms   []*topoGeom
	scale   orb.Point // transform; zero without one
	shift   orb.Point
}

// errNoGeometry is a geometry of type null: valid, with nothing to draw.
var errNoGeometry = errors.New("no geometry (null): nothing to draw")

// topoGeom is one geometry of a TopoJSON object.
type topoGeom struct {
	at      where
	typ     string
	props   map[string]any
	lines   [][]int   // LineString, MultiLineString: line → arc references
	polys   [][][]int // Polygon, MultiPolygon: polygon → ring → arc references
	points  []orb.Point
	members []*topoGeom // GeometryCollection
	err     error       // why it cannot be drawn
}

// readTopology reads a TopoJSON Topology (specification 1.0): objects of
// any geometry type, GeometryCollections at any level. Arc references are
// counted against each arc's length before anything is joined, so a small
// file that would expand to millions of positions is refused (or its arcs
// simplified) first.
func readTopology(r *reader, top map[string]json.RawMessage) ([]item, error) {
	t := &topology{}
	if err := t.readTransform(top["transform"]); err != nil {
		return nil, err
	}
	if err := t.readArcs(r, top["arcs"]); err != nil {
		return nil, err
	}
	if err := t.readObjects(r, top["objects"]); err != nil {
		return nil, err
	}
	if err := t.fitBudget(r); err != nil {
		return nil, err
	}
	items := make([]item, 0, len(t.geoms))
	for i, g := range t.geoms {
		if g.err == errNoGeometry {
			r.notes.add(g.at, g.err.Error(), "")
			continue
		}
		if g.err != nil {
			r.notes.add(g.at, g.err.Error()+", skipped", "")
			continue
		}
		geom := t.geometry(r, g)
		if geom == nil {
			continue
		}
		items = append(items, item{at: g.at, n: i + 1, geom: geom, props: g.props})
	}
	return items, nil
}

func (t *topology) readTransform(raw json.RawMessage) error {
	if raw == nil || isNull(raw) {
		return nil
	}
	var tr struct {
		Scale     []float64 `json:"scale"`
		Translate []float64 `json:"translate"`
	}
	if json.Unmarshal(raw, &tr) != nil || len(tr.Scale) != 2 || len(tr.Translate) != 2 || tr.Scale[0] == 0 || tr.Scale[1] == 0 {
		return errors.New(`the TopoJSON "transform" must have a "scale" and a "translate" of two numbers each, scale not 0`)
	}
	t.scale, t.shift = orb.Point{tr.Scale[0], tr.Scale[1]}, orb.Point{tr.Translate[0], tr.Translate[1]}
	return nil
}

// readArcs reads each arc on its own, so one bad arc loses only the
// geometries that use it.
func (t *topology) readArcs(r *reader, raw json.RawMessage) error {
	var raws []json.RawMessage
	if raw != nil && json.Unmarshal(raw, &raws) != nil {
		return errors.New(`the TopoJSON "arcs" is not a list of arcs`)
	}
	t.arcs = make([]orb.LineString, len(raws))
	t.arcErrs = make([]string, len(raws))
	t.uses = make([]int, len(raws))
	for i, a := range raws {
		s := coordScanner{b: a, r: r}
		pts, err := s.positions()
		switch {
		case r.read > MaxReadVertices:
			return r.countRead(0)
		case errors.Is(err, errShape):
			t.arcErrs[i] = "an arc it uses is not a list of positions"
		case err != nil:
			t.arcErrs[i] = "an arc it uses is unreadable: " + plainNumberError(err).Error()
		case len(pts) < 2:
			t.arcErrs[i] = "an arc it uses has fewer than 2 positions"
		default:
			t.arcs[i] = t.decodeArc(pts)
		}
	}
	return nil
}

// decodeArc turns a quantized, delta-encoded arc into degrees in place.
func (t *topology) decodeArc(pts []orb.Point) orb.LineString {
	if t.scale == (orb.Point{}) {
		return pts
	}
	var x, y float64
	for i, p := range pts {
		x, y = x+p[0], y+p[1]
		pts[i] = orb.Point{x*t.scale[0] + t.shift[0], y*t.scale[1] + t.shift[1]}
	}
	return pts
}

func (t *topology) readObjects(r *reader, raw json.RawMessage) error {
	var objects map[string]json.RawMessage
	if json.Unmarshal(raw, &objects) != nil || len(objects) == 0 {
		return errors.New(`nothing to draw: the TopoJSON has no objects`)
	}
	names := make([]string, 0, len(objects))
	for n := range objects {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		obj := t.readGeom(r, where{"geometry", "geometries", fmt.Sprintf("object %q", clip(name, 40))}, objects[name], 0)
		if obj.typ != "GeometryCollection" || obj.err != nil {
			t.geoms = append(t.geoms, obj)
			continue
		}
		// An object that is a collection: each of its geometries is a feature.
		for i, m := range obj.members {
			m.at = where{"geometry", "geometries", fmt.Sprintf("object %q geometry %d", clip(name, 40), i)}
			t.geoms = append(t.geoms, m)
		}
		if len(t.geoms) > MaxFeatures {
			return fmt.Errorf("the file has more than %s geometries; the limit is %s", count(MaxFeatures), count(MaxFeatures))
		}
	}
	return nil
}

// readGeom reads one TopoJSON geometry object and counts the arcs it uses.
func (t *topology) readGeom(r *reader, at where, raw json.RawMessage, depth int) *topoGeom {
	g := &topoGeom{at: at, props: map[string]any{}}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		g.err = errors.New("not an object")
		return g
	}
	g.typ, _ = stringMember(m, "type")
	checkBBox(r, at, m)
	checkID(r, at, m)
	if p := m["properties"]; p != nil && !isNull(p) && json.Unmarshal(p, &g.props) != nil {
		r.notes.add(at, "properties ignored: they must be an object ({ … })", "")
		g.props = map[string]any{}
	}
	var err error
	switch g.typ {
	case "GeometryCollection":
		if depth >= MaxDepth {
			g.err = fmt.Errorf("GeometryCollections nested more than %d deep", MaxDepth)
			return g
		}
		var raws []json.RawMessage
		if json.Unmarshal(m["geometries"], &raws) != nil {
			g.err = errors.New(`a GeometryCollection's "geometries" is not a list`)
		}
		if len(raws) > MaxFeatures { // counted before any is read
			g.err = fmt.Errorf("%s geometries in one collection; the limit is %s", count(len(raws)), count(MaxFeatures))
			return g
		}
		for _, mr := range raws {
			g.members = append(g.members, t.readGeom(r, at, mr, depth+1))
		}
	case "Point", "MultiPoint":
		s := coordScanner{b: m["coordinates"], r: r}
		if g.typ == "Point" {
			var p orb.Point
			p, _, err = s.position()
			g.points = []orb.Point{p}
		} else {
			g.points, err = s.positions()
		}
		for i, p := range g.points {
			if t.scale != (orb.Point{}) { // quantized positions are absolute, not deltas
				g.points[i] = orb.Point{p[0]*t.scale[0] + t.shift[0], p[1]*t.scale[1] + t.shift[1]}
			}
		}
	case "LineString", "Polygon":
		s := coordScanner{b: m["arcs"], r: r}
		var l [][]int
		if g.typ == "LineString" {
			var one []int
			one, err = s.ints()
			l = [][]int{one}
		} else {
			l, err = s.intLists()
		}
		if g.typ == "LineString" {
			g.lines = l
		} else {
			g.polys = [][][]int{l}
		}
	case "MultiLineString":
		s := coordScanner{b: m["arcs"], r: r}
		g.lines, err = s.intLists()
	case "MultiPolygon":
		s := coordScanner{b: m["arcs"], r: r}
		var ps [][][]int
		err = s.list(func() error {
			p, err := s.intLists()
			ps = append(ps, p)
			return err
		})
		g.polys = ps
	case "":
		if m["type"] == nil || isNull(m["type"]) {
			g.err = errNoGeometry
		} else {
			g.err = errors.New(`"type" is not a string`)
		}
	default:
		g.err = fmt.Errorf("geometry type %q is not a TopoJSON type", clip(g.typ, 30))
	}
	if err != nil && g.err == nil {
		if errors.Is(err, errShape) {
			err = fmt.Errorf("its arcs or coordinates are not nested as a %s needs", g.typ)
		}
		g.err = plainNumberError(err)
	}
	if g.err == nil {
		g.err = t.countUses(g)
	}
	return g
}

// countUses checks a geometry's arc references and counts them.
func (t *topology) countUses(g *topoGeom) error {
	check := func(refs []int) error {
		for _, a := range refs {
			i := arcIndex(a)
			if i >= len(t.arcs) {
				return fmt.Errorf("arc %d does not exist (the file has %d arcs)", a, len(t.arcs))
			}
			if t.arcs[i] == nil {
				return errors.New(t.arcErrs[i])
			}
		}
		for _, a := range refs {
			t.uses[arcIndex(a)]++
		}
		return nil
	}
	for _, l := range g.lines {
		if err := check(l); err != nil {
			return err
		}
	}
	for _, p := range g.polys {
		for _, ring := range p {
			if err := check(ring); err != nil {
				return err
			}
		}
	}
	return nil
}

// arcIndex resolves a possibly reversed (~i) arc reference.
func arcIndex(a int) int {
	if a < 0 {
		return ^a
	}
	return a
}

// fitBudget works out, before joining anything, how many positions joining
// the arcs would make, refuses a file that would make too many, and
// simplifies the arcs (shared borders stay shared) until the map can draw
// them.
func (t *topology) fitBudget(r *reader) error {
	joined, least := 0, 0
	for i, n := range t.uses {
		joined += n * len(t.arcs[i])
		least += n * 2
	}
	if least > MaxReadVertices || joined > 50*MaxReadVertices {
		return fmt.Errorf("its arcs are used so often that joining them would make %s positions; the limit is %s", count(joined), count(MaxVertices))
	}
	if joined <= MaxVertices {
		return nil
	}
	w := weightedKeys{keys: make([][]float64, len(t.arcs)), weight: t.uses}
	for i, arc := range t.arcs {
		if t.uses[i] > 0 {
			w.keys[i] = dpKeys(arc)
		}
	}
	// A tenth to spare: islands simplified away are restored when joined.
	tol, kept, ok := w.tolerance(MaxVertices * 9 / 10)
	if !ok {
		return fmt.Errorf("joining its arcs makes %s positions, too many to draw even simplified to %g°; the limit is %s: simplify it first (e.g. with mapshaper)", count(joined), MaxTolerance, count(MaxVertices))
	}
	t.full = t.arcs
	t.arcs = make([]orb.LineString, len(t.full))
	for i, arc := range t.full {
		if arc != nil && t.uses[i] > 0 {
			t.arcs[i] = keep(arc, w.keys[i], tol)
		}
	}
	r.notes.add(theFile, simplifiedNote(joined, kept, tol), "")
	return nil
}

// simplifiedNote says how a file was simplified to fit the map.
func simplifiedNote(had, kept int, tol float64) string {
	return fmt.Sprintf("simplified for display: %s positions, more than the %s the map draws, became %s (bends under %s° smoothed)", count(had), count(MaxVertices), count(kept), strconv.FormatFloat(tol, 'g', 2, 64))
}

// trimFloat writes a number for a message: at most 6 decimals, no exponent.
func trimFloat(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
}

// geometry joins a geometry's arcs into orb geometry in degrees.
func (t *topology) geometry(r *reader, g *topoGeom) orb.Geometry {
	switch {
	case g.typ == "GeometryCollection":
		var c orb.Collection
		for _, m := range g.members {
			if m.err != nil {
				r.notes.add(m.at, "part of a collection: "+m.err.Error()+", skipped", "")
				continue
			}
			if mg := t.geometry(r, m); mg != nil {
				c = append(c, mg)
			}
		}
		return c
	case g.typ == "Point" && len(g.points) == 1:
		return g.points[0]
	case g.points != nil:
		return orb.MultiPoint(g.points)
	case g.lines != nil:
		mls := make(orb.MultiLineString, 0, len(g.lines))
		for _, l := range g.lines {
			mls = append(mls, geo.JoinArcs(t.arcs, l))
		}
		return mls
	}
	mp := make(orb.MultiPolygon, 0, len(g.polys))
	for _, p := range g.polys {
		poly := make(orb.Polygon, 0, len(p))
		for _, ring := range p {
			joined := geo.JoinArcs(t.arcs, ring)
			if len(joined) < 4 && t.full != nil {
				joined = geo.JoinArcs(t.full, ring) // an island simplified away: kept as it was
			}
			poly = append(poly, orb.Ring(joined))
		}
		mp = append(mp, poly)
	}
	return mp
}
