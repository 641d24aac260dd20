package geo

import (
	"encoding/json"
	"fmt"

	"github.com/paulmach/orb"
)

// Topology is a decoded TopoJSON document: absolute [lon, lat] arcs and the
// polygon objects that reference them. Shared borders are stored once, as
// arcs, which is what lets us draw each border once.
type Topology struct {
	Arcs    []orb.LineString
	Objects map[string][]TopoGeometry
}

// TopoGeometry is one geometry of a TopoJSON object. Rings and lines hold
// arc indexes; a negative index ^i means arc i reversed. Type is the
// TopoJSON type; only the field for it is set.
type TopoGeometry struct {
	ID         string
	Type       string
	Properties map[string]any
	Polygons   [][][]int   // Polygon, MultiPolygon: polygon → ring → arc indexes
	Lines      [][]int     // LineString, MultiLineString: line → arc indexes
	Points     []orb.Point // Point, MultiPoint: [lon, lat] degrees
}

type rawTopology struct {
	Type      string                                 `json:"type"`
	Transform *struct{ Scale, Translate [2]float64 } `json:"transform"`
	Arcs      [][][2]float64                         `json:"arcs"`
	Objects   map[string]struct {
		rawTopoGeometry
		Geometries []rawTopoGeometry `json:"geometries"`
	} `json:"objects"`
}

