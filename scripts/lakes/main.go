// Command lakes converts GSHHG lake shorelines, dumped by GMT as
// multisegment ASCII, into the GeoJSON lake layer of the map
// (assets/borders/lakes.geojson). scripts/lakes.sh runs it as
//
//	gmt coast -R.. -Dh -W -M -A10/2/3+l > lakes.txt
//	gmt coast -R.. -Dh -W -M -A10/2/3+r > riverlakes.txt
//	go run ./scripts/lakes -riverlakes riverlakes.txt < lakes.txt > lakes.geojson
//
// The dumps hold level-2 (lake) and level-3 (island-in-lake) shorelines, cut
// into pieces at GSHHG bin edges. Each piece starts with a header line like
// "> Shore Bin # 2713, Level 2" followed by "lon lat" lines. Pieces of one
// shoreline meet at bit-identical end points, so they are stitched back into
// closed rings by exact end-point matching. Rings that do not close (cut by
// the dump region) are dropped.
//
// A lake is kept when its centroid lies in -bbox and it is either at least
// -minarea km² or a required entry of the name table below. The Caspian Sea
// (a level-2 "lake" in GSHHG) is always dropped, and so are river-lakes
// (wide river stretches, e.g. the Indus) unless the table names them.
// Islands of at least -islandmin km² become holes of the lake that contains
// them. Rings are simplified with Douglas-Peucker (-tol km), rounded to 4
// decimals and oriented per RFC 7946 (exterior counter-clockwise, holes
// clockwise). Names come from the table (points known to lie inside the
// lake); other lakes get an empty name and an id from their centroid.
//
// Output is deterministic: same input, same bytes.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

type pt [2]float64 // lon, lat

type seg struct {
	level int
	pts   []pt
}

type ring struct {
	level int
	pts   []pt // closed: pts[0] == pts[len-1]
	area  float64
	cx    float64
	cy    float64
}

// formerLakes are shorelines GSHHG keeps from before they dried: drawn as
// former extents, not as water, so the map does not show a sea that is gone.
var formerLakes = map[string]string{
	"aral-sea": "Aral Sea (1960 shoreline)",
	"lop-nur":  "Lop Nur (dry since the 1970s)",
}

