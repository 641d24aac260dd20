package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// fakeWasm is compressible, like a real wasm, and small enough for tests.
var fakeWasm = bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00 fake module body "), 2000)

// noise does not compress: its siblings would be larger than it.
var noise = func() []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, 4096)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}()

var webFiles = map[string]string{
	"index.html":          `<html><script src="loader.js" data-wasm-bytes="__WASM_BYTES__"></script>__WASM_BYTES__</html>`,
	"embed.html":          `<html data-bytes="__WASM_BYTES__"></html>`,
	"stories/aral.html":   `<p>__WASM_BYTES__</p>`,
	"loader.js":           "const placeholder = '__WASM_BYTES__';\n" + strings.Repeat("console.log('load');\n", 50),
	"css/map.css":         strings.Repeat("body { margin: 0; }\n", 50),
	"data/layers.json":    strings.Repeat(`{"id":"caspian"},`, 50),
	"data/rivers.geojson": strings.Repeat(`{"type":"Feature"},`, 50),
	"img/legend.svg":      strings.Repeat("<path d='M0 0L1 1'/>", 50),
	"img/poster.png":      strings.Repeat("\x89PNG not compressed", 50),
	"data/noise.js":       string(noise),
	".DS_Store":           "mac junk",
	".git/HEAD":           "ref: refs/heads/main",
	"css/.draft.css":      "draft",
}

// newBuildFixture writes a web dir, a wasm file and a fake wasm_exec.js,
// and returns a config writing to a fresh out dir. Names are not hashed,
// so tests of copying and compressing can find files by their source
// names; buildhash_test.go turns hashing on.
func newBuildFixture(t *testing.T) buildConfig {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, filepath.Join(dir, "web"), webFiles)
	writeFiles(t, filepath.Join(dir, "build"), map[string]string{"heartland.wasm": string(fakeWasm)})
	writeFiles(t, filepath.Join(dir, "goroot"), map[string]string{"wasm_exec.js": "// wasm_exec.js from GOROOT"})
	return buildConfig{
		webDir:             filepath.Join(dir, "web"),
		wasmFile:           filepath.Join(dir, "build", "heartland.wasm"),
		outDir:             filepath.Join(dir, "dist"),
		wasmExecJS:         filepath.Join(dir, "goroot", "wasm_exec.js"),
		largeBrotliQuality: defaultLargeBrotliQuality,
	}
}

func mustBuild(t *testing.T, cfg buildConfig) []builtFile {
	t.Helper()
	files, err := buildSite(cfg)
	if err != nil {
		t.Fatalf("buildSite: %v", err)
	}
	return files
}

