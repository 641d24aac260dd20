package browsertest

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestServeHeaders(t *testing.T) {
	req, err := http.NewRequest("GET", env.baseURL+"heartland.wasm", nil)
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
		t.Errorf("GET /heartland.wasm (Accept-Encoding: br) = %d, Content-Type %q, Content-Encoding %q; want 200, application/wasm, br",
			res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Encoding"))
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
