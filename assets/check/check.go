// Package check validates Heartland's data files on disk — the GeoJSON
// layers in borders/, the strategic layers in layers/ and
// countries/facts.json — and reports every problem
// it finds, each naming the file and the feature. `heartland check` and the
// tests run it, so a broken file in a checkout fails `make test` clearly.
//
// It may import the standard library, orb, heartland/geo, heartland/story
// and heartland/assets.
package check

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// Problem is one thing wrong with one file.
type Problem struct {
	File string // path of the file, as found under the checked folder
	Err  error  // what is wrong, usually naming the feature
}

func (p Problem) Error() string { return p.File + ": " + p.Err.Error() }

func (p Problem) Unwrap() error { return p.Err }

// FileSummary is what one file holds, for the report's success lines.
type FileSummary struct {
	File  string
	Count string // e.g. "55 features" or "10 countries, 40 sources"
}

func (s FileSummary) String() string { return s.File + ": " + s.Count }

// Report is the outcome of checking a data folder.
type Report struct {
	Files    []FileSummary // files read, in the order checked
	Problems []Problem     // every problem found; empty when the data is valid
	Stale    []Stale       // entries last verified over a year ago, oldest first; not problems yet
}

// Err returns nil when no problem was found, or a *ProblemsError listing
// them all.
func (r Report) Err() error {
	if len(r.Problems) == 0 {
		return nil
	}
	return &ProblemsError{Problems: r.Problems}
}

// ProblemsError lists every problem of a report, one per line.
type ProblemsError struct {
	Problems []Problem
}

func (e *ProblemsError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Options tune a check.
type Options struct {
	// Now is the time facts may not postdate: a figure's year must not be
	// after Now's year. The zero value means time.Now().
	Now time.Time
	// Partial accepts a layers/ folder missing some strategic layers, for
	// tests that exercise one file; the real data must have all of them.
	Partial bool
}

// layerFile is one decoded borders/*.geojson or layers/*.geojson file.
type layerFile struct {
	path     string // as reported, e.g. "assets/borders/lakes.geojson"
	base     string // e.g. "lakes.geojson"
	features []geo.Feature
}

// checker gathers problems while the checks run.
type checker struct {
	dir      string
	opts     Options
	report   Report
	layers   []layerFile
	byID     map[string]string // feature id → file it was first seen in, relative to dir
	world    *Countries        // nil when countries.geojson could not be read
	codes    map[string]bool   // ids of kind country in countries.geojson
	places   map[string]bool   // ids of every feature in countries.geojson, territories too
	mapBound orb.Bound         // lon/lat bound of countries.geojson: the map area
}

// Dir checks the data folder dir (the repository's assets/): it reads the
// files on disk, not the copy embedded in the assets package.
func Dir(dir string, opts Options) Report {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	c := &checker{dir: dir, opts: opts, byID: map[string]string{}}
	c.readLayers()
	c.checkLayers()
	c.checkStrategic(c.readStrategic())
	c.checkFacts()
	c.checkStories()
	sortStale(c.report.Stale)
	return c.report
}

func (c *checker) problem(file string, err error) {
	c.report.Problems = append(c.report.Problems, Problem{File: file, Err: err})
}

// featureErr formats like geo.DecodeError so decoder and checker messages
// read alike: feature 3 ("issyk-kul"): ring 0 is not closed.
func featureErr(index int, id, format string, args ...any) error {
	return &geo.DecodeError{Index: index, ID: id, Msg: fmt.Sprintf(format, args...)}
}

// readLayers decodes every borders/*.geojson; countries.geojson comes first
// so the other layers can be checked against it.
func (c *checker) readLayers() {
	paths, _ := filepath.Glob(filepath.Join(c.dir, "borders", "*.geojson"))
	countries := filepath.Join(c.dir, "borders", "countries.geojson")
	sort.SliceStable(paths, func(i, j int) bool { return paths[i] == countries && paths[j] != countries })
	if len(paths) == 0 || paths[0] != countries {
		c.problem(countries, fmt.Errorf("missing: the countries layer is required (regenerate it with `make data`)"))
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			c.problem(p, err)
			continue
		}
		l, ok := c.decodeLayer(p, raw)
		if !ok {
			continue
		}
		c.layers = append(c.layers, l)
		if p == countries {
			c.useCountries(l.features)
		}
	}
}

// decodeLayer decodes one GeoJSON file, reporting it on failure and counting
// its features on success.
func (c *checker) decodeLayer(path string, raw []byte) (layerFile, bool) {
	fs, err := geo.DecodeGeoJSON(raw)
	if err != nil {
		c.problem(path, err)
		return layerFile{}, false
	}
	c.report.Files = append(c.report.Files, FileSummary{File: path, Count: plural(len(fs), "feature", "features")})
	return layerFile{path: path, base: filepath.Base(path), features: fs}, true
}

// useCountries makes the countries layer's features the reference the other
// layers are checked against.
func (c *checker) useCountries(fs []geo.Feature) {
	c.world = NewCountries(fs)
	c.codes, c.places = map[string]bool{}, map[string]bool{}
	for _, f := range fs {
		c.places[f.ID] = true
		if f.Kind == "country" {
			c.codes[f.ID] = true
		}
	}
	c.mapBound = geo.Layer{Features: fs}.Bound()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
