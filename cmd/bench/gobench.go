package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// goBenchPackages are the packages whose Benchmark functions the report
// summarises. The browser tests are left out: their TestMain starts a
// browser and a server even when no test runs.
var goBenchPackages = []string{"./app/...", "./placement/...", "./geo/...", "./internal/...", "./assets/..."}

// goBench is one benchmark's medians over its runs.
type goBench struct {
	Pkg, Name string
	Runs      int
	Median    map[string]float64 // by unit: ns/op, B/op, allocs/op, and custom units
	Units     []string           // in the order the benchmark printed them
}

// runGoBenchmarks runs every Benchmark in goBenchPackages count times,
// keeps the raw output in rawPath, and returns the medians.
func runGoBenchmarks(root string, count int, rawPath string) ([]goBench, error) {
	list, err := exec.Command("go", append([]string{"list"}, goBenchPackages...)...).Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	var pkgs []string
	for _, p := range strings.Fields(string(list)) {
		if !strings.HasSuffix(p, "/browsertest") {
			pkgs = append(pkgs, p)
		}
	}
	args := append([]string{"test", "-run", "^$", "-bench", ".", "-benchmem", "-count", strconv.Itoa(count)}, pkgs...)
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	fmt.Fprintf(os.Stderr, "bench: go %s\n", strings.Join(args, " "))
	runErr := cmd.Run()
	if err := os.MkdirAll(filepath.Dir(rawPath), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(rawPath, out.Bytes(), 0o644); err != nil {
		return nil, err
	}
	if runErr != nil {
		return parseGoBench(out.String()), fmt.Errorf("go test -bench failed (output in %s): %w", rawPath, runErr)
	}
	return parseGoBench(out.String()), nil
}

// parseGoBench reads `go test -bench` output — "pkg:" lines and result lines
// "BenchmarkName-2  1000  1234 ns/op  56 B/op  7 allocs/op" — and returns
// each benchmark's median per unit, in the order first seen.
func parseGoBench(out string) []goBench {
	var order []string
	values := map[string]map[string][]float64{}
	units := map[string][]string{}
	pkg := ""
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = strings.TrimSpace(p)
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		key := pkg + "\t" + f[0]
		if values[key] == nil {
			values[key] = map[string][]float64{}
			order = append(order, key)
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			if values[key][f[i+1]] == nil {
				units[key] = append(units[key], f[i+1])
			}
			values[key][f[i+1]] = append(values[key][f[i+1]], v)
		}
	}
	var out2 []goBench
	for _, key := range order {
		pkg, name, _ := strings.Cut(key, "\t")
		b := goBench{Pkg: pkg, Name: name, Median: map[string]float64{}, Units: units[key]}
		for u, vs := range values[key] {
			b.Median[u] = median(vs)
			b.Runs = max(b.Runs, len(vs))
		}
		out2 = append(out2, b)
	}
	return out2
}

// median of xs (0 for none); xs is not changed.
func median(xs []float64) float64 {
	return quantile(xs, 0.5)
}

// quantile of xs by linear interpolation between closest ranks.
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	pos := q * float64(len(s)-1)
	lo := int(pos)
	if lo+1 >= len(s) {
		return s[lo]
	}
	return s[lo] + (pos-float64(lo))*(s[lo+1]-s[lo])
}
