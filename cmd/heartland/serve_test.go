package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// outsideSecret is the content of a file next to (not inside) the served
// root: no request may ever return it.
const outsideSecret = "OUTSIDE-SECRET"

// siteFiles is the served fixture: path → content. Precompressed siblings
// hold markers rather than real brotli or gzip, so tests can see which
// variant was chosen.
var siteFiles = map[string]string{
	"index.html":          "<h1>index</h1>",
	"embed.html":          "<h1>embed</h1>",
	"sub/index.html":      "<h1>sub</h1>",
	"sub/embed.html":      "<h1>sub embed</h1>",
	"app.js":              "console.log('raw')",
	"app.js.br":           "BR:app.js",
	"app.js.gz":           "GZ:app.js",
	"only-gzip.css":       "body{}",
	"only-gzip.css.gz":    "GZ:only-gzip.css",
	"heartland.wasm":      "\x00asm raw",
	"heartland.wasm.br":   "BR:heartland.wasm",
	"data.json":           "{}",
	"map.geojson":         `{"type":"FeatureCollection","features":[]}`,
	"icon.svg":            "<svg/>",
	"logo.png":            "\x89PNG",
	"font.woff2":          "wOF2",
	"notes.txt":           "notes",
	"blob.unknownext":     "blob",
	"download.tar.gz":     "standalone gzip",
	".env":                "SECRET=dotfile",
	".git/config":         "[core] dotdir",
	"sub/.hidden":         "hidden",
	"empty/placeholder.x": "no index here",
}

// newTestSite writes siteFiles under a temp root, with symlinks that
// point inside and outside it, and returns the root.
func newTestSite(tb testing.TB) string {
	tb.Helper()
	base := tb.TempDir()
	root := filepath.Join(base, "site")
	writeFiles(tb, root, siteFiles)
	writeFiles(tb, filepath.Join(base, "outside"), map[string]string{"secret.txt": outsideSecret})
	for link, target := range map[string]string{
		"link-out.txt": filepath.Join(base, "outside", "secret.txt"),
		"linkdir-out":  filepath.Join(base, "outside"),
		"link-rel-out": "../outside/secret.txt",
		"link-in.txt":  "notes.txt",
	} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			tb.Skipf("symlinks unsupported here: %v", err)
		}
	}
	return root
}

func writeFiles(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// request sends method target to h with header pairs ("Name", "value", …).
func request(h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestServeRefusesPathTraversal(t *testing.T) {
	h := newSiteHandler(liveDirFS(newTestSite(t)))
	tests := []struct {
		name, path string // path is the decoded URL path
		wantStatus int
	}{
		{"dot dot", "/../outside/secret.txt", 400},
		{"dot dot after dir", "/sub/../../outside/secret.txt", 400},
		{"harmless dot dot", "/sub/../index.html", 400},
		{"trailing dot dot", "/sub/..", 400},
		{"backslashes", `/..\outside\secret.txt`, 400},
		{"backslash in name", `/sub\index.html`, 400},
		{"NUL", "/index.html\x00.png", 400},
		{"no leading slash", "index.html", 400},
		{"symlink to file outside", "/link-out.txt", 404},
		{"relative symlink outside", "/link-rel-out", 404},
		{"through symlinked dir outside", "/linkdir-out/secret.txt", 404},
		{"absolute path in path", "//etc/passwd", 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/", nil)
			req.URL.Path = tt.path
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Errorf("GET %q: status %d; want %d", tt.path, rec.Code, tt.wantStatus)
			}
			if strings.Contains(rec.Body.String(), outsideSecret) {
				t.Errorf("GET %q served the file outside root", tt.path)
			}
		})
	}
}

func TestServeRefusesEncodedTraversal(t *testing.T) {
	h := newSiteHandler(liveDirFS(newTestSite(t)))
	for _, target := range []string{
		"/%2e%2e/outside/secret.txt",
		"/%2E%2E/outside/secret.txt",
		"/sub/%2e%2e/%2e%2e/outside/secret.txt",
		"/..%2foutside%2fsecret.txt",
		"/..%5coutside%5csecret.txt",
		"/index.html%00",
	} {
		rec := request(h, "GET", target)
		if rec.Code != 400 {
			t.Errorf("GET %s: status %d; want 400", target, rec.Code)
		}
		if strings.Contains(rec.Body.String(), outsideSecret) {
			t.Errorf("GET %s served the file outside root", target)
		}
	}
}

