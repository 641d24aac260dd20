package yourdata

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"reflect"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// KML as Google Earth, Google My Maps and GIS programs write it: what the
// map uses of it.
type (
	kmlContainer struct {
		Name       string         `xml:"name"`
		Placemarks []kmlPlacemark `xml:"Placemark"`
		Folders    []kmlContainer `xml:"Folder"`
		Documents  []kmlContainer `xml:"Document"`
		Styles     []kmlStyle     `xml:"Style"`
		StyleMaps  []kmlStyleMap  `xml:"StyleMap"`
	}
	kmlPlacemark struct {
		Name        string     `xml:"name"`
		Description string     `xml:"description"`
		Address     string     `xml:"address"`
		StyleURL    string     `xml:"styleUrl"`
		Styles      []kmlStyle `xml:"Style"`
		Data        []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"value"`
		} `xml:"ExtendedData>Data"`
		SimpleData []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:",chardata"`
		} `xml:"ExtendedData>SchemaData>SimpleData"`
		kmlGeometry
	}
	kmlGeometry struct {
		Points      []kmlCoords   `xml:"Point"`
		Lines       []kmlCoords   `xml:"LineString"`
		Rings       []kmlCoords   `xml:"LinearRing"`
		Polygons    []kmlPolygon  `xml:"Polygon"`
		Multi       []kmlGeometry `xml:"MultiGeometry"`
		Tracks      []kmlTrack    `xml:"Track"`
		MultiTracks []struct {
			Tracks []kmlTrack `xml:"Track"`
		} `xml:"MultiTrack"`
	}
	kmlCoords struct {
		Coordinates string `xml:"coordinates"`
	}
	kmlPolygon struct {
		Outer kmlCoords   `xml:"outerBoundaryIs>LinearRing"`
		Inner []kmlCoords `xml:"innerBoundaryIs>LinearRing"`
	}
	kmlTrack struct {
		Coords []string `xml:"coord"`
	}
	kmlStyle struct {
		ID   string   `xml:"id,attr"`
		Icon kmlColor `xml:"IconStyle"`
		Line kmlColor `xml:"LineStyle"`
		Poly kmlColor `xml:"PolyStyle"`
	}
	kmlColor struct {
		Color string `xml:"color"`
	}
	kmlStyleMap struct {
		ID    string `xml:"id,attr"`
		Pairs []struct {
			Key      string `xml:"key"`
			StyleURL string `xml:"styleUrl"`
		} `xml:"Pair"`
	}
)

// readKMZ reads a KMZ: a zip holding doc.kml (or another .kml) and its
// icons. The KML is unzipped no further than MaxBytes.
func readKMZ(r *reader, data []byte) ([]item, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errors.New("the file is a zip archive that cannot be opened")
	}
	var doc *zip.File
	for _, f := range z.File {
		if f.Name == "xl/workbook.xml" {
			r.format = "Excel workbook"
			return nil, errors.New("this is an Excel workbook (.xlsx): save the sheet as CSV (File → Save As → CSV UTF-8) with latitude and longitude columns, and add that")
		}
		if strings.EqualFold(path.Ext(f.Name), ".kml") && (doc == nil || strings.EqualFold(path.Base(f.Name), "doc.kml")) {
			doc = f
		}
	}
	if doc == nil {
		return nil, errors.New("the zip archive holds no .kml file: the map reads KMZ (zipped KML), not other zipped files; unzip it and add the data file itself")
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, fmt.Errorf("%s in the KMZ cannot be opened", clip(doc.Name, 60))
	}
	defer rc.Close()
	kml, err := io.ReadAll(io.LimitReader(rc, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s in the KMZ cannot be unzipped", clip(doc.Name, 60))
	}
	if len(kml) > MaxBytes {
		return nil, fmt.Errorf("the KML inside the KMZ is over %d MB unzipped; the limit is %d MB", MaxBytes>>20, MaxBytes>>20)
	}
	return readKML(r, kml)
}

// readKML reads placemarks, in document order, through folders: their
// names, descriptions (as text), ExtendedData and style colours.
func readKML(r *reader, data []byte) ([]item, error) {
	text, _ := textOf(data)
	var root kmlContainer
	if err := decodeXML(r, text, &root); err != nil {
		return nil, fmt.Errorf("the KML %v", err)
	}
	k := kmlReader{r: r, styles: map[string]kmlStyle{}, maps: map[string]string{}}
	k.gatherStyles(root, 0)
	k.walk(root, nil, 0)
	return k.items, nil
}

type kmlReader struct {
	r      *reader
	styles map[string]kmlStyle
	maps   map[string]string // StyleMap id → its normal style's URL
	items  []item
	n      int
}

