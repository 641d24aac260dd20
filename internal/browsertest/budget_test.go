package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
)

// The regression guard of `make bench`: the stable figures — bytes and the
// CPU of a still map — under limits below twice today's (BENCHMARKS.md), so
// a change that doubles the wasm or makes a still map redraw every frame
// fails. Timings stay in the benchmark.
const (
	budgetWasmBrotliBytes = 4_000_000 // today 2.27 MB at brotli 11 (make dist), 2.58 MB at 9
	budgetPageBytes       = 4_800_000 // index.html with everything it loads; today about 2.7–3.0 MB
	budgetIdleMsPerS      = 60        // a still map costs a few ms/s; one redrawing every frame hundreds
)

func TestBudgetWasmBrotliSize(t *testing.T) {
	name := builtName(t, "heartland.wasm")
	st, err := os.Stat(filepath.Join(env.root, "dist", name+".br"))
	if err != nil {
		t.Fatalf("%v; make dist writes the brotli-compressed wasm", err)
	}
	if st.Size() > budgetWasmBrotliBytes {
		t.Errorf("dist/%s.br is %.2f MB; want at most %.1f MB (see BENCHMARKS.md)", name, float64(st.Size())/1e6, budgetWasmBrotliBytes/1e6)
	}
}

func TestBudgetPageBytesAndIdleCPU(t *testing.T) {
	p := newPage(t)
	var (
		mu      sync.Mutex
		bytes   float64
		pending = map[network.RequestID]bool{}
	)
	chromedp.Listen(p.tab, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			pending[ev.RequestID] = true
		case *network.EventLoadingFinished:
			bytes += ev.EncodedDataLength
			delete(pending, ev.RequestID)
		case *network.EventLoadingFailed:
			delete(pending, ev.RequestID)
		}
	})
	p.do(chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tt, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		// Other tests share the browser's cache: count what a first visit costs.
		if _, err := cdp.Call(ctx, tt, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tt, performance.Enable, performance.EnableParams{})
		return err
	}))
	p.load("")
	// The wasm compiles while it streams, so the map can be ready before
	// DevTools reports the download finished.
	var loaded float64
	p.waitFor("every request to finish", func() (bool, string) {
		mu.Lock()
		defer mu.Unlock()
		loaded = bytes
		return len(pending) == 0, fmt.Sprintf("%d requests pending", len(pending))
	})
	t.Logf("index.html transferred %.2f MB", loaded/1e6)
	if loaded < 100_000 || loaded > budgetPageBytes {
		t.Errorf("index.html transferred %.2f MB to its first frame; want between 0.1 MB (the wasm must be counted) and %.1f MB", loaded/1e6, budgetPageBytes/1e6)
	}

	time.Sleep(time.Second) // measuring idleness: let start-up work end
	before := p.taskSeconds()
	start := time.Now()
	time.Sleep(3 * time.Second) // measuring idleness
	msPerS := (p.taskSeconds() - before) * 1000 / time.Since(start).Seconds()
	t.Logf("still map: %.1f ms/s of page tasks", msPerS)
	if msPerS > budgetIdleMsPerS {
		t.Errorf("a still map used %.0f ms/s of main-thread tasks (Performance.getMetrics TaskDuration); want at most %d: is it redrawing every frame?", msPerS, budgetIdleMsPerS)
	}
}

// taskSeconds is the page's Performance.getMetrics TaskDuration: seconds of
// main-thread tasks since it loaded.
func (p *mapPage) taskSeconds() float64 {
	p.t.Helper()
	var v float64
	p.do(chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
		m, err := cdp.Call(ctx, tt, performance.GetMetrics, cdp.Empty{})
		for _, x := range m.Metrics {
			if x.Name == "TaskDuration" {
				v = x.Value
			}
		}
		return err
	}))
	if v <= 0 {
		p.t.Fatal("Performance.getMetrics gave no TaskDuration")
	}
	return v
}
