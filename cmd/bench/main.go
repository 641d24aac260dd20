// Command bench measures Heartland and writes BENCHMARKS.md: the Go
// benchmarks' medians, and a browser benchmark that loads Heartland, a
// Leaflet 1.9.4 page and a MapLibre GL JS 6.17.0 page drawing the same
// region data in headless Chromium, over interleaved cold runs.
//
// Run it from the repository root after `make dist` (`make bench` does
// both and installs the pinned npm packages into build/npm):
//
//	go run ./cmd/bench -runs 5 -dprs 1,2 -out BENCHMARKS.md
//
// -only latency (clicks, taps, hover and URL hash on the three maps) and
// -only first (first pixels, warm and cold) run one part in a minute or
// two and print it, for iterating on that part.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// config is what the flags set.
type config struct {
	runs     int
	dprs     []float64
	goCount  int
	out      string
	chromium string
	goBench  bool
	browser  bool
	pages    string
	only     string // "", "latency" or "first"
}

func parseFlags() (config, error) {
	var c config
	var dprs string
	flag.IntVar(&c.runs, "runs", 3, "cold runs of each page at each device pixel ratio, interleaved")
	flag.StringVar(&dprs, "dprs", "1,2", "comma-separated device pixel ratios")
	flag.IntVar(&c.goCount, "count", 6, "go test -count for the Go benchmarks")
	flag.StringVar(&c.out, "out", "BENCHMARKS.md", "report to write")
	flag.StringVar(&c.chromium, "chromium", "/usr/bin/chromium", "Chromium binary")
	flag.BoolVar(&c.goBench, "go", true, "run the Go benchmarks")
	flag.BoolVar(&c.browser, "browser", true, "run the browser benchmark")
	flag.StringVar(&c.pages, "pages", "", "measure only the pages whose names contain this (Heartland always runs, except in the latency benchmark)")
	flag.IntVar(&clickCount, "clicks", len(clickPlaces), "places clicked per press style in the latency benchmark (at most 24; 20 or more for the targets)")
	flag.StringVar(&c.only, "only", "", "run only one part of the browser benchmark, quickly, and print it: latency (clicks, taps, hover, URL hash) or first (first pixels, warm and cold); the report goes to -out only if -out is given")
	flag.Parse()
	switch c.only {
	case "", "latency", "first":
	default:
		return c, fmt.Errorf("-only %q: want latency or first", c.only)
	}
	if c.only != "" {
		c.goBench = false
		outGiven := false
		flag.Visit(func(f *flag.Flag) { outGiven = outGiven || f.Name == "out" })
		if !outGiven {
			c.out = ""
		}
	}
	clickCount = max(1, min(clickCount, len(clickPlaces)))
	if c.runs < 1 || c.goCount < 1 {
		return c, errors.New("-runs and -count must be at least 1")
	}
	for _, s := range strings.Split(dprs, ",") {
		d, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || d < 0.5 || d > 4 {
			return c, fmt.Errorf("-dprs %q: want numbers between 0.5 and 4, like 1,2", dprs)
		}
		c.dprs = append(c.dprs, d)
	}
	return c, nil
}

func run() error {
	cfg, err := parseFlags()
	if err != nil {
		return err
	}
	began := time.Now()
	if _, err := os.Stat("go.mod"); err != nil {
		return errors.New("run from the repository root (the folder with go.mod)")
	}
	root, _ := os.Getwd()
	rep := &report{Date: began.UTC(), Runs: cfg.runs, DPRs: cfg.dprs, GoCount: cfg.goCount, Machine: machine(), LoadBefore: loadAverage()}
	if cfg.goBench {
		// A broken benchmark should not cost the browser figures: report it.
		if rep.Go, err = runGoBenchmarks(root, cfg.goCount, "build/bench/go-bench.txt"); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			rep.Failures = append(rep.Failures, err.Error())
		}
	}
	if cfg.browser {
		if err := browserBench(root, cfg, rep); err != nil {
			return err
		}
	}
	rep.Took, rep.LoadAfter = time.Since(began), loadAverage()
	if cfg.out != "" {
		if err := os.WriteFile(cfg.out, []byte(rep.markdown()), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "bench: wrote %s in %s\n", cfg.out, rep.Took.Round(time.Second))
	}
	fmt.Print(rep.summary())
	return nil
}

