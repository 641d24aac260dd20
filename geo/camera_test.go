package geo_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// newCamera returns an 800×600 camera on the region at zoom 6 over the
// projection's origin, where neither pan nor zoom is clamped.
func newCamera(t *testing.T) *geo.Camera {
	t.Helper()
	c := geo.NewCamera(geo.CentralAsia, regionLimits())
	c.SetViewport(800, 600, 2)
	c.SetView(orb.Point{66, 45}, 6)
	if got := c.Zoom(); got != 6 {
		t.Fatalf("after SetView(66°E 45°N, 6) Zoom() = %v; want 6", got)
	}
	return c
}

func TestCameraUnprojectUndoesProject(t *testing.T) {
	c := newCamera(t)
	for _, zoom := range []float64{4, 6, 9.5, 12} {
		c.SetView(tashkent, zoom)
		for _, p := range []orb.Point{almaty, astana, tashkent, baku, {66, 45}} {
			x, y := c.Project(p)
			if got := c.Unproject(x, y); !nearPoint(got, p, 1e-9) {
				t.Errorf("zoom %v: Unproject(Project(%v)) = %v; want %v within 1e-9°", zoom, p, got, p)
			}
		}
	}
}

func TestCameraCenterProjectsToViewportMiddle(t *testing.T) {
	c := newCamera(t)
	c.SetView(tashkent, 8)
	if got := c.Center(); !nearPoint(got, tashkent, 1e-9) {
		t.Fatalf("Center() = %v; want %v", got, tashkent)
	}
	if x, y := c.Project(tashkent); !near(x, 400, 1e-6) || !near(y, 300, 1e-6) {
		t.Errorf("Project(%v) = (%v, %v); want (400, 300)", tashkent, x, y)
	}
}

func TestCameraScreenYGrowsDownAndXEast(t *testing.T) {
	c := newCamera(t)
	x0, y0 := c.Project(orb.Point{66, 45})
	xe, _ := c.Project(orb.Point{67, 45})
	_, yn := c.Project(orb.Point{66, 46})
	if !(xe > x0) {
		t.Errorf("Project(67°E).x = %v; want more than Project(66°E).x = %v", xe, x0)
	}
	if !(yn < y0) {
		t.Errorf("Project(46°N).y = %v; want less than Project(45°N).y = %v", yn, y0)
	}
}

func TestCameraScaleDoublesPerZoomStep(t *testing.T) {
	c := newCamera(t)
	for z := 5.0; z < 11; z += 0.75 {
		c.SetView(orb.Point{66, 45}, z)
		s := c.Scale()
		c.SetView(orb.Point{66, 45}, z+1)
		if got := c.Scale(); !near(got/s, 2, 1e-12) {
			t.Errorf("Scale at zoom %v / Scale at zoom %v = %v; want 2", z+1, z, got/s)
		}
	}
}

func TestCameraAffineMatchesWorldToScreenInDevicePixels(t *testing.T) {
	c := newCamera(t)
	_, _, dpr := c.Viewport()
	a, tx, ty := c.Affine()
	for _, p := range []orb.Point{almaty, baku, astana} {
		w := geo.CentralAsia.Forward(p)
		x, y := c.WorldToScreen(w)
		if gx, gy := a*w[0]+tx, -a*w[1]+ty; !near(gx, x*dpr, 1e-6) || !near(gy, y*dpr, 1e-6) {
			t.Errorf("Affine applied to Forward(%v) = (%v, %v); want (%v, %v)", p, gx, gy, x*dpr, y*dpr)
		}
	}
}

func TestCameraZoomAroundKeepsAnchorFixed(t *testing.T) {
	tests := []struct{ x, y, dz float64 }{
		{400, 300, 1},
		{300, 200, 0.5},
		{100, 550, -0.75},
		{790, 10, 1.3},
		{0, 0, -1},
		{512.25, 77.5, 2},
	}
	for _, tt := range tests {
		c := newCamera(t)
		anchor := c.Unproject(tt.x, tt.y)
		c.ZoomAround(tt.x, tt.y, tt.dz)
		if got := c.Zoom(); got != 6+tt.dz {
			t.Fatalf("ZoomAround(%v, %v, %v): Zoom() = %v; want %v (test must stay inside limits)", tt.x, tt.y, tt.dz, got, 6+tt.dz)
		}
		if x, y := c.Project(anchor); !near(x, tt.x, 1e-6) || !near(y, tt.y, 1e-6) {
			t.Errorf("after ZoomAround(%v, %v, %v) Project(anchor) = (%v, %v); want (%v, %v)", tt.x, tt.y, tt.dz, x, y, tt.x, tt.y)
		}
	}
}

