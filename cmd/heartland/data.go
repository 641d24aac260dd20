package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/project"

	"heartland/geo"
)

func init() {
	register("data", "regenerate assets/borders from Natural Earth (world-atlas TopoJSON)", runData)
}

// regionConfig is assets/borders/region.json: what to cut out of the world.
type regionConfig struct {
	Comment    string                `json:"comment"`
	Edges      map[string][2]float64 `json:"edges"`
	Central    []string              `json:"central"`
	ISO        map[string]string     `json:"iso"`
	Unnumbered map[string]string     `json:"unnumbered"`
}

func runData(args []string) error {
	fs := flag.NewFlagSet("data", flag.ContinueOnError)
	topoPath := fs.String("topojson", "node_modules/world-atlas/countries-10m.json", "Natural Earth admin-0 TopoJSON from world-atlas")
	dir := fs.String("dir", "assets/borders", "folder holding region.json; outputs are written here")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var cfg regionConfig
	if err := readJSON(filepath.Join(*dir, "region.json"), &cfg); err != nil {
		return err
	}
	raw, err := os.ReadFile(*topoPath)
	if err != nil {
		return fmt.Errorf("%w (run `make data`, which installs world-atlas with npm)", err)
	}
	topo, err := geo.DecodeTopology(raw)
	if err != nil {
		return fmt.Errorf("%s: %w", *topoPath, err)
	}
	rect, err := cfg.worldRect()
	if err != nil {
		return err
	}
	// Clip a little outside the camera's rectangle so cut edges never show.
	pad := 0.03 * (rect.Right() - rect.Left())
	cut := rect.Pad(pad)
	b := borderBuilder{topo: topo, cfg: cfg, cut: cut}
	countries, err := b.countries()
	if err != nil {
		return err
	}
	if err := writeGeoJSON(filepath.Join(*dir, "countries.geojson"), countries); err != nil {
		return err
	}
	if err := writeGeoJSON(filepath.Join(*dir, "boundaries.geojson"), b.boundaries()); err != nil {
		return err
	}
	fmt.Printf("wrote %d countries and their boundaries to %s\n", len(countries), *dir)
	return nil
}

// worldRect is the map's rectangle in projected metres.
func (c regionConfig) worldRect() (orb.Bound, error) {
	p := geo.CentralAsia
	for _, k := range []string{"west", "east", "south", "north"} {
		if _, ok := c.Edges[k]; !ok {
			return orb.Bound{}, fmt.Errorf("region.json: edges.%s missing", k)
		}
	}
	return orb.Bound{
		Min: orb.Point{p.Forward(c.Edges["west"])[0], p.Forward(c.Edges["south"])[1]},
		Max: orb.Point{p.Forward(c.Edges["east"])[0], p.Forward(c.Edges["north"])[1]},
	}, nil
}

type borderBuilder struct {
	topo *geo.Topology
	cfg  regionConfig
	cut  orb.Bound // world metres
	ids  []string  // per geometry: feature id (alpha-3, or kebab name of a territory), "-" when outside
}

// code returns the alpha-3 code of a world-atlas geometry.
func (b *borderBuilder) code(g geo.TopoGeometry) (string, error) {
	name, _ := g.Properties["name"].(string)
	if g.ID != "" {
		if c, ok := b.cfg.ISO[g.ID]; ok {
			return c, nil
		}
		return "", fmt.Errorf("region.json: no alpha-3 code for numeric id %s (%s); add it to \"iso\"", g.ID, name)
	}
	if c, ok := b.cfg.Unnumbered[name]; ok {
		return c, nil
	}
	return "", fmt.Errorf("region.json: entity %q has no id; add it to \"unnumbered\"", name)
}

func (b *borderBuilder) countries() ([]geo.Feature, error) {
	geoms := b.topo.Objects["countries"]
	b.ids = make([]string, len(geoms))
	byID := map[string]*geo.Feature{}
	central := map[string]bool{}
	for _, c := range b.cfg.Central {
		central[c] = true
	}
	for i, g := range geoms {
		b.ids[i] = "-"
		mp := b.clipPolygons(b.topo.MultiPolygon(g))
		if len(mp) == 0 {
			continue
		}
		code, err := b.code(g)
		if err != nil {
			return nil, err
		}
		name, _ := g.Properties["name"].(string)
		id, kind := code, "country"
		if code == "" {
			id, kind = kebab(name), "territory"
		}
		b.ids[i] = id
		if f, ok := byID[id]; ok { // e.g. Baikonur joins Kazakhstan
			f.Geometry = append(f.Geometry.(orb.MultiPolygon), mp...)
			continue
		}
		group := "neighbour"
		if central[code] {
			group = "central"
		}
		byID[id] = &geo.Feature{ID: id, Name: name, Kind: kind, Country: code, Geometry: mp,
			Props: map[string]any{"id": id, "name": name, "kind": kind, "country": code, "group": group}}
	}
	return sortedFeatures(byID), nil
}

