package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
)

// embedPage is the page news sites put in an iframe; it may be framed
// from anywhere by default, unlike the full app.
const embedPage = "embed.html"

// Default CSP frame-ancestors sources for the full app and for the embed.
const (
	defaultFrameAncestors      = "'self'"
	defaultEmbedFrameAncestors = "*"
)

// contentTypes are set explicitly rather than taken from the host's
// mime.types, which differs between machines (and often lacks .wasm).
var contentTypes = map[string]string{
	".wasm":    "application/wasm",
	".js":      "text/javascript; charset=utf-8",
	".html":    "text/html; charset=utf-8",
	".css":     "text/css; charset=utf-8",
	".json":    "application/json",
	".geojson": "application/geo+json",
	".svg":     "image/svg+xml",
	".png":     "image/png",
	".woff2":   "font/woff2",
	".txt":     "text/plain; charset=utf-8",
	".bin":     "application/octet-stream",
}

// precompressed lists the sibling files written by `heartland build`, in
// order of preference: NAME.br is served before NAME.gz.
var precompressed = []struct {
	coding  string   // Content-Encoding value
	aliases []string // other names a client may use in Accept-Encoding
	suffix  string   // file name suffix of the sibling
}{
	{coding: "br", suffix: ".br"},
	{coding: "gzip", aliases: []string{"x-gzip"}, suffix: ".gz"},
}

// siteHandler serves a built site; see newSiteHandler.
type siteHandler struct {
	site                fs.FS
	frameAncestors      string
	embedFrameAncestors string
	contentTags         sync.Map // NAME, NAME.br or NAME.gz → ETag, for files without a modification time
}

// siteOption configures newSiteHandler.
type siteOption func(*siteHandler)

// withFrameAncestors sets the CSP frame-ancestors sources of every HTML
// page except embed.html. Default: 'self'.
func withFrameAncestors(sources string) siteOption {
	return func(h *siteHandler) { h.frameAncestors = sources }
}

// withEmbedFrameAncestors sets the CSP frame-ancestors sources of
// embed.html. Default: * (journalists embed it on their own sites).
func withEmbedFrameAncestors(sources string) siteOption {
	return func(h *siteHandler) { h.embedFrameAncestors = sources }
}

// newSiteHandler serves the static files of site (a directory from
// liveDirFS, or the site built into the binary) with explicit MIME types,
// precompressed .br/.gz siblings, cache and security headers.
//
// Only GET and HEAD are allowed. Paths containing "..", backslashes or NUL
// are refused with 400; dotfiles, directories without index.html and
// anything that resolves outside the site (including through symlinks) are 404.
// Precompressed siblings (NAME.br, NAME.gz next to NAME) are served only
// through Accept-Encoding negotiation on NAME: requesting them directly is
// a 404, so each resource has one URL. A standalone .gz file with no
// uncompressed sibling is served as-is.
//
// HTML is revalidated on every load; content-hashed names written by
// `heartland build` (NAME.<10 hex>.EXT) are cached for a year as immutable,
// and other files are revalidated hourly. ETags come from the modification
// time and size, or for files without a time (go:embed gives none) from
// their content.
func newSiteHandler(site fs.FS, opts ...siteOption) http.Handler {
	h := &siteHandler{
		site:                site,
		frameAncestors:      defaultFrameAncestors,
		embedFrameAncestors: defaultEmbedFrameAncestors,
	}
	for _, opt := range opts {
		opt(h)
	}
	return h
}

func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	hdr.Set("Vary", "Accept-Encoding")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed: use GET or HEAD", http.StatusMethodNotAllowed)
		return
	}
	req, status := parseSitePath(r.URL.Path)
	if status != http.StatusOK {
		http.Error(w, http.StatusText(status), status)
		return
	}
	name, redirect, ok := resolveSiteFile(h.site, req)
	switch {
	case redirect:
		// Relative URLs in index.html need the trailing slash.
		target := req.cleaned + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	case !ok:
		http.NotFound(w, r)
		return
	}
	h.serveFile(w, r, name)
}

// sitePath is a request path checked by parseSitePath.
type sitePath struct {
	cleaned string // path.Clean of the request path, starting with "/"
	name    string // cleaned without the leading slash, "." for the root
	wantDir bool   // the request path ended in "/"
}

