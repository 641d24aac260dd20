package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// hashedWebFiles is a small site whose pages load styles, scripts and the
// wasm by relative names, as web/ does.
var hashedWebFiles = map[string]string{
	"index.html": `<link rel="stylesheet" href="style.css">` +
		`<link rel="preload" href="heartland.wasm" as="fetch">` +
		`<script src="wasm_exec.js" defer></script><script src="heartland.js" data-wasm-bytes="__WASM_BYTES__"></script>`,
	"embed.html": `<link rel="stylesheet" href="style.css"><script src=heartland.js></script>` +
		`<img src="poster.svg"><a href="index.html">full map</a>`,
	"heartland.js": `const s = new URL("wasm_exec.js", script.src);` + "\n" +
		`const download = fetch("heartland.wasm");` + "\n" +
		`throw new Error("heartland.wasm: HTTP " + status);` + "\n",
	"style.css":                 `.legend { background: url(legend.png); } .x { background: url("img/dot.svg"); }`,
	"legend.png":                "\x89PNG legend",
	"img/dot.svg":               "<svg/>",
	"embed.js":                  `const page = "embed.html"; // host pages include this file by name`,
	"poster.svg":                "<svg>poster</svg>",
	"poster.png":                "\x89PNG poster",
	"examples/story.html":       `<link href='story.css' rel=stylesheet><script src="../embed.js"></script><script src="story.js?v=1"></script>`,
	"examples/story.js":         `const map = document.querySelector("iframe[src='../embed.html']");`,
	"examples/story.css":        `.story { margin: 0; }`,
	"examples/not-loaded.notes": "style.css",
}

// newHashedBuildFixture is newBuildFixture with hashedWebFiles as web/ and
// names hashed, as `heartland build` does by default.
func newHashedBuildFixture(t *testing.T) buildConfig {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, filepath.Join(dir, "web"), hashedWebFiles)
	writeFiles(t, filepath.Join(dir, "build"), map[string]string{"heartland.wasm": string(fakeWasm)})
	writeFiles(t, filepath.Join(dir, "goroot"), map[string]string{"wasm_exec.js": "// wasm_exec.js from GOROOT"})
	return buildConfig{
		webDir:             filepath.Join(dir, "web"),
		wasmFile:           filepath.Join(dir, "build", "heartland.wasm"),
		outDir:             filepath.Join(dir, "dist"),
		wasmExecJS:         filepath.Join(dir, "goroot", "wasm_exec.js"),
		largeBrotliQuality: defaultLargeBrotliQuality,
		hashNames:          true,
	}
}

func readManifest(t *testing.T, cfg buildConfig) map[string]string {
	t.Helper()
	var manifest map[string]string
	if err := json.Unmarshal([]byte(readOut(t, cfg, manifestName)), &manifest); err != nil {
		t.Fatalf("dist/%s: %v", manifestName, err)
	}
	return manifest
}

var tenHex = regexp.MustCompile(`^[0-9a-f]{10}$`)