func TestServeFollowsSymlinksInsideRoot(t *testing.T) {
	rec := request(newSiteHandler(liveDirFS(newTestSite(t))), "GET", "/link-in.txt")
	if rec.Code != 200 || rec.Body.String() != "notes" {
		t.Errorf("GET /link-in.txt = %d %q; want 200 %q", rec.Code, rec.Body, "notes")
	}
}

func TestServeHidesDotfiles(t *testing.T) {
	h := newSiteHandler(liveDirFS(newTestSite(t)))
	for _, target := range []string{"/.env", "/.git/config", "/.git/", "/sub/.hidden", "/.well-known/x"} {
		if rec := request(h, "GET", target); rec.Code != 404 {
			t.Errorf("GET %s: status %d; want 404", target, rec.Code)
		}
	}
}

func TestServeDirectoriesServeIndexWithoutListings(t *testing.T) {
	h := newSiteHandler(liveDirFS(newTestSite(t)))
	tests := []struct {
		target, wantBody string
		wantStatus       int
		wantLocation     string
	}{
		{"/", siteFiles["index.html"], 200, ""},
		{"/sub/", siteFiles["sub/index.html"], 200, ""},
		{"/sub", "", 301, "/sub/"},
		{"/sub?x=1", "", 301, "/sub/?x=1"},
		{"/empty/", "", 404, ""},
		{"/index.html/", "", 404, ""},
		{"/missing.html", "", 404, ""},
	}
	for _, tt := range tests {
		rec := request(h, "GET", tt.target)
		if rec.Code != tt.wantStatus {
			t.Errorf("GET %s: status %d; want %d", tt.target, rec.Code, tt.wantStatus)
		}
		if tt.wantBody != "" && rec.Body.String() != tt.wantBody {
			t.Errorf("GET %s: body %q; want %q", tt.target, rec.Body, tt.wantBody)
		}
		if got := rec.Header().Get("Location"); got != tt.wantLocation {
			t.Errorf("GET %s: Location %q; want %q", tt.target, got, tt.wantLocation)
		}
		if strings.Contains(rec.Body.String(), "placeholder.x") {
			t.Errorf("GET %s listed a directory: %q", tt.target, rec.Body)
		}
	}
}

func TestServeRejectsMethodsOtherThanGetAndHead(t *testing.T) {
	h := newSiteHandler(liveDirFS(newTestSite(t)))
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"} {
		rec := request(h, method, "/index.html")
		if rec.Code != 405 {
			t.Errorf("%s /index.html: status %d; want 405", method, rec.Code)
		}
		if got := rec.Header().Get("Allow"); got != "GET, HEAD" {
			t.Errorf("%s /index.html: Allow %q; want %q", method, got, "GET, HEAD")
		}
	}
}

func TestServeSetsContentTypeByExtension(t *testing.T) {
	h := newSiteHandler(liveDirFS(newTestSite(t)))
	tests := []struct{ target, want string }{
		{"/heartland.wasm", "application/wasm"},
		{"/app.js", "text/javascript; charset=utf-8"},
		{"/index.html", "text/html; charset=utf-8"},
		{"/only-gzip.css", "text/css; charset=utf-8"},
		{"/data.json", "application/json"},
		{"/map.geojson", "application/geo+json"},
		{"/icon.svg", "image/svg+xml"},
		{"/logo.png", "image/png"},
		{"/font.woff2", "font/woff2"},
		{"/notes.txt", "text/plain; charset=utf-8"},
		{"/blob.unknownext", "application/octet-stream"},
	}
	for _, tt := range tests {
		for _, ae := range []string{"", "br, gzip"} {
			rec := request(h, "GET", tt.target, "Accept-Encoding", ae)
			if got := rec.Header().Get("Content-Type"); got != tt.want {
				t.Errorf("GET %s (Accept-Encoding %q): Content-Type %q; want %q", tt.target, ae, got, tt.want)
			}
		}
	}
}

func TestServeWasmHasApplicationWasmType(t *testing.T) {
	// instantiateStreaming refuses any other type, compressed or not.
	h := newSiteHandler(liveDirFS(newTestSite(t)))
	for _, ae := range []string{"", "gzip", "br"} {
		rec := request(h, "GET", "/heartland.wasm", "Accept-Encoding", ae)
		if got := rec.Header().Get("Content-Type"); rec.Code != 200 || got != "application/wasm" {
			t.Errorf("GET /heartland.wasm (Accept-Encoding %q) = %d, Content-Type %q; want 200, application/wasm", ae, rec.Code, got)
		}
	}
}

