package browsertest

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The article embed is tested the way a news site uses it: a host page on
// another origin holds embed.html in an iframe and loads embed.js. The host
// pages come from a second HTTP server in this process, on another port of
// 127.0.0.1, so the map and the article are different origins (the same
// site, so Chromium keeps the iframe in the tab's process and the tab's
// DevTools session sees its requests, console and JavaScript contexts).

// hostServer serves the generated host pages; it starts on first use.
var hostServer struct {
	once   sync.Once
	origin string // http://127.0.0.1:PORT, no trailing slash
	err    error
}

// embedHash is the view the host pages ask the embed for.
const embedHash = "#map=5/44/64"

// hostURL returns the URL of a host page, starting the server if needed.
// host.html lists its own origin in the embed's ?origins=; host-other.html
// lists another site only, so the embed must not obey it.
func hostURL(t *testing.T, page string) string {
	t.Helper()
	hostServer.once.Do(func() {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			hostServer.err = err
			return
		}
		origin := "http://" + ln.Addr().String()
		mux := http.NewServeMux()
		mux.HandleFunc("/host.html", func(w http.ResponseWriter, r *http.Request) {
			writeHostPage(w, origin)
		})
		mux.HandleFunc("/host-other.html", func(w http.ResponseWriter, r *http.Request) {
			writeHostPage(w, "https://news.example")
		})
		// The server lives as long as the test binary.
		go http.Serve(ln, mux)
		hostServer.origin = origin
	})
	if hostServer.err != nil {
		t.Fatalf("starting the host page server: %v", hostServer.err)
	}
	return hostServer.origin + "/" + page
}

// writeHostPage writes an article with the map below the fold. Its first
// script records every message the page receives in window.__msgs.
func writeHostPage(w http.ResponseWriter, allowedOrigin string) {
	src := env.baseURL + "embed.html?origins=" + url.QueryEscape(allowedOrigin) + embedHash
	var filler strings.Builder
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&filler, "<p>Paragraph %d of the article. Central Asia lies between Russia and China; "+
			"its oil, gas, uranium and railways tie it to both, and to Europe across the Caspian Sea. "+
			"This text is long enough to push the map below the fold of the reader's window.</p>\n", i+1)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Host article</title>