// known names lakes by location: a lake whose (unsimplified) shoreline
// contains one of the points gets the id and name. Points are GSHHG-h
// centroids, or for non-convex shapes a verified interior point. Entries
// with force are kept even below -minarea. Several rings with the same id
// become one MultiPolygon.
var known = []struct {
	id, name string
	force    bool
	pts      []pt
}{
	// Required (the map's key lakes).
	{"aral-sea", "Aral Sea", true, []pt{{59.94, 45.02}, {61.0, 46.45}, {58.55, 45.0}}},
	{"lake-balkhash", "Lake Balkhash", true, []pt{{74.41, 46.28}}},
	{"issyk-kul", "Issyk-Kul", true, []pt{{77.27, 42.44}}},
	{"lake-zaysan", "Lake Zaysan", true, []pt{{83.79, 48.39}}},
	{"kapchagay-reservoir", "Kapchagay Reservoir", true, []pt{{77.61, 43.84}}},
	{"sarygamysh-lake", "Sarygamysh Lake", true, []pt{{57.455, 41.888}, {57.44, 41.975}}},
	{"lake-urmia", "Lake Urmia", true, []pt{{45.43, 37.69}}},
	{"lake-van", "Lake Van", true, []pt{{42.96, 38.64}}},
	{"lake-sevan", "Lake Sevan", true, []pt{{45.34, 40.34}}},
	{"bosten-lake", "Bosten Lake", true, []pt{{87.04, 41.97}}},
	{"alakol", "Alakol", true, []pt{{81.73, 46.13}}},
	{"lake-tengiz", "Lake Tengiz", true, []pt{{69.05, 50.42}}},
	// Others, named only where the location leaves no doubt.
	{"kuybyshev-reservoir", "Kuybyshev Reservoir", false, []pt{{48.64, 54.56}}},
	{"dnieper-reservoirs", "Dnieper reservoirs", false, []pt{{34.12, 48.78}}},
	{"rybinsk-reservoir", "Rybinsk Reservoir", false, []pt{{38.20, 58.56}}},
	{"qinghai-lake", "Qinghai Lake", false, []pt{{100.20, 36.88}}},
	{"lake-peipus", "Lake Peipus", false, []pt{{27.54, 58.54}}},
	{"lake-nasser", "Lake Nasser", false, []pt{{32.16, 22.75}}},
	{"uvs-lake", "Uvs Lake", false, []pt{{92.74, 50.31}}},
	{"tsimlyansk-reservoir", "Tsimlyansk Reservoir", false, []pt{{42.92, 48.11}}},
	{"lake-khovsgol", "Lake Khövsgöl", false, []pt{{100.48, 51.08}}},
	{"volgograd-reservoir", "Volgograd Reservoir", false, []pt{{45.80, 50.77}}},
	{"lake-chany", "Lake Chany", false, []pt{{77.41, 54.85}}},
	{"kama-reservoir", "Kama Reservoir", false, []pt{{56.36, 58.76}}},
	{"nam-co", "Nam Co", false, []pt{{90.60, 30.74}}},
	{"krasnoyarsk-reservoir", "Krasnoyarsk Reservoir", false, []pt{{91.32, 54.32}}},
	{"siling-co", "Siling Co", false, []pt{{88.99, 31.78}}},
	{"lake-tuz", "Lake Tuz", false, []pt{{33.41, 38.77}}},
	{"khar-us-lake", "Khar-Us Lake", false, []pt{{92.34, 48.07}}},
	{"lake-tharthar", "Lake Tharthar", false, []pt{{43.26, 33.96}}},
	{"lake-razazah", "Lake Razazah", false, []pt{{43.63, 32.75}}},
	{"khyargas-lake", "Khyargas Lake", false, []pt{{93.31, 49.17}}},
	{"cheboksary-reservoir", "Cheboksary Reservoir", false, []pt{{48.16, 55.88}}},
	{"gorky-reservoir", "Gorky Reservoir", false, []pt{{43.19, 57.35}}},
	{"votkinsk-reservoir", "Votkinsk Reservoir", false, []pt{{55.29, 57.32}}},
	{"novosibirsk-reservoir", "Novosibirsk Reservoir", false, []pt{{82.38, 54.51}}},
	{"zhari-namco", "Zhari Namco", false, []pt{{85.62, 30.93}}},
	{"dead-sea", "Dead Sea", false, []pt{{35.48, 31.45}}},
	{"lake-ilmen", "Lake Ilmen", false, []pt{{31.32, 58.28}}},
	{"tangra-yumco", "Tangra Yumco", false, []pt{{86.59, 31.08}}},
	{"ulungur-lake", "Ulungur Lake", false, []pt{{87.29, 47.26}}},
	{"sasykkol", "Sasykkol", false, []pt{{80.95, 46.59}}},
	{"hirakud-reservoir", "Hirakud Reservoir", false, []pt{{83.76, 21.64}}},
	{"kulunda-lake", "Kulunda Lake", false, []pt{{79.59, 52.98}}},
	{"lake-beysehir", "Lake Beyşehir", false, []pt{{31.51, 37.77}}},
	{"manych-gudilo", "Manych-Gudilo", false, []pt{{42.68, 46.35}}},
	{"yamdrok-lake", "Yamdrok Lake", false, []pt{{90.72, 28.96}}},
	{"lop-nur", "Lop Nur", false, []pt{{90.27, 40.51}}},
	{"lake-seletytengiz", "Lake Seletytengiz", false, []pt{{73.25, 53.28}}},
	{"kyiv-reservoir", "Kyiv Reservoir", false, []pt{{30.48, 50.92}}},
	{"hala-lake", "Hala Lake", false, []pt{{97.59, 38.28}}},
	{"ngoring-lake", "Ngoring Lake", false, []pt{{97.70, 34.91}}},
	{"ayakkum-lake", "Ayakkum Lake", false, []pt{{89.40, 37.55}}},
	{"ebinur-lake", "Ebinur Lake", false, []pt{{82.95, 44.87}}},
	{"shardara-reservoir", "Shardara Reservoir", false, []pt{{68.16, 41.13}}},
	{"mingachevir-reservoir", "Mingachevir Reservoir", false, []pt{{46.71, 40.92}}},
	{"saratov-reservoir", "Saratov Reservoir", false, []pt{{48.15, 52.41}}},
	{"rihand-reservoir", "Rihand Reservoir", false, []pt{{82.78, 24.08}}},
	{"lake-egirdir", "Lake Eğirdir", false, []pt{{30.85, 38.06}}},
	{"sayram-lake", "Sayram Lake", false, []pt{{81.16, 44.60}}},
	{"markakol", "Markakol", false, []pt{{85.76, 48.74}}},
	{"lake-kushmurun", "Lake Kushmurun", false, []pt{{64.78, 52.69}}},
	{"lake-ubinskoye", "Lake Ubinskoye", false, []pt{{80.07, 55.47}}},
	{"kaptai-lake", "Kaptai Lake", false, []pt{{92.23, 22.87}}},
	{"lake-kubenskoye", "Lake Kubenskoye", false, []pt{{39.47, 59.65}}},
	{"kayrakkum-reservoir", "Kayrakkum Reservoir", false, []pt{{70.12, 40.32}}},
	{"lake-manasarovar", "Lake Manasarovar", false, []pt{{81.47, 30.68}}},
	{"lake-habbaniyah", "Lake Habbaniyah", false, []pt{{43.45, 33.30}}},
	{"karakul", "Karakul", false, []pt{{73.40, 39.03}}},
	{"lake-aksehir", "Lake Akşehir", false, []pt{{31.42, 38.52}}},
	{"iriklinskoye-reservoir", "Iriklinskoye Reservoir", false, []pt{{58.76, 51.86}}},
}