func TestServePrefersBrotliWhenAccepted(t *testing.T) {
	h := newSiteHandler(liveDirFS(newTestSite(t)))
	tests := []struct {
		target, acceptEncoding string
		wantEncoding, wantBody string
	}{
		{"/app.js", "br", "br", "BR:app.js"},
		{"/app.js", "gzip, deflate, br, zstd", "br", "BR:app.js"},
		{"/app.js", "gzip;q=1.0, br;q=0.5", "br", "BR:app.js"},
		{"/app.js", "BR", "br", "BR:app.js"},
		{"/app.js", "*", "br", "BR:app.js"},
		{"/app.js", "gzip", "gzip", "GZ:app.js"},
		{"/app.js", "x-gzip", "gzip", "GZ:app.js"},
		{"/app.js", "br;q=0, gzip", "gzip", "GZ:app.js"},
		{"/app.js", "br;q=0, *", "gzip", "GZ:app.js"},
		{"/app.js", "br;q=0, gzip;q=0", "", "console.log('raw')"},
		{"/app.js", "*;q=0", "", "console.log('raw')"},
		{"/app.js", "br;q=abc", "", "console.log('raw')"},
		{"/app.js", "identity", "", "console.log('raw')"},
		{"/app.js", "", "", "console.log('raw')"},
		{"/only-gzip.css", "br, gzip", "gzip", "GZ:only-gzip.css"},
		{"/heartland.wasm", "gzip, br", "br", "BR:heartland.wasm"},
		{"/heartland.wasm", "gzip", "", "\x00asm raw"},
		{"/notes.txt", "br, gzip", "", "notes"},
	}
	for _, tt := range tests {
		rec := request(h, "GET", tt.target, "Accept-Encoding", tt.acceptEncoding)
		if got := rec.Header().Get("Content-Encoding"); got != tt.wantEncoding || rec.Body.String() != tt.wantBody {
			t.Errorf("GET %s (Accept-Encoding %q) = Content-Encoding %q, body %q; want %q, %q",
				tt.target, tt.acceptEncoding, got, rec.Body, tt.wantEncoding, tt.wantBody)
		}
		if got, want := rec.Header().Get("Content-Length"), strconv.Itoa(len(tt.wantBody)); got != want {
			t.Errorf("GET %s (Accept-Encoding %q): Content-Length %q; want %q", tt.target, tt.acceptEncoding, got, want)
		}
		if got := rec.Header().Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("GET %s (Accept-Encoding %q): Vary %q; want Accept-Encoding", tt.target, tt.acceptEncoding, got)
		}
	}
}

func TestServeAlwaysVariesOnAcceptEncoding(t *testing.T) {
	h := newSiteHandler(liveDirFS(newTestSite(t)))
	for _, target := range []string{"/", "/notes.txt", "/logo.png", "/missing", "/.env"} {
		if got := request(h, "GET", target).Header().Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("GET %s: Vary %q; want Accept-Encoding", target, got)
		}
	}
}

// Direct requests for precompressed siblings are 404: they are served only
// through negotiation, so each resource has one URL and one Content-Type.
func TestServeHidesPrecompressedSiblings(t *testing.T) {
	h := newSiteHandler(liveDirFS(newTestSite(t)))
	tests := []struct {
		target     string
		wantStatus int
	}{
		{"/app.js.br", 404},
		{"/app.js.gz", 404},
		{"/heartland.wasm.br", 404},
		{"/download.tar.gz", 200}, // no download.tar beside it: a file of its own
	}
	for _, tt := range tests {
		if rec := request(h, "GET", tt.target, "Accept-Encoding", "br, gzip"); rec.Code != tt.wantStatus {
			t.Errorf("GET %s: status %d; want %d", tt.target, rec.Code, tt.wantStatus)
		}
	}
}