func (k *kmlReader) gatherStyles(c kmlContainer, depth int) {
	if depth > MaxDepth {
		return
	}
	for _, s := range c.Styles {
		k.styles[s.ID] = s
	}
	for _, m := range c.StyleMaps {
		for _, p := range m.Pairs {
			if p.Key == "normal" {
				k.maps[m.ID] = p.StyleURL
			}
		}
	}
	for _, sub := range append(c.Documents, c.Folders...) {
		k.gatherStyles(sub, depth+1)
	}
}

// walk reads a container's placemarks and then its folders'; folders is
// the path of folder names down to c.
func (k *kmlReader) walk(c kmlContainer, folders []string, depth int) {
	if depth > MaxDepth {
		k.r.notes.add(theFile, fmt.Sprintf("folders nested more than %d deep skipped", MaxDepth), "")
		return
	}
	for _, p := range c.Placemarks {
		k.n++
		if k.n > MaxFeatures {
			if k.n == MaxFeatures+1 {
				k.r.notes.add(theFile, fmt.Sprintf("placemarks past the first %s skipped", count(MaxFeatures)), "")
			}
			continue
		}
		k.placemark(p, folders)
	}
	for _, d := range c.Documents {
		k.walk(d, folders, depth+1)
	}
	for _, f := range c.Folders {
		k.walk(f, append(folders[:len(folders):len(folders)], strings.TrimSpace(f.Name)), depth+1)
	}
}

func (k *kmlReader) placemark(p kmlPlacemark, folders []string) {
	at := where{"placemark", "placemarks", fmt.Sprintf("placemark %d", k.n)}
	if p.Name != "" {
		at.label += fmt.Sprintf(" (%q)", clip(strings.TrimSpace(p.Name), 40))
	}
	var c orb.Collection
	if err := k.geometry(p.kmlGeometry, &c, 0); err != nil {
		k.r.notes.add(at, err.Error()+", skipped", "")
		return
	}
	if len(c) == 0 {
		k.r.notes.add(at, "no geometry: nothing to draw", "")
		return
	}
	props := map[string]any{}
	set := func(key, v string) {
		if v = strings.TrimSpace(v); v != "" {
			props[key] = v
		}
	}
	set("name", p.Name)
	set("description", htmlText(p.Description))
	set("address", p.Address)
	if len(folders) > 0 {
		set("folder", strings.Join(folders, " / "))
	}
	for _, d := range p.Data {
		set(d.Name, d.Value)
	}
	for _, d := range p.SimpleData {
		set(d.Name, d.Value)
	}
	k.style(p, c, props)
	k.items = append(k.items, item{at: at, n: k.n, geom: c, props: props})
}

// style gives a placemark its style's colours as simplestyle properties.
func (k *kmlReader) style(p kmlPlacemark, c orb.Collection, props map[string]any) {
	s, ok := kmlStyle{}, false
	if len(p.Styles) > 0 {
		s, ok = p.Styles[0], true
	} else if id, found := strings.CutPrefix(strings.TrimSpace(p.StyleURL), "#"); found {
		if normal, isMap := k.maps[id]; isMap {
			id = strings.TrimPrefix(strings.TrimSpace(normal), "#")
		}
		s, ok = k.styles[id]
	}
	if !ok {
		return
	}
	dims := map[int]bool{}
	for _, g := range c {
		dims[g.Dimensions()] = true
	}
	for _, st := range []struct {
		key, colour string
		dim         int
	}{{"marker-color", s.Icon.Color, 0}, {"stroke", s.Line.Color, 1}, {"fill", s.Poly.Color, 2}} {
		if hex, ok := kmlColour(st.colour); ok && dims[st.dim] {
			props[st.key] = hex
		}
	}
}

// kmlColour turns KML's aabbggrr into #rrggbb.
func kmlColour(s string) (string, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 8 {
		return "", false
	}
	if _, err := strconv.ParseUint(s, 16, 32); err != nil {
		return "", false
	}
	return "#" + strings.ToLower(s[6:8]+s[4:6]+s[2:4]), true
}

