package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// hostileLayer is a reader's GeoJSON whose every string tries to become
// markup or script: a map embedded in a news page must show it as text.
var hostileLayer = `{"type":"FeatureCollection","features":[{"type":"Feature",
 "properties":{"name":"<img src=x onerror=\"window.__pwned=1\">Trip stop",
  "long":"` + strings.Repeat("<b>x</b>", 20000) + `",
  "note":"<script>window.__pwned=2</script>",
  "link":"javascript:window.__pwned=3",
  "svg":"<svg onload=\"window.__pwned=4\"></svg>",
  "rtl":"\u202Eevil\u202C"},
 "geometry":{"type":"Point","coordinates":[66.0,48.5]}}]}`

func TestHostilePropertiesShowAsPlainText(t *testing.T) {
	p := openMap(t, "#map=7/48.5/66")
	res := evalJS[map[string]any](p, `heartland.addGeoJSON(`+hostileLayer+`, {name: "<b>Trip</b>"})`)
	if res["layer"] != "custom1" || res["features"] != float64(1) {
		t.Fatalf("addGeoJSON = %v; want layer custom1 with 1 feature", res)
	}
	p.waitJS("the custom point to be drawn", `(heartland.featureAt(heartland.project([66.0, 48.5])) || {}).id === "custom1-1"`)
	x, y := p.project(66.0, 48.5)
	p.do(chromedp.MouseClickXY(x, y))
	p.waitJS("the panel to open", panelOpen)

	title := p.panelTitle()
	if title != `<img src=x onerror="window.__pwned=1">Trip stop` {
		t.Errorf("panel title = %q; want the name as literal text", title)
	}
	body := evalJS[string](p, `document.getElementById("panel-body").textContent`)
	for _, want := range []string{"<script>window.__pwned=2</script>", "javascript:window.__pwned=3", `<svg onload="window.__pwned=4"></svg>`} {
		if !strings.Contains(body, want) {
			t.Errorf("panel text lacks %q as text; got %q", want, body)
		}
	}
	if n := evalJS[int](p, `document.querySelectorAll("#panel img, #panel script, #panel svg, #legend-body b, [onerror], [onload]").length`); n != 0 {
		t.Errorf("%d elements were created from data strings; want none", n)
	}
	if n := evalJS[int](p, `document.querySelectorAll('#panel a[href^="javascript:"]').length`); n != 0 {
		t.Errorf("%d javascript: links in the panel; want none", n)
	}
	if v := evalJS[any](p, `window.__pwned === undefined ? null : window.__pwned`); v != nil {
		t.Errorf("window.__pwned = %v: data ran as script", v)
	}
	if d := p.openedDialogs(); len(d) > 0 {
		t.Errorf("dialogs opened: %q", d)
	}
	if n := evalJS[int](p, `document.getElementById("panel-body").textContent.length`); n > 5000 {
		t.Errorf("the panel holds %d characters; long values must be clipped", n)
	}
	if legend := evalJS[string](p, `document.getElementById("legend-custom1").textContent`); !strings.Contains(legend, "<b>Trip</b>") {
		t.Errorf("legend entry = %q; want the layer name as literal text", legend)
	}
}

func TestCustomLayerCanBeRemoved(t *testing.T) {
	p := openMap(t, "#map=7/48.5/66")
	evalJS[map[string]any](p, `heartland.addGeoJSON({"type":"Point","coordinates":[66.0,48.5]})`)
	p.waitJS("the custom layer in the state", `heartland.getState().layers.includes("custom1")`)
	p.do(chromedp.Click(`#legend-custom1 .legend-remove`))
	p.waitJS("the custom layer to go", `!heartland.getState().layers.includes("custom1") && !document.getElementById("legend-custom1")`)
	if id := evalJS[any](p, `(heartland.featureAt(heartland.project([66.0, 48.5])) || {}).id || null`); id == "custom1-1" {
		t.Errorf("featureAt still finds the removed layer's point")
	}
}

func TestAddGeoJSONReportsBrokenInput(t *testing.T) {
	p := openMap(t, "")
	for src, want := range map[string]string{
		`"{not json"`:         "not valid JSON",
		`{"type":"Topology"}`: "nothing to draw",
		`{"type":"FeatureCollection","features":[]}`: "no feature",
		`42`: "want the file as text",
	} {
		res := evalJS[map[string]any](p, `heartland.addGeoJSON(`+src+`)`)
		if msg, _ := res["error"].(string); !strings.Contains(msg, want) {
			t.Errorf("addGeoJSON(%s) = %v; want an error mentioning %q", src, res, want)
		}
	}
	p.requireCanvasAt(p.project(67, 48)) // the map still runs
	if id := evalJS[string](p, `(heartland.featureAt(heartland.project([67, 48])) || {}).id`); id != "KAZ" {
		t.Errorf("after bad input featureAt(central Kazakhstan) = %q; want KAZ", id)
	}
}

func TestAPIRefusesCyclicObjectsWithoutCrashing(t *testing.T) {
	p := openMap(t, "")
	evalJS[any](p, `(() => { const o = {type: "FeatureCollection"}; o.self = o; return heartland.addGeoJSON(o); })()`)
	evalJS[any](p, `(() => { const o = {zoom: 6}; o.self = o; heartland.setState(o); return null; })()`)
	if hidden := evalJS[bool](p, `document.getElementById("error").hidden`); !hidden {
		t.Errorf("the error box is showing: %q", evalJS[string](p, `document.getElementById("error-text").textContent`))
	}
	if id := evalJS[string](p, `(heartland.featureAt(heartland.project([67, 48])) || {}).id`); id != "KAZ" {
		t.Errorf("after cyclic input featureAt(central Kazakhstan) = %q; want KAZ", id)
	}
}
