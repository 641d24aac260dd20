package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// buildOfflineBinary builds heartland for this machine with dist/ inside
// (-tags embedsite), as `make release` does (raw copies of files with a
// .gz sibling left out), and returns its path and the copy of dist/ it
// holds. Instead
// of copying dist/ into cmd/heartland/site/ as the release does, it points
// go build at a snapshot of dist/ through -overlay, so the source tree is
// never written and concurrent runs cannot disturb each other.
func buildOfflineBinary(t *testing.T) (bin, snapshot string) {
	t.Helper()
	work := t.TempDir()
	snapshot = filepath.Join(work, "dist")
	if err := os.CopyFS(snapshot, os.DirFS(filepath.Join(env.root, "dist"))); err != nil {
		t.Fatalf("copying dist/: %v", err)
	}
	siteDir := filepath.Join(env.root, "cmd", "heartland", "site")
	replace := map[string]string{}
	// A site/ left behind by an interrupted `make release` must not leak in:
	// an empty replacement hides a file from the build.
	filepath.WalkDir(siteDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			replace[p] = ""
		}
		return nil
	})
	err := filepath.WalkDir(snapshot, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, err := os.Stat(p + ".gz"); err == nil {
			return nil // left out as by make release: served from its .gz
		}
		rel, err := filepath.Rel(snapshot, p)
		replace[filepath.Join(siteDir, rel)] = p
		return err
	})
	if err != nil {
		t.Fatalf("listing the dist/ snapshot: %v", err)
	}
	overlay, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		t.Fatal(err)
	}
	overlayFile := filepath.Join(work, "overlay.json")
	if err := os.WriteFile(overlayFile, overlay, 0o644); err != nil {
		t.Fatal(err)
	}
	bin = filepath.Join(work, "bin", "heartland")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	build := exec.CommandContext(ctx, "go", "build", "-tags", "embedsite", "-trimpath",
		"-overlay", overlayFile, "-o", bin, "./cmd/heartland")
	build.Dir = env.root
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -tags embedsite: %v\n%s", err, out)
	}
	return bin, snapshot
}

// copyAlone copies the file at src into a new empty folder and returns
// the copy's path: the folder holds nothing else.
func copyAlone(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return dst
}

// responseLog records the Content-Encoding of every response a tab gets.
type responseLog struct {
	mu        sync.Mutex
	encodings map[string]string // URL → Content-Encoding ("" for none)
}

func recordResponses(p *mapPage) *responseLog {
	p.t.Helper()
	l := &responseLog{encodings: map[string]string{}}
	err := chromedp.Listen(p.tab, func(ev any) {
		if e, ok := ev.(*network.EventResponseReceived); ok && e.Response != nil {
			enc := ""
			for k, v := range e.Response.Headers {
				if strings.EqualFold(k, "Content-Encoding") {
					enc, _ = v.(string)
				}
			}
			l.mu.Lock()
			l.encodings[e.Response.URL] = enc
			l.mu.Unlock()
		}
	})
	if err != nil {
		p.t.Fatalf("listening to network responses: %v", err)
	}
	return l
}

// TestOfflineBinaryServesTheWholeApp copies the binary with the site
// inside to an empty folder, starts it there with no arguments (as a
// teacher's double-click does), and checks that the map draws and that
// the page asked no host but that binary for anything.
func TestOfflineBinaryServesTheWholeApp(t *testing.T) {
	needBrowser(t)
	built, snapshot := buildOfflineBinary(t)
	bin := copyAlone(t, built)
	cmd := exec.Command(bin)
	cmd.Dir = filepath.Dir(bin)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	// No arguments: 127.0.0.1:8080, or a free port when that is taken.
	base, stop, err := startServing(cmd)
	if err != nil {
		t.Fatalf("starting %s with no arguments in an empty folder: %v (stderr %q)", bin, err, stderr.String())
	}
	t.Cleanup(stop)
	origin, err := url.Parse(base)
	if err != nil || origin.Hostname() != "127.0.0.1" {
		t.Fatalf("the binary printed the URL %q; want http://127.0.0.1:PORT/", base)
	}
	t.Logf("serving at %s (stderr %q)", base, stderr.String())

	p := newPage(t)
	requests := recordRequests(p)
	responses := recordResponses(p)
	p.do(chromedp.Navigate(base))
	awaitReady(p)
	img, _, dpr := p.screenshot()
	p.requireMapDrawn(img, dpr)
	// A country's panel needs the facts, fetched on first use.
	evalJS[any](p, `heartland.select("KAZ")`)
	p.waitJS("the Kazakhstan panel", `document.getElementById("panel-title")?.textContent.includes("Kazakhstan")`)

	wasm := requests.matching(".wasm")
	if len(wasm) == 0 {
		t.Fatalf("no request for the wasm was recorded; the log missed the page's requests")
	}
	responses.mu.Lock()
	if enc := responses.encodings[wasm[0]]; enc != "br" && enc != "gzip" {
		t.Errorf("%s came with Content-Encoding %q; want the precompressed br or gzip", wasm[0], enc)
	}
	responses.mu.Unlock()
	wasmURL, err := url.Parse(wasm[0])
	if err != nil {
		t.Fatal(err)
	}
	requireRawFileServed(t, base, snapshot, path.Base(wasmURL.Path))

	requests.mu.Lock()
	defer requests.mu.Unlock()
	for _, raw := range requests.urls {
		u, err := url.Parse(raw)
		if err != nil {
			t.Errorf("request for an unparsable URL %q", raw)
			continue
		}
		switch {
		case u.Scheme == "data" || u.Scheme == "blob":
			// In the page's own memory: no host is asked.
		case u.Scheme != origin.Scheme || u.Host != origin.Host:
			t.Errorf("the page requested %s; want every request to go to %s", raw, origin.Host)
		}
	}
}

// requireRawFileServed asks the server for name with no compression, as
// a client that accepts none would, and compares the body with the file
// in the site directory dist.
func requireRawFileServed(t *testing.T, base, dist, name string) {
	t.Helper()
	want, err := os.ReadFile(filepath.Join(dist, name))
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest("GET", base+name, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", "identity") // and no transparent gzip
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	got, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "" || !bytes.Equal(got, want) {
		t.Errorf("GET /%s (Accept-Encoding: identity) = %d, Content-Encoding %q, %d bytes; want 200, none, the %d bytes of dist/%s",
			name, res.StatusCode, res.Header.Get("Content-Encoding"), len(got), len(want), name)
	}
}