<script>
window.__msgs = [];
window.addEventListener("message", (e) => { window.__msgs.push({origin: e.origin, data: e.data}); });
</script>
<style>body { margin: 8px; font: 16px/1.5 serif; }</style>
</head>
<body>
<h1>An article with a map</h1>
%s
<iframe data-heartland id="map" src="%s" title="Map" width="100%%" height="400" style="border:0"></iframe>
%s
<script src="%sembed.js"></script>
</body>
</html>
`, filler.String(), html.EscapeString(src), filler.String(), html.EscapeString(env.baseURL))
}

// requestLog records the URL of every request a tab makes, its iframes'
// included (they share the tab's process, see above).
type requestLog struct {
	mu   sync.Mutex
	urls []string
}

func recordRequests(p *mapPage) *requestLog {
	p.t.Helper()
	l := &requestLog{}
	err := chromedp.Listen(p.tab, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && e.Request != nil {
			l.mu.Lock()
			l.urls = append(l.urls, e.Request.URL)
			l.mu.Unlock()
		}
	})
	if err != nil {
		p.t.Fatalf("listening to network requests: %v", err)
	}
	return l
}

// matching returns the recorded URLs whose path ends with suffix.
func (l *requestLog) matching(suffix string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, u := range l.urls {
		if pu, err := url.Parse(u); err == nil && strings.HasSuffix(pu.Path, suffix) {
			out = append(out, u)
		}
	}
	return out
}

// embedHost is a tab showing a host page with the map in an iframe.
type embedHost struct {
	*mapPage
	requests *requestLog

	ctxMu    sync.Mutex
	frameCtx string // unique id of the iframe's main JavaScript context
	nextID   int    // for getState request ids
}

// openHost opens a host page (host.html or host-other.html) and waits
// until the embed has reported its height, which it does before the map
// starts: the iframe has loaded, but nothing is scrolled yet.
func openHost(t *testing.T, page string) *embedHost {
	t.Helper()
	p := newPage(t)
	h := &embedHost{mapPage: p, requests: recordRequests(p)}
	mapOrigin := strings.TrimSuffix(env.baseURL, "/")
	// The iframe's page runs in its own JavaScript context; remember it, so
	// tests can look inside the embed as well as at its messages.
	err := chromedp.Listen(p.tab, func(ev any) {
		e, ok := ev.(*runtime.EventExecutionContextCreated)
		if !ok || e.Context == nil || e.Context.Origin != mapOrigin {
			return
		}
		var aux struct {
			IsDefault bool `json:"isDefault"`
		}
		if json.Unmarshal(e.Context.AuxData, &aux) == nil && aux.IsDefault {
			h.ctxMu.Lock()
			h.frameCtx = e.Context.UniqueID
			h.ctxMu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("listening to JavaScript contexts: %v", err)
	}
	p.do(chromedp.Navigate(hostURL(t, page)))
	h.waitMsg("the embed's first heartland:height message", 0, func(m embedMsg) bool { return m.Type == "heartland:height" })
	return h
}

// embedMsg is one message the host page received.
type embedMsg struct {
	Origin    string
	Type      string     `json:"type"`
	Height    float64    `json:"height"`
	Protocol  int        `json:"protocol"`
	Center    [2]float64 `json:"center"`
	Zoom      float64    `json:"zoom"`
	RequestID any        `json:"requestId"`
	State     *mapState  `json:"state"`
}

func (m embedMsg) String() string {
	switch m.Type {
	case "heartland:height":
		return fmt.Sprintf("%s %.0f", m.Type, m.Height)
	case "heartland:move":
		return fmt.Sprintf("%s [%.4f, %.4f] z%.3f", m.Type, m.Center[0], m.Center[1], m.Zoom)
	case "heartland:state":
		if m.State != nil {
			return fmt.Sprintf("%s %v %v", m.Type, m.RequestID, *m.State)
		}
	}
	return m.Type
}

// msgs returns every message the host page has received so far.
func (h *embedHost) msgs() []embedMsg {
	h.t.Helper()
	raw := evalJS[[]struct {
		Origin string          `json:"origin"`
		Data   json.RawMessage `json:"data"`
	}](h.mapPage, `window.__msgs`)
	out := make([]embedMsg, len(raw))
	for i, r := range raw {
		json.Unmarshal(r.Data, &out[i]) // a message of another shape keeps Type ""
		out[i].Origin = r.Origin
	}
	return out
}

func msgTypes(ms []embedMsg) string {
	var s []string
	for _, m := range ms {
		s = append(s, m.String())
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// waitMsg waits for a message at index since or later that matches, and
// returns it.
func (h *embedHost) waitMsg(what string, since int, match func(embedMsg) bool) embedMsg {
	h.t.Helper()
	var found embedMsg
	h.waitFor(what, func() (bool, string) {
		ms := h.msgs()
		for i := since; i < len(ms); i++ {
			if match(ms[i]) {
				found = ms[i]
				return true, ""
			}
		}
		return false, "messages " + msgTypes(ms)
	})
	return found
}

func hasType(ms []embedMsg, types ...string) bool {
	for _, m := range ms {
		for _, t := range types {
			if m.Type == t {
				return true
			}
		}
	}
	return false
}

// send posts a message to the map with HeartlandEmbed.send, as an article does.
func (h *embedHost) send(typ, payloadJS string) {
	h.t.Helper()
	ok := evalJS[bool](h.mapPage, fmt.Sprintf(`HeartlandEmbed.send(document.getElementById("map"), %q, %s)`, typ, payloadJS))
	if !ok {
		h.t.Fatalf("HeartlandEmbed.send(map, %q, …) returned false", typ)
	}
}

// embedState asks the map for its state with heartland:getState and
// waits for the heartland:state reply.
func (h *embedHost) embedState() mapState {
	h.t.Helper()
	h.nextID++
	id := fmt.Sprintf("test-%d", h.nextID)
	since := len(h.msgs())
	h.send("getState", fmt.Sprintf(`{requestId: %q}`, id))
	m := h.waitMsg("the heartland:state reply to "+id, since, func(m embedMsg) bool {
		return m.Type == "heartland:state" && m.RequestID == id
	})
	if m.State == nil {
		h.t.Fatalf("heartland:state reply to %s has no state", id)
	}
	return *m.State
}

// frameEval evaluates an expression inside the iframe's page.
func frameEval[T any](h *embedHost, expr string) T {
	h.t.Helper()
	h.ctxMu.Lock()
	uid := h.frameCtx
	h.ctxMu.Unlock()
	if uid == "" {
		h.t.Fatalf("no JavaScript context of the embed (%s) was seen in the host's tab; is the iframe in another process?", env.baseURL)
	}
	v, err := chromedp.Run(h.ctx, chromedp.Evaluate[T](expr, func(p *runtime.EvaluateParams) { p.UniqueContextID = uid }))
	if err != nil {
		h.t.Fatalf("evaluating %s in the embed: %v", expr, err)
	}
	return v
}

// rect is a box in CSS pixels of the viewport.
type rect struct{ X, Y, W, H float64 }

// mapRect is the iframe's box in the host's viewport.
func (h *embedHost) mapRect() rect {
	h.t.Helper()
	return evalJS[rect](h.mapPage, `(() => { const r = document.getElementById("map").getBoundingClientRect();
		return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`)
}

func (h *embedHost) scrollY() float64 {
	h.t.Helper()
	return evalJS[float64](h.mapPage, `window.scrollY`)
}

// scrollMapIntoView scrolls the article until the iframe's top is 40 px
// below the top of the window, and waits for heartland:ready.
func (h *embedHost) scrollMapIntoView() {
	h.t.Helper()
	evalJS[bool](h.mapPage, `(window.scrollTo(0, document.getElementById("map").getBoundingClientRect().top + window.scrollY - 40), true)`)
	h.waitMsg("heartland:ready after scrolling the map into view", 0, func(m embedMsg) bool { return m.Type == "heartland:ready" })
}

func TestEmbedShowsPosterBeforeTheWasm(t *testing.T) {
	p := newPage(t)
	reqs := recordRequests(p)
	// A view well inside the limits of a full-window map (#map=5/44/64
	// is not: there the limits raise the zoom).
	const hash = "#map=6/43/66"
	p.do(chromedp.Navigate(env.baseURL + "embed.html?start=click" + hash))
	const posterShown = `(() => {
		const img = document.getElementById("poster-img"), poster = document.getElementById("poster");
		const r = img.getBoundingClientRect(), cs = getComputedStyle(img);
		const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
		return !poster.hidden && img.complete && img.naturalWidth > 0 && r.width > 0 && r.height > 0 &&
			cs.visibility === "visible" && Number(getComputedStyle(poster).opacity) > 0.9 &&
			!!hit && poster.contains(hit);
	})()`
	p.waitJS("the poster image to load and show", posterShown)
	// Give a loader that ignores start=click time to ask for the wasm.
	time.Sleep(1500 * time.Millisecond)
	if got := reqs.matching(".wasm"); len(got) > 0 {
		t.Fatalf("embed.html?start=click requested %v before any click; want no wasm until the reader asks", got)
	}
	if got := reqs.matching("/embed.html"); len(got) == 0 {
		t.Fatalf("the request log saw no embed.html request; it cannot tell whether the wasm was requested")
	}
	if !evalJS[bool](p, posterShown) {
		t.Fatalf("the poster stopped showing before any click")
	}
	if !evalJS[bool](p, `!document.getElementById("poster-start").hidden`) {
		t.Errorf("the \"Load the interactive map\" button is hidden with start=click")
	}

	// A click on the poster (not on its links) starts the map.
	x, y := 640.0, 300.0
	p.do(chromedp.MouseClickXY(x, y))
	p.waitFor("a request for the wasm after the click", func() (bool, string) {
		got := reqs.matching(".wasm")
		return len(got) > 0, fmt.Sprintf("%d wasm requests", len(got))
	})
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](
		`(async () => { await window.heartland.ready; return true; })()`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("waiting for heartland.ready after the click: %v", err)
	}
	p.waitJS("the poster to be hidden once the map has drawn", `(() => {
		const poster = document.getElementById("poster");
		return poster.hidden || getComputedStyle(poster).display === "none";
	})()`)
	if s := p.state(); math.Abs(s.Zoom-6) > 0.01 || !near(s.Center, [2]float64{66, 43}, 0.01) {
		t.Errorf("getState() = %v after start; want the view of the hash %s", s, hash)
	}
}

func TestEmbedStartsWhenScrolledIntoView(t *testing.T) {
	h := openHost(t, "host.html")
	if r := h.mapRect(); r.Y < 800 {
		t.Fatalf("the iframe's top is at %.0f px in an 800 px window; the host page must put it below the fold", r.Y)
	}
	if got := h.requests.matching("/embed.html"); len(got) == 0 {
		t.Fatalf("the tab's request log has no embed.html request; it cannot see the iframe's requests")
	}
	// The iframe has loaded (it reported its height); give an embed that
	// starts too early time to show it.
	time.Sleep(1500 * time.Millisecond)
	if ms := h.msgs(); hasType(ms, "heartland:ready") {
		t.Fatalf("heartland:ready arrived before the map was scrolled into view (messages %s)", msgTypes(ms))
	}
	if got := h.requests.matching(".wasm"); len(got) > 0 {
		t.Fatalf("the embed requested %v while below the fold; want no download until it is scrolled into view", got)
	}

	h.scrollMapIntoView()
	if got := h.requests.matching(".wasm"); len(got) == 0 {
		t.Errorf("heartland:ready arrived but the request log has no wasm request")
	}
	m := h.waitMsg("heartland:ready", 0, func(m embedMsg) bool { return m.Type == "heartland:ready" })
	if m.Protocol != 1 {
		t.Errorf("heartland:ready has protocol %d; want 1", m.Protocol)
	}
	if want := strings.TrimSuffix(env.baseURL, "/"); m.Origin != want {
		t.Errorf("heartland:ready came from origin %q; want the map's %q", m.Origin, want)
	}
}

func TestEmbedReportsHeightAndResizesTheIframe(t *testing.T) {
	h := openHost(t, "host.html")
	m := h.waitMsg("heartland:height", 0, func(m embedMsg) bool { return m.Type == "heartland:height" })
	if m.Height < 320 || m.Height > 720 {
		t.Fatalf("heartland:height reported %.0f px; want 320–720", m.Height)
	}
	if m.Height == 400 {
		t.Fatalf("heartland:height reported 400 px, the iframe's own height: the test cannot tell a resize from none")
	}
	h.waitFor(fmt.Sprintf("the iframe to be %.0f px high", m.Height), func() (bool, string) {
		r := h.mapRect()
		return math.Abs(r.H-m.Height) < 0.5, fmt.Sprintf("%.1f px high (style.height %q)", r.H,
			evalJS[string](h.mapPage, `document.getElementById("map").style.height`))
	})
}

func TestHostWheelScrollsThePageNotTheMap(t *testing.T) {
	h := openHost(t, "host.html")
	h.scrollMapIntoView()
	// The poster fades after the first frame; until it has gone it, not the
	// map, is under the pointer.
	h.waitJSInFrame("the poster to be hidden", `document.getElementById("poster").hidden`)
	// Zoom 5 is at the limit of the embed's viewport, where a wheel that
	// zooms out barely changes the view; zoom 6 leaves room either way.
	// Wait for its move, so that no move of this setState comes later.
	n := len(h.msgs())
	frameEval[bool](h, `(window.heartland.setState({center: [66, 43], zoom: 6}), true)`)
	h.waitMsg("the heartland:move of setState({zoom: 6})", n, func(m embedMsg) bool {
		return m.Type == "heartland:move" && math.Abs(m.Zoom-6) < 0.01
	})
	before := h.embedState()
	if math.Abs(before.Zoom-6) > 0.01 {
		t.Fatalf("the embed's getState() = %v after heartland.setState({zoom: 6}) inside it; want zoom 6", before)
	}
	r := h.mapRect()
	x, y := r.X+r.W/2, r.Y+r.H/2
	if y < 0 || y > 800 {
		t.Fatalf("the iframe's centre is at y = %.0f, outside the window", y)
	}

	// A plain wheel over the map scrolls the article.
	scroll0 := h.scrollY()
	since := len(h.msgs())
	h.do(wheel(x, y, 400))
	h.waitFor("the article to scroll under a plain wheel over the map", func() (bool, string) {
		s := h.scrollY()
		return s > scroll0+50, fmt.Sprintf("scrollY %.0f (was %.0f)", s, scroll0)
	})
	h.waitScrollStill()
	time.Sleep(700 * time.Millisecond) // time for a zoom the map should not make
	if after := h.embedState(); math.Abs(after.Zoom-before.Zoom) > 1e-9 {
		t.Errorf("a plain wheel over the embedded map changed its zoom %.3f → %.3f; want the article to scroll instead", before.Zoom, after.Zoom)
	}
	if ms := h.msgs()[since:]; hasType(ms, "heartland:move") {
		t.Errorf("the map reported a move after a plain wheel: %s", msgTypes(ms))
	}

	// Ctrl + wheel zooms the map and leaves the article where it is. The
	// wheel moved the map up by 400 px; bring it back under the pointer.
	evalJS[bool](h.mapPage, `(window.scrollTo(0, document.getElementById("map").getBoundingClientRect().top + window.scrollY - 40), true)`)
	h.waitScrollStill()
	r = h.mapRect()
	x, y = r.X+r.W/2, r.Y+r.H/2
	if y < 0 || y > 800 {
		t.Fatalf("after scrolling, the iframe's centre is at y = %.0f, outside the window", y)
	}
	scroll1 := h.scrollY()
	h.do(ctrlWheel(x, y, 400))
	var zoomed mapState
	h.waitFor("Ctrl+wheel to zoom the embedded map out", func() (bool, string) {
		zoomed = h.embedState()
		return zoomed.Zoom < before.Zoom-0.1, "getState() = " + zoomed.String()
	})
	h.waitScrollStill()
	if s := h.scrollY(); s != scroll1 {
		t.Errorf("Ctrl+wheel over the map scrolled the article from %.0f to %.0f; want it still", scroll1, s)
	}
}

// waitScrollStill waits until the article's scroll position has not changed
// for 300 ms (smooth scrolling animates).
func (h *embedHost) waitScrollStill() {
	h.t.Helper()
	last, since := h.scrollY(), time.Now()
	h.waitFor("the article's scrolling to stop", func() (bool, string) {
		s := h.scrollY()
		if s != last {
			last, since = s, time.Now()
		}
		return time.Since(since) >= 300*time.Millisecond, fmt.Sprintf("scrollY %.0f", s)
	})
}

// waitJSInFrame polls a JavaScript condition inside the embed.
func (h *embedHost) waitJSInFrame(what, cond string) {
	h.t.Helper()
	h.waitFor(what, func() (bool, string) {
		return frameEval[bool](h, "!!("+cond+")"), fmt.Sprintf("false (%s)", cond)
	})
}

func TestSetStateMessageFromAllowedOriginMovesTheMap(t *testing.T) {
	h := openHost(t, "host.html")
	h.scrollMapIntoView()
	since := len(h.msgs())
	h.send("setState", `{state: {center: [69.2, 41.3], zoom: 6}}`)
	want := [2]float64{69.2, 41.3}
	m := h.waitMsg("a heartland:move to [69.2, 41.3] at zoom 6", since, func(m embedMsg) bool {
		return m.Type == "heartland:move" && math.Abs(m.Zoom-6) < 0.01 && near(m.Center, want, 0.01)
	})
	if m.Origin != strings.TrimSuffix(env.baseURL, "/") {
		t.Errorf("heartland:move came from %q; want the map's origin", m.Origin)
	}
	if s := h.embedState(); math.Abs(s.Zoom-6) > 0.01 || !near(s.Center, want, 0.01) {
		t.Errorf("heartland:state after setState = %v; want center [69.2, 41.3], zoom 6", s)
	}
	if s := frameEval[mapState](h, `window.heartland.getState()`); math.Abs(s.Zoom-6) > 0.01 || !near(s.Center, want, 0.01) {
		t.Errorf("heartland.getState() inside the embed = %v; want center [69.2, 41.3], zoom 6", s)
	}
}

func TestMessageFromOtherOriginIsIgnored(t *testing.T) {
	h := openHost(t, "host-other.html")
	h.scrollMapIntoView() // heartland:ready goes to any host ("*")
	before := frameEval[mapState](h, `window.heartland.getState()`)
	h.send("setState", `{state: {center: [69.2, 41.3], zoom: 6}}`)
	h.send("getState", `{requestId: "from-an-unlisted-origin"}`)
	// Absence can only be measured by waiting: 1.5 s is many times what the
	// allowed origin's setState takes to show a move.
	time.Sleep(1500 * time.Millisecond)
	ms := h.msgs()
	if !hasType(ms, "heartland:height") || !hasType(ms, "heartland:ready") {
		t.Errorf("messages %s; want heartland:height and heartland:ready, which go to any host", msgTypes(ms))
	}
	if hasType(ms, "heartland:move", "heartland:state", "heartland:select") {
		t.Errorf("a host not in ?origins= received %s; want no move, state or select", msgTypes(ms))
	}
	after := frameEval[mapState](h, `window.heartland.getState()`)
	if math.Abs(after.Zoom-before.Zoom) > 1e-9 || !near(after.Center, before.Center, 1e-9) {
		t.Errorf("the embed's view went from %v to %v on a setState from an origin not listed; want it unchanged", before, after)
	}
	// The embed got the message and said why it ignored it.
	h.waitFor("the embed's warning about the unlisted origin", func() (bool, string) {
		for _, w := range h.warnings() {
			if strings.Contains(w, "not in the origins parameter") {
				return true, ""
			}
		}
		return false, fmt.Sprintf("warnings %q", h.warnings())
	})
}

func TestShareSnippetReopensTheSameView(t *testing.T) {
	p := openMap(t, "#map=6/41.3/69.2&select=UZB")
	want := p.state()
	if want.Selected == nil || *want.Selected != "UZB" || math.Abs(want.Zoom-6) > 0.01 {
		t.Fatalf("getState() = %v for #map=6/41.3/69.2&select=UZB; want Uzbekistan selected at zoom 6", want)
	}
	p.do(chromedp.Click("#share"))
	p.waitJS("the Share dialog to open", `document.querySelector("dialog.share-dialog") && document.querySelector("dialog.share-dialog").open`)
	link := evalJS[string](p, `document.getElementById("share-link").value`)
	snippet := evalJS[string](p, `document.getElementById("share-embed").value`)
	t.Logf("link: %s\nsnippet: %s", link, snippet)

	linkURL, err := url.Parse(link)
	if err != nil || !strings.HasPrefix(link, env.baseURL) || linkURL.Fragment == "" {
		t.Fatalf("the share link %q is not a URL of this site with a hash", link)
	}
	checkView := func(q *mapPage, where string) {
		t.Helper()
		got := q.state()
		if !near(got.Center, want.Center, 0.01) || math.Abs(got.Zoom-want.Zoom) > 0.01 ||
			got.Selected == nil || *got.Selected != *want.Selected {
			t.Errorf("%s shows %v; want %v", where, got, want)
		}
	}

	t.Run("link", func(t *testing.T) {
		q := newPage(t)
		q.do(chromedp.Navigate(link))
		awaitReady(q)
		checkView(q, "the shared link")
	})

	t.Run("snippet", func(t *testing.T) {
		if !strings.HasPrefix(snippet, "<iframe") {
			t.Errorf("the snippet does not start with <iframe: %q", snippet)
		}
		iframeSrc := regexp.MustCompile(`<iframe[^>]*\ssrc="([^"]*)"`).FindStringSubmatch(snippet)
		if iframeSrc == nil {
			t.Fatalf("the snippet has no <iframe … src=\"…\">: %q", snippet)
		}
		src := html.UnescapeString(iframeSrc[1])
		srcURL, err := url.Parse(src)
		if err != nil || !strings.HasPrefix(src, env.baseURL+"embed.html") {
			t.Fatalf("the snippet's iframe src %q is not this site's embed.html", src)
		}
		if srcURL.Fragment != linkURL.Fragment {
			t.Errorf("the snippet's iframe src has hash #%s; want the link's #%s", srcURL.Fragment, linkURL.Fragment)
		}
		if !regexp.MustCompile(`<script src="` + regexp.QuoteMeta(env.baseURL) + `embed\.js"`).MatchString(snippet) {
			t.Errorf("the snippet has no <script src=\"%sembed.js\": %q", env.baseURL, snippet)
		}
		q := newPage(t)
		q.do(chromedp.Navigate(src))
		awaitReady(q) // in view at once: it starts by itself
		checkView(q, "embed.html from the snippet")
	})
}