// parseSitePath validates a decoded URL path. It refuses traversal with
// 400 (any ".." segment, backslashes, NUL) even when cleaning would have
// made it harmless, and hides dotfiles with 404.
func parseSitePath(p string) (sitePath, int) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return sitePath{}, http.StatusBadRequest
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." {
			return sitePath{}, http.StatusBadRequest
		}
	}
	cleaned := path.Clean(p)
	for seg := range strings.SplitSeq(cleaned, "/") {
		if strings.HasPrefix(seg, ".") {
			return sitePath{}, http.StatusNotFound
		}
	}
	name := strings.TrimPrefix(cleaned, "/")
	if name == "" {
		name = "."
	}
	wantDir := strings.HasSuffix(p, "/") && cleaned != "/"
	return sitePath{cleaned: cleaned, name: name, wantDir: wantDir}, http.StatusOK
}

// resolveSiteFile maps a checked path to a regular file of site:
// directories to their index.html. redirect reports a directory asked for
// without its trailing slash.
func resolveSiteFile(site fs.FS, req sitePath) (name string, redirect, ok bool) {
	info, err := fs.Stat(site, req.name)
	if err != nil {
		return "", false, false
	}
	name = req.name
	if info.IsDir() {
		if !req.wantDir && req.name != "." {
			return "", true, false
		}
		name = path.Join(name, "index.html")
		if info, err = fs.Stat(site, name); err != nil {
			return "", false, false
		}
	} else if req.wantDir {
		return "", false, false
	}
	if !info.Mode().IsRegular() || isPrecompressedSibling(site, name) {
		return "", false, false
	}
	return name, false, true
}

// isPrecompressedSibling reports whether name is NAME.br or NAME.gz of an
// existing NAME.
func isPrecompressedSibling(site fs.FS, name string) bool {
	for _, p := range precompressed {
		if orig, found := strings.CutSuffix(name, p.suffix); found && orig != "" {
			if info, err := fs.Stat(site, orig); err == nil && info.Mode().IsRegular() {
				return true
			}
		}
	}
	return false
}