// tolKm is the Douglas-Peucker tolerance (flag -tol).
var tolKm float64

func main() {
	minArea := flag.Float64("minarea", 300, "minimum lake area, km²")
	islandMin := flag.Float64("islandmin", 10, "minimum island (hole) area, km²")
	tol := flag.Float64("tol", 0.3, "Douglas-Peucker tolerance, km")
	bboxS := flag.String("bbox", "24,20,102,60", "keep lakes whose centroid is in west,south,east,north")
	riverFile := flag.String("riverlakes", "", "optional GMT dump of river-lakes (-A.../2/3+r); these are kept only when named in the table")
	list := flag.Bool("list", false, "print a table of the kept lakes to stderr")
	flag.Parse()
	tolKm = *tol

	var bbox [4]float64
	parts := strings.Split(*bboxS, ",")
	if len(parts) != 4 {
		fatal("bad -bbox %q", *bboxS)
	}
	for i, s := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			fatal("bad -bbox %q: %v", *bboxS, err)
		}
		bbox[i] = v
	}

	// Candidate lakes from stdin (ordinary lakes) and, optionally, river-lakes.
	var cands []*lake
	cands = append(cands, load(os.Stdin, "stdin", false, *minArea, *islandMin, bbox)...)
	if *riverFile != "" {
		f, err := os.Open(*riverFile)
		if err != nil {
			fatal("%v", err)
		}
		cands = append(cands, load(f, filepath.Base(*riverFile), true, *minArea, *islandMin, bbox)...)
		f.Close()
	}

	// Group by id; drop unnamed river-lakes (wide river stretches such as
	// the Indus or the Brahmaputra, which are not lakes).
	type feature struct {
		id, name string
		area     float64
		cx, cy   float64 // centroid of the largest ring
		polys    [][][]pt
	}
	byID := map[string]*feature{}
	var feats []*feature
	for _, lk := range cands {
		if lk.river && lk.name == "" {
			continue
		}
		if lk.name == "" && lk.outer.area < *minArea {
			continue
		}
		f := byID[lk.id]
		if f == nil {
			f = &feature{id: lk.id, name: lk.name, cx: lk.outer.cx, cy: lk.outer.cy}
			byID[lk.id] = f
			feats = append(feats, f)
		}
		f.area += lk.outer.area
		f.polys = append(f.polys, lk.rings)
	}
	// Largest first; ties broken by id for a stable order.
	sort.SliceStable(feats, func(i, j int) bool {
		if feats[i].area != feats[j].area {
			return feats[i].area > feats[j].area
		}
		return feats[i].id < feats[j].id
	})

	for _, k := range known {
		if byID[k.id] != nil {
			continue
		}
		if k.force {
			fatal("required lake %s not found in the input", k.name)
		}
		fmt.Fprintf(os.Stderr, "lakes: warning: no lake found for %s\n", k.name)
	}

	w := bufio.NewWriter(os.Stdout)
	w.WriteString(`{"type":"FeatureCollection","features":[`)
	for i, f := range feats {
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n")
		typ := "Polygon"
		if len(f.polys) > 1 {
			typ = "MultiPolygon"
		}
		kind, name := "lake", f.name
		if former, ok := formerLakes[f.id]; ok {
			kind, name = "former-lake", former
		}
		fmt.Fprintf(w, `{"type":"Feature","properties":{"id":%s,"name":%s,"kind":%q},"geometry":{"type":%q,"coordinates":`,
			strconv.Quote(f.id), strconv.Quote(name), kind, typ)
		if typ == "MultiPolygon" {
			w.WriteString("[")
		}
		for pi, poly := range f.polys {
			if pi > 0 {
				w.WriteString(",")
			}
			writePolygon(w, poly)
		}
		if typ == "MultiPolygon" {
			w.WriteString("]")
		}
		w.WriteString("}}")
		if *list {
			n, holes := 0, 0
			for _, poly := range f.polys {
				holes += len(poly) - 1
				for _, r := range poly {
					n += len(r)
				}
			}
			fmt.Fprintf(os.Stderr, "%-24s %-24s %7.0f km²  centroid %7.3f %7.3f  parts %d holes %2d points %4d\n",
				f.id, f.name, f.area, f.cx, f.cy, len(f.polys), holes, n)
		}
	}
	w.WriteString("\n]}\n")
	if err := w.Flush(); err != nil {
		fatal("writing output: %v", err)
	}
}