func TestCameraPanByMovesContentByExactPixels(t *testing.T) {
	tests := []struct{ dx, dy float64 }{{10, -20}, {-150, 75.5}, {0, 0}, {0.25, 300}, {-399, 0}}
	for _, tt := range tests {
		c := newCamera(t)
		x0, y0 := c.Project(almaty)
		c.PanBy(tt.dx, tt.dy)
		if x, y := c.Project(almaty); !near(x, x0+tt.dx, 1e-6) || !near(y, y0+tt.dy, 1e-6) {
			t.Errorf("after PanBy(%v, %v) Project(%v) = (%v, %v); want (%v, %v)", tt.dx, tt.dy, almaty, x, y, x0+tt.dx, y0+tt.dy)
		}
	}
}

func TestCameraFitBoundsFramesTheBound(t *testing.T) {
	tests := []struct {
		name    string
		bound   orb.Bound
		padding float64
	}{
		{"Kazakhstan", orb.Bound{Min: orb.Point{46.5, 40.5}, Max: orb.Point{87.4, 55.5}}, 0},
		{"Kazakhstan padded", orb.Bound{Min: orb.Point{46.5, 40.5}, Max: orb.Point{87.4, 55.5}}, 40},
		{"Caspian", orb.Bound{Min: orb.Point{46.7, 36.5}, Max: orb.Point{54.8, 47.1}}, 16},
		{"Fergana valley", orb.Bound{Min: orb.Point{70.5, 40.2}, Max: orb.Point{73.5, 41.5}}, 16},
		{"across the central meridian", orb.Bound{Min: orb.Point{60, 30}, Max: orb.Point{72, 40}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCamera(t)
			c.FitBounds(tt.bound, tt.padding)
			w, h, _ := c.Viewport()
			lo, hiX, hiY := tt.padding-1e-6, w-tt.padding+1e-6, h-tt.padding+1e-6
			var minX, maxX, minY, maxY = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
			for _, p := range boundOutline(tt.bound, 32) {
				x, y := c.Project(p)
				if x < lo || x > hiX || y < lo || y > hiY {
					t.Errorf("after FitBounds(%v, %v) Project(%v) = (%v, %v); want inside [%v, %v]×[%v, %v]",
						tt.bound, tt.padding, p, x, y, tt.padding, w-tt.padding, tt.padding, h-tt.padding)
				}
				minX, maxX, minY, maxY = math.Min(minX, x), math.Max(maxX, x), math.Min(minY, y), math.Max(maxY, y)
			}
			// The largest zoom that fits fills the viewport along one axis.
			fillX, fillY := (maxX-minX)/(w-2*tt.padding), (maxY-minY)/(h-2*tt.padding)
			if math.Max(fillX, fillY) < 1-1e-9 {
				t.Errorf("after FitBounds(%v, %v) the bound fills %.4f×%.4f of the viewport; want one axis full", tt.bound, tt.padding, fillX, fillY)
			}
		})
	}
}

func TestCameraFitBoundsOnATinyBoundStopsAtMaxZoom(t *testing.T) {
	c := newCamera(t)
	box := orb.Bound{Min: almaty, Max: orb.Point{almaty[0] + 1e-6, almaty[1] + 1e-6}}
	c.FitBounds(box, 0)
	if got, want := c.Zoom(), regionLimits().MaxZoom; got != want {
		t.Errorf("after FitBounds(1e-6° box) Zoom() = %v; want MaxZoom %v", got, want)
	}
	if x, y := c.Project(almaty); !near(x, 400, 0.01) || !near(y, 300, 0.01) {
		t.Errorf("after FitBounds(1e-6° box at %v) Project(%v) = (%v, %v); want the middle (400, 300)", almaty, almaty, x, y)
	}
}

