package main

import (
	"bytes"
	"embed"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

//go:embed pages
var pagesFS embed.FS

// anchorServer serves the Leaflet and MapLibre pages, their libraries from
// build/npm and the exported data, brotli-compressed (as `heartland serve`
// sends the wasm) so the bytes compare like with like.
type anchorServer struct {
	roots map[string]fs.FS // URL prefix → files
	mu    sync.Mutex
	br    map[string][]byte // compressed bodies by URL path
}

func newAnchorServer(root, dataDir string) *anchorServer {
	pages, _ := fs.Sub(pagesFS, "pages")
	npm := filepath.Join(root, "build/npm/node_modules")
	return &anchorServer{
		roots: map[string]fs.FS{
			"/pages/":    pages,
			"/leaflet/":  os.DirFS(filepath.Join(npm, "leaflet/dist")),
			"/maplibre/": os.DirFS(filepath.Join(npm, "maplibre-gl/dist")),
			"/data/":     os.DirFS(dataDir),
		},
		br: map[string][]byte{},
	}
}

// start listens on a free loopback port and returns the base URL.
func (s *anchorServer) start() (baseURL string, stop func(), err error) {
	if err := s.warm(); err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: s}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

func (s *anchorServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for prefix, fsys := range s.roots {
		name, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok || !fs.ValidPath(name) {
			continue
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", contentType(name))
		w.Header().Set("Cache-Control", "no-cache")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
			w.Header().Set("Content-Encoding", "br")
			body = s.compressed(r.URL.Path, body)
		}
		w.Write(body)
		return
	}
	http.NotFound(w, r)
}

// warm compresses every file before the first run, so no response waits
// for the compressor.
func (s *anchorServer) warm() error {
	for prefix, fsys := range s.roots {
		err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(name, ".map") {
				return err
			}
			body, err := fs.ReadFile(fsys, name)
			if err == nil {
				s.compressed(prefix+name, body)
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// compressed brotli-compresses body once per path with the qualities
// `heartland build` uses: 11, or 9 for files over 1 MiB.
func (s *anchorServer) compressed(key string, body []byte) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if b, ok := s.br[key]; ok {
		return b
	}
	quality := brotli.BestCompression
	if len(body) > 1<<20 {
		quality = 9
	}
	var buf bytes.Buffer
	bw := brotli.NewWriterLevel(&buf, quality)
	bw.Write(body)
	bw.Close()
	s.br[key] = buf.Bytes()
	return s.br[key]
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".mjs", ".js":
		return "text/javascript; charset=utf-8"
	case ".geojson":
		return "application/geo+json"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}