// geometry appends a KML geometry's parts to c.
func (k *kmlReader) geometry(g kmlGeometry, c *orb.Collection, depth int) error {
	if depth > MaxDepth {
		return fmt.Errorf("MultiGeometry nested more than %d deep", MaxDepth)
	}
	for _, p := range g.Points {
		pts, err := k.coords(p.Coordinates)
		if err != nil {
			return err
		}
		if len(pts) > 0 {
			*c = append(*c, pts[0])
		}
	}
	for _, l := range g.Lines {
		pts, err := k.coords(l.Coordinates)
		if err != nil {
			return err
		}
		*c = append(*c, orb.LineString(pts))
	}
	for _, l := range g.Rings {
		pts, err := k.coords(l.Coordinates)
		if err != nil {
			return err
		}
		*c = append(*c, orb.Polygon{pts})
	}
	for _, p := range g.Polygons {
		outer, err := k.coords(p.Outer.Coordinates)
		if err != nil {
			return err
		}
		poly := orb.Polygon{outer}
		for _, in := range p.Inner {
			ring, err := k.coords(in.Coordinates)
			if err != nil {
				return err
			}
			poly = append(poly, ring)
		}
		*c = append(*c, poly)
	}
	for _, m := range g.Multi {
		if err := k.geometry(m, c, depth+1); err != nil {
			return err
		}
	}
	tracks := g.Tracks
	for _, mt := range g.MultiTracks {
		tracks = append(tracks, mt.Tracks...)
	}
	for _, t := range tracks {
		var line orb.LineString
		for _, s := range t.Coords {
			p, err := kmlTuple(strings.Fields(s))
			if err != nil {
				return err
			}
			line = append(line, p)
		}
		if err := k.r.countRead(len(line)); err != nil {
			return err
		}
		*c = append(*c, line)
	}
	return nil
}

// coords reads KML's "lon,lat[,alt] lon,lat[,alt] …" (a space after a
// comma is forgiven).
func (k *kmlReader) coords(s string) ([]orb.Point, error) {
	fields := strings.Fields(s)
	var pts []orb.Point
	for i := 0; i < len(fields); i++ {
		tuple := fields[i]
		for strings.HasSuffix(tuple, ",") && i+1 < len(fields) {
			i++
			tuple += fields[i]
		}
		p, err := kmlTuple(strings.Split(tuple, ","))
		if err != nil {
			return nil, err
		}
		pts = append(pts, p)
	}
	return pts, k.r.countRead(len(pts))
}

func kmlTuple(parts []string) (orb.Point, error) {
	if len(parts) < 2 {
		return orb.Point{}, errors.New("a position needs longitude and latitude")
	}
	lon, err1 := strconv.ParseFloat(parts[0], 64)
	lat, err2 := strconv.ParseFloat(parts[1], 64)
	if err1 != nil || err2 != nil {
		return orb.Point{}, errors.New("a coordinate is not a number")
	}
	return orb.Point{lon, lat}, nil
}

// decodeXML unmarshals an XML document leniently (HTML entities, a few
// common encodings) and words its errors for readers.
func decodeXML(r *reader, text []byte, v any) error {
	d := xml.NewDecoder(bytes.NewReader(text))
	d.CharsetReader = charsetReader
	err := d.Decode(v)
	var syntax *xml.SyntaxError
	if errors.As(err, &syntax) {
		// Read it again as far as it goes, and say where it went wrong.
		lenient := xml.NewDecoder(bytes.NewReader(text))
		lenient.Strict = false
		lenient.AutoClose = xml.HTMLAutoClose
		lenient.Entity = xml.HTMLEntity
		lenient.CharsetReader = charsetReader
		reflect.ValueOf(v).Elem().SetZero() // forget what the strict reading kept
		if lenient.Decode(v) == nil {
			r.notes.add(theFile, fmt.Sprintf("not well-formed XML at line %d (%s); read as far as it goes", syntax.Line, syntax.Msg), "")
			return nil
		}
	}
	switch {
	case err == nil:
		return nil
	case errors.As(err, &syntax):
		return fmt.Errorf("is not well-formed XML at line %d: %s", syntax.Line, syntax.Msg)
	case err == io.EOF:
		return errors.New("is empty")
	}
	return errors.New("cannot be read: " + err.Error())
}

// charsetReader decodes the encodings KML and GPX files declare besides
// UTF-8.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return in, nil
	case "windows-1251", "cp1251":
		b, err := io.ReadAll(io.LimitReader(in, MaxBytes))
		return bytes.NewReader(fromWindows1251(b)), err
	case "iso-8859-1", "latin1", "windows-1252":
		b, err := io.ReadAll(io.LimitReader(in, MaxBytes))
		return strings.NewReader(latin1(b)), err
	}
	return nil, fmt.Errorf("the encoding %q is not supported: save it as UTF-8", clip(label, 30))
}

func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// htmlText turns a description that holds HTML (as Google Earth's often
// do) into plain text: tags dropped, line breaks kept. The page shows it as
// text either way; this only spares the reader the markup.
func htmlText(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 || i+1 >= len(s) || !(isLetter(s[i+1]) || s[i+1] == '/' || s[i+1] == '!') {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		tag := strings.ToLower(strings.Trim(s[i+1:i+j], "/ "))
		if strings.HasPrefix(tag, "br") || tag == "p" || tag == "div" || tag == "li" || tag == "tr" {
			b.WriteByte('\n')
		}
		s = s[i+j+1:]
	}
	return strings.TrimSpace(strings.NewReplacer("&nbsp;", " ", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`).Replace(b.String()))
}

func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
