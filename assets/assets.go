// Package assets holds Heartland's data — Natural Earth borders, lakes, the
// packed thematic layers, country facts and stories — embedded in programs
// (the browser fetches the same files), with typed loaders that validate it
// once.
//
// It may import only the standard library, heartland/geo and
// heartland/story. See docs/ARCHITECTURE.md.
package assets

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"heartland/geo"
	"heartland/story"
)

// The browser loads the packed layers (see geo.PackFeatures), generated from
// the GeoJSON beside them by `heartland pack`; TestPackedLayersMatchGeoJSON
// keeps the two in step. Programs have them built in (embed.go); the
// browser fetches them as one bundle beside the wasm (Bundle, UseBundle),
// in parallel with compiling it, and keeps the wasm 0.3 MB smaller.
var files fs.FS = noFiles{}

// FS returns the data files.
func FS() fs.FS { return files }

// noFiles stands in until the wasm has its bundle.
type noFiles struct{}

func (noFiles) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("the data bundle is not loaded")}
}

// bundled lists the files the browser needs.
var bundled = []string{"packed/*.bin", "countries/facts.json", "stories/*.json"}

// Bundle writes the files the browser needs, and extra files by name, into
// one uncompressed zip: the server compresses the whole, which beats
// compressing each file. Each file's data starts 8-byte aligned, so that
// the browser can view arrays in it in place (PreparedScene).
func Bundle(extra map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, raw []byte) error {
		if err := zw.Flush(); err != nil { // buf.Len() is then where the header goes
			return err
		}
		w, err := zw.CreateHeader(alignedHeader(name, buf.Len()))
		if err != nil {
			return err
		}
		_, err = w.Write(raw)
		return err
	}
	for _, pattern := range bundled {
		names, err := fs.Glob(files, pattern)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			raw, err := fs.ReadFile(files, n)
			if err != nil {
				return nil, err
			}
			if err := add(n, raw); err != nil {
				return nil, err
			}
		}
	}
	names := make([]string, 0, len(extra))
	for n := range extra {
		names = append(names, n)
	}
	sort.Strings(names) // the same bundle, byte for byte, from the same files
	for _, n := range names {
		if err := add(n, extra[n]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), checkAligned(buf.Bytes())
}

// UseBundle makes the files of a bundle, as Bundle writes it, the data
// files.
func UseBundle(b []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return fmt.Errorf("the data bundle is broken: %w", err)
	}
	files, bundleBytes = zr, b
	return nil
}

// Layer files, by layer id, in drawing order: DIR/NAME.geojson is the
// source and packed/NAME.bin what the browser loads.
var layerFiles = []struct{ id, name, dir, path string }{
	{"countries", "Countries", "borders", "countries"},
	{"boundaries", "Borders and coasts", "borders", "boundaries"},
	{"water", "Lakes", "borders", "lakes"},
	{"trade", "Trade routes", "layers", "trade"},
	{"energy", "Energy", "layers", "energy"},
	{"minerals", "Minerals", "layers", "minerals"},
	{"cities", "Cities", "layers", "cities"},
}

// Layers decodes every embedded layer. Errors name the file and feature.
func Layers() ([]geo.Layer, error) { return layers(geo.UnpackFeatures) }

// LayersPacked is Layers with the lines' and areas' lon/lat geometry left
// packed until asked for (geo.UnpackFeaturesLazy): the browser draws from
// the prepared scene and needs it only to frame a feature or export.
func LayersPacked() ([]geo.Layer, error) { return layers(geo.UnpackFeaturesLazy) }

func layers(unpack func([]byte) ([]geo.Feature, error)) ([]geo.Layer, error) {
	out := make([]geo.Layer, 0, len(layerFiles))
	for _, lf := range layerFiles {
		raw, err := fs.ReadFile(files, "packed/"+lf.path+".bin")
		if err != nil {
			return nil, fmt.Errorf("assets/packed/%s.bin: %w (run make data)", lf.path, err)
		}
		fs, err := unpack(raw)
		if err != nil {
			return nil, fmt.Errorf("assets/packed/%s.bin: %w", lf.path, err)
		}
		out = append(out, geo.Layer{ID: lf.id, Name: lf.name, Features: fs})
	}
	return out, nil
}

// Source is where a fact comes from: geo.Source, the one type every cited
// fact uses, under the name the facts file's readers know.
type Source = geo.Source

// Figure is a number with the year it describes and a source key.
type Figure struct {
	Value  float64 `json:"value"`
	Year   int     `json:"year"`
	Source string  `json:"source"`
	// Other is the same measure from a second source, named beside the
	// first where the two disagree (a national statistics office and the
	// CIA World Factbook on population); nil when there is none.
	Other *Figure `json:"other,omitempty"`
	// By names who gives the figure, shown when it is the other one
	// ("CIA World Factbook").
	By string `json:"by,omitempty"`
}

// Text is a sourced string, such as a capital's name.
type Text struct {
	Text   string `json:"text"`
	Source string `json:"source"`
}

// List is a sourced list of short phrases with its year.
type List struct {
	Items  []string `json:"items"`
	Year   int      `json:"year"`
	Source string   `json:"source"`
}

// Membership is a country's place in an organisation.
type Membership struct {
	Org    string `json:"org"`
	Since  int    `json:"since,omitempty"`
	Status string `json:"status"`
	AsOf   string `json:"as_of,omitempty"` // YYYY or YYYY-MM: when Status was last known true
	Source string `json:"source"`
}