// awaitReady waits for heartland.ready in a page already navigated.
func awaitReady(p *mapPage) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](
		`(async () => { await window.heartland.ready; return true; })()`, chromedp.EvalAwaitPromise)); err != nil {
		p.t.Fatalf("waiting for heartland.ready: %v", err)
	}
}

// TestHostileMessagesFromAnAllowedHostChangeNothing pushes the hostile
// corpus through postMessage: even an allowed host cannot make the embed
// run script, show markup or stop working.
func TestHostileMessagesFromAnAllowedHostChangeNothing(t *testing.T) {
	h := openHost(t, "host.html")
	h.scrollMapIntoView()
	h.embedState() // ready to answer
	long := strings.Repeat("A", 200000)
	for _, m := range []struct{ typ, payload string }{
		{"select", `{id: "<img src=x onerror=window.parent.__pwned=1>"}`},
		{"select", `{id: "` + long + `"}`},
		{"setState", `{state: {selected: "<svg onload=window.parent.__pwned=2>", center: ["javascript:alert(1)", 1], zoom: "\u202e9"}}`},
		{"setState", `{state: {layers: ["<script>window.parent.__pwned=3</script>"], story: "javascript:x", step: -4}}`},
		{"fitBounds", `{bounds: [[1e309, 0], [0, "x"]]}`},
		{"nonsense", `{x: "<b>"}`},
	} {
		h.send(m.typ, m.payload)
	}
	s := h.embedState() // the map still answers, and nothing moved it
	if s.Selected != nil {
		t.Errorf("a hostile id was selected: %v", s)
	}
	if n := frameEval[int](h, `document.querySelectorAll("img[src=x], svg[onload], script:not([src]), [onerror]").length`); n != 0 {
		t.Errorf("%d elements were made from message data", n)
	}
	if v := evalJS[any](h.mapPage, `window.__pwned === undefined ? null : window.__pwned`); v != nil {
		t.Errorf("message data ran as script: __pwned = %v", v)
	}
	if d := h.openedDialogs(); len(d) > 0 {
		t.Errorf("dialogs opened: %q", d)
	}
}