// serveFile writes name (or its best precompressed sibling) with headers.
func (h *siteHandler) serveFile(w http.ResponseWriter, r *http.Request, name string) {
	f, info, coding, suffix, err := openVariant(h.site, name, r.Header.Get("Accept-Encoding"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	content, err := seekable(f)
	if err != nil {
		http.Error(w, "reading the site failed", http.StatusInternalServerError)
		return
	}
	etag, err := h.etag(name, suffix, info, content)
	if err != nil {
		http.Error(w, "reading the site failed", http.StatusInternalServerError)
		return
	}

	hdr := w.Header()
	hdr.Set("Content-Type", contentTypeOf(name))
	if isHTML(name) {
		hdr.Set("Cache-Control", "no-cache")
		hdr.Set("Content-Security-Policy", contentSecurityPolicy(h.frameAncestorsFor(name)))
		hdr.Set("Cross-Origin-Opener-Policy", "same-origin")
	} else if isHashedName(name) {
		// A changed file gets a new name, so this one never changes.
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		// Stable names (embed.js, posters, manifest.json) change in place.
		hdr.Set("Cache-Control", "public, max-age=3600, must-revalidate")
	}
	hdr.Set("ETag", etag)
	if coding != "" {
		hdr.Set("Content-Encoding", coding)
		// ServeContent omits Content-Length when Content-Encoding is set;
		// we know it (and it overrides it for range requests).
		hdr.Set("Content-Length", strconv.FormatInt(info.Size(), 10))
	}
	http.ServeContent(w, r, name, info.ModTime(), content)
}

// etag is the ETag of a variant of name (NAME, NAME.br or NAME.gz: their
// bodies are different bytes, so each has its own). Files on disk are
// tagged by modification time and size; files built into the binary have
// no time but never change while it runs, so their content hash is
// computed once and kept.
func (h *siteHandler) etag(name, suffix string, info fs.FileInfo, content io.ReadSeeker) (string, error) {
	if !info.ModTime().IsZero() {
		return fmt.Sprintf(`"%x-%x%s"`, info.ModTime().UnixNano(), info.Size(), suffix), nil
	}
	variant := name + suffix
	if tag, ok := h.contentTags.Load(variant); ok {
		return tag.(string), nil
	}
	sum := sha256.New()
	if _, err := io.Copy(sum, content); err != nil {
		return "", err
	}
	if _, err := content.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	tag := fmt.Sprintf(`"%x"`, sum.Sum(nil)[:16])
	h.contentTags.Store(variant, tag)
	return tag, nil
}

// seekable returns f as the io.ReadSeeker http.ServeContent needs (files
// from os and embed are already); anything else is read into memory.
func seekable(f fs.File) (io.ReadSeeker, error) {
	if rs, ok := f.(io.ReadSeeker); ok {
		return rs, nil
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	return bytes.NewReader(data), nil
}

// openVariant opens the precompressed sibling of name that acceptEncoding
// allows, or name itself. coding is "" for the raw file.
func openVariant(site fs.FS, name, acceptEncoding string) (f fs.File, info fs.FileInfo, coding, suffix string, err error) {
	for _, p := range precompressed {
		if !acceptsCoding(acceptEncoding, p.coding, p.aliases...) {
			continue
		}
		if f, info, err := openRegular(site, name+p.suffix); err == nil {
			return f, info, p.coding, p.suffix, nil
		}
	}
	f, info, err = openRegular(site, name)
	return f, info, "", "", err
}

func openRegular(site fs.FS, name string) (fs.File, fs.FileInfo, error) {
	f, err := site.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = fmt.Errorf("%s: not a regular file", name)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// acceptsCoding reports whether an Accept-Encoding header value allows
// coding (or one of its aliases): listed with q > 0, or not listed while
// "*" is listed with q > 0 (RFC 9110, section 12.5.3).
func acceptsCoding(header, coding string, aliases ...string) bool {
	starQ := -1.0
	for part := range strings.SplitSeq(header, ",") {
		token, params, _ := strings.Cut(part, ";")
		token = strings.ToLower(strings.TrimSpace(token))
		q := qValue(params)
		if token == coding || contains(aliases, token) {
			return q > 0
		}
		if token == "*" && starQ < 0 {
			starQ = q
		}
	}
	return starQ > 0
}

// qValue returns the weight in ";q=0.5"-style parameters: 1 when absent,
// 0 when malformed (so a garbled header never selects an encoding).
func qValue(params string) float64 {
	for param := range strings.SplitSeq(params, ";") {
		key, value, _ := strings.Cut(strings.TrimSpace(param), "=")
		if !strings.EqualFold(strings.TrimSpace(key), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || q < 0 || q > 1 {
			return 0
		}
		return q
	}
	return 1
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// contentTypeOf is the Content-Type for a file name, by extension.
func contentTypeOf(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if ct, ok := contentTypes[ext]; ok {
		return ct
	}
	if ct := mime.TypeByExtension(ext); ct != "" {
		return ct
	}
	return "application/octet-stream"
}

func isHTML(name string) bool {
	return strings.EqualFold(path.Ext(name), ".html")
}

func (h *siteHandler) frameAncestorsFor(name string) string {
	if path.Base(name) == embedPage {
		return h.embedFrameAncestors
	}
	return h.frameAncestors
}

// contentSecurityPolicy is the CSP of every HTML page: only our own files,
// plus 'wasm-unsafe-eval', without which the page cannot compile
// heartland.wasm.
func contentSecurityPolicy(frameAncestors string) string {
	return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
		"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
		"connect-src 'self' https: http://localhost:* http://127.0.0.1:*; object-src 'none'; base-uri 'self'; " +
		"frame-ancestors " + frameAncestors
}

// checkFrameAncestors rejects a -frame-ancestors value that would inject
// other CSP directives or break the header.
func checkFrameAncestors(flagName, sources string) error {
	if strings.TrimSpace(sources) == "" {
		return fmt.Errorf("-%s is empty; use 'none' to forbid framing", flagName)
	}
	for _, r := range sources {
		if r == ';' || r == ',' || r < ' ' || r == 0x7f {
			return fmt.Errorf("-%s %q: only CSP sources separated by spaces are allowed (no ';', ',' or control characters)", flagName, sources)
		}
	}
	return nil
}