// lake is one GSHHG lake polygon, ready for output.
type lake struct {
	id, name string
	river    bool
	outer    *ring
	rings    [][]pt // exterior then holes: simplified, rounded, oriented
}

// load reads one GMT dump and returns its candidate lakes: level-2 rings
// with their centroid inside bbox that are either named (see known) or at
// least minArea km², with level-3 islands of at least islandMin km² as holes.
func load(r io.Reader, name string, river bool, minArea, islandMin float64, bbox [4]float64) []*lake {
	segs, err := readSegments(r)
	if err != nil {
		fatal("reading %s: %v", name, err)
	}
	rings, open := stitch(segs)
	if open > 0 {
		fmt.Fprintf(os.Stderr, "lakes: %s: dropped %d unclosed chains (cut by the dump region)\n", name, open)
	}
	var out []*lake
	var islands []*ring
	for _, r := range rings {
		r.area = sphericalArea(r.pts)
		r.cx, r.cy = centroid(r.pts)
		if r.level == 3 && r.area >= islandMin {
			islands = append(islands, r)
		}
	}
	for _, r := range rings {
		if r.level != 2 {
			continue
		}
		if r.cx < bbox[0] || r.cx > bbox[2] || r.cy < bbox[1] || r.cy > bbox[3] {
			continue
		}
		if isCaspian(r) {
			continue
		}
		id, lname, force := "", "", false
	match:
		for _, k := range known {
			for _, p := range k.pts {
				if pointInRing(p, r.pts) {
					id, lname, force = k.id, k.name, k.force
					break match
				}
			}
		}
		if r.area < minArea && !force {
			continue
		}
		if id == "" {
			id = fmt.Sprintf("lake-%s-%s", coordTag(r.cx, 'e', 'w'), coordTag(r.cy, 'n', 's'))
		}
		tol := tolKm
		ext := prepare(r.pts, tol, true)
		if ext == nil {
			fatal("%s: ring of %s degenerates when simplified", name, id)
		}
		lk := &lake{id: id, name: lname, river: river, outer: r, rings: [][]pt{ext}}
		for _, is := range islands {
			if !pointInRing(is.pts[0], r.pts) {
				continue
			}
			h := prepare(is.pts, tol, false)
			if h == nil {
				continue
			}
			ok := true
			for _, p := range h {
				if !pointInRing(p, ext) {
					ok = false
					break
				}
			}
			if ok {
				lk.rings = append(lk.rings, h)
			}
		}
		out = append(out, lk)
	}
	return out
}

func writePolygon(w *bufio.Writer, poly [][]pt) {
	w.WriteString("[")
	for ri, r := range poly {
		if ri > 0 {
			w.WriteString(",")
		}
		w.WriteString("[")
		for pi, p := range r {
			if pi > 0 {
				w.WriteString(",")
			}
			w.WriteString("[")
			w.WriteString(fmtCoord(p[0]))
			w.WriteString(",")
			w.WriteString(fmtCoord(p[1]))
			w.WriteString("]")
		}
		w.WriteString("]")
	}
	w.WriteString("]")
}

