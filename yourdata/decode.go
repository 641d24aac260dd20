package yourdata

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// Limits on a reader's file. The README's "Your own data" gives what each
// costs, measured.
const (
	MaxBytes        = 20 << 20  // the file, or a KMZ's KML once unzipped
	MaxFeatures     = 20000     // features, rows, placemarks or waypoints read
	MaxVertices     = 500000    // positions drawn; a file with more is simplified to fit
	MaxReadVertices = 4_000_000 // positions read or, in TopoJSON, made by joining arcs
	MaxDepth        = 16        // nesting of GeometryCollections, KML folders and MultiGeometry
)

// Result is what a reader's file holds that the map can draw.
type Result struct {
	Format   string        // what the file was read as: "GeoJSON", "TopoJSON", "CSV", "KML", "KMZ" or "GPX"
	Features []geo.Feature // ids are prefix-N, N counting from 1; kinds custom-point, custom-line, custom-area
	Warnings []string      // one line per kind of repair or skipped part, with counts
}

// Decode reads a reader's file. format is a hint — a format's name or the
// file's name or extension ("csv", "trip.kml"); "" detects it from the
// content. The error, when there is one, is one sentence a reader can act
// on, and Result.Warnings still says what was wrong with each part.
func Decode(data []byte, prefix, format string) (Result, error) {
	if len(data) > MaxBytes {
		return Result{}, fmt.Errorf("the file is %.1f MB; the limit is %d MB", float64(len(data))/(1<<20), MaxBytes>>20)
	}
	r := &reader{prefix: prefix}
	read, name, err := detect(data, hint(format))
	r.format = name
	if err != nil {
		return Result{Format: name}, err
	}
	items, err := read(r, data)
	if err != nil {
		return Result{Format: r.format, Warnings: r.notes.lines()}, err
	}
	features, err := r.finish(items)
	return Result{Format: r.format, Features: features, Warnings: r.notes.lines()}, err
}

// hint reduces a format name, file name or extension to an extension.
func hint(format string) string {
	f := strings.ToLower(strings.TrimSpace(format))
	if ext := path.Ext(f); ext != "" {
		f = ext[1:]
	}
	return f
}

// decoder reads a file into items; it adds notes to r as it goes.
type decoder func(r *reader, data []byte) ([]item, error)

// detect tells the format from the file's first bytes (and the hint where
// the bytes could be several things) and names formats we do not read.
func detect(data []byte, hint string) (decoder, string, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return readKMZ, "KMZ", nil
	}
	if bytes.HasPrefix(data, []byte{0, 0, 0x27, 0x0a}) {
		return nil, "shapefile", fmt.Errorf("this is a shapefile (.shp), which the map does not read: export it as GeoJSON (in QGIS: Export → Save Features As → GeoJSON)")
	}
	text, encoding := textOf(data)
	if encoding == "" && bytes.IndexByte(data[:min(len(data), 512)], 0) >= 0 {
		what := "a binary file, not text"
		switch {
		case bytes.HasPrefix(data, []byte("\x89PNG")), bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
			what = "an image"
		case bytes.HasPrefix(data, []byte("%PDF")):
			what = "a PDF document"
		}
		return nil, "binary", fmt.Errorf("this is %s: the map reads GeoJSON, TopoJSON, CSV, KML, KMZ or GPX", what)
	}
	head := firstNonSpace(text)
	switch {
	case hint == "csv" || hint == "tsv" || hint == "txt":
		return readCSV, "CSV", nil
	case head == '<':
		return detectXML(text)
	case head == '{' || head == '[':
		return readJSON, "GeoJSON", nil
	case head == 0:
		return nil, "", fmt.Errorf("the file is empty")
	}
	if name := scriptPrefix(text); name != "" {
		return nil, "JavaScript", fmt.Errorf("this is a JavaScript file (%s = …), not GeoJSON: remove %q from the start (and any ';' at the end) and save it as .geojson", name, name+" =")
	}
	return readCSV, "CSV", nil
}

// detectXML tells KML from GPX by the root element and names other XML.
func detectXML(text []byte) (decoder, string, error) {
	switch root := xmlRoot(text); root {
	case "kml":
		return readKML, "KML", nil
	case "gpx":
		return readGPX, "GPX", nil
	case "html":
		return nil, "HTML", fmt.Errorf("this is a web page (HTML), not map data: download the data file itself (GeoJSON, KML, GPX or CSV)")
	case "osm":
		return nil, "OpenStreetMap XML", fmt.Errorf("this is OpenStreetMap XML, which the map does not read: convert it to GeoJSON (osmtogeojson, or Overpass Turbo's Export)")
	case "":
		return nil, "XML", fmt.Errorf("this looks like XML but has no element: want KML or GPX")
	default:
		return nil, "XML", fmt.Errorf("this is XML with a <%s> root, which the map does not read: want KML, GPX, GeoJSON or CSV", clip(root, 40))
	}
}

func firstNonSpace(b []byte) byte {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return c
		}
	}
	return 0
}

// scriptPrefix returns "var data" for a file that starts `var data = {`
// (a web page's data script), else "".
func scriptPrefix(text []byte) string {
	s := strings.TrimSpace(string(text[:min(len(text), 200)]))
	for _, kw := range []string{"var ", "let ", "const ", "window.", "export default", "module.exports"} {
		if !strings.HasPrefix(s, kw) {
			continue
		}
		eq := strings.IndexAny(s, "={[")
		if eq < 0 || s[eq] != '=' {
			return strings.TrimSpace(kw)
		}
		return clip(strings.TrimSpace(s[:eq]), 40)
	}
	return ""
}

// clip shortens s to n runes for a message.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// item is one thing read from a file, before it becomes features: any orb
// geometry in [lon, lat] degrees (collections too) and its properties.
type item struct {
	at    where
	n     int // its place in the file, from 1: the feature's id is prefix-n
	geom  orb.Geometry
	props map[string]any
}

// reader holds what one Decode call has learnt so far.
type reader struct {
	prefix string
	format string
	notes  notes
	read   int // positions read so far, against MaxReadVertices
}

// countRead adds n positions read and fails once past MaxReadVertices, so a
// decoder stops before holding more.
func (r *reader) countRead(n int) error {
	r.read += n
	if r.read > MaxReadVertices {
		return fmt.Errorf("the file holds more than %s positions; the limit is %s: simplify it first (e.g. with mapshaper)", count(MaxReadVertices), count(MaxReadVertices))
	}
	return nil
}
