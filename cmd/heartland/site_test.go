package main

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"net"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// builtInTestSite is siteFiles as go:embed presents them: read-only
// files with no modification time.
func builtInTestSite(files map[string]string) fstest.MapFS {
	site := fstest.MapFS{}
	for name, content := range files {
		site[name] = &fstest.MapFile{Data: []byte(content), Mode: 0o444}
	}
	return site
}

// TestBuiltInSiteIsServedLikeADirectory sends the same requests to the
// fixture on disk and built in: status, body and every header but the
// time-based ones must agree.
func TestBuiltInSiteIsServedLikeADirectory(t *testing.T) {
	onDisk := newSiteHandler(liveDirFS(newTestSite(t)))
	builtIn := newSiteHandler(builtInTestSite(siteFiles))
	targets := []string{
		"/", "/index.html", "/embed.html", "/sub", "/sub/", "/sub/embed.html",
		"/app.js", "/only-gzip.css", "/heartland.wasm", "/data.json", "/map.geojson",
		"/icon.svg", "/logo.png", "/font.woff2", "/notes.txt", "/blob.unknownext", "/download.tar.gz",
		"/app.js.br", "/app.js.gz", "/missing", "/.env", "/.git/config", "/sub/.hidden", "/empty/", "/empty",
		"/../index.html", "/index.html/",
	}
	headers := []string{
		"Content-Type", "Content-Encoding", "Content-Length", "Cache-Control", "Content-Security-Policy",
		"Cross-Origin-Opener-Policy", "X-Content-Type-Options", "Referrer-Policy", "Vary", "Location",
	}
	for _, target := range targets {
		for _, ae := range []string{"", "gzip", "gzip, deflate, br, zstd"} {
			want := request(onDisk, "GET", target, "Accept-Encoding", ae)
			got := request(builtIn, "GET", target, "Accept-Encoding", ae)
			if got.Code != want.Code || got.Body.String() != want.Body.String() {
				t.Errorf("GET %s (Accept-Encoding %q) built in = %d %.40q; on disk = %d %.40q",
					target, ae, got.Code, got.Body, want.Code, want.Body)
			}
			for _, h := range headers {
				if g, w := got.Header().Get(h), want.Header().Get(h); g != w {
					t.Errorf("GET %s (Accept-Encoding %q) built in: %s %q; on disk %q", target, ae, h, g, w)
				}
			}
		}
	}
}

func TestBuiltInSiteETagsComeFromContent(t *testing.T) {
	// Equal sizes and no times: only the content tells the variants apart.
	files := map[string]string{"index.html": "<p>", "same.js": "RAW:same", "same.js.br": "BR:same!", "same.js.gz": "GZ:same!"}
	h := newSiteHandler(builtInTestSite(files))
	tags := map[string]string{} // Accept-Encoding → ETag
	for _, ae := range []string{"br", "gzip", ""} {
		rec := request(h, "GET", "/same.js", "Accept-Encoding", ae)
		tag := rec.Header().Get("ETag")
		if rec.Code != 200 || !strings.HasPrefix(tag, `"`) || len(tag) < 10 {
			t.Fatalf("GET /same.js (Accept-Encoding %q) = %d, ETag %q; want 200 and a quoted content hash", ae, rec.Code, tag)
		}
		if lm := rec.Header().Get("Last-Modified"); lm != "" {
			t.Errorf("GET /same.js: Last-Modified %q for a file with no time; want none", lm)
		}
		for other, otherTag := range tags {
			if otherTag == tag {
				t.Errorf("Accept-Encoding %q and %q share ETag %s; want one per variant", ae, other, tag)
			}
		}
		tags[ae] = tag
		if again := request(h, "GET", "/same.js", "Accept-Encoding", ae).Header().Get("ETag"); again != tag {
			t.Errorf("GET /same.js twice (Accept-Encoding %q): ETag %s then %s; want the same", ae, tag, again)
		}
		if rec := request(h, "GET", "/same.js", "Accept-Encoding", ae, "If-None-Match", tag); rec.Code != 304 {
			t.Errorf("GET /same.js (Accept-Encoding %q, If-None-Match %s) = %d; want 304", ae, tag, rec.Code)
		}
	}
	// Another build whose file has the same size but other bytes.
	files["same.js"] = "RAW:diff"
	other := newSiteHandler(builtInTestSite(files))
	if tag := request(other, "GET", "/same.js").Header().Get("ETag"); tag == tags[""] {
		t.Errorf("different contents of one size share ETag %s; want different", tag)
	}
	if rec := request(other, "GET", "/same.js", "If-None-Match", tags[""]); rec.Code != 200 || rec.Body.String() != "RAW:diff" {
		t.Errorf("GET /same.js with the old build's ETag = %d %q; want 200 %q", rec.Code, rec.Body, "RAW:diff")
	}
}