func TestServeAnswersIfNoneMatchWithNotModifiedPerVariant(t *testing.T) {
	root := newTestSite(t)
	// Variants of equal size and time must still get different ETags.
	variants := map[string]string{"same.js": "RAW:same", "same.js.br": "BR:same!", "same.js.gz": "GZ:same!"}
	writeFiles(t, root, variants)
	when := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for name := range variants {
		if err := os.Chtimes(filepath.Join(root, name), when, when); err != nil {
			t.Fatal(err)
		}
	}
	h := newSiteHandler(liveDirFS(root))
	etags := map[string]string{} // Accept-Encoding → ETag
	for _, ae := range []string{"br", "gzip", ""} {
		rec := request(h, "GET", "/same.js", "Accept-Encoding", ae)
		etag := rec.Header().Get("ETag")
		if etag == "" {
			t.Fatalf("GET /same.js (Accept-Encoding %q): no ETag", ae)
		}
		for other, otherTag := range etags {
			if otherTag == etag {
				t.Errorf("Accept-Encoding %q and %q share ETag %s; want one per variant", ae, other, etag)
			}
		}
		etags[ae] = etag
	}
	tests := []struct {
		acceptEncoding, ifNoneMatch string
		want                        int
	}{
		{"br", etags["br"], 304},
		{"gzip", etags["gzip"], 304},
		{"", etags[""], 304},
		{"br", etags[""], 200},
		{"", etags["br"], 200},
		{"gzip", `"other", ` + etags["gzip"], 304},
	}
	for _, tt := range tests {
		for _, method := range []string{"GET", "HEAD"} {
			rec := request(h, method, "/same.js", "Accept-Encoding", tt.acceptEncoding, "If-None-Match", tt.ifNoneMatch)
			if rec.Code != tt.want {
				t.Errorf("%s /same.js (Accept-Encoding %q, If-None-Match %s): status %d; want %d",
					method, tt.acceptEncoding, tt.ifNoneMatch, rec.Code, tt.want)
			}
			if rec.Code == 304 && rec.Body.Len() != 0 {
				t.Errorf("304 response has a body %q", rec.Body)
			}
		}
	}
}

func TestServeHeadSendsHeadersWithoutBody(t *testing.T) {
	h := newSiteHandler(liveDirFS(newTestSite(t)))
	rec := request(h, "HEAD", "/heartland.wasm", "Accept-Encoding", "br")
	if rec.Code != 200 || rec.Body.Len() != 0 {
		t.Errorf("HEAD /heartland.wasm = %d with %d body bytes; want 200 with none", rec.Code, rec.Body.Len())
	}
	if got, want := rec.Header().Get("Content-Length"), strconv.Itoa(len(siteFiles["heartland.wasm.br"])); got != want {
		t.Errorf("HEAD /heartland.wasm: Content-Length %q; want %q", got, want)
	}
	if rec.Header().Get("Content-Encoding") != "br" || rec.Header().Get("Content-Type") != "application/wasm" {
		t.Errorf("HEAD /heartland.wasm headers = %v; want br, application/wasm", rec.Header())
	}
}

const wantCSPPrefix = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' https: http://localhost:* http://127.0.0.1:*; " +
	"object-src 'none'; base-uri 'self'; frame-ancestors "

func TestServeSetsSecurityHeaders(t *testing.T) {
	h := newSiteHandler(liveDirFS(newTestSite(t)))
	tests := []struct {
		target           string
		wantCSP, wantCOO string
	}{
		{"/", wantCSPPrefix + "'self'", "same-origin"},
		{"/index.html", wantCSPPrefix + "'self'", "same-origin"},
		{"/sub/", wantCSPPrefix + "'self'", "same-origin"},
		{"/embed.html", wantCSPPrefix + "*", "same-origin"},
		{"/app.js", "", ""},
		{"/heartland.wasm", "", ""},
	}
	for _, tt := range tests {
		rec := request(h, "GET", tt.target, "Accept-Encoding", "br")
		hdr := rec.Header()
		if got := hdr.Get("Content-Security-Policy"); got != tt.wantCSP {
			t.Errorf("GET %s: Content-Security-Policy %q; want %q", tt.target, got, tt.wantCSP)
		}
		if got := hdr.Get("Cross-Origin-Opener-Policy"); got != tt.wantCOO {
			t.Errorf("GET %s: Cross-Origin-Opener-Policy %q; want %q", tt.target, got, tt.wantCOO)
		}
		if got := hdr.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q; want nosniff", tt.target, got)
		}
		if got := hdr.Get("Referrer-Policy"); got != "strict-origin-when-cross-origin" {
			t.Errorf("GET %s: Referrer-Policy %q; want strict-origin-when-cross-origin", tt.target, got)
		}
	}
}

