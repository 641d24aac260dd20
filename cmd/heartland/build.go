package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"heartland/assets"
	"heartland/internal/poster"
)

func init() {
	register("build", "write a deployable site to dist/ (web files, wasm, precompressed)", runBuild)
}

// wasmBytesPlaceholder is replaced in every HTML file by the uncompressed
// size of heartland.wasm: the loader's progress bar needs it because a
// brotli response's Content-Length is the compressed size.
const wasmBytesPlaceholder = "__WASM_BYTES__"

// buildConfig is what the build command's flags decide.
type buildConfig struct {
	webDir   string // web/ sources copied as they are
	wasmFile string // the compiled map, written as heartland.wasm
	outDir   string // recreated on every build
	// wasmExecJS is the loader glue of the Go toolchain that built the wasm.
	wasmExecJS string
	// largeBrotliQuality is used for files over largeFileBytes (the wasm);
	// smaller files get quality 11.
	largeBrotliQuality int
	// posters draws poster.svg and poster.png of the home view (the embed's
	// instant preview and social card) and home-poster.png (index.html's)
	// into the site.
	posters bool
	// hashNames renames the files the pages load to NAME.HASH.EXT and
	// writes manifest.json; entry points keep their names (see stableNames).
	hashNames bool
}

// builtFile is one file written to the out dir, with the sizes of its
// precompressed siblings (0 when not written).
type builtFile struct {
	rel                       string // slash-separated, relative to the out dir
	raw, gzipSize, brotliSize int64
	renamedFrom               string // the name before content hashing, or ""
}

func runBuild(args []string) error {
	return buildCommand(args, os.Stdout, os.Stderr)
}

// buildCommand parses the build flags, builds, and prints a size summary.
func buildCommand(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg buildConfig
	fs.StringVar(&cfg.webDir, "web", "web", "`directory` of HTML, CSS and loader files")
	fs.StringVar(&cfg.wasmFile, "wasm", "build/heartland.wasm", "compiled map `file` (GOOS=js GOARCH=wasm go build ./wasm)")
	fs.StringVar(&cfg.outDir, "out", "dist", "output `directory`, deleted and recreated")
	fs.BoolVar(&cfg.posters, "posters", true, "draw poster.svg and poster.png of the home view into the site")
	fs.BoolVar(&cfg.hashNames, "hash", true, "name loaded files NAME.HASH.EXT (cached for a year by heartland serve) and write "+manifestName+"; false keeps source names for debugging")
	fs.IntVar(&cfg.largeBrotliQuality, "large-brotli-quality", defaultLargeBrotliQuality,
		"brotli `quality` (0-11) for files over 1 MiB such as the wasm; 11 is ~12% smaller but ~20x slower")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if cfg.largeBrotliQuality < 0 || cfg.largeBrotliQuality > 11 {
		return fmt.Errorf("-large-brotli-quality %d: want 0 to 11", cfg.largeBrotliQuality)
	}
	cfg.wasmExecJS = filepath.Join(goRoot(), "lib", "wasm", "wasm_exec.js")

	start := time.Now()
	files, err := buildSite(cfg)
	if err != nil {
		return err
	}
	printBuildSummary(stdout, cfg, files, time.Since(start))
	return nil
}

// goRoot is the GOROOT of the go command on PATH, whose wasm_exec.js
// matches the wasm it builds; the running binary's GOROOT is the fallback.
func goRoot() string {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if root := strings.TrimSpace(string(out)); err == nil && root != "" {
		return root
	}
	return runtime.GOROOT()
}

// buildSite recreates cfg.outDir with the web files, heartland.wasm and
// wasm_exec.js, gives the files the pages load content-hashed names when
// cfg.hashNames, then writes precompressed siblings. The site is staged in a
// sibling folder and swapped in with renames, so a server running on
// cfg.outDir never sees a half-written site (a .wasm without its .br, say).
func buildSite(cfg buildConfig) ([]builtFile, error) {
	if err := checkBuildInputs(cfg); err != nil {
		return nil, err
	}
	final := filepath.Clean(cfg.outDir)
	// Unique names, so two builds at once (tests, a watcher) cannot collide.
	stage, err := os.MkdirTemp(filepath.Dir(final), "."+filepath.Base(final)+"-staging-")
	if err != nil {
		return nil, err
	}
	cfg.outDir = stage
	if err := os.Chmod(stage, 0o755); err != nil { // MkdirTemp makes it private
		return nil, err
	}
	files, err := stageSite(cfg)
	if err != nil {
		os.RemoveAll(stage)
		return nil, err
	}
	old := stage + "-old"
	if err := os.Rename(final, old); err != nil && !os.IsNotExist(err) {
		return nil, fmt.Errorf("moving old %s aside: %w", final, err)
	}
	if err := os.Rename(cfg.outDir, final); err != nil {
		return nil, fmt.Errorf("putting the new site in %s: %w", final, err)
	}
	return files, os.RemoveAll(old)
}