func fatal(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "lakes: "+format+"\n", a...)
	os.Exit(1)
}

// readSegments parses GMT multisegment ASCII.
func readSegments(r io.Reader) ([]seg, error) {
	var segs []seg
	var cur *seg
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' {
			continue
		}
		if s[0] == '>' {
			lvl := 0
			if i := strings.Index(s, "Level "); i >= 0 {
				f := strings.Fields(s[i+len("Level "):])
				if len(f) > 0 {
					lvl, _ = strconv.Atoi(strings.TrimRight(f[0], ","))
				}
			}
			if lvl == 0 {
				return nil, fmt.Errorf("line %d: segment header without level: %q", line, s)
			}
			segs = append(segs, seg{level: lvl})
			cur = &segs[len(segs)-1]
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("line %d: data before first segment header", line)
		}
		f := strings.Fields(s)
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: want lon lat, got %q", line, s)
		}
		lon, err1 := strconv.ParseFloat(f[0], 64)
		lat, err2 := strconv.ParseFloat(f[1], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("line %d: bad coordinates %q", line, s)
		}
		p := pt{lon, lat}
		if n := len(cur.pts); n > 0 && cur.pts[n-1] == p {
			continue
		}
		cur.pts = append(cur.pts, p)
	}
	return segs, sc.Err()
}

// stitch joins pieces of the same level that share end points into closed
// rings. It returns the rings and the number of chains that did not close.
func stitch(segs []seg) ([]*ring, int) {
	type end struct {
		level int
		p     pt
	}
	at := map[end][]int{}
	for i, s := range segs {
		if len(s.pts) < 2 {
			continue
		}
		at[end{s.level, s.pts[0]}] = append(at[end{s.level, s.pts[0]}], i)
		last := s.pts[len(s.pts)-1]
		at[end{s.level, last}] = append(at[end{s.level, last}], i)
	}
	used := make([]bool, len(segs))
	var rings []*ring
	open := 0
	for i, s := range segs {
		if used[i] || len(s.pts) < 2 {
			continue
		}
		used[i] = true
		chain := append([]pt(nil), s.pts...)
		for chain[0] != chain[len(chain)-1] {
			tail := chain[len(chain)-1]
			next := -1
			for _, j := range at[end{s.level, tail}] {
				if !used[j] {
					next = j
					break
				}
			}
			if next < 0 {
				break
			}
			used[next] = true
			p := segs[next].pts
			if p[0] == tail {
				chain = append(chain, p[1:]...)
			} else {
				for k := len(p) - 2; k >= 0; k-- {
					chain = append(chain, p[k])
				}
			}
		}
		if chain[0] != chain[len(chain)-1] || len(chain) < 4 {
			open++
			continue
		}
		rings = append(rings, &ring{level: s.level, pts: chain})
	}
	return rings, open
}

// sphericalArea returns the unsigned area of a closed lon/lat ring in km²
// on a sphere of the authalic Earth radius.
func sphericalArea(p []pt) float64 {
	const R = 6371.0072
	rad := math.Pi / 180
	s := 0.0
	for i := 0; i+1 < len(p); i++ {
		a, b := p[i], p[i+1]
		s += (b[0] - a[0]) * rad * (2 + math.Sin(a[1]*rad) + math.Sin(b[1]*rad))
	}
	return math.Abs(s * R * R / 2)
}

// signedArea is the planar shoelace area in degree² (positive = CCW).
func signedArea(p []pt) float64 {
	s := 0.0
	for i := 0; i+1 < len(p); i++ {
		s += p[i][0]*p[i+1][1] - p[i+1][0]*p[i][1]
	}
	return s / 2
}

// centroid is the planar centroid of a closed ring in lon/lat.
func centroid(p []pt) (float64, float64) {
	a := 0.0
	cx, cy := 0.0, 0.0
	x0, y0 := p[0][0], p[0][1] // shift for numeric stability
	for i := 0; i+1 < len(p); i++ {
		x1, y1 := p[i][0]-x0, p[i][1]-y0
		x2, y2 := p[i+1][0]-x0, p[i+1][1]-y0
		c := x1*y2 - x2*y1
		a += c
		cx += (x1 + x2) * c
		cy += (y1 + y2) * c
	}
	if a == 0 {
		return x0, y0
	}
	return cx/(3*a) + x0, cy/(3*a) + y0
}

