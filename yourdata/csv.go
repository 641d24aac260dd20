package yourdata

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
)

// Column names for latitude, longitude, both at once, and WKT, normalised
// (lower case, without spaces, punctuation or units): English, Russian,
// Kazakh and Uzbek, and common GIS exports.
var (
	latNames   = []string{"lat", "latitude", "y", "latdd", "latdeg", "latwgs84", "lat4326", "ycoord", "широта", "шир", "ендік", "kenglik", "breite", "latitud"}
	lonNames   = []string{"lon", "lng", "long", "longitude", "x", "londd", "londeg", "lonwgs84", "lon4326", "xcoord", "долгота", "долг", "бойлық", "uzunlik", "länge", "laenge", "longitud"}
	bothNames  = []string{"coordinates", "coords", "latlon", "latlng", "координаты", "location", "gps"}
	wktNames   = []string{"wkt", "geometry", "geom", "thegeom", "wktgeom", "wktgeometry", "shape", "геометрия"}
	numberRepl = strings.NewReplacer("°", "", "º", "", " ", "", "\u00a0", "")
)

// csvColumns says which columns of a table hold the position.
type csvColumns struct {
	lat, lon, both, wkt int // -1 when absent
}

// readCSV reads a table whose rows are places: latitude and longitude
// columns (or one "lat, lon" column, or WKT); the other columns fill the
// panel. The delimiter (comma, semicolon, tab or bar) and a decimal comma
// are detected; text that is not UTF-8 is read as Windows-1251.
func readCSV(r *reader, data []byte) ([]item, error) {
	text, _ := textOf(data)
	if !utf8.Valid(text) {
		text = fromWindows1251(text)
		r.notes.add(theFile, "read as Windows-1251 (Cyrillic) text, as it is not UTF-8", "")
	}
	delim := sniffDelimiter(text)
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = delim
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, errors.New("the file is not GeoJSON, TopoJSON, KML, GPX or a table (CSV) the map can read")
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
		if header[i] == "" {
			header[i] = fmt.Sprintf("column %d", i+1)
		}
	}
	cols := findColumns(header)
	notTable := errors.New("the file is not GeoJSON, TopoJSON, KML, GPX or a table (CSV) with latitude and longitude columns")
	if len(header) < 2 && cols.wkt < 0 && cols.both < 0 {
		return nil, notTable
	}
	if cols.lat < 0 && cols.both < 0 && cols.wkt < 0 {
		// Text whose second line splits differently from its first is no table.
		if rec, err := cr.Read(); err == nil && len(rec) != len(header) {
			return nil, notTable
		}
		return nil, fmt.Errorf("the table has no latitude and longitude columns (its columns: %s): name them lat and lon (or широта and долгота), or give a WKT column", clip(strings.Join(header, ", "), 120))
	}
	var items []item
	for n := 1; ; n++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		at := where{"row", "rows", fmt.Sprintf("line %d", line)}
		if err != nil {
			return nil, fmt.Errorf("the table cannot be read past line %d", line)
		}
		if n > MaxFeatures {
			return nil, fmt.Errorf("the table has more than %s rows; the limit is %s", count(MaxFeatures), count(MaxFeatures))
		}
		if err := r.countRead(1); err != nil {
			return nil, err
		}
		g, err := cols.geometry(rec)
		if err != nil {
			r.notes.add(at, err.Error()+", skipped", "")
			continue
		}
		items = append(items, item{at: at, n: n, geom: g, props: csvProps(header, rec, cols)})
	}
	return items, nil
}

// sniffDelimiter picks the character that splits the header line most
// often, outside quotes; a comma when none does.
func sniffDelimiter(text []byte) rune {
	line := text
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		line = text[:i]
	}
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(line) {
		if c == '"' {
			quoted = !quoted
		}
		if !quoted {
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t', '|'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// normalName reduces a column name for matching: "Latitude (°)" → "latitude".
func normalName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "\ufeff")
	if i := strings.IndexAny(s, "(["); i > 0 {
		s = s[:i]
	}
	return strings.Map(func(c rune) rune {
		if strings.ContainsRune(" _-.:°'\"", c) {
			return -1
		}
		return c
	}, s)
}

func findColumns(header []string) csvColumns {
	c := csvColumns{-1, -1, -1, -1}
	find := func(names []string) int {
		for i, h := range header {
			n := normalName(h)
			for _, want := range names {
				if n == want {
					return i
				}
			}
		}
		return -1
	}
	c.lat, c.lon = find(latNames), find(lonNames)
	if c.lat < 0 || c.lon < 0 {
		c.lat, c.lon = -1, -1
		c.both = find(bothNames)
	}
	c.wkt = find(wktNames)
	return c
}

// geometry reads a row's position.
func (c csvColumns) geometry(rec []string) (orb.Geometry, error) {
	field := func(i int) string {
		if i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	switch {
	case c.lat >= 0:
		if field(c.lat) == "" && field(c.lon) == "" {
			if c.wkt >= 0 && field(c.wkt) != "" {
				break
			}
			return nil, errors.New("no coordinates")
		}
		lat, err1 := parseDegrees(field(c.lat), "NS")
		lon, err2 := parseDegrees(field(c.lon), "EW")
		if err1 != nil || err2 != nil {
			return nil, errors.New("latitude or longitude is not a number")
		}
		return orb.Point{lon, lat}, nil
	case c.both >= 0:
		parts := strings.FieldsFunc(field(c.both), func(r rune) bool { return r == ',' || r == ';' || r == ' ' })
		if len(parts) != 2 {
			return nil, errors.New(`coordinates are not "latitude, longitude"`)
		}
		lat, err1 := parseDegrees(parts[0], "NS")
		lon, err2 := parseDegrees(parts[1], "EW")
		if err1 != nil || err2 != nil {
			return nil, errors.New(`coordinates are not "latitude, longitude"`)
		}
		return orb.Point{lon, lat}, nil
	}
	s := field(c.wkt)
	if s == "" {
		return nil, errors.New("no coordinates")
	}
	g, err := parseWKT(s)
	if err != nil {
		return nil, errors.New("its WKT cannot be read: " + err.Error())
	}
	return g, nil
}

// parseDegrees reads a coordinate in decimal degrees: "41.31", "41,31"
// (decimal comma), "41.31°", "41.31 N"; S and W (hemi's second letter)
// make it negative.
func parseDegrees(s, hemi string) (float64, error) {
	s = numberRepl.Replace(strings.TrimSpace(s))
	sign := 1.0
	if s != "" {
		switch last := strings.ToUpper(s[len(s)-1:]); last {
		case hemi[:1]:
			s = s[:len(s)-1]
		case hemi[1:]:
			s, sign = s[:len(s)-1], -1
		}
	}
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errors.New("not a number")
	}
	return sign * v, nil
}

// csvProps keeps a row's other columns as text properties.
func csvProps(header, rec []string, c csvColumns) map[string]any {
	props := make(map[string]any, len(header))
	for i, v := range rec {
		if i == c.lat || i == c.lon || i == c.both || i == c.wkt {
			continue
		}
		key := fmt.Sprintf("column %d", i+1)
		if i < len(header) {
			key = header[i]
		}
		props[key] = strings.TrimSpace(v)
	}
	return props
}
