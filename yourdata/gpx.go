package yourdata

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// GPX 1.0 and 1.1, as GPS receivers and apps write it.
type (
	gpxDoc struct {
		Waypoints []gpxPoint `xml:"wpt"`
		Routes    []struct {
			gpxInfo
			Points []gpxPoint `xml:"rtept"`
		} `xml:"rte"`
		Tracks []struct {
			gpxInfo
			Segments []struct {
				Points []gpxPoint `xml:"trkpt"`
			} `xml:"trkseg"`
		} `xml:"trk"`
	}
	gpxInfo struct {
		Name    string `xml:"name"`
		Desc    string `xml:"desc"`
		Comment string `xml:"cmt"`
		Type    string `xml:"type"`
		Source  string `xml:"src"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	}
	gpxPoint struct {
		Lat  string `xml:"lat,attr"`
		Lon  string `xml:"lon,attr"`
		Ele  string `xml:"ele"`
		Time string `xml:"time"`
		gpxInfo
	}
)

// readGPX reads waypoints as points, routes and tracks as lines, with
// their names and descriptions as text.
func readGPX(r *reader, data []byte) ([]item, error) {
	text, _ := textOf(data)
	var doc gpxDoc
	if err := decodeXML(r, text, &doc); err != nil {
		return nil, fmt.Errorf("the GPX %v", err)
	}
	if n := len(doc.Waypoints) + len(doc.Routes) + len(doc.Tracks); n > MaxFeatures {
		return nil, fmt.Errorf("the file has %s waypoints, routes and tracks; the limit is %s", count(n), count(MaxFeatures))
	}
	var items []item
	add := func(at where, g orb.Geometry, info gpxInfo, extra map[string]any) {
		props := info.props()
		for k, v := range extra {
			props[k] = v
		}
		items = append(items, item{at: at, n: len(items) + 1, geom: g, props: props})
	}
	for i, w := range doc.Waypoints {
		at := where{"waypoint", "waypoints", fmt.Sprintf("waypoint %d", i+1)}
		p, err := w.point(r)
		if err != nil {
			r.notes.add(at, err.Error()+", skipped", "")
			continue
		}
		add(at, p, w.gpxInfo, w.extra())
	}
	for i, rt := range doc.Routes {
		at := where{"route", "routes", fmt.Sprintf("route %d", i+1)}
		line, err := gpxLine(r, at, rt.Points)
		if err != nil {
			return nil, err
		}
		add(at, line, rt.gpxInfo, map[string]any{"points": strconv.Itoa(len(line))})
	}
	for i, t := range doc.Tracks {
		at := where{"track", "tracks", fmt.Sprintf("track %d", i+1)}
		var mls orb.MultiLineString
		n := 0
		for _, s := range t.Segments {
			line, err := gpxLine(r, at, s.Points)
			if err != nil {
				return nil, err
			}
			mls = append(mls, line)
			n += len(line)
		}
		extra := map[string]any{"points": strconv.Itoa(n)}
		if len(t.Segments) > 0 && len(t.Segments[0].Points) > 0 {
			first, last := t.Segments[0].Points[0], t.Segments[len(t.Segments)-1].Points
			if first.Time != "" && len(last) > 0 && last[len(last)-1].Time != "" {
				extra["start"], extra["end"] = first.Time, last[len(last)-1].Time
			}
		}
		add(at, mls, t.gpxInfo, extra)
	}
	return items, nil
}

// gpxLine reads a route's or track segment's points; a point without a
// readable position is left out and noted.
func gpxLine(r *reader, at where, pts []gpxPoint) (orb.LineString, error) {
	line := make(orb.LineString, 0, len(pts))
	for _, p := range pts {
		q, err := p.point(r)
		if err != nil {
			if r.read > MaxReadVertices {
				return nil, err
			}
			r.notes.add(at, "points without a readable position left out", "")
			continue
		}
		line = append(line, q)
	}
	return line, nil
}

func (p gpxPoint) point(r *reader) (orb.Point, error) {
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(p.Lat), 64)
	lon, err2 := strconv.ParseFloat(strings.TrimSpace(p.Lon), 64)
	if err1 != nil || err2 != nil {
		return orb.Point{}, errors.New("no readable lat and lon")
	}
	return orb.Point{lon, lat}, r.countRead(1)
}

func (p gpxPoint) extra() map[string]any {
	m := map[string]any{}
	if s := strings.TrimSpace(p.Ele); s != "" {
		m["elevation (m)"] = s
	}
	if s := strings.TrimSpace(p.Time); s != "" {
		m["time"] = s
	}
	return m
}

func (i gpxInfo) props() map[string]any {
	m := map[string]any{}
	for k, v := range map[string]string{"name": i.Name, "description": htmlText(i.Desc), "comment": i.Comment, "type": i.Type, "source": i.Source, "link": i.Link.Href} {
		if v = strings.TrimSpace(v); v != "" {
			m[k] = v
		}
	}
	return m
}
