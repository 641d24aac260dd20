package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// compressibleExts are the file types that get .br and .gz siblings.
var compressibleExts = map[string]bool{
	".wasm": true, ".js": true, ".css": true, ".html": true,
	".json": true, ".svg": true, ".geojson": true, ".bin": true,
}

// largeFileBytes splits files into those compressed at brotli quality 11
// and those (the wasm) compressed at -large-brotli-quality.
const largeFileBytes = 1 << 20

// defaultLargeBrotliQuality keeps `heartland build` fast on a 12.7 MB
// wasm on 2 cores: quality 9 takes ~2.5 s and gives 2.56 MB; 10 takes
// ~26 s (2.31 MB) and 11 ~50 s (2.25 MB), measured with andybalholm/brotli.
const defaultLargeBrotliQuality = 9

// compressJob is one sibling to write: NAME.br or NAME.gz of files[index].
type compressJob struct {
	index  int
	suffix string // ".br" or ".gz"
	size   int64  // of the original, to schedule big jobs first
}

// precompressAll writes .br and .gz siblings of the compressible files,
// on all CPUs, and records their sizes in files.
func precompressAll(outDir string, files []builtFile, largeBrotliQuality int) error {
	var jobs []compressJob
	for i, f := range files {
		if compressibleExts[strings.ToLower(path.Ext(f.rel))] {
			jobs = append(jobs, compressJob{i, ".br", f.raw}, compressJob{i, ".gz", f.raw})
		}
	}
	// Longest first, so the wasm's brotli does not start last and leave
	// the other cores idle while it runs.
	sort.SliceStable(jobs, func(a, b int) bool { return jobs[a].size > jobs[b].size })

	queue := make(chan int) // positions in jobs
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(jobs), 1)) {
		wg.Go(func() {
			for j := range queue {
				job := jobs[j]
				size, err := writeCompressedSibling(outDir, files[job.index].rel, job.suffix, largeBrotliQuality)
				if err != nil {
					errs[j] = err
					continue
				}
				// Each job owns one size field of one file; workers read only
				// rel, which nobody writes, so they share nothing else.
				if job.suffix == ".br" {
					files[job.index].brotliSize = size
				} else {
					files[job.index].gzipSize = size
				}
			}
		})
	}
	for j := range jobs {
		queue <- j
	}
	close(queue)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// writeCompressedSibling writes outDir/rel+suffix if it is smaller than
// rel and returns its size, or 0 when not worth writing.
func writeCompressedSibling(outDir, rel, suffix string, largeBrotliQuality int) (int64, error) {
	src := filepath.Join(outDir, filepath.FromSlash(rel))
	data, err := os.ReadFile(src)
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	var w io.WriteCloser
	if suffix == ".br" {
		quality := brotli.BestCompression
		if len(data) > largeFileBytes {
			quality = largeBrotliQuality
		}
		w = brotli.NewWriterLevel(&buf, quality)
	} else {
		w, _ = gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
	}
	if _, err := w.Write(data); err != nil {
		return 0, fmt.Errorf("compressing %s: %w", src, err)
	}
	if err := w.Close(); err != nil {
		return 0, fmt.Errorf("compressing %s: %w", src, err)
	}
	if buf.Len() >= len(data) {
		return 0, nil
	}
	if err := os.WriteFile(src+suffix, buf.Bytes(), 0o644); err != nil {
		return 0, err
	}
	return int64(buf.Len()), nil
}

// printBuildSummary lists every file with its raw, gzip and brotli sizes
// in bytes ("-" where no sibling was written), then the content-hashed
// renames recorded in manifest.json.
func printBuildSummary(w io.Writer, cfg buildConfig, files []builtFile, took time.Duration) {
	sorted := append([]builtFile(nil), files...)
	sort.Slice(sorted, func(a, b int) bool { return sorted[a].rel < sorted[b].rel })
	fmt.Fprintf(w, "Built %s in %.1fs (brotli quality 11; %d for files over 1 MiB)\n",
		cfg.outDir, took.Seconds(), cfg.largeBrotliQuality)
	width := len("file")
	for _, f := range sorted {
		width = max(width, len(f.rel))
	}
	fmt.Fprintf(w, "  %-*s %12s %12s %12s\n", width, "file", "raw", "gzip", "brotli")
	for _, f := range sorted {
		fmt.Fprintf(w, "  %-*s %12s %12s %12s\n", width, f.rel,
			groupDigits(f.raw), sizeOrDash(f.gzipSize), sizeOrDash(f.brotliSize))
	}
	printManifest(w, sorted)
}

// printManifest writes one "old -> new" line per renamed file.
func printManifest(w io.Writer, files []builtFile) {
	var renamed []builtFile
	width := 0
	for _, f := range files {
		if f.renamedFrom != "" {
			renamed = append(renamed, f)
			width = max(width, len(f.renamedFrom))
		}
	}
	if len(renamed) == 0 {
		return
	}
	sort.Slice(renamed, func(a, b int) bool { return renamed[a].renamedFrom < renamed[b].renamedFrom })
	fmt.Fprintf(w, "Content-hashed names (%s):\n", manifestName)
	for _, f := range renamed {
		fmt.Fprintf(w, "  %-*s -> %s\n", width, f.renamedFrom, f.rel)
	}
}

func sizeOrDash(n int64) string {
	if n == 0 {
		return "-"
	}
	return groupDigits(n)
}

// groupDigits writes n with thousands separators: 12,661,129.
func groupDigits(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