type rawTopoGeometry struct {
	Type        string          `json:"type"`
	ID          any             `json:"id"`
	Properties  map[string]any  `json:"properties"`
	Arcs        json.RawMessage `json:"arcs"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// DecodeTopology parses a TopoJSON Topology whose objects are
// GeometryCollections of polygons, lines and points, or one such geometry
// (world-atlas has both: "countries" and "land"). Quantized arcs and
// positions are decoded to degrees. It is strict, for our own data; a
// reader's files go through package yourdata.
func DecodeTopology(data []byte) (*Topology, error) {
	var raw rawTopology
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("topojson: invalid JSON: %w", err)
	}
	if raw.Type != "Topology" {
		return nil, fmt.Errorf("topojson: type is %q; want \"Topology\"", raw.Type)
	}
	t := &Topology{Arcs: make([]orb.LineString, len(raw.Arcs)), Objects: map[string][]TopoGeometry{}}
	for i, arc := range raw.Arcs {
		ls, err := decodeArc(arc, raw.Transform)
		if err != nil {
			return nil, fmt.Errorf("topojson: arc %d: %w", i, err)
		}
		t.Arcs[i] = ls
	}
	for name, obj := range raw.Objects {
		geometries := obj.Geometries
		if obj.Type != "GeometryCollection" { // an object that is one geometry
			geometries = []rawTopoGeometry{obj.rawTopoGeometry}
		}
		for gi, g := range geometries {
			tg := TopoGeometry{Type: g.Type, Properties: g.Properties}
			switch id := g.ID.(type) {
			case string:
				tg.ID = id
			case float64:
				tg.ID = fmt.Sprintf("%03d", int(id))
			}
			if err := decodeTopoGeometry(g.Type, g.Arcs, g.Coordinates, raw.Transform, &tg, len(t.Arcs)); err != nil {
				return nil, fmt.Errorf("topojson: object %q geometry %d: %w", name, gi, err)
			}
			t.Objects[name] = append(t.Objects[name], tg)
		}
	}
	return t, nil
}

func decodeArc(arc [][2]float64, tr *struct{ Scale, Translate [2]float64 }) (orb.LineString, error) {
	if len(arc) < 2 {
		return nil, fmt.Errorf("has %d positions; want at least 2", len(arc))
	}
	ls := make(orb.LineString, len(arc))
	var x, y float64
	for i, p := range arc {
		if tr != nil {
			x, y = x+p[0], y+p[1]
			ls[i] = orb.Point{x*tr.Scale[0] + tr.Translate[0], y*tr.Scale[1] + tr.Translate[1]}
		} else {
			ls[i] = orb.Point(p)
		}
		if err := checkPoints(ls[i][0], ls[i][1]); err != nil {
			return nil, err
		}
	}
	return ls, nil
}

func decodeTopoGeometry(typ string, raw, coords json.RawMessage, tr *struct{ Scale, Translate [2]float64 }, tg *TopoGeometry, nArcs int) error {
	switch typ {
	case "Point", "MultiPoint":
		var pts [][2]float64
		if typ == "Point" {
			var p [2]float64
			if err := json.Unmarshal(coords, &p); err != nil {
				return fmt.Errorf("bad coordinates: %v", err)
			}
			pts = [][2]float64{p}
		} else if err := json.Unmarshal(coords, &pts); err != nil {
			return fmt.Errorf("bad coordinates: %v", err)
		}
		for _, p := range pts {
			q := orb.Point(p)
			if tr != nil { // quantized positions are absolute, not deltas
				q = orb.Point{p[0]*tr.Scale[0] + tr.Translate[0], p[1]*tr.Scale[1] + tr.Translate[1]}
			}
			if err := checkPoints(q[0], q[1]); err != nil {
				return err
			}
			tg.Points = append(tg.Points, q)
		}
		return nil
	case "LineString":
		var line []int
		if err := json.Unmarshal(raw, &line); err != nil {
			return fmt.Errorf("bad arcs: %v", err)
		}
		tg.Lines = [][]int{line}
		return checkArcRefs(tg.Lines, nArcs)
	case "MultiLineString":
		if err := json.Unmarshal(raw, &tg.Lines); err != nil {
			return fmt.Errorf("bad arcs: %v", err)
		}
		return checkArcRefs(tg.Lines, nArcs)
	case "Polygon":
		var rings [][]int
		if err := json.Unmarshal(raw, &rings); err != nil {
			return fmt.Errorf("bad arcs: %v", err)
		}
		tg.Polygons = [][][]int{rings}
	case "MultiPolygon":
		if err := json.Unmarshal(raw, &tg.Polygons); err != nil {
			return fmt.Errorf("bad arcs: %v", err)
		}
	case "":
		return nil // a null geometry: nothing to draw
	default:
		return fmt.Errorf("unsupported geometry type %q", typ)
	}
	for _, p := range tg.Polygons {
		if err := checkArcRefs(p, nArcs); err != nil {
			return err
		}
	}
	return nil
}

// checkArcRefs checks that lines (or rings) are non-empty and name
// existing arcs.
func checkArcRefs(lines [][]int, nArcs int) error {
	for _, l := range lines {
		if len(l) == 0 {
			return fmt.Errorf("empty ring or line")
		}
		for _, a := range l {
			if arcIndex(a) >= nArcs {
				return fmt.Errorf("arc index %d out of range (%d arcs)", a, nArcs)
			}
		}
	}
	return nil
}

// Geometry returns any geometry of the topology as orb geometry in [lon,
// lat] degrees: a MultiPolygon, MultiLineString or MultiPoint (nil for a
// null geometry).
func (t *Topology) Geometry(g TopoGeometry) orb.Geometry {
	switch {
	case len(g.Points) == 1 && g.Type == "Point":
		return g.Points[0]
	case len(g.Points) > 0:
		return orb.MultiPoint(g.Points)
	case len(g.Lines) > 0:
		mls := make(orb.MultiLineString, 0, len(g.Lines))
		for _, l := range g.Lines {
			mls = append(mls, t.stitch(l))
		}
		return mls
	case len(g.Polygons) > 0:
		return t.MultiPolygon(g)
	}
	return nil
}

// stitch joins arcs end to end into one line of [lon, lat] degrees.
func (t *Topology) stitch(arcs []int) orb.LineString { return JoinArcs(t.Arcs, arcs) }

// JoinArcs joins the arcs refs names end to end into one line; a reversed
// reference (^i) walks its arc backwards, and each arc after the first
// skips the point it shares with the previous one's end. Every reference
// must name one of arcs.
func JoinArcs(arcs []orb.LineString, refs []int) orb.LineString {
	n := 0
	for _, a := range refs {
		n += len(arcs[arcIndex(a)])
	}
	line := make(orb.LineString, 0, n)
	for _, a := range refs {
		arc := arcs[arcIndex(a)]
		for k := range arc {
			pt := arc[k]
			if a < 0 {
				pt = arc[len(arc)-1-k]
			}
			if k == 0 && len(line) > 0 {
				continue
			}
			line = append(line, pt)
		}
	}
	return line
}

// arcIndex resolves a possibly reversed (^i) arc reference.
func arcIndex(a int) int {
	if a < 0 {
		return ^a
	}
	return a
}

// MultiPolygon stitches a geometry's arcs into rings of [lon, lat] degrees.
// Rings that do not close are closed.
func (t *Topology) MultiPolygon(g TopoGeometry) orb.MultiPolygon {
	mp := make(orb.MultiPolygon, 0, len(g.Polygons))
	for _, p := range g.Polygons {
		poly := make(orb.Polygon, 0, len(p))
		for _, r := range p {
			ring := orb.Ring(t.stitch(r))
			if len(ring) > 0 && ring[0] != ring[len(ring)-1] {
				ring = append(ring, ring[0])
			}
			if len(ring) >= 4 {
				poly = append(poly, ring)
			}
		}
		if len(poly) > 0 {
			mp = append(mp, poly)
		}
	}
	return mp
}

// ArcUsers returns, for each arc, the indexes of the geometries of object
// name that use it. An arc with two users is a shared border; one with one
// user is a coastline.
func (t *Topology) ArcUsers(name string) [][]int {
	users := make([][]int, len(t.Arcs))
	for gi, g := range t.Objects[name] {
		for _, p := range g.Polygons {
			for _, r := range p {
				for _, a := range r {
					i := arcIndex(a)
					if n := len(users[i]); n == 0 || users[i][n-1] != gi {
						users[i] = append(users[i], gi)
					}
				}
			}
		}
	}
	return users
}