func TestServeEmbedMayBeFramedAnywhereByDefault(t *testing.T) {
	site := newTestSite(t)
	tests := []struct {
		name           string
		opts           []siteOption
		target, wantFA string
	}{
		{"embed default", nil, "/embed.html", "*"},
		{"nested embed default", nil, "/sub/embed.html", "*"},
		{"app default", nil, "/index.html", "'self'"},
		{"app flag leaves embed alone", []siteOption{withFrameAncestors("https://news.example")}, "/embed.html", "*"},
		{"app flag", []siteOption{withFrameAncestors("https://news.example")}, "/index.html", "https://news.example"},
		{"embed flag", []siteOption{withEmbedFrameAncestors("'none'")}, "/embed.html", "'none'"},
		{"embed flag leaves app alone", []siteOption{withEmbedFrameAncestors("'none'")}, "/", "'self'"},
	}
	for _, tt := range tests {
		rec := request(newSiteHandler(liveDirFS(site), tt.opts...), "GET", tt.target)
		if got, want := rec.Header().Get("Content-Security-Policy"), wantCSPPrefix+tt.wantFA; got != want {
			t.Errorf("%s: GET %s: Content-Security-Policy %q; want %q", tt.name, tt.target, got, want)
		}
	}
}

func TestServeSetsCacheControlByKind(t *testing.T) {
	h := newSiteHandler(liveDirFS(newTestSite(t)))
	tests := []struct{ target, want string }{
		{"/", "no-cache"},
		{"/embed.html", "no-cache"},
		{"/app.js", "public, max-age=3600, must-revalidate"},
		{"/heartland.wasm", "public, max-age=3600, must-revalidate"},
		{"/logo.png", "public, max-age=3600, must-revalidate"},
	}
	for _, tt := range tests {
		for _, ae := range []string{"", "br"} {
			if got := request(h, "GET", tt.target, "Accept-Encoding", ae).Header().Get("Cache-Control"); got != tt.want {
				t.Errorf("GET %s (Accept-Encoding %q): Cache-Control %q; want %q", tt.target, ae, got, tt.want)
			}
		}
	}
}

func TestServeGivesHashedFilesImmutableCaching(t *testing.T) {
	const (
		immutable  = "public, max-age=31536000, immutable"
		revalidate = "public, max-age=3600, must-revalidate"
	)
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"index.html":                   "<h1>index</h1>",
		"page.0123456789.html":         "<h1>pages are always revalidated</h1>",
		"heartland.3f2a1b2c3d.wasm":    "\x00asm raw",
		"heartland.3f2a1b2c3d.wasm.br": "BR:heartland.wasm",
		"style.abcdef0123.css":         "body{}",
		"examples/story.5555555555.js": "story()",
		"embed.js":                     "embed()",
		"poster.svg":                   "<svg/>",
		"manifest.json":                "{}",
		"notes.v2.js":                  "not a hash",
		"style.ABCDEF0123.css":         "uppercase is not ours",
		"style.abcdef01234.css":        "11 digits is not ours",
	})
	h := newSiteHandler(liveDirFS(root))
	tests := []struct{ target, want string }{
		{"/heartland.3f2a1b2c3d.wasm", immutable},
		{"/style.abcdef0123.css", immutable},
		{"/examples/story.5555555555.js", immutable},
		{"/", "no-cache"},
		{"/page.0123456789.html", "no-cache"},
		{"/embed.js", revalidate},
		{"/poster.svg", revalidate},
		{"/manifest.json", revalidate},
		{"/notes.v2.js", revalidate},
		{"/style.ABCDEF0123.css", revalidate},
		{"/style.abcdef01234.css", revalidate},
	}
	for _, tt := range tests {
		for _, ae := range []string{"", "br"} {
			rec := request(h, "GET", tt.target, "Accept-Encoding", ae)
			if got := rec.Header().Get("Cache-Control"); rec.Code != http.StatusOK || got != tt.want {
				t.Errorf("GET %s (Accept-Encoding %q) = %d, Cache-Control %q; want 200, %q", tt.target, ae, rec.Code, got, tt.want)
			}
		}
	}
}