func TestCameraMinZoomJustCoversTheWorld(t *testing.T) {
	lim := regionLimits()
	for _, size := range [][2]float64{{800, 600}, {600, 800}, {1920, 1080}, {320, 640}, {1, 1}} {
		c := geo.NewCamera(geo.CentralAsia, lim)
		c.SetViewport(size[0], size[1], 1)
		c.SetView(orb.Point{66, 45}, -100)
		if got, want := c.Zoom(), c.MinZoom(); got != want {
			t.Errorf("%v×%v: after SetView(zoom -100) Zoom() = %v; want MinZoom() = %v", size[0], size[1], got, want)
		}
		v := c.VisibleWorld()
		fillX := (v.Right() - v.Left()) / (lim.World.Right() - lim.World.Left())
		fillY := (v.Top() - v.Bottom()) / (lim.World.Top() - lim.World.Bottom())
		if math.Max(fillX, fillY) < 1-1e-9 || math.Max(fillX, fillY) > 1+1e-9 {
			t.Errorf("%v×%v at MinZoom: viewport spans %.6f×%.6f of World; want 1 along the tighter axis", size[0], size[1], fillX, fillY)
		}
	}
}

func TestCameraMinZoomGrowsWithTheViewport(t *testing.T) {
	c := geo.NewCamera(geo.CentralAsia, regionLimits())
	c.SetViewport(400, 300, 1)
	small := c.MinZoom()
	c.SetViewport(800, 600, 1)
	if got := c.MinZoom(); !near(got, small+1, 1e-12) {
		t.Errorf("MinZoom at 800×600 = %v; want MinZoom at 400×300 + 1 = %v", got, small+1)
	}
}

func TestCameraSetViewportRepairsBadValues(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		w, h, dpr           float64
		wantW, wantH, wantD float64
	}{
		{800, 600, 2, 800, 600, 2},
		{800, 600, 0, 800, 600, 1},
		{800, 600, nan, 800, 600, 1},
		{800, 600, -2, 800, 600, 1},
		{800, 600, inf, 800, 600, 1},
		{0, 0, 1, 1, 1, 1},
		{-5, 0.5, 1, 1, 1, 1},
		{nan, 600, 1, 1, 600, 1},
		{800, inf, 1, 800, 1, 1},
	}
	for _, tt := range tests {
		c := newCamera(t)
		c.SetViewport(tt.w, tt.h, tt.dpr)
		if w, h, d := c.Viewport(); w != tt.wantW || h != tt.wantH || d != tt.wantD {
			t.Errorf("SetViewport(%v, %v, %v); Viewport() = (%v, %v, %v); want (%v, %v, %v)", tt.w, tt.h, tt.dpr, w, h, d, tt.wantW, tt.wantH, tt.wantD)
		}
		checkInsideLimits(t, c, fmt.Sprintf("SetViewport(%v, %v, %v)", tt.w, tt.h, tt.dpr))
	}
}

// cameraOp is one thing a person, a link or a script can do to the camera.
type cameraOp struct {
	name string
	do   func(c *geo.Camera)
}

func hostileCameraOps() []cameraOp {
	nan, inf := math.NaN(), math.Inf(1)
	values := []float64{0, 1, -1, 1e9, -1e9, nan, inf, -inf, 1e-300, 3.5}
	var ops []cameraOp
	for _, a := range values {
		for _, b := range values {
			ops = append(ops,
				cameraOp{fmt.Sprintf("PanBy(%v, %v)", a, b), func(c *geo.Camera) { c.PanBy(a, b) }},
				cameraOp{fmt.Sprintf("ZoomAround(400, 300, %v)", a), func(c *geo.Camera) { c.ZoomAround(400, 300, a) }},
				cameraOp{fmt.Sprintf("ZoomAround(%v, %v, 1)", a, b), func(c *geo.Camera) { c.ZoomAround(a, b, 1) }},
				cameraOp{fmt.Sprintf("SetView([%v %v], %v)", a, b, a), func(c *geo.Camera) { c.SetView(orb.Point{a, b}, a) }},
				cameraOp{fmt.Sprintf("SetView(Almaty, %v)", b), func(c *geo.Camera) { c.SetView(almaty, b) }},
				cameraOp{fmt.Sprintf("FitBounds([%v %v]–[66 45], 16)", a, b), func(c *geo.Camera) {
					c.FitBounds(orb.Bound{Min: orb.Point{a, b}, Max: orb.Point{66, 45}}, 16)
				}},
				cameraOp{fmt.Sprintf("FitBounds([60 40]–[70 50], %v)", a), func(c *geo.Camera) {
					c.FitBounds(orb.Bound{Min: orb.Point{60, 40}, Max: orb.Point{70, 50}}, a)
				}},
			)
		}
	}
	return ops
}