func TestBuildHashesAssetNamesAndRewritesReferences(t *testing.T) {
	cfg := newHashedBuildFixture(t)
	files := mustBuild(t, cfg)
	manifest := readManifest(t, cfg)

	renamed := []string{"heartland.wasm", "heartland-data.bin", "wasm_exec.js", "heartland.js", "style.css",
		"examples/story.js", "examples/story.css"}
	for _, src := range renamed {
		got, ok := manifest[src]
		if !ok {
			t.Errorf("manifest has no %s; want it renamed", src)
			continue
		}
		ext := path.Ext(src)
		hash, found := strings.CutPrefix(strings.TrimSuffix(got, ext), strings.TrimSuffix(src, ext)+".")
		if !found || !strings.HasSuffix(got, ext) || !tenHex.MatchString(hash) {
			t.Errorf("manifest[%s] = %s; want NAME.<10 hex>%s", src, got, ext)
			continue
		}
		sum := sha256.Sum256([]byte(readOut(t, cfg, got)))
		if want := hex.EncodeToString(sum[:])[:10]; hash != want {
			t.Errorf("%s is named after hash %s; want %s, the first 10 hex digits of SHA-256 of its content", got, hash, want)
		}
		if exists(cfg, src) || exists(cfg, src+".br") || exists(cfg, src+".gz") {
			t.Errorf("dist/%s (or a sibling) exists; want only %s", src, got)
		}
	}
	if len(manifest) != len(renamed) {
		t.Errorf("manifest = %v; want exactly %q renamed", manifest, renamed)
	}
	for _, suffix := range []string{".br", ".gz"} {
		if !exists(cfg, manifest["heartland.wasm"]+suffix) {
			t.Errorf("dist/%s%s missing; want precompressed siblings to follow the new name", manifest["heartland.wasm"], suffix)
		}
	}

	size := strconv.Itoa(len(fakeWasm))
	tests := []struct {
		file string // source name; read under its built name
		want []string
	}{
		{"index.html", []string{
			`href="` + manifest["style.css"] + `"`,
			`href="` + manifest["heartland.wasm"] + `"`,
			`src="` + manifest["wasm_exec.js"] + `"`,
			`src="` + manifest["heartland.js"] + `" data-wasm-bytes="` + size + `"`,
		}},
		{"embed.html", []string{`src=` + manifest["heartland.js"] + `>`, `src="poster.svg"`, `href="index.html"`}},
		{"heartland.js", []string{
			`new URL("` + manifest["wasm_exec.js"] + `", script.src)`,
			`fetch("` + manifest["heartland.wasm"] + `")`,
			`"heartland.wasm: HTTP "`, // prose, not a reference
		}},
		{"style.css", []string{`url(legend.png)`, `url("img/dot.svg")`}},
		{"examples/story.html", []string{
			`href='` + path.Base(manifest["examples/story.css"]) + `'`,
			`src="../embed.js"`,
			`src="` + path.Base(manifest["examples/story.js"]) + `?v=1"`,
		}},
		{"examples/not-loaded.notes", []string{"style.css"}},
	}
	for _, tt := range tests {
		built := tt.file
		if renamed, ok := manifest[tt.file]; ok {
			built = renamed
		}
		got := readOut(t, cfg, built)
		for _, want := range tt.want {
			if !strings.Contains(got, want) {
				t.Errorf("dist/%s = %q; want it to contain %q", built, got, want)
			}
		}
	}

	for _, f := range files {
		if want := int64(len(readOut(t, cfg, f.rel))); f.raw != want {
			t.Errorf("summary says %s is %d bytes; it is %d", f.rel, f.raw, want)
		}
	}
}

func TestBuildKeepsEntryPointNames(t *testing.T) {
	cfg := newHashedBuildFixture(t)
	mustBuild(t, cfg)
	manifest := readManifest(t, cfg)
	for _, rel := range []string{"index.html", "embed.html", "examples/story.html", "embed.js",
		"poster.svg", "poster.png", "legend.png", "img/dot.svg", manifestName} {
		if !exists(cfg, rel) {
			t.Errorf("dist/%s missing; want entry points and unhashed kinds to keep their names", rel)
		}
		if renamed, ok := manifest[rel]; ok {
			t.Errorf("manifest renames %s to %s; want it kept", rel, renamed)
		}
	}
	if got, want := readOut(t, cfg, "embed.js"), hashedWebFiles["embed.js"]; got != want {
		t.Errorf("dist/embed.js = %q; want %q", got, want)
	}
}

func TestBuildHashChangesWhenAReferencedFileChanges(t *testing.T) {
	tests := []struct {
		name        string
		change      func(t *testing.T, cfg buildConfig)
		wantChanged []string // every other renamed file keeps its name
	}{
		{"wasm", func(t *testing.T, cfg buildConfig) {
			writeFiles(t, filepath.Dir(cfg.wasmFile), map[string]string{"heartland.wasm": string(fakeWasm) + "v2"})
		}, []string{"heartland.wasm", "heartland.js"}},
		{"wasm_exec.js", func(t *testing.T, cfg buildConfig) {
			writeFiles(t, filepath.Dir(cfg.wasmExecJS), map[string]string{"wasm_exec.js": "// Go 1.99"})
		}, []string{"wasm_exec.js", "heartland.js"}},
		{"style.css", func(t *testing.T, cfg buildConfig) {
			writeFiles(t, cfg.webDir, map[string]string{"style.css": "body { color: red; }"})
		}, []string{"style.css"}},
		{"an html page", func(t *testing.T, cfg buildConfig) {
			writeFiles(t, cfg.webDir, map[string]string{"index.html": `<script src="heartland.js"></script>`})
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := newHashedBuildFixture(t)
			mustBuild(t, cfg)
			before := readManifest(t, cfg)
			tt.change(t, cfg)
			mustBuild(t, cfg)
			after := readManifest(t, cfg)
			for src, old := range before {
				changed := after[src] != old
				if want := contains(tt.wantChanged, src); changed != want {
					t.Errorf("after changing %s, %s: %s -> %s; want changed = %v", tt.name, src, old, after[src], want)
				}
			}
		})
	}
}

