package check

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"heartland/geo"
)

// shape is how a kind is drawn, and so the geometry it must have.
type shape int

const (
	pointShape shape = iota + 1 // a Point
	lineShape                   // a LineString or MultiLineString
)

func (s shape) String() string {
	if s == lineShape {
		return "a LineString or MultiLineString"
	}
	return "a Point"
}

// StrategicFiles are the strategic layers of assets/layers/, in the order
// they are checked. A file not yet written is not a problem.
var StrategicFiles = []string{"energy.geojson", "minerals.geojson", "trade.geojson", "cities.geojson"}

// strategicKinds are, per strategic file, the kinds it may hold and how each
// is drawn (assets/layers/SCHEMA.md).
var strategicKinds = map[string]map[string]shape{
	"energy.geojson": {
		"oil-field": pointShape, "gas-field": pointShape, "oil-gas-field": pointShape,
		"oil-pipeline": lineShape, "gas-pipeline": lineShape,
		"terminal": pointShape,
	},
	"minerals.geojson": {
		"uranium": pointShape, "rare-earths": pointShape, "critical-mineral": pointShape,
		"copper": pointShape, "gold": pointShape,
	},
	"trade.geojson": {
		"rail-corridor": lineShape, "road-corridor": lineShape, "sea-route": lineShape,
		"port": pointShape, "dry-port": pointShape, "border-crossing": pointShape,
	},
	"cities.geojson": {"capital": pointShape, "city": pointShape},
}

// Seas are the values "offshore" may take.
var Seas = []string{"caspian-sea", "black-sea", "persian-gulf", "arabian-sea"}

// statusDate matches YYYY or YYYY-MM.
var statusDate = regexp.MustCompile(`^([0-9]{4})(-(0[1-9]|1[0-2]))?$`)

// readStrategic decodes the strategic layers, reports a missing one (the
// map would silently lack it) and any other GeoJSON file in layers/, which
// the app would never load.
func (c *checker) readStrategic() []layerFile {
	dir := filepath.Join(c.dir, "layers")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.geojson"))
	for _, p := range paths {
		if _, ok := strategicKinds[filepath.Base(p)]; !ok {
			c.problem(p, fmt.Errorf("not a strategic layer: want one of %s (see SCHEMA.md)", strings.Join(StrategicFiles, ", ")))
		}
	}
	var files []layerFile
	for _, name := range StrategicFiles {
		p := filepath.Join(dir, name)
		raw, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) && !c.opts.Partial {
			c.problem(p, fmt.Errorf("missing: every strategic layer is required (regenerate or restore it)"))
			continue
		}
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			c.problem(p, err)
			continue
		}
		if l, ok := c.decodeLayer(p, raw); ok {
			files = append(files, l)
		}
	}
	return files
}

// checkStrategic checks every feature of the decoded strategic layers; a
// line may join a feature of any of them.
func (c *checker) checkStrategic(files []layerFile) {
	joinable := map[string]geo.Feature{}
	for _, l := range files {
		for _, f := range l.features {
			if _, ok := joinable[f.ID]; !ok {
				joinable[f.ID] = f
			}
		}
	}
	for _, l := range files {
		for i, f := range l.features {
			s := strategicFeature{c: c, l: l, index: i, f: f, joinable: joinable}
			s.check()
		}
	}
}

// strategicFeature checks one feature of a strategic layer.
type strategicFeature struct {
	c        *checker
	l        layerFile
	index    int
	f        geo.Feature
	joinable map[string]geo.Feature // every strategic feature by id
}

func (s strategicFeature) bad(format string, args ...any) {
	s.c.problem(s.l.path, featureErr(s.index, s.f.ID, format, args...))
}

func (s strategicFeature) check() {
	f := s.f
	s.c.claimID(s.l, f, s.bad)
	if !isKebab(f.ID) {
		s.bad("id must be kebab-case (lowercase letters, digits and hyphens)")
	}
	want := s.kind()
	s.text()
	d, problems := f.Details()
	for _, p := range problems {
		s.bad("%s", p)
	}
	s.sources(d)
	s.c.freshness(s.l.path, fmt.Sprintf("feature %q", f.ID), f.StringProp("checked"), s.bad)
	s.status()
	s.capital()
	s.country(d)
	switch g := f.Geometry.GeoJSONType(); {
	case want != 0 && want != shapeOf(f):
		s.bad("kind %s must be %s, not %s", f.Kind, want, g)
	case want == 0 && shapeOf(f) == 0:
		s.bad("geometry %s is neither a Point nor a LineString or MultiLineString", g)
	}
	switch shapeOf(f) {
	case pointShape:
		s.point(d)
	case lineShape:
		s.line(d)
	}
}