func TestCameraStaysInsideLimitsWhateverItIsAsked(t *testing.T) {
	ops := hostileCameraOps()
	// Each op alone, from a normal view.
	for _, op := range ops {
		c := newCamera(t)
		op.do(c)
		checkInsideLimits(t, c, op.name)
	}
	// Random sequences, reproducible.
	r := rand.New(rand.NewPCG(1, 2))
	for seq := 0; seq < 200; seq++ {
		c := newCamera(t)
		var history []string
		for step := 0; step < 12; step++ {
			op := ops[r.IntN(len(ops))]
			op.do(c)
			history = append(history, op.name)
			if !checkInsideLimits(t, c, fmt.Sprint(history)) {
				break
			}
		}
	}
}

// checkInsideLimits reports whether the camera shows only Limits.World, at a
// finite zoom within [MinZoom, MaxZoom].
func checkInsideLimits(t *testing.T, c *geo.Camera, after string) bool {
	t.Helper()
	lim := regionLimits()
	w := lim.World
	slack := 1e-6 * math.Max(w.Right()-w.Left(), w.Top()-w.Bottom())
	v := c.VisibleWorld()
	ok := true
	if !(v.Left() >= w.Left()-slack && v.Right() <= w.Right()+slack && v.Bottom() >= w.Bottom()-slack && v.Top() <= w.Top()+slack) {
		t.Errorf("after %s VisibleWorld() = %v; want inside %v", after, v, w)
		ok = false
	}
	if z := c.Zoom(); !(z <= lim.MaxZoom) || !(z >= c.MinZoom()-1e-9) {
		t.Errorf("after %s Zoom() = %v; want within [MinZoom %v, MaxZoom %v]", after, z, c.MinZoom(), lim.MaxZoom)
		ok = false
	}
	if p := c.Center(); math.IsNaN(p[0]) || math.IsNaN(p[1]) {
		t.Errorf("after %s Center() = %v; want a finite point", after, p)
		ok = false
	}
	return ok
}

// boundOutline samples the edges of a lon/lat bound, n points per edge.
func boundOutline(b orb.Bound, n int) []orb.Point {
	var out []orb.Point
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		lon, lat := b.Min[0]+t*(b.Max[0]-b.Min[0]), b.Min[1]+t*(b.Max[1]-b.Min[1])
		out = append(out, orb.Point{lon, b.Min[1]}, orb.Point{lon, b.Max[1]}, orb.Point{b.Min[0], lat}, orb.Point{b.Max[0], lat})
	}
	return out
}

func TestCameraFitBoundsPaddedCentresInTheFreeArea(t *testing.T) {
	c := newCamera(t)
	c.SetViewport(1280, 800, 1)
	b := orb.Bound{Min: orb.Point{60, 40}, Max: orb.Point{70, 45}}
	pad := geo.Padding{Top: 20, Right: 20, Bottom: 20, Left: 300}
	c.FitBoundsPadded(b, pad)
	w := geo.CentralAsia.ForwardBound(b)
	x0, y0 := c.WorldToScreen(w.Min)
	x1, y1 := c.WorldToScreen(w.Max)
	if x0 < pad.Left-1e-6 || x1 > 1280-pad.Right+1e-6 || y1 < pad.Top-1e-6 || y0 > 800-pad.Bottom+1e-6 {
		t.Errorf("bound lands at x %.1f–%.1f, y %.1f–%.1f; want inside the padding %+v", x0, x1, y1, y0, pad)
	}
	if mid := (x0 + x1) / 2; math.Abs(mid-(300+(1280-320)/2)) > 1 {
		t.Errorf("bound centre at x = %.1f; want %.1f, the free area's middle", mid, 300+(1280-320)/2.0)
	}
}
