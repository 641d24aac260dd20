package browsertest

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// hostileName is a place name that tries to become markup and script.
const hostileName = `<img src=x onerror="window.__pwned=1">Registan`

// readersFiles are the files a reader drops: a spreadsheet of places, a
// Google My Maps export and a GPS track, each with its own text.
var readersFiles = []struct {
	name, text, format string
	want               []string // the file's own text the panel must show
}{
	{"places.csv", "name;Широта;Долгота;note\n\"" + strings.ReplaceAll(hostileName, `"`, `""`) + "\";48,5;66,0;<script>window.__pwned=2</script> built 1420\n", "CSV",
		[]string{hostileName, "<script>window.__pwned=2</script> built 1420"}},
	{"trip.kml", `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>Day 1</name><Placemark>
<name>` + xmlEscape(hostileName) + `</name><description><![CDATA[Square of three madrasas<br>built 1420]]></description>
<ExtendedData><Data name="rating"><value>&lt;b&gt;5&lt;/b&gt;</value></Data></ExtendedData>
<Point><coordinates>66.0,48.5,0</coordinates></Point></Placemark></Folder></Document></kml>`, "KML",
		[]string{hostileName, "Square of three madrasas", "<b>5</b>", "Day 1"}},
	{"trip.kmz", kmz(`<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark>
<name>` + xmlEscape(hostileName) + `</name><description>Zipped &lt;i&gt;by Google Earth&lt;/i&gt;</description>
<Point><coordinates>66.0,48.5</coordinates></Point></Placemark></kml>`), "KMZ",
		[]string{hostileName, "Zipped by Google Earth"}},
	{"walk.gpx", `<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="48.5" lon="66.0"><name>` + xmlEscape(hostileName) + `</name><desc>` + xmlEscape("<svg onload=\"window.__pwned=3\"></svg> start") + `</desc><ele>350</ele></wpt>
<trk><name>Walk</name><trkseg><trkpt lat="48.0" lon="65.0"/><trkpt lat="48.2" lon="65.5"/></trkseg></trk></gpx>`, "GPX",
		[]string{hostileName, "start", "350"}},
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// kmz zips a KML as Google Earth does: doc.kml and an icon.
func kmz(kml string) string {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, body := range map[string]string{"doc.kml": kml, "files/icon.png": "\x89PNG"} {
		w, _ := z.Create(name)
		w.Write([]byte(body))
	}
	z.Close()
	return b.String()
}

// dropFile drops a file on the map as a reader's file manager would: a
// DragEvent carrying a File of these bytes, which the page's capture
// listener takes.
func dropFile(p *mapPage, name, content string) {
	n, _ := json.Marshal(name)
	b64 := base64.StdEncoding.EncodeToString([]byte(content))
	evalJS[any](p, `(() => {
	  const dt = new DataTransfer();
	  const bytes = Uint8Array.from(atob("`+b64+`"), (c) => c.charCodeAt(0));
	  dt.items.add(new File([bytes], `+string(n)+`));
	  window.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
	  return null;
	})()`)
}

func TestDroppedCSVKMLKMZAndGPXShowTheirLayerAndTheirOwnTextAsText(t *testing.T) {
	for _, f := range readersFiles {
		t.Run(f.name, func(t *testing.T) {
			p := openMap(t, "#map=7/48.5/66")
			dropFile(p, f.name, f.text)
			// The message names the file and the format it was read as (it
			// goes after five seconds, so it is looked for first).
			p.waitJS("a message naming the file and its format "+f.format, `((t) => t.includes(`+jsString(f.name+": ")+`) && t.includes(`+jsString("("+f.format+")")+`))(`+
				`(document.getElementById("toast") || {}).textContent || "")`)
			p.waitJS("the dropped file's layer", `heartland.getState().layers.includes("custom1")`)
			p.waitJS("its point to answer", `(heartland.featureAt(heartland.project([66.0, 48.5])) || {}).id === "custom1-1"`)
			if legend := evalJS[string](p, `(document.getElementById("legend-custom1") || {}).textContent || ""`); !strings.Contains(legend, f.name) {
				t.Errorf("legend entry = %q; want the file's name", legend)
			}
			x, y := p.project(66.0, 48.5)
			p.do(chromedp.MouseClickXY(x, y))
			p.waitJS("the panel to open", panelOpen)
			if title := p.panelTitle(); title != hostileName {
				t.Errorf("panel title = %q; want the file's name as literal text %q", title, hostileName)
			}
			body := evalJS[string](p, `document.getElementById("panel-body").textContent`)
			for _, want := range f.want[1:] {
				if !strings.Contains(body, want) {
					t.Errorf("panel text lacks %q; got %q", want, body)
				}
			}
			if n := evalJS[int](p, `document.querySelectorAll("#panel img, #panel script, #panel svg, #panel b, [onerror], [onload]").length`); n != 0 {
				t.Errorf("%d elements were created from the file's strings; want none", n)
			}
			if v := evalJS[any](p, `window.__pwned === undefined ? null : window.__pwned`); v != nil {
				t.Errorf("window.__pwned = %v: the file's text ran as script", v)
			}
			if d := p.openedDialogs(); len(d) > 0 {
				t.Errorf("dialogs opened: %q", d)
			}
		})
	}
}

func TestRefusedFileShowsEveryReasonInThePage(t *testing.T) {
	p := openMap(t, "#map=5/44/66")
	doc := `{"type":"FeatureCollection","features":[
	  {"type":"Feature","properties":{},"geometry":null},
	  {"type":"Feature","properties":{},"geometry":null},
	  {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[500,41]}}]}`
	dropFile(p, "broken.geojson", doc)
	p.waitJS("the refusal", `/broken\.geojson could not be loaded: nothing to draw/.test((document.getElementById("toast") || {}).textContent || "")`)
	items := evalJS[[]string](p, `[...document.querySelectorAll("#toast .toast-details li")].map((li) => li.textContent)`)
	want := []string{"2 features: no geometry (null): nothing to draw (first: feature 0)", "feature 2: coordinates out of range, skipped (such as [500, 41]"}
	if len(items) != 2 || items[0] != want[0] || !strings.HasPrefix(items[1], want[1]) {
		t.Errorf("listed reasons = %q; want %q", items, want)
	}
	if id := evalJS[string](p, `(heartland.featureAt(heartland.project([67, 48])) || {}).id`); id != "KAZ" {
		t.Errorf("after a refused file featureAt(central Kazakhstan) = %q; want KAZ: the map keeps working", id)
	}
	accept := evalJS[string](p, `document.getElementById("data-file").accept`)
	for _, ext := range []string{".geojson", ".topojson", ".csv", ".kml", ".kmz", ".gpx"} {
		if !strings.Contains(accept, ext) {
			t.Errorf("the file picker accepts %q; want %s among them", accept, ext)
		}
	}
}

func TestTwentyThousandPointsDrawAndTheMapStillAnswers(t *testing.T) {
	p := openMap(t, "#map=5/44/66")
	var b strings.Builder
	b.WriteString("name,lat,lon\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "Place %d,%.3f,%.3f\n", i, 38+float64(i/200)*0.1, 52+float64(i%200)*0.1)
	}
	res := evalJS[map[string]any](p, `(() => {
	  const t0 = performance.now();
	  const r = heartland.addData(`+jsString(b.String())+`, {name: "places.csv"});
	  r.ms = performance.now() - t0;
	  return r;
	})()`)
	t.Logf("addData of 20,000 CSV rows (%.1f MB): %v", float64(b.Len())/(1<<20), res)
	if res["features"] != float64(20000) {
		t.Fatalf("addData = %v; want 20,000 features", res)
	}
	if ms, _ := res["ms"].(float64); ms > 30000 {
		t.Errorf("addData took %.0f ms; want it well under 30 s even on this machine", ms)
	}
	p.waitJS("a point of the layer to answer", `(heartland.featureAt(heartland.project([52, 38])) || {}).layer === "custom1"`)
}