// kind checks the kind belongs in this file and returns its shape, or 0.
func (s strategicFeature) kind() shape {
	kinds := strategicKinds[s.l.base]
	if sh, ok := kinds[s.f.Kind]; ok {
		return sh
	}
	for _, file := range StrategicFiles {
		if _, ok := strategicKinds[file][s.f.Kind]; ok {
			s.bad("kind %q belongs in %s, not %s", s.f.Kind, file, s.l.base)
			return 0
		}
	}
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	s.bad("kind %q is not one of %s", s.f.Kind, strings.Join(names, ", "))
	return 0
}

func shapeOf(f geo.Feature) shape {
	switch f.Geometry.GeoJSONType() {
	case "Point":
		return pointShape
	case "LineString", "MultiLineString":
		return lineShape
	}
	return 0
}

// text checks the display text: present, and plain so no markup reaches a
// panel even if a front end ever sets it as HTML.
func (s strategicFeature) text() {
	for _, key := range []string{"name", "summary"} {
		v, ok := s.f.Props[key].(string)
		switch {
		case !ok:
			s.bad("missing string property %q", key)
		case strings.TrimSpace(v) == "":
			s.bad("%s is empty", key)
		case strings.ContainsAny(v, "<>"):
			s.bad("%s holds '<' or '>'; text is plain, no HTML", key)
		}
	}
}

// sources adds to Details' own rules what needs the checker: at least one
// source, real https addresses, and no year after the current one.
func (s strategicFeature) sources(d geo.Details) {
	if _, ok := s.f.Props["sources"].([]any); !ok || len(d.Sources) == 0 {
		s.bad("want at least one source in \"sources\"")
	}
	if v, ok := s.f.Props["figures"]; ok {
		if _, isList := v.([]any); !isList {
			s.bad("figures is not a list")
		}
	}
	now := s.c.opts.Now.Year()
	for i, src := range d.Sources {
		if msg := sourceURLProblem(src.URL); msg != "" && strings.HasPrefix(src.URL, "https://") {
			s.bad("sources[%d]: %s", i, msg) // Details reports a url that is not https at all
		}
		if src.Year > now {
			s.bad("sources[%d]: year %d is after the current year %d", i, src.Year, now)
		}
	}
	for i, fig := range d.Figures {
		if fig.Year > now {
			s.bad("figures[%d] (%s): year %d is after the current year %d", i, fig.Label, fig.Year, now)
		}
	}
}

// status checks status_date, which Details reads but does not judge.
func (s strategicFeature) status() {
	status, date := s.f.StringProp("status"), s.f.StringProp("status_date")
	switch {
	case status != "" && date == "":
		s.bad("status %q needs a status_date (YYYY or YYYY-MM)", status)
	case status == "" && date != "":
		s.bad("status_date %q without a status", date)
	}
	if date == "" {
		return
	}
	m := statusDate.FindStringSubmatch(date)
	if m == nil {
		s.bad("status_date %q is not YYYY or YYYY-MM", date)
		return
	}
	if year, _ := strconv.Atoi(m[1]); year < firstYear || year > s.c.opts.Now.Year() {
		s.bad("status_date %q: year %d is not in %d..%d", date, year, firstYear, s.c.opts.Now.Year())
	}
}

// capital checks that "capital": true and kind capital go together.
func (s strategicFeature) capital() {
	v, present := s.f.Props["capital"]
	capital, isBool := v.(bool)
	switch {
	case present && !isBool:
		s.bad("capital is %T; want true or false", v)
	case capital && s.f.Kind != "capital":
		s.bad("capital is true but kind is %q; a national capital has kind capital", s.f.Kind)
	case !capital && s.f.Kind == "capital":
		s.bad("kind is capital but capital is not true")
	}
}

// country checks country and countries name countries on the map.
func (s strategicFeature) country(d geo.Details) {
	if s.f.Country == "" {
		s.bad("missing string property \"country\" (ISO 3166-1 alpha-3, like KAZ)")
	} else if s.c.codes != nil && !s.c.codes[s.f.Country] {
		s.bad("country %q is not a country in countries.geojson (want ISO 3166-1 alpha-3, like KAZ)", s.f.Country)
	}
	for _, code := range d.Countries {
		if s.c.codes != nil && !s.c.codes[code] {
			s.bad("countries names %q, which is not a country in countries.geojson", code)
		}
	}
	if d.Offshore != "" && !contains(Seas, d.Offshore) {
		s.bad("offshore %q is not one of %s", d.Offshore, strings.Join(Seas, ", "))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