// unseekableFS hides Seek from its files, as an fs.FS may.
type unseekableFS struct{ fs.FS }

type unseekableFile struct{ f fs.File }

func (u unseekableFile) Stat() (fs.FileInfo, error) { return u.f.Stat() }
func (u unseekableFile) Read(p []byte) (int, error) { return u.f.Read(p) }
func (u unseekableFile) Close() error               { return u.f.Close() }

func (u unseekableFS) Open(name string) (fs.File, error) {
	f, err := u.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return unseekableFile{f}, nil
}

func TestServeReadsFilesThatCannotSeek(t *testing.T) {
	h := newSiteHandler(unseekableFS{builtInTestSite(siteFiles)})
	for _, tt := range []struct{ target, ae, want string }{
		{"/notes.txt", "", "notes"},
		{"/app.js", "br", "BR:app.js"},
		{"/app.js", "gzip", "GZ:app.js"},
	} {
		if rec := request(h, "GET", tt.target, "Accept-Encoding", tt.ae); rec.Code != 200 || rec.Body.String() != tt.want {
			t.Errorf("GET %s (Accept-Encoding %q) = %d %q; want 200 %q", tt.target, tt.ae, rec.Code, rec.Body, tt.want)
		}
	}
}

func TestChooseSite(t *testing.T) {
	builtIn := builtInTestSite(map[string]string{"index.html": "BUILT-IN"})
	withBuiltIn := func() (fs.FS, bool) { return builtIn, true }
	without := func() (fs.FS, bool) { return nil, false }
	broken := func() (fs.FS, bool) { return builtInTestSite(map[string]string{"app.js": ""}), true }

	work := t.TempDir()
	writeFiles(t, work, map[string]string{
		"dist/index.html":  "DIST",
		"other/index.html": "OTHER",
		"noindex/app.js":   "",
	})
	empty := t.TempDir()

	tests := []struct {
		name     string
		cwd, dir string
		builtIn  func() (fs.FS, bool)
		wantPage string // index.html of the chosen site
		wantErr  []string
	}{
		{"built in, no -dir", empty, "", withBuiltIn, "BUILT-IN", nil},
		{"built in wins over ./dist", work, "", withBuiltIn, "BUILT-IN", nil},
		{"-dir wins over built in", work, "other", withBuiltIn, "OTHER", nil},
		{"no built in: ./dist", work, "", without, "DIST", nil},
		{"no built in, no dist", empty, "", without, "", []string{"no site built in", "make dist", "make release"}},
		{"missing -dir", work, "nope", withBuiltIn, "", []string{"nope", "make dist"}},
		{"-dir without index.html", work, "noindex", without, "", []string{"noindex", "no index.html"}},
		{"built in without index.html", empty, "", broken, "", []string{"built into this binary", "make release"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(tt.cwd)
			site, err := chooseSite(tt.dir, tt.builtIn)
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("chooseSite(%q) in %s = no error; want one mentioning %q", tt.dir, tt.cwd, tt.wantErr)
				}
				for _, part := range tt.wantErr {
					if !strings.Contains(err.Error(), part) {
						t.Errorf("chooseSite(%q) error %q; want it to mention %q", tt.dir, err, part)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("chooseSite(%q) in %s: %v", tt.dir, tt.cwd, err)
			}
			if rec := request(newSiteHandler(site), "GET", "/"); rec.Body.String() != tt.wantPage {
				t.Errorf("chooseSite(%q) in %s serves / = %q; want %q", tt.dir, tt.cwd, rec.Body, tt.wantPage)
			}
		})
	}
}

func TestServeCommandWithoutSiteSaysHowToBuildOne(t *testing.T) {
	if _, ok := builtInSite(); ok {
		t.Skip("this test binary has a site built in (-tags embedsite)")
	}
	t.Chdir(t.TempDir())
	err := serveCommand(t.Context(), []string{"-addr", "127.0.0.1:0"}, nopWriter{}, nopWriter{})
	if err == nil || !strings.Contains(err.Error(), "make release") {
		t.Errorf("serve with no site anywhere = %v; want an error saying how to build one", err)
	}
}

type nopWriter struct{}

func (nopWriter) Write(p []byte) (int, error) { return len(p), nil }

func TestNetworkURLsListReachableIPv4Addresses(t *testing.T) {
	ipNet := func(cidr string) net.Addr {
		ip, n, err := net.ParseCIDR(cidr)
		if err != nil {
			t.Fatal(err)
		}
		n.IP = ip
		return n
	}
	addrs := []net.Addr{
		ipNet("127.0.0.1/8"),
		ipNet("192.168.1.23/24"),
		ipNet("169.254.3.4/16"),
		ipNet("::1/128"),
		ipNet("fe80::1/64"),
		ipNet("2001:db8::5/64"),
		ipNet("10.0.0.7/8"),
		&net.IPAddr{IP: net.ParseIP("172.16.0.1")},
	}
	got := networkURLs(addrs, 8080)
	want := []string{"http://192.168.1.23:8080/", "http://10.0.0.7:8080/"}
	if !slices.Equal(got, want) {
		t.Errorf("networkURLs(%v, 8080) = %q; want %q", addrs, got, want)
	}
}

