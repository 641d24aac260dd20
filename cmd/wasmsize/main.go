// Command wasmsize attributes a Go WebAssembly binary's size to Go
// packages, to find what is worth cutting from the browser's download.
//
// It reads the function names Go's linker writes into the wasm "name"
// section, so build without -s (the code is the same as with it):
//
//	GOOS=js GOARCH=wasm go build -trimpath -o /tmp/h.wasm ./wasm
//	go run ./cmd/wasmsize /tmp/h.wasm
//	go run ./cmd/wasmsize -base /tmp/before.wasm /tmp/after.wasm
//	go run ./cmd/wasmsize -funcs heartland/internal/poster /tmp/h.wasm
//
// The linker writes names with every character but letters, digits, '_'
// and '.' turned into '_', so wasmsize asks `go list -deps` (GOOS=js) for
// the import paths of -pkg to tell which package a name belongs to.
//
// Each package's row is its functions' code bytes and their brotli size
// compressed on their own, which overstates what the package adds to the
// compressed whole (it cannot share context with the rest) but ranks
// packages fairly. Data (strings, type descriptors, the pclntab) is one
// row: the name section does not split it by package.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"text/tabwriter"

	"github.com/andybalholm/brotli"
)

func main() {
	base := flag.String("base", "", "another wasm to compare against: rows show the change from it")
	top := flag.Int("top", 40, "rows to print, largest first (0: all)")
	depth := flag.Int("depth", 0, "group packages by their first N path elements (0: whole import path)")
	quality := flag.Int("q", 9, "brotli quality for the compressed column")
	funcs := flag.String("funcs", "", "list this package's functions one by one instead of its total")
	mainPkg := flag.String("pkg", "./wasm", "the package the wasm was built from, for its import paths")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-base old.wasm] [-top N] [-depth N] [-funcs pkg] [-q Q] [-pkg ./wasm] file.wasm")
		os.Exit(2)
	}
	pkgs, err := listPackages(*mainPkg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
	group := func(name string) string {
		pkg := pkgs.of(name, *depth)
		if pkg == *funcs {
			return name
		}
		return pkg
	}
	cur, err := measureFile(flag.Arg(0), group, *quality)
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
	var old map[string]size
	if *base != "" {
		if old, err = measureFile(*base, group, *quality); err != nil {
			fmt.Fprintln(os.Stderr, "wasmsize:", err)
			os.Exit(1)
		}
	}
	print(os.Stdout, cur, old, *top)
}

// size is a group's bytes: raw, and brotli-compressed on their own.
type size struct{ raw, brotli int }

// measureFile reads a wasm and returns the size of each group's code (as
// group names its functions), plus rows for data and the whole file.
func measureFile(name string, group func(function string) string, quality int) (map[string]size, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	m, err := parseModule(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(m.names) == 0 {
		return nil, fmt.Errorf("%s: no function names; build without -ldflags=-s", name)
	}
	code := map[string]*bytes.Buffer{}
	for i, body := range m.bodies {
		g := group(m.names[m.imported+i])
		if code[g] == nil {
			code[g] = &bytes.Buffer{}
		}
		code[g].Write(body)
	}
	out := map[string]size{}
	for g, buf := range code {
		out[g] = size{buf.Len(), brotliSize(buf.Bytes(), quality)}
	}
	out["(data)"] = size{len(m.data), brotliSize(m.data, quality)}
	out["(whole file)"] = size{len(b), brotliSize(b, quality)}
	return out, nil
}

func brotliSize(b []byte, quality int) int {
	var n countWriter
	w := brotli.NewWriterLevel(&n, quality)
	w.Write(b)
	w.Close()
	return int(n)
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

// print writes the rows largest first (by brotli size, or by its change
// when old is set), with the totals last.
func print(w io.Writer, cur, old map[string]size, top int) {
	type row struct {
		name       string
		now, delta size
	}
	var rows []row
	for name := range union(cur, old) {
		r := row{name: name, now: cur[name]}
		r.delta = size{cur[name].raw - old[name].raw, cur[name].brotli - old[name].brotli}
		rows = append(rows, r)
	}
	key := func(r row) int {
		if old != nil {
			return abs(r.delta.brotli)
		}
		return r.now.brotli
	}
	sort.Slice(rows, func(i, j int) bool {
		if key(rows[i]) != key(rows[j]) {
			return key(rows[i]) > key(rows[j])
		}
		return rows[i].name < rows[j].name
	})
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	if old != nil {
		fmt.Fprintln(tw, "raw KB\tbrotli KB\tΔ raw KB\tΔ brotli KB\t  package\t")
	} else {
		fmt.Fprintln(tw, "raw KB\tbrotli KB\t  package\t")
	}
	var whole row
	for i, r := range rows {
		if r.name == "(whole file)" {
			whole = r
			continue
		}
		if top > 0 && i >= top {
			continue
		}
		writeRow(tw, r.name, r.now, r.delta, old != nil)
	}
	writeRow(tw, whole.name, whole.now, whole.delta, old != nil)
	tw.Flush()
}

func writeRow(w io.Writer, name string, now, delta size, diff bool) {
	kb := func(n int) string { return fmt.Sprintf("%.1f", float64(n)/1000) }
	if diff {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t  %s\t\n", kb(now.raw), kb(now.brotli), kb(delta.raw), kb(delta.brotli), name)
		return
	}
	fmt.Fprintf(w, "%s\t%s\t  %s\t\n", kb(now.raw), kb(now.brotli), name)
}

func union(a, b map[string]size) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