// stageSite writes the whole site into cfg.outDir.
func stageSite(cfg buildConfig) ([]builtFile, error) {
	wasm, err := readJoinedWasm(cfg.wasmFile)
	if err != nil {
		return nil, err
	}
	if err := os.RemoveAll(cfg.outDir); err != nil {
		return nil, fmt.Errorf("removing old %s: %w", cfg.outDir, err)
	}
	if err := os.MkdirAll(cfg.outDir, 0o755); err != nil {
		return nil, err
	}
	wasmBytes := []byte(strconv.Itoa(len(wasm)))
	files, err := copyWebTree(cfg.webDir, cfg.outDir, wasmBytes)
	if err != nil {
		return nil, err
	}
	for _, c := range []struct {
		src, rel  string
		transform func([]byte) []byte
	}{
		{cfg.wasmFile, "heartland.wasm", func([]byte) []byte { return wasm }},
		{cfg.wasmExecJS, "wasm_exec.js", nil},
	} {
		f, err := copyFile(c.src, cfg.outDir, c.rel, c.transform)
		if err != nil {
			return nil, err
		}
		files = replaceOrAppend(files, f)
	}
	if files, err = placeHomePoster(cfg, files); err != nil {
		return nil, err
	}
	data, err := writeDataBundle(cfg.outDir)
	if err != nil {
		return nil, err
	}
	files = replaceOrAppend(files, data)
	if cfg.posters {
		svg, png := filepath.Join(cfg.outDir, "poster.svg"), filepath.Join(cfg.outDir, "poster.png")
		view := filepath.Join(cfg.outDir, "poster.json")
		if err := makePoster(io.Discard, []string{"-o", svg, "-png", png, "-view", view, "-legend=false"}); err != nil {
			return nil, fmt.Errorf("poster: %w", err)
		}
		for _, rel := range []string{"poster.svg", "poster.png", "poster.json"} {
			info, err := os.Stat(filepath.Join(cfg.outDir, rel))
			if err != nil {
				return nil, err
			}
			files = replaceOrAppend(files, builtFile{rel: rel, raw: info.Size()})
		}
	}
	if cfg.hashNames {
		if files, err = hashNamesAndWriteManifest(cfg.outDir, files); err != nil {
			return nil, err
		}
	}
	if err := os.WriteFile(filepath.Join(cfg.outDir, "_headers"), []byte(staticHostHeaders()), 0o644); err != nil {
		return nil, err
	}
	if err := precompressAll(cfg.outDir, files, cfg.largeBrotliQuality); err != nil {
		return nil, err
	}
	return files, nil
}

// hashNamesAndWriteManifest renames the loaded files after their content
// and records the renames in manifest.json, which it adds to files.
func hashNamesAndWriteManifest(outDir string, files []builtFile) ([]builtFile, error) {
	for _, f := range files {
		if f.rel == manifestName {
			return nil, fmt.Errorf("%s: the build writes its own %s; rename the web file or build with -hash=false", f.rel, manifestName)
		}
	}
	files, renames, err := hashAssetNames(outDir, files)
	if err != nil {
		return nil, fmt.Errorf("hashing file names: %w", err)
	}
	manifest, err := writeManifest(outDir, renames)
	if err != nil {
		return nil, err
	}
	return append(files, manifest), nil
}

// checkBuildInputs fails early, before anything is deleted, with what to do.
func checkBuildInputs(cfg buildConfig) error {
	if info, err := os.Stat(cfg.webDir); err != nil || !info.IsDir() {
		return fmt.Errorf("%s: not a directory; pass the web sources with -web", cfg.webDir)
	}
	if info, err := os.Stat(cfg.wasmFile); err != nil || !info.Mode().IsRegular() {
		return fmt.Errorf("%s: no wasm file; build it first with `GOOS=js GOARCH=wasm go build -o %s ./wasm`", cfg.wasmFile, cfg.wasmFile)
	}
	if _, err := os.Stat(cfg.wasmExecJS); err != nil {
		return fmt.Errorf("wasm_exec.js not found in the Go installation: %w", err)
	}
	return checkOutDir(cfg)
}