func readOut(t *testing.T, cfg buildConfig, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(cfg.outDir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func exists(cfg buildConfig, rel string) bool {
	_, err := os.Stat(filepath.Join(cfg.outDir, filepath.FromSlash(rel)))
	return err == nil
}

func TestBuildReplacesWasmBytesPlaceholder(t *testing.T) {
	cfg := newBuildFixture(t)
	mustBuild(t, cfg)
	size := strconv.Itoa(len(fakeWasm))
	tests := []struct {
		rel, want string
	}{
		{"index.html", `<html><script src="loader.js" data-wasm-bytes="` + size + `"></script>` + size + `</html>`},
		{"embed.html", `<html data-bytes="` + size + `"></html>`},
		{"stories/aral.html", `<p>` + size + `</p>`},
		{"loader.js", webFiles["loader.js"]}, // only HTML is rewritten
	}
	for _, tt := range tests {
		if got := readOut(t, cfg, tt.rel); got != tt.want {
			t.Errorf("%s = %q; want %q", tt.rel, got, tt.want)
		}
	}
}

func TestBuildCopiesWebTreeSkippingDotfiles(t *testing.T) {
	cfg := newBuildFixture(t)
	mustBuild(t, cfg)
	for rel, content := range webFiles {
		hidden := strings.HasPrefix(rel, ".") || strings.Contains(rel, "/.")
		if got := exists(cfg, rel); got == hidden {
			t.Errorf("dist/%s exists = %v; want %v", rel, got, !hidden)
		}
		if !hidden && !strings.HasSuffix(rel, ".html") {
			if got := readOut(t, cfg, rel); got != content {
				t.Errorf("dist/%s differs from web/%s", rel, rel)
			}
		}
	}
}

func TestBuildCopiesWasmAndWasmExecJS(t *testing.T) {
	cfg := newBuildFixture(t)
	// Stale copies in web/ must lose to the real ones.
	writeFiles(t, cfg.webDir, map[string]string{"heartland.wasm": "stale", "wasm_exec.js": "stale"})
	files := mustBuild(t, cfg)
	if got := readOut(t, cfg, "heartland.wasm"); got != string(fakeWasm) {
		t.Errorf("dist/heartland.wasm is %d bytes; want the %d-byte wasm file", len(got), len(fakeWasm))
	}
	if got := readOut(t, cfg, "wasm_exec.js"); got != "// wasm_exec.js from GOROOT" {
		t.Errorf("dist/wasm_exec.js = %q; want the GOROOT copy", got)
	}
	count := map[string]int{}
	for _, f := range files {
		count[f.rel]++
	}
	if count["heartland.wasm"] != 1 || count["wasm_exec.js"] != 1 {
		t.Errorf("summary lists heartland.wasm %d times, wasm_exec.js %d times; want once each", count["heartland.wasm"], count["wasm_exec.js"])
	}
}

func TestBuildWritesPrecompressedSiblingsThatDecodeToTheOriginal(t *testing.T) {
	cfg := newBuildFixture(t)
	files := mustBuild(t, cfg)
	decoders := map[string]func(io.Reader) (io.Reader, error){
		".br": func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		".gz": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
	}
	// Every sibling written decodes to its original; these all compress.
	mustHave := []string{"heartland.wasm", "loader.js", "css/map.css", "data/layers.json",
		"data/rivers.geojson", "img/legend.svg"}
	for _, f := range files {
		for suffix, decode := range decoders {
			wantSize := f.brotliSize
			if suffix == ".gz" {
				wantSize = f.gzipSize
			}
			if !exists(cfg, f.rel+suffix) {
				if wantSize != 0 || slices.Contains(mustHave, f.rel) {
					t.Errorf("dist/%s%s missing; summary says %d bytes", f.rel, suffix, wantSize)
				}
				continue
			}
			compressed := readOut(t, cfg, f.rel+suffix)
			r, err := decode(strings.NewReader(compressed))
			if err != nil {
				t.Fatalf("%s%s: %v", f.rel, suffix, err)
			}
			got, err := io.ReadAll(r)
			if original := readOut(t, cfg, f.rel); err != nil || string(got) != original {
				t.Errorf("%s%s decodes to %d bytes, %v; want the %d-byte original", f.rel, suffix, len(got), err, len(original))
			}
			if int64(len(compressed)) != wantSize {
				t.Errorf("%s%s is %d bytes; summary says %d", f.rel, suffix, len(compressed), wantSize)
			}
		}
	}
	for _, rel := range []string{"img/poster.png"} {
		if exists(cfg, rel+".br") || exists(cfg, rel+".gz") {
			t.Errorf("%s has precompressed siblings; want none for this type", rel)
		}
	}
}

func TestBuildSkipsCompressedSiblingWhenNotSmaller(t *testing.T) {
	cfg := newBuildFixture(t)
	files := mustBuild(t, cfg)
	for _, rel := range []string{"data/noise.js.br", "data/noise.js.gz"} {
		if exists(cfg, rel) {
			t.Errorf("dist/%s exists; want it skipped, random bytes do not compress", rel)
		}
	}
	for _, f := range files {
		if f.rel == "data/noise.js" && (f.brotliSize != 0 || f.gzipSize != 0) {
			t.Errorf("summary for data/noise.js = br %d, gz %d; want 0, 0", f.brotliSize, f.gzipSize)
		}
	}
}

func TestBuildRecreatesOutDir(t *testing.T) {
	cfg := newBuildFixture(t)
	writeFiles(t, cfg.outDir, map[string]string{"stale.js": "old", "old/index.html": "old"})
	mustBuild(t, cfg)
	for _, rel := range []string{"stale.js", "old/index.html"} {
		if exists(cfg, rel) {
			t.Errorf("dist/%s survived the build; want the out dir recreated", rel)
		}
	}
}

func TestBuildRefusesOutDirThatWouldDeleteInputs(t *testing.T) {
	base := newBuildFixture(t)
	parent := filepath.Dir(base.webDir)
	tests := []struct {
		name string
		out  string
	}{
		{"web itself", base.webDir},
		{"parent of web and wasm", parent},
		{"inside web", filepath.Join(base.webDir, "dist")},
		{"directory holding the wasm", filepath.Dir(base.wasmFile)},
	}
	for _, tt := range tests {
		cfg := base
		cfg.outDir = tt.out
		if _, err := buildSite(cfg); err == nil || !strings.Contains(err.Error(), "-out") {
			t.Errorf("%s: build with -out %s = %v; want an error about -out", tt.name, tt.out, err)
		}
		if _, err := os.Stat(filepath.Join(base.webDir, "index.html")); err != nil {
			t.Fatalf("%s: web/index.html is gone: %v", tt.name, err)
		}
		if _, err := os.Stat(base.wasmFile); err != nil {
			t.Fatalf("%s: the wasm file is gone: %v", tt.name, err)
		}
	}

	// -out . from the repository root would delete the repository.
	cwd := t.TempDir()
	writeFiles(t, cwd, map[string]string{"go.mod": "module heartland"})
	t.Chdir(cwd)
	for _, out := range []string{".", "..", cwd} {
		cfg := base
		cfg.outDir = out
		if _, err := buildSite(cfg); err == nil || !strings.Contains(err.Error(), "-out") {
			t.Errorf("build with -out %s from %s = %v; want an error about -out", out, cwd, err)
		}
		if _, err := os.Stat(filepath.Join(cwd, "go.mod")); err != nil {
			t.Fatalf("-out %s deleted the working directory: %v", out, err)
		}
	}
}

func TestBuildFailsBeforeDeletingAnythingWhenWasmIsMissing(t *testing.T) {
	cfg := newBuildFixture(t)
	writeFiles(t, cfg.outDir, map[string]string{"index.html": "last good build"})
	cfg.wasmFile = filepath.Join(filepath.Dir(cfg.wasmFile), "missing.wasm")
	_, err := buildSite(cfg)
	if err == nil || !strings.Contains(err.Error(), "GOOS=js GOARCH=wasm go build") {
		t.Errorf("build without wasm = %v; want an error saying how to build it", err)
	}
	if got := readOut(t, cfg, "index.html"); got != "last good build" {
		t.Errorf("dist/index.html = %q after a failed build; want the last good build kept", got)
	}
}

func TestBuildCommandTakesWasmExecJSFromGoRootAndPrintsSizes(t *testing.T) {
	cfg := newBuildFixture(t)
	var stdout bytes.Buffer
	args := []string{"-web", cfg.webDir, "-wasm", cfg.wasmFile, "-out", cfg.outDir}
	if err := buildCommand(args, &stdout, io.Discard); err != nil {
		t.Fatalf("heartland build %q: %v", args, err)
	}
	want, err := os.ReadFile(filepath.Join(goRoot(), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatalf("reading wasm_exec.js from GOROOT: %v", err)
	}
	// The command hashes names by default.
	manifest := readManifest(t, cfg)
	if got := readOut(t, cfg, manifest["wasm_exec.js"]); got != string(want) {
		t.Errorf("dist/%s is not $(go env GOROOT)/lib/wasm/wasm_exec.js", manifest["wasm_exec.js"])
	}
	var wasmLine, manifestLine string
	for line := range strings.Lines(stdout.String()) {
		fields := strings.Fields(line)
		if len(fields) == 4 && fields[0] == manifest["heartland.wasm"] {
			wasmLine = line
		}
		if len(fields) == 3 && fields[0] == "heartland.wasm" && fields[2] == manifest["heartland.wasm"] {
			manifestLine = line
		}
	}
	if !strings.Contains(wasmLine, groupDigits(int64(len(fakeWasm)))) {
		t.Errorf("summary %q; want a %s line with raw, gzip and brotli sizes", stdout.String(), manifest["heartland.wasm"])
	}
	if manifestLine == "" {
		t.Errorf("summary %q; want a line heartland.wasm -> %s", stdout.String(), manifest["heartland.wasm"])
	}
}

func TestBuildCommandRejectsBadFlags(t *testing.T) {
	cfg := newBuildFixture(t)
	tests := [][]string{
		{"-large-brotli-quality", "12", "-web", cfg.webDir, "-wasm", cfg.wasmFile, "-out", cfg.outDir},
		{"-web", cfg.webDir, "-wasm", cfg.wasmFile, "-out", cfg.outDir, "extra"},
		{"-web", filepath.Join(cfg.webDir, "missing"), "-wasm", cfg.wasmFile, "-out", cfg.outDir},
	}
	for _, args := range tests {
		if err := buildCommand(args, io.Discard, io.Discard); err == nil {
			t.Errorf("heartland build %q succeeded; want an error", args)
		}
	}
}

func TestGroupDigits(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {12661129, "12,661,129"}, {100000, "100,000"}}
	for _, tt := range tests {
		if got := groupDigits(tt.n); got != tt.want {
			t.Errorf("groupDigits(%d) = %q; want %q", tt.n, got, tt.want)
		}
	}
}
