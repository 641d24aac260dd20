package browsertest

import (
	"image/color"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

const tripGeoJSON = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Reporting stop","marker-color":"#ff0000"},"geometry":{"type":"Point","coordinates":[66.0,48.5]}}]}`

// dataServer serves GeoJSON from another origin, with CORS, as a newsroom's
// data host would; /missing.geojson is a 404.
func dataServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		if r.URL.Path != "/trip.geojson" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/geo+json")
		w.Write([]byte(tripGeoJSON))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestLayerURLParameterAddsAReadersLayer(t *testing.T) {
	srv := dataServer(t)
	p := newPage(t)
	p.do(chromedp.Navigate(env.baseURL + "?layer=" + srv.URL + "/trip.geojson#map=7/48.5/66"))
	p.waitJS("the map to start", `typeof heartland.getState === "function" && heartland.stats().frames > 0`)
	p.waitJS("the layer from the URL", `heartland.getState().layers.includes("custom1")`)
	p.waitJS("its point to answer", `(heartland.featureAt(heartland.project([66, 48.5])) || {}).id === "custom1-1"`)
	if msg := evalJS[string](p, `(document.getElementById("toast") || {}).textContent || ""`); !strings.Contains(msg, "1 feature added") {
		t.Errorf("message = %q; want it to confirm one feature", msg)
	}
	// A shared link shows the layer too.
	p.do(chromedp.Click(`#share`))
	p.waitJS("the share dialog", `!!document.getElementById("share-link")`)
	for _, field := range []string{"share-link", "share-embed"} {
		v := evalJS[string](p, `document.getElementById("`+field+`").value`)
		if !strings.Contains(v, "layer="+url.QueryEscape(srv.URL+"/trip.geojson")) {
			t.Errorf("%s = %q; want it to keep the layer's address", field, v)
		}
	}
}

func TestLayerURLThatFailsShowsAMessageAndTheMapRuns(t *testing.T) {
	srv := dataServer(t)
	p := newPage(t)
	p.do(chromedp.Navigate(env.baseURL + "?layer=" + srv.URL + "/missing.geojson&layer=javascript:alert(1)#map=5/44/66"))
	p.waitJS("a message naming the failure", `/could not be loaded.*404/.test((document.getElementById("toast") || {}).textContent || "")`)
	p.waitJS("the map to start all the same", `typeof heartland.project === "function" && heartland.stats().frames > 0`)
	if id := evalJS[string](p, `(heartland.featureAt(heartland.project([67, 48])) || {}).id`); id != "KAZ" {
		t.Errorf("featureAt(central Kazakhstan) = %q; want KAZ: the map keeps working", id)
	}
	if d := p.openedDialogs(); len(d) > 0 {
		t.Errorf("dialogs opened: %q", d)
	}
}

func TestFilePickerAddsALayer(t *testing.T) {
	file := filepath.Join(t.TempDir(), "trip.geojson")
	if err := os.WriteFile(file, []byte(tripGeoJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	p := openMap(t, "#map=7/48.5/66")
	p.do(chromedp.SetUploadFiles(`#data-file`, []string{file}))
	p.waitJS("the picked file's layer", `heartland.getState().layers.includes("custom1")`)
	p.waitJS("its point to answer", `(heartland.featureAt(heartland.project([66, 48.5])) || {}).id === "custom1-1"`)
	// simplestyle: the file asks for a red marker.
	p.pollColour("the point in its marker-color", [2]float64{66, 48.5}, 2, color.RGBA{0xff, 0, 0, 0xff})
}

func TestFilePickerReadsTopoJSON(t *testing.T) {
	file := filepath.Join(t.TempDir(), "camps.topojson")
	topo := `{"type":"Topology","arcs":[],"objects":{"camps":{"type":"GeometryCollection","geometries":[
	  {"type":"Point","coordinates":[66.0,48.5],"properties":{"name":"Camp"}}]}}}`
	if err := os.WriteFile(file, []byte(topo), 0o644); err != nil {
		t.Fatal(err)
	}
	p := openMap(t, "#map=7/48.5/66")
	p.do(chromedp.SetUploadFiles(`#data-file`, []string{file}))
	p.waitJS("the TopoJSON point to answer", `(heartland.featureAt(heartland.project([66, 48.5])) || {}).name === "Camp"`)
}

func TestReaderAreaIsFilledInItsSimplestyleColour(t *testing.T) {
	p := openMap(t, "#map=7/48/67&layers=countries,boundaries,water")
	res := evalJS[map[string]any](p, `heartland.addGeoJSON({"type":"Feature","properties":{"name":"Survey area","fill":"#0000ff"},
	  "geometry":{"type":"Polygon","coordinates":[[[66,47],[68,47],[68,49],[66,49],[66,47]]]}})`)
	if res["features"] != float64(1) {
		t.Fatalf("addGeoJSON = %v", res)
	}
	// #0000ff at 35% over the land colour: stencilled fills are opaque.
	p.pollColour("the area in its fill colour", [2]float64{67, 48}, 3, color.RGBA{0x99, 0x98, 0xed, 0xff})
}
