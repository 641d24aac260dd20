package yourdata

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

// hostileFiles are made here rather than stored: each is what a shared
// ?layer= link could send to a reader's tab.
func bombTopoJSON() []byte {
	// One arc of 1,000 positions referenced 10,000 times: 35 KB that would
	// join into 10 million positions.
	var b bytes.Buffer
	b.WriteString(`{"type":"Topology","arcs":[[`)
	for i := range 1000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "[%d,%d]", 60+i%10, 40+i%7)
	}
	b.WriteString(`]],"objects":{"x":{"type":"LineString","arcs":[`)
	for i := range 10000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("0")
	}
	b.WriteString(`]}}}`)
	return b.Bytes()
}

// bigGeoJSON is a FeatureCollection of n polygons of k positions each.
func bigGeoJSON(n, k int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"type":"Feature","properties":{"name":"Area %d"},"geometry":{"type":"Polygon","coordinates":[[`, i)
		x0, y0 := 50+float64(i%40), 35+float64(i/40%20)
		for j := range k {
			fmt.Fprintf(&b, "[%.5f,%.5f],", x0+0.5*float64(j)/float64(k), y0+0.3*float64(j%17)/17)
		}
		fmt.Fprintf(&b, "[%.5f,%.5f]]]}}", x0, y0)
	}
	b.WriteString("]}")
	return b.Bytes()
}

func pointsGeoJSON(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"type":"Feature","properties":{"n":%d},"geometry":{"type":"Point","coordinates":[%.4f,%.4f]}}`, i, 50+float64(i%400)/10, 35+float64(i/400)/5)
	}
	b.WriteString("]}")
	return b.Bytes()
}

// measure decodes data and returns the time taken, the bytes allocated
// and the result.
func measure(data []byte, hint string) (time.Duration, uint64, Result, error) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	res, err := Decode(data, "c", hint)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	return took, after.TotalAlloc - before.TotalAlloc, res, err
}

func TestLimitsAreCheckedBeforeTheWorkTheyBound(t *testing.T) {
	nested := strings.Repeat(`{"type":"GeometryCollection","geometries":[`, 5000) + strings.Repeat(`]}`, 5000)
	for _, c := range []struct {
		name string
		data []byte
		want string // error; "" to draw
	}{
		{"35 KB TopoJSON joining into 10 M positions", bombTopoJSON(), "joining its arcs makes 10,000,000 positions, too many to draw even simplified to 0.1°"},
		{"GeometryCollections nested 5,000 deep", []byte(nested), "the file nests lists or objects 65 deep; the limit is 64"},
		{"20,000 points", pointsGeoJSON(20000), ""},
		{"20,001 points", pointsGeoJSON(20001), "the file has 20,001 features; the limit is 20,000"},
		{"over 20 MB", make([]byte, MaxBytes+1), "the file is 20.0 MB; the limit is 20 MB"},
		{"1 M positions in 2,000 polygons, simplified", bigGeoJSON(2000, 500), ""},
	} {
		took, alloc, res, err := measure(c.data, "")
		t.Logf("%s (%.1f MB): %v, %.0f MB allocated, %d features; %v %q", c.name, float64(len(c.data))/(1<<20), took.Round(time.Millisecond), float64(alloc)/(1<<20), len(res.Features), err, res.Warnings)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v; want it drawn", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v; want %q", c.name, err, c.want)
		}
		if most := time.Second + time.Duration(len(c.data))*time.Second/(1<<20); took > most {
			t.Errorf("%s: took %v; want under %v (a second, and one per MB as the machine may be busy)", c.name, took, most)
		}
		if most := 8*uint64(len(c.data)) + 64<<20; alloc > most {
			t.Errorf("%s: %d MB allocated; want at most %d (8 times the file and 64 MB)", c.name, alloc>>20, most>>20)
		}
	}
}

func TestTopoJSONCollectionOfTooManyGeometriesIsRefusedBeforeItIsRead(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"type":"Topology","arcs":[],"objects":{"places":{"type":"GeometryCollection","geometries":[`)
	for i := range MaxFeatures + 1 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"type":"Point","coordinates":[69,41]}`)
	}
	b.WriteString(`]}}}`)
	res, err := Decode([]byte(b.String()), "c", "")
	if err == nil || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], `object "places": 20,001 geometries in one collection; the limit is 20,000`) {
		t.Errorf("Decode = %v, warnings %q; want it refused, naming 20,001 geometries", err, res.Warnings)
	}
}
