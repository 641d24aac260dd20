package browsertest

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// heapAfterGC is the Go heap in bytes right after a collection.
func (p *mapPage) heapAfterGC() float64 {
	p.t.Helper()
	return evalJS[float64](p, `heartland.stats({gc: true}).heapBytes`)
}

func TestHeapStaysFlatThroughClicksResizesAndZooms(t *testing.T) {
	p := openMap(t, "#map=5.5/44/66")
	// Warm up every cache a session fills once: meshes (up to the maximum
	// zoom's), sprites, panels.
	for _, z := range []string{"4", "6", "8", "11", "5.5"} {
		p.setState(`{zoom: ` + z + `}`)
	}
	p.do(chromedp.MouseClickXY(700, 400), chromedp.MouseClickXY(700, 400))
	base := p.heapAfterGC()

	for i := 0; i < 1000; i++ { // a thousand clicks, alternating two places
		x := 600.0 + float64(i%2)*150
		p.do(chromedp.MouseClickXY(x, 380))
	}
	for i := 0; i < 20; i++ { // a resize storm
		w, h := int64(700+i*25), int64(500+i*10)
		p.do(chromedp.EmulateViewport(w, h))
	}
	p.do(chromedp.EmulateViewport(1280, 713))
	for i := 0; i < 50; i++ { // slam the zoom against both limits
		if i%2 == 0 {
			evalJS[any](p, `heartland.setState({zoom: 0})`)
		} else {
			evalJS[any](p, `heartland.setState({zoom: 22})`)
		}
	}
	p.setState(`{zoom: 5.5, center: [66, 44]}`)
	// Clicks queue up and apply on the game loop: wait until it has drawn
	// its last frame for them (idle for half a second), then clear.
	p.waitFor("the clicks to be applied", func() (bool, string) {
		before := evalJS[float64](p, `heartland.stats().frames`)
		time.Sleep(500 * time.Millisecond) // measuring idleness
		return evalJS[float64](p, `heartland.stats().frames`) == before, "still drawing"
	})
	p.setState(`{selected: null}`)
	// Ebiten frees deallocated images (the cache image of each resize) at a
	// later frame: let a few frames pass before measuring.
	for i := 0; i < 4; i++ {
		n := evalJS[float64](p, `heartland.stats().frames`)
		p.setState(fmt.Sprintf(`{center: [%g, 44]}`, 66+0.01*float64(i+1)))
		p.waitJS("another frame", fmt.Sprintf(`heartland.stats().frames > %g`, n))
	}
	after := math.Min(p.heapAfterGC(), p.heapAfterGC()) // the smaller of two: GC timing varies
	t.Logf("Go heap after GC: %.1f MB before, %.1f MB after 1000 clicks, 20 resizes, 50 zoom slams", base/1e6, after/1e6)
	// Caches are bounded (three mesh levels, sprites per label), so the heap
	// may move a little; a leak grows it by tens of megabytes (76 MB when
	// every mesh level was kept).
	if after > base*1.5+8e6 {
		t.Errorf("heap grew from %.1f MB to %.1f MB; want it flat (≤ 1.5× + 8 MB)", base/1e6, after/1e6)
	}
	if n := evalJS[int](p, `heartland.stats().frames`); n == 0 {
		t.Error("no frames drawn")
	}
	if id := evalJS[string](p, `(heartland.featureAt(heartland.project([67, 48])) || {}).id`); id != "KAZ" {
		t.Errorf("after the storm featureAt(central Kazakhstan) = %q; want KAZ (the map still answers)", id)
	}
}
