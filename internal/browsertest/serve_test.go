package browsertest

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// builtName is the name `heartland build` gave the source file rel: its
// content-hashed name from dist/manifest.json, or rel itself when the site
// was built with -hash=false (and so has no manifest).
func builtName(t *testing.T, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(env.root, "dist", "manifest.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return rel
	}
	var manifest map[string]string
	if err == nil {
		err = json.Unmarshal(data, &manifest)
	}
	if err != nil {
		t.Fatalf("dist/manifest.json: %v", err)
	}
	if name, ok := manifest[rel]; ok {
		return name
	}
	return rel
}

func TestServeHeaders(t *testing.T) {
	wasm := builtName(t, "heartland.wasm")
	req, err := http.NewRequest("GET", env.baseURL+wasm, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Setting Accept-Encoding ourselves stops the client decompressing.
	req.Header.Set("Accept-Encoding", "br")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/wasm" || res.Header.Get("Content-Encoding") != "br" {
		t.Errorf("GET /%s (Accept-Encoding: br) = %d, Content-Type %q, Content-Encoding %q; want 200, application/wasm, br",
			wasm, res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Encoding"))
	}

	for _, path := range []string{
		"/../../etc/passwd",
		"/..%2f..%2f..%2fetc%2fpasswd",
		"/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
		"/..%5c..%5c..%5cetc%5cpasswd",
		"/etc/passwd",
		"//etc/passwd",
	} {
		// The URL goes to the server as written: Go's client does not clean
		// dot segments out of request paths.
		req, err := http.NewRequest("GET", strings.TrimSuffix(env.baseURL, "/")+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Errorf("GET %s: %v", path, err)
			continue
		}
		body, _ := io.ReadAll(io.LimitReader(res.Body, 1<<20))
		res.Body.Close()
		if res.StatusCode < 400 || strings.Contains(string(body), "root:") {
			t.Errorf("GET %s = %d with %d bytes (%.40q); want a 4xx error and no file from outside the site",
				path, res.StatusCode, len(body), body)
		}
	}
}