func TestServePrintsNetworkURLsOnlyForAllInterfaces(t *testing.T) {
	var loopback strings.Builder
	printNetworkURLs(&loopback, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080})
	if loopback.Len() != 0 {
		t.Errorf("printNetworkURLs(127.0.0.1:8080) = %q; want nothing", loopback.String())
	}
	ifaceAddrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Skipf("no interface addresses here: %v", err)
	}
	var all strings.Builder
	printNetworkURLs(&all, &net.TCPAddr{IP: net.IPv4zero, Port: 8080})
	for _, u := range networkURLs(ifaceAddrs, 8080) {
		if !strings.Contains(all.String(), u) {
			t.Errorf("printNetworkURLs(0.0.0.0:8080) = %q; want it to list %s", all.String(), u)
		}
	}
}

func gzipped(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestGzipOnlyFilesServeEveryClient is the release's site: files with a
// .gz sibling are there only as .br and .gz.
func TestGzipOnlyFilesServeEveryClient(t *testing.T) {
	const page, script = "<h1>index</h1>", "console.log('raw')"
	site := gzipBackedFS{builtInTestSite(map[string]string{
		"index.html.gz": gzipped(t, page),
		"app.js.gz":     gzipped(t, script),
		"app.js.br":     "BR:app.js",
		"poster.png":    "\x89PNG",
		"broken.js.gz":  "this is not gzip at all, honestly",
	})}
	h := newSiteHandler(site)
	tests := []struct {
		target, ae       string
		wantStatus       int
		wantEncoding     string
		wantBody, wantCT string
	}{
		{"/", "", 200, "", page, "text/html; charset=utf-8"},
		{"/index.html", "identity", 200, "", page, "text/html; charset=utf-8"},
		{"/", "gzip", 200, "gzip", gzipped(t, page), "text/html; charset=utf-8"},
		{"/app.js", "", 200, "", script, "text/javascript; charset=utf-8"},
		{"/app.js", "gzip, br", 200, "br", "BR:app.js", "text/javascript; charset=utf-8"},
		{"/app.js", "gzip", 200, "gzip", gzipped(t, script), "text/javascript; charset=utf-8"},
		{"/poster.png", "gzip", 200, "", "\x89PNG", "image/png"},
		{"/app.js.gz", "", 404, "", "", ""},
		{"/app.js.br", "br", 404, "", "", ""},
		{"/index.html.gz", "gzip", 404, "", "", ""},
		{"/missing.js", "", 404, "", "", ""},
		{"/broken.js", "", 404, "", "", ""},
	}
	for _, tt := range tests {
		rec := request(h, "GET", tt.target, "Accept-Encoding", tt.ae)
		if rec.Code != tt.wantStatus {
			t.Errorf("GET %s (Accept-Encoding %q) = %d %.40q; want %d", tt.target, tt.ae, rec.Code, rec.Body, tt.wantStatus)
			continue
		}
		if tt.wantStatus != 200 {
			continue
		}
		hdr := rec.Header()
		if rec.Body.String() != tt.wantBody || hdr.Get("Content-Encoding") != tt.wantEncoding || hdr.Get("Content-Type") != tt.wantCT {
			t.Errorf("GET %s (Accept-Encoding %q) = Content-Encoding %q, Content-Type %q, body %.40q; want %q, %q, %.40q",
				tt.target, tt.ae, hdr.Get("Content-Encoding"), hdr.Get("Content-Type"), rec.Body, tt.wantEncoding, tt.wantCT, tt.wantBody)
		}
		if got, want := hdr.Get("Content-Length"), strconv.Itoa(len(tt.wantBody)); got != want {
			t.Errorf("GET %s (Accept-Encoding %q): Content-Length %s; want %s", tt.target, tt.ae, got, want)
		}
	}
	raw := request(h, "GET", "/app.js").Header().Get("ETag")
	gz := request(h, "GET", "/app.js", "Accept-Encoding", "gzip").Header().Get("ETag")
	if raw == "" || raw == gz {
		t.Errorf("/app.js ETags: raw %s, gzip %s; want two different tags", raw, gz)
	}
	if info, err := fs.Stat(site, "app.js"); err != nil || info.Size() != int64(len(script)) || !info.Mode().IsRegular() {
		t.Errorf("Stat(app.js) = %v, %v; want a regular file of %d bytes (from the gzip trailer)", info, err, len(script))
	}
}