// Country is the panel content for one country. Optional figures are nil
// when no verified source was found.
type Country struct {
	Name            string       `json:"name"`
	Capital         *Text        `json:"capital,omitempty"`
	Population      *Figure      `json:"population,omitempty"`
	AreaKm2         *Figure      `json:"area_km2,omitempty"`
	GDPUSD          *Figure      `json:"gdp_usd,omitempty"`
	GDPPerCapitaUSD *Figure      `json:"gdp_per_capita_usd,omitempty"`
	Exports         *List        `json:"exports,omitempty"`
	Resources       *List        `json:"resources,omitempty"`
	Memberships     []Membership `json:"memberships,omitempty"`
	Why             string       `json:"why,omitempty"`
	WhySources      []string     `json:"why_sources,omitempty"`
	Notes           []Note       `json:"notes,omitempty"`
	// Checked is when the entry's facts were last verified against their
	// sources, YYYY-MM-DD or YYYY-MM (geo.ParseChecked).
	Checked string `json:"checked,omitempty"`
}

// Note is a dated fact that changes: a sanction, a trade status such as the
// Jackson–Vanik amendment's, a membership under negotiation.
type Note struct {
	Text   string `json:"text"`
	AsOf   string `json:"as_of"` // YYYY or YYYY-MM: when it was true
	Source string `json:"source"`
}

// Facts is assets/countries/facts.json: countries by ISO alpha-3, and the
// sources their facts cite by key.
type Facts struct {
	Sources   map[string]Source  `json:"sources"`
	Countries map[string]Country `json:"countries"`
}

// LoadFacts decodes and validates the country facts.
func LoadFacts() (Facts, error) {
	raw, err := fs.ReadFile(files, "countries/facts.json")
	if err != nil {
		return Facts{}, err
	}
	return DecodeFacts(raw)
}

// DecodeFacts parses a facts document strictly (unknown keys are errors) and
// checks that every fact has a year and a source that exists.
func DecodeFacts(raw []byte) (Facts, error) {
	var f Facts
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Facts{}, fmt.Errorf("assets/countries/facts.json: %w", err)
	}
	if err := f.validate(); err != nil {
		return Facts{}, fmt.Errorf("assets/countries/facts.json: %w", err)
	}
	return f, nil
}

func (f Facts) validate() error {
	for key, s := range f.Sources {
		if s.Title == "" || !strings.HasPrefix(s.URL, "https://") || s.Year < 1900 || s.Year > 2100 {
			return fmt.Errorf("source %q: want a title, an https url and a year", key)
		}
	}
	for code, c := range f.Countries {
		if !ValidAlpha3(code) || c.Name == "" {
			return fmt.Errorf("country %q: want an ISO alpha-3 key and a name", code)
		}
		if err := f.validateCountry(c); err != nil {
			return fmt.Errorf("country %s: %w", code, err)
		}
	}
	return nil
}

func (f Facts) validateCountry(c Country) error {
	check := func(field, source string, year int, needYear bool) error {
		if _, ok := f.Sources[source]; !ok {
			return fmt.Errorf("%s: source %q is not in sources", field, source)
		}
		if needYear && (year < 1900 || year > 2100) {
			return fmt.Errorf("%s: year %d out of range", field, year)
		}
		return nil
	}
	var errs []error
	if c.Capital != nil {
		errs = append(errs, check("capital", c.Capital.Source, 0, false))
	}
	for name, fig := range map[string]*Figure{"population": c.Population, "area_km2": c.AreaKm2, "gdp_usd": c.GDPUSD, "gdp_per_capita_usd": c.GDPPerCapitaUSD} {
		for fig := fig; fig != nil; fig = fig.Other {
			errs = append(errs, check(name, fig.Source, fig.Year, true))
			if fig.Value <= 0 {
				errs = append(errs, fmt.Errorf("%s: value %g must be positive", name, fig.Value))
			}
		}
	}
	for name, l := range map[string]*List{"exports": c.Exports, "resources": c.Resources} {
		if l != nil {
			errs = append(errs, check(name, l.Source, l.Year, true))
		}
	}
	for _, m := range c.Memberships {
		errs = append(errs, check("membership "+m.Org, m.Source, 0, false))
		if m.AsOf != "" && !validAsOf(m.AsOf) {
			errs = append(errs, fmt.Errorf("membership %s: as_of %q is not YYYY or YYYY-MM", m.Org, m.AsOf))
		}
	}
	for _, s := range c.WhySources {
		errs = append(errs, check("why", s, 0, false))
	}
	for i, n := range c.Notes {
		errs = append(errs, check(fmt.Sprintf("notes[%d]", i), n.Source, 0, false))
		if n.Text == "" || !validAsOf(n.AsOf) {
			errs = append(errs, fmt.Errorf("notes[%d]: want text and as_of as YYYY or YYYY-MM", i))
		}
	}
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// ValidAlpha3 reports whether s looks like an ISO 3166-1 alpha-3 code.
func ValidAlpha3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// validAsOf accepts YYYY or YYYY-MM.
func validAsOf(s string) bool {
	if len(s) != 4 && len(s) != 7 {
		return false
	}
	for i, r := range s {
		if i == 4 {
			if r != '-' {
				return false
			}
			continue
		}
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(s) == 4 || (s[5:] >= "01" && s[5:] <= "12")
}

// Stories decodes the embedded guided stories, in file-name order.
func Stories() ([]story.Story, error) {
	names, err := fs.Glob(files, "stories/*.json")
	if err != nil {
		return nil, err
	}
	var out []story.Story
	for _, n := range names {
		raw, err := fs.ReadFile(files, n)
		if err != nil {
			return nil, err
		}
		s, err := story.Decode(raw)
		if err != nil {
			return nil, fmt.Errorf("assets/%s: %w", n, err)
		}
		out = append(out, s)
	}
	return out, nil
}