func pointInRing(q pt, p []pt) bool {
	in := false
	for i, j := 0, len(p)-1; i < len(p); j, i = i, i+1 {
		a, b := p[i], p[j]
		if (a[1] > q[1]) != (b[1] > q[1]) &&
			q[0] < (b[0]-a[0])*(q[1]-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}

// isCaspian reports whether r is the Caspian Sea, which GSHHG stores as a
// level-2 lake but the map already shows as water (a gap in admin-0).
func isCaspian(r *ring) bool {
	return r.area > 100000 && pointInRing(pt{51.0, 42.0}, r.pts)
}

// prepare simplifies, rounds and orients a closed ring; ccw selects the
// winding (true for exteriors). It returns nil if the ring degenerates.
func prepare(p []pt, tolKm float64, ccw bool) []pt {
	s := simplify(p, tolKm)
	var r []pt
	for _, q := range s {
		q = pt{round4(q[0]), round4(q[1])}
		if n := len(r); n > 0 && r[n-1] == q {
			continue
		}
		r = append(r, q)
	}
	if len(r) < 4 || r[0] != r[len(r)-1] {
		return nil
	}
	a := signedArea(r)
	if a == 0 {
		return nil
	}
	if (a > 0) != ccw {
		for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
			r[i], r[j] = r[j], r[i]
		}
	}
	return r
}

// simplify runs Douglas-Peucker on a closed ring in a local equirectangular
// projection (km). The ring is split at its first point and the vertex
// farthest from it, so the result stays a closed ring of at least 4 points.
func simplify(p []pt, tolKm float64) []pt {
	n := len(p)
	if n <= 4 || tolKm <= 0 {
		return p
	}
	lat0 := 0.0
	for _, q := range p {
		lat0 += q[1]
	}
	lat0 /= float64(n)
	kx := 111.32 * math.Cos(lat0*math.Pi/180)
	const ky = 110.57
	xy := make([][2]float64, n)
	for i, q := range p {
		xy[i] = [2]float64{q[0] * kx, q[1] * ky}
	}
	far, best := 0, -1.0
	for i := 1; i < n-1; i++ {
		dx, dy := xy[i][0]-xy[0][0], xy[i][1]-xy[0][1]
		if d := dx*dx + dy*dy; d > best {
			far, best = i, d
		}
	}
	keep := make([]bool, n)
	keep[0], keep[far], keep[n-1] = true, true, true
	dp(xy, 0, far, tolKm, keep)
	dp(xy, far, n-1, tolKm, keep)
	// Keep at least one more vertex on each side so that the ring has area.
	ensureMid(xy, 0, far, keep)
	ensureMid(xy, far, n-1, keep)
	var out []pt
	for i, k := range keep {
		if k {
			out = append(out, p[i])
		}
	}
	return out
}

func dp(xy [][2]float64, i, j int, tol float64, keep []bool) {
	if j <= i+1 {
		return
	}
	idx, dmax := -1, tol
	for k := i + 1; k < j; k++ {
		if d := segDist(xy[k], xy[i], xy[j]); d > dmax {
			idx, dmax = k, d
		}
	}
	if idx < 0 {
		return
	}
	keep[idx] = true
	dp(xy, i, idx, tol, keep)
	dp(xy, idx, j, tol, keep)
}

func ensureMid(xy [][2]float64, i, j int, keep []bool) {
	for k := i + 1; k < j; k++ {
		if keep[k] {
			return
		}
	}
	idx, dmax := -1, -1.0
	for k := i + 1; k < j; k++ {
		if d := segDist(xy[k], xy[i], xy[j]); d > dmax {
			idx, dmax = k, d
		}
	}
	if idx >= 0 {
		keep[idx] = true
	}
}

func segDist(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return math.Hypot(p[0]-a[0], p[1]-a[1])
	}
	t := ((p[0]-a[0])*dx + (p[1]-a[1])*dy) / l2
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p[0]-a[0]-t*dx, p[1]-a[1]-t*dy)
}

func round4(v float64) float64 {
	r := math.Round(v*1e4) / 1e4
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

func fmtCoord(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// coordTag renders a coordinate for ids: 61.234 -> "61p23e".
func coordTag(v float64, pos, neg byte) string {
	h := pos
	if v < 0 {
		h, v = neg, -v
	}
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	return strings.Replace(s, ".", "p", 1) + string(h)
}