// checkOutDir refuses an out dir whose deletion would destroy the inputs
// or the working tree (e.g. -out . or -out web).
func checkOutDir(cfg buildConfig) error {
	out, err := filepath.Abs(cfg.outDir)
	if err != nil {
		return err
	}
	cwd, err := os.Getwd()
	if err != nil {
		return err
	}
	protected := []string{cwd, cfg.webDir, cfg.wasmFile, cfg.wasmExecJS}
	for _, p := range protected {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		if isWithin(abs, out) || isWithin(out, abs) && p == cfg.webDir {
			return fmt.Errorf("-out %s would delete or overlap %s; choose a separate directory such as dist", cfg.outDir, p)
		}
	}
	return nil
}

// isWithin reports whether path is dir or inside it; both are absolute.
func isWithin(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// copyWebTree copies every non-dot file under webDir into outDir, putting
// the wasm size into HTML files.
func copyWebTree(webDir, outDir string, wasmBytes []byte) ([]builtFile, error) {
	var files []builtFile
	err := filepath.WalkDir(webDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != webDir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() {
			return nil // dangling symlinks, sockets and the like are not site files
		}
		rel, err := filepath.Rel(webDir, p)
		if err != nil {
			return err
		}
		var transform func([]byte) []byte
		if strings.EqualFold(filepath.Ext(p), ".html") {
			transform = func(b []byte) []byte {
				return bytes.ReplaceAll(b, []byte(wasmBytesPlaceholder), wasmBytes)
			}
		}
		f, err := copyFile(p, outDir, filepath.ToSlash(rel), transform)
		if err != nil {
			return err
		}
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("copying %s: %w", webDir, err)
	}
	return files, nil
}

// copyFile writes src to outDir/rel, through transform when it is not nil.
func copyFile(src, outDir, rel string, transform func([]byte) []byte) (builtFile, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return builtFile{}, err
	}
	if transform != nil {
		data = transform(data)
	}
	dst := filepath.Join(outDir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return builtFile{}, err
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return builtFile{}, err
	}
	return builtFile{rel: rel, raw: int64(len(data))}, nil
}

// replaceOrAppend adds f to files, replacing a web file of the same name:
// the built wasm and the toolchain's wasm_exec.js win over stale copies.
func replaceOrAppend(files []builtFile, f builtFile) []builtFile {
	for i := range files {
		if files[i].rel == f.rel {
			files[i] = f
			return files
		}
	}
	return append(files, f)
}

// dataBundleName is the data the wasm reads at start (assets.Bundle),
// fetched beside it by heartland.js.
const dataBundleName = "heartland-data.bin"

// writeDataBundle writes the wasm's data bundle into outDir.
func writeDataBundle(outDir string) (builtFile, error) {
	extra := poster.FontBundle() // the fonts for posters drawn in the browser
	scene, err := preparedScene()
	if err != nil {
		return builtFile{}, err
	}
	extra[assets.PreparedSceneFile] = scene
	b, err := assets.Bundle(extra)
	if err != nil {
		return builtFile{}, fmt.Errorf("data bundle: %w", err)
	}
	if err := os.WriteFile(filepath.Join(outDir, dataBundleName), b, 0o644); err != nil {
		return builtFile{}, err
	}
	return builtFile{rel: dataBundleName, raw: int64(len(b))}, nil
}

// placeHomePoster draws index.html's poster and fills the page's
// placeholders with its placement; without posters the page gets a rule
// that hides the empty frame.
func placeHomePoster(cfg buildConfig, files []builtFile) ([]builtFile, error) {
	css, refs, preview := ".home-poster { display: none; }", "", ""
	if cfg.posters {
		hp, f, err := writeHomePoster(cfg.outDir)
		if err != nil {
			return nil, err
		}
		css, refs, preview = hp.css, hp.refs, hp.preview
		files = replaceOrAppend(files, f)
	}
	for i, f := range files {
		if f.rel != "index.html" {
			continue
		}
		p := filepath.Join(cfg.outDir, "index.html")
		page, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		page = bytes.ReplaceAll(page, []byte(homePosterCSSPlaceholder), []byte(css))
		page = bytes.ReplaceAll(page, []byte(homePosterRefPlaceholder), []byte(refs))
		page = bytes.ReplaceAll(page, []byte(homePreviewPlaceholder), []byte(preview))
		if err := os.WriteFile(p, page, 0o644); err != nil {
			return nil, err
		}
		files[i].raw = int64(len(page))
	}
	return files, nil
}