// clipPolygons cuts lon/lat polygons to the map rectangle in projected space.
func (b *borderBuilder) clipPolygons(mp orb.MultiPolygon) orb.MultiPolygon {
	// Longitudes are unwrapped around the projection's cut meridian (114°W)
	// so Russia's Chukotka stays continuous; the southern hemisphere
	// (Antarctica's ring runs along the pole) is dropped outright.
	var keep orb.MultiPolygon
	for _, p := range mp {
		if p.Bound().Max[1] > 0 {
			keep = append(keep, unwrap(p.Clone()))
		}
	}
	w := project.MultiPolygon(keep, geo.CentralAsia.Forward)
	if len(w) == 0 || !w.Bound().Intersects(b.cut) {
		return nil
	}
	kept := w[:0]
	for _, p := range clip.MultiPolygon(b.cut, w) {
		if len(p) > 0 && math.Abs(planar.Area(p[0])) > 1e6 { // drop slivers under 1 km²
			kept = append(kept, p)
		}
	}
	// Densify first: a straight clip edge in the projection is a curve in
	// lon/lat, and two corner points alone would come back as a sagging chord.
	return project.MultiPolygon(densify(kept, 10e3), geo.CentralAsia.Inverse)
}

// densify inserts points so that no segment of a world-metre multipolygon is
// longer than step metres.
func densify(mp orb.MultiPolygon, step float64) orb.MultiPolygon {
	for _, p := range mp {
		for ri, r := range p {
			out := make(orb.Ring, 0, len(r))
			for i := range r {
				if i > 0 {
					a, b := r[i-1], r[i]
					n := int(math.Ceil(math.Hypot(b[0]-a[0], b[1]-a[1]) / step))
					for k := 1; k < n; k++ {
						t := float64(k) / float64(n)
						out = append(out, orb.Point{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])})
					}
				}
				out = append(out, r[i])
			}
			p[ri] = out
		}
	}
	return mp
}

// unwrap shifts longitudes west of 114°W by 360° so that no ring crosses the
// meridian opposite the projection's centre.
func unwrap(p orb.Polygon) orb.Polygon {
	for _, r := range p {
		for i := range r {
			if r[i][0] < geo.CentralAsiaCut {
				r[i][0] += 360
			}
		}
	}
	return p
}

// boundaries returns each land border once, per pair of countries, and each
// country's coastline: arcs shared by two countries are borders, arcs used
// by one are coasts (sea or the Caspian).
func (b *borderBuilder) boundaries() []geo.Feature {
	lines := map[string]orb.MultiLineString{}
	pairs := map[string][2]string{}
	for arc, users := range b.topo.ArcUsers("countries") {
		var codes []string
		for _, u := range users {
			if c := b.ids[u]; c != "-" {
				codes = append(codes, c)
			}
		}
		var key string
		switch {
		case len(codes) == 1:
			key = "coast-" + strings.ToLower(codes[0])
			pairs[key] = [2]string{codes[0], ""}
		case len(codes) == 2 && codes[0] != codes[1]:
			sort.Strings(codes)
			key = "border-" + strings.ToLower(codes[0]) + "-" + strings.ToLower(codes[1])
			pairs[key] = [2]string{codes[0], codes[1]}
		default:
			continue // outside the map, or inside one country (Baikonur)
		}
		arcLine := b.topo.Arcs[arc].Clone()
		for i := range arcLine {
			if arcLine[i][0] < geo.CentralAsiaCut {
				arcLine[i][0] += 360
			}
		}
		w := project.LineString(arcLine, geo.CentralAsia.Forward)
		for _, part := range clip.LineString(b.cut, w) {
			lines[key] = append(lines[key], project.LineString(part, geo.CentralAsia.Inverse))
		}
	}
	byID := map[string]*geo.Feature{}
	for key, mls := range lines {
		if len(mls) == 0 {
			continue
		}
		p := pairs[key]
		kind, country, name := "land-border", p[0], p[0]+"–"+p[1]
		if p[1] == "" {
			kind, name = "coast", p[0]+" coast"
		}
		byID[key] = &geo.Feature{ID: key, Name: name, Kind: kind, Country: country, Geometry: geo.MergeLines(mls),
			Props: map[string]any{"id": key, "name": name, "kind": kind, "country": country, "countries": []string{p[0], p[1]}}}
	}
	return sortedFeatures(byID)
}

func sortedFeatures(byID map[string]*geo.Feature) []geo.Feature {
	out := make([]geo.Feature, 0, len(byID))
	for _, f := range byID {
		out = append(out, *f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func kebab(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func readJSON(path string, v any) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func writeGeoJSON(path string, fs []geo.Feature) error {
	out, err := geo.EncodeGeoJSON(fs, 4)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, out, 0o644)
}