// browserBench serves the three pages and measures each in turn, round
// after round, so drift in the machine spreads over all of them.
func browserBench(root string, cfg config, rep *report) error {
	for _, f := range []string{"dist/index.html", "build/heartland"} {
		if _, err := os.Stat(f); err != nil {
			return fmt.Errorf("%s is missing: run make dist first", f)
		}
	}
	data := filepath.Join(root, "build/bench/data")
	if err := exportRegion(root, filepath.Join(data, "region.geojson")); err != nil {
		return err
	}
	if err := exportNaturalEarth(filepath.Join(root, "build/npm/node_modules/world-atlas/countries-10m.json"),
		filepath.Join(data, "ne10m.geojson")); err != nil {
		return err
	}
	wasmBr, err := filepath.Glob("dist/heartland*.wasm.br")
	if err != nil || len(wasmBr) != 1 {
		return fmt.Errorf("want one dist/heartland*.wasm.br, found %v", wasmBr)
	}
	if st, err := os.Stat(wasmBr[0]); err == nil {
		rep.WasmBrotliBytes = float64(st.Size())
	}
	heartlandURL, stopHeartland, err := serveHeartland(root)
	if err != nil {
		return err
	}
	defer stopHeartland()
	anchorURL, stopAnchors, err := newAnchorServer(root, data).start()
	if err != nil {
		return err
	}
	defer stopAnchors()
	if rep.Browser, err = browserVersion(cfg.chromium); err != nil {
		return err
	}
	rep.Flags = append(append([]string{}, chromiumFlags...), "--force-device-scale-factor=DPR", "--user-data-dir=(fresh per run)")
	const all = "#layers=countries,boundaries,water,labels,energy,minerals,trade,cities"
	targets := []target{
		{Name: nameHeartland, Kind: "heartland", URL: heartlandURL + all, Full: true},
		{Name: nameEmbed, Kind: "heartland", URL: heartlandURL + "embed.html" + all, Poster: true},
		{Name: nameLeaflet, Kind: "leaflet", Anchor: "region", URL: anchorURL + "/pages/leaflet.html?data=region", Full: true},
		{Name: nameMapLibre, Kind: "maplibre", Anchor: "region", URL: anchorURL + "/pages/maplibre.html?data=region", Full: true},
		{Name: nameLeafletNE, Kind: "leaflet", Anchor: "ne10m", URL: anchorURL + "/pages/leaflet.html?data=ne10m", Full: true},
		{Name: nameMapLibreNE, Kind: "maplibre", Anchor: "ne10m", URL: anchorURL + "/pages/maplibre.html?data=ne10m", Full: true},
	}
	rep.Targets = targets
	rep.Samples = map[float64]map[string][]sample{}
	rep.Only = cfg.only
	if cfg.only != "first" {
		// Latency needs no repeat per round: 24 places × 3 press styles.
		rep.LatencyDPR = cfg.dprs[0]
		rep.Latency = map[string]*latencySample{}
		for _, t := range targets {
			if t.Anchor == "ne10m" || t.Name == nameEmbed || !strings.Contains(strings.ToLower(t.Name), strings.ToLower(cfg.pages)) {
				continue
			}
			fmt.Fprintf(os.Stderr, "bench: latency, DPR %g, %s\n", rep.LatencyDPR, t.Name)
			l, err := measureLatency(cfg.chromium, t, rep.LatencyDPR)
			if err != nil {
				fmt.Fprintf(os.Stderr, "bench: %s latency failed: %v\n", t.Name, err)
				rep.Failures = append(rep.Failures, fmt.Sprintf("%s latency: %v", t.Name, err))
				continue
			}
			rep.Latency[t.Name] = l
		}
		if cfg.only == "latency" {
			return nil
		}
	}
	for r := 1; r <= cfg.runs; r++ {
		for _, dpr := range cfg.dprs {
			if rep.Samples[dpr] == nil {
				rep.Samples[dpr] = map[string][]sample{}
			}
			for i, t := range targets {
				if i > 0 && !strings.Contains(strings.ToLower(t.Name), strings.ToLower(cfg.pages)) || cfg.only == "first" && t.Anchor == "ne10m" {
					continue
				}
				fmt.Fprintf(os.Stderr, "bench: run %d/%d, DPR %g, %s\n", r, cfg.runs, dpr, t.Name)
				shot := ""
				if r == 1 { // one picture of each page, to look at
					shot = fmt.Sprintf("build/bench/%s-dpr%g.png", strings.NewReplacer(" ", "-", ",", "", ".", "-").Replace(strings.ToLower(t.Name)), dpr)
				}
				var s sample
				var err error
				if cfg.only == "first" {
					s.FirstPixelsMs, err = measureFirstPixels(cfg.chromium, t, dpr, false)
				} else {
					s, err = measure(cfg.chromium, t, dpr, shot)
				}
				if err == nil && t.Anchor != "ne10m" {
					// The same page again in a browser that is already running.
					s.WarmFirstPixelsMs, err = measureFirstPixels(cfg.chromium, t, dpr, true)
				}
				if err != nil {
					fmt.Fprintf(os.Stderr, "bench: %s (DPR %g, run %d) failed: %v\n", t.Name, dpr, r, err)
					rep.Failures = append(rep.Failures, fmt.Sprintf("%s, DPR %g, run %d: %v", t.Name, dpr, r, err))
					continue
				}
				rep.Samples[dpr][t.Name] = append(rep.Samples[dpr][t.Name], s)
			}
		}
	}
	return nil
}

// serveHeartland runs `heartland serve` on dist/ at a free loopback port and
// returns the URL it prints.
func serveHeartland(root string) (string, func(), error) {
	cmd := exec.Command(filepath.Join(root, "build/heartland"), "serve", "-dir", filepath.Join(root, "dist"), "-addr", "127.0.0.1:0")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	stop := func() { cmd.Process.Signal(syscall.SIGINT); cmd.Wait() }
	sc := bufio.NewScanner(out)
	if sc.Scan() {
		if url, ok := strings.CutPrefix(sc.Text(), "Heartland is running at "); ok {
			go func() { // keep reading so the server never blocks on a full pipe
				for sc.Scan() {
				}
			}()
			return url, stop, nil
		}
	}
	stop()
	return "", nil, errors.New("heartland serve printed no URL")
}

// loadAverage is /proc/loadavg's 1, 5 and 15 minute load averages: other
// work on the machine slows every figure.
func loadAverage() string {
	data, _ := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "unknown"
}

// machine describes the CPU, cores and memory from /proc.
func machine() string {
	model, mem := "unknown CPU", ""
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(l, "model name"); ok {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(l, "MemTotal:"); ok {
				if kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64); err == nil {
					mem = fmt.Sprintf(", %.0f GiB memory", kb/1024/1024)
				}
			}
		}
	}
	cores, _ := exec.Command("nproc").Output()
	kernel, _ := os.ReadFile("/proc/sys/kernel/osrelease")
	return fmt.Sprintf("%s, %s cores%s, Linux %s", model, strings.TrimSpace(string(cores)), mem, strings.TrimSpace(string(kernel)))
}