func TestServeSeesFilesRebuiltWhileRunning(t *testing.T) {
	// `heartland build` deletes and recreates dist/ under a running server.
	root := newTestSite(t)
	h := newSiteHandler(liveDirFS(root))
	if err := os.RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, root, map[string]string{"index.html": "rebuilt"})
	if rec := request(h, "GET", "/"); rec.Body.String() != "rebuilt" {
		t.Errorf("GET / after rebuild = %d %q; want %q", rec.Code, rec.Body, "rebuilt")
	}
}

func TestAcceptsCoding(t *testing.T) {
	tests := []struct {
		header, coding string
		want           bool
	}{
		{"br", "br", true},
		{"gzip, br", "br", true},
		{" gzip ;q=0.8 , br ; q=0.1", "br", true},
		{"br;q=0", "br", false},
		{"br;q=0.000", "br", false},
		{"br;Q=0", "br", false},
		{"br;q=2", "br", false},
		{"br;q=", "br", false},
		{"*", "br", true},
		{"*;q=0", "br", false},
		{"br, *;q=0", "br", true},
		{"gzip", "br", false},
		{"", "br", false},
		{"brotli", "br", false},
	}
	for _, tt := range tests {
		if got := acceptsCoding(tt.header, tt.coding); got != tt.want {
			t.Errorf("acceptsCoding(%q, %q) = %v; want %v", tt.header, tt.coding, got, tt.want)
		}
	}
}

// lockedBuffer is a bytes.Buffer safe to read while serveSite writes it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServe runs serveSite on addr and returns the printed URL, stderr
// and a stop function that cancels it and returns stdout and its error.
func startServe(t *testing.T, addr string) (url string, stderr *lockedBuffer, stop func() (string, error)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	done := make(chan error, 1)
	cfg := serveConfig{site: liveDirFS(newTestSite(t)), addr: addr, frameAncestors: "'self'", embedFrameAncestors: "*"}
	go func() { done <- serveSite(ctx, cfg, stdout, stderr) }()
	stop = func() (string, error) {
		cancel()
		select {
		case err := <-done:
			return stdout.String(), err
		case <-time.After(10 * time.Second):
			t.Fatal("serveSite did not return within 10s of cancel")
			return "", nil
		}
	}
	t.Cleanup(func() { cancel() })
	deadline := time.Now().Add(10 * time.Second)
	for !strings.HasSuffix(stdout.String(), "\n") {
		if time.Now().After(deadline) {
			t.Fatalf("serveSite printed %q, stderr %q; want a running line", stdout.String(), stderr.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	line := strings.TrimSuffix(stdout.String(), "\n")
	url, ok := strings.CutPrefix(line, "Heartland is running at ")
	if !ok || !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.HasSuffix(url, "/") {
		t.Fatalf("serveSite printed %q; want \"Heartland is running at http://127.0.0.1:PORT/\"", line)
	}
	return url, stderr, stop
}

func fetch(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %s = %d, %v; want 200", url, resp.StatusCode, err)
	}
	return string(body)
}

func TestServePrintsOneRunningLineAndShutsDownOnSignal(t *testing.T) {
	url, _, stop := startServe(t, "127.0.0.1:0")
	if got := fetch(t, url); got != siteFiles["index.html"] {
		t.Errorf("GET %s = %q; want %q", url, got, siteFiles["index.html"])
	}
	stdout, err := stop()
	if err != nil {
		t.Errorf("serveSite returned %v after cancel; want nil", err)
	}
	if n := strings.Count(stdout, "\n"); n != 1 {
		t.Errorf("serveSite printed %d lines %q; want exactly 1", n, stdout)
	}
	if _, err := http.Get(url); err == nil {
		t.Errorf("GET %s after shutdown succeeded; want connection refused", url)
	}
}

func TestServeFallsBackToFreePortWhenAddrTaken(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	url, stderr, stop := startServe(t, taken.Addr().String())
	defer stop()
	if strings.Contains(url, taken.Addr().String()) {
		t.Fatalf("serveSite claims %s, which was taken", url)
	}
	if !strings.Contains(stderr.String(), taken.Addr().String()+" is already in use") {
		t.Errorf("stderr %q; want it to say %s is already in use", stderr.String(), taken.Addr())
	}
	if got := fetch(t, url+"notes.txt"); got != "notes" {
		t.Errorf("GET %snotes.txt = %q; want %q", url, got, "notes")
	}
}

func TestServeCommandRejectsBadFlags(t *testing.T) {
	site := newTestSite(t)
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"missing dir", []string{"-dir", filepath.Join(site, "nope")}, "heartland build"},
		{"file as dir", []string{"-dir", filepath.Join(site, "notes.txt")}, "no site directory"},
		{"CSP injection", []string{"-dir", site, "-frame-ancestors", "'self'; script-src *"}, "-frame-ancestors"},
		{"embed CSP injection", []string{"-dir", site, "-embed-frame-ancestors", "*\r\nX: y"}, "-embed-frame-ancestors"},
		{"empty frame ancestors", []string{"-dir", site, "-frame-ancestors", " "}, "'none'"},
		{"stray argument", []string{"-dir", site, "extra"}, "unexpected"},
		{"unknown flag", []string{"-port", "80"}, "-port"},
	}
	for _, tt := range tests {
		err := serveCommand(context.Background(), tt.args, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: serve %q = %v; want an error mentioning %q", tt.name, tt.args, err, tt.wantErr)
		}
	}
}