func TestBuildRefusesReferenceCycles(t *testing.T) {
	cfg := newHashedBuildFixture(t)
	writeFiles(t, cfg.webDir, map[string]string{"a.js": `load("b.js")`, "b.js": `load("a.js")`})
	_, err := buildSite(cfg)
	if err == nil || !strings.Contains(err.Error(), "a.js → b.js → a.js") {
		t.Errorf("build with a.js and b.js loading each other = %v; want an error naming the cycle", err)
	}
}

func TestBuildCommandHashFalseKeepsSourceNames(t *testing.T) {
	cfg := newHashedBuildFixture(t)
	args := []string{"-hash=false", "-posters=false", "-web", cfg.webDir, "-wasm", cfg.wasmFile, "-out", cfg.outDir}
	if err := buildCommand(args, io.Discard, io.Discard); err != nil {
		t.Fatalf("heartland build %q: %v", args, err)
	}
	for _, rel := range []string{"heartland.wasm", "heartland.js", "style.css", "examples/story.js"} {
		if !exists(cfg, rel) {
			t.Errorf("dist/%s missing with -hash=false", rel)
		}
	}
	if exists(cfg, manifestName) {
		t.Errorf("dist/%s written with -hash=false; want none", manifestName)
	}
	if got := readOut(t, cfg, "heartland.js"); got != hashedWebFiles["heartland.js"] {
		t.Errorf("dist/heartland.js = %q with -hash=false; want the source unchanged", got)
	}
}

func TestRewriteReferences(t *testing.T) {
	renames := map[string]string{
		"heartland.js":     "heartland.0123456789.js",
		"style.css":        "style.abcdef0123.css",
		"examples/demo.js": "examples/demo.5555555555.js",
	}
	tests := []struct {
		dir, in, want string
	}{
		{".", `src="heartland.js"`, `src="heartland.0123456789.js"`},
		{".", `s = 'heartland.js'`, `s = 'heartland.0123456789.js'`},
		{".", "s = `heartland.js`", "s = `heartland.0123456789.js`"},
		{".", `src=heartland.js>`, `src=heartland.0123456789.js>`},
		{".", `href=./style.css>`, `href=./style.abcdef0123.css>`},
		{".", `@import url(style.css);`, `@import url(style.abcdef0123.css);`},
		{".", `url( "style.css" )`, `url( "style.abcdef0123.css" )`},
		{".", `"/style.css?v=2#top"`, `"/style.abcdef0123.css?v=2#top"`},
		{".", `"examples/demo.js"`, `"examples/demo.5555555555.js"`},
		{"examples", `"demo.js" "../style.css" "./demo.js"`, `"demo.5555555555.js" "../style.abcdef0123.css" "./demo.5555555555.js"`},
		// Not references to a renamed file:
		{".", `"heartland.js: failed" 'load heartland.js'`, `"heartland.js: failed" 'load heartland.js'`},
		{".", `"myheartland.js" "heartland.json" "heartland.js/"`, `"myheartland.js" "heartland.json" "heartland.js/"`},
		{".", `"https://x.example/heartland.js" "//cdn/style.css"`, `"https://x.example/heartland.js" "//cdn/style.css"`},
		{"examples", `"heartland.js" "../../style.css"`, `"heartland.js" "../../style.css"`},
		{".", `"demo.js" (style.css)`, `"demo.js" (style.css)`},
	}
	for _, tt := range tests {
		if got := string(rewriteReferences([]byte(tt.in), tt.dir, renames)); got != tt.want {
			t.Errorf("rewriteReferences(%q, %q) = %q; want %q", tt.in, tt.dir, got, tt.want)
		}
	}
}

func TestHashedNameLooksHashedAndOthersDoNot(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{hashedName("heartland.wasm", fakeWasm), true},
		{hashedName("examples/story.min.js", nil), true},
		{"style.abcdef0123.css", true},
		{"style.css", false},
		{"embed.js", false},
		{".0123456789.js", false},
		{"style.ABCDEF0123.css", false},
		{"style.abcdef012.css", false},
		{"style.abcdef01234.css", false},
		{"style.abcdefg123.css", false},
	}
	for _, tt := range tests {
		if got := isHashedName(tt.name); got != tt.want {
			t.Errorf("isHashedName(%q) = %v; want %v", tt.name, got, tt.want)
		}
	}
}