func TestServerHasTimeoutsAndHeaderLimit(t *testing.T) {
	srv := newServer(http.NotFoundHandler(), nil)
	tests := []struct {
		name      string
		got, want time.Duration
	}{
		{"ReadHeaderTimeout", srv.ReadHeaderTimeout, 5 * time.Second},
		{"ReadTimeout", srv.ReadTimeout, 15 * time.Second},
		{"WriteTimeout", srv.WriteTimeout, 60 * time.Second},
		{"IdleTimeout", srv.IdleTimeout, 60 * time.Second},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v; want %v", tt.name, tt.got, tt.want)
		}
	}
	if srv.MaxHeaderBytes != 16<<10 {
		t.Errorf("MaxHeaderBytes = %d; want %d", srv.MaxHeaderBytes, 16<<10)
	}
}

func TestSiteURLUsesLoopbackForUnspecifiedHost(t *testing.T) {
	tests := []struct {
		addr *net.TCPAddr
		want string
	}{
		{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, "http://127.0.0.1:8080/"},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 8080}, "http://127.0.0.1:8080/"},
		{&net.TCPAddr{IP: net.IPv6unspecified, Port: 9000}, "http://127.0.0.1:9000/"},
		{&net.TCPAddr{IP: net.IPv6loopback, Port: 9000}, "http://[::1]:9000/"},
	}
	for _, tt := range tests {
		if got := siteURL(tt.addr); got != tt.want {
			t.Errorf("siteURL(%v) = %q; want %q", tt.addr, got, tt.want)
		}
	}
}

// FuzzSitePath feeds arbitrary URL paths to the handler: it must never
// panic, never return the file outside root, and answer 200 only with the
// bytes of a file inside root.
func FuzzSitePath(f *testing.F) {
	for _, seed := range []string{
		"/", "/index.html", "/sub", "/sub/", "/../outside/secret.txt", "/sub/../../outside/secret.txt",
		"/link-out.txt", "/link-rel-out", "/linkdir-out/secret.txt", "/link-in.txt", `/..\outside`,
		"/index.html\x00", "//", "", ".", "..", "/.", "/./index.html", "/.env", "/app.js.br",
		"/%2e%2e/outside", "/\u2024\u2024/outside", "/sub/./../index.html", "/empty/", "/linkdir-out/",
	} {
		f.Add(seed)
	}
	root := newTestSite(f)
	served := map[string]bool{} // bodies a 200 may have: no dotfiles
	for name, content := range siteFiles {
		if !strings.HasPrefix(name, ".") && !strings.Contains(name, "/.") {
			served[content] = true
		}
	}
	h := newSiteHandler(liveDirFS(root))
	f.Fuzz(func(t *testing.T, p string) {
		req := httptest.NewRequest("GET", "/", nil)
		req.URL.Path = p
		req.Header.Set("Accept-Encoding", "br, gzip")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if strings.Contains(body, outsideSecret) {
			t.Fatalf("GET %q served the file outside root", p)
		}
		switch rec.Code {
		case 200:
			if !served[body] {
				t.Fatalf("GET %q = 200 with %q, which is no file in root", p, body)
			}
		case 301, 400, 404:
		default:
			t.Fatalf("GET %q: unexpected status %d", p, rec.Code)
		}
	})
}
