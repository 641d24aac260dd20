package app

import (
	"math"
	"strings"
	"testing"
	"time"

	"heartland/geo"
)

func click(m *Map, x, y float64) {
	m.PointerDown(Pointer{ID: 1, X: x, Y: y, Mouse: true})
	m.PointerUp(Pointer{ID: 1, X: x, Y: y, Mouse: true})
}

func TestClickOpensThePanelBeforeAnyFrame(t *testing.T) {
	m, page, _, _ := testMap()
	x, y := screen(m, 66, 48) // inside Kazakhstan
	click(m, x, y)
	got := page.took()
	for _, want := range []string{"open KAZ", "hash #", "emit select"} {
		if !strings.Contains(got, want) {
			t.Errorf("after a click the page got %q; want %q in it", got, want)
		}
	}
	if m.Selected() != "KAZ" {
		t.Errorf("Selected() = %q; want KAZ", m.Selected())
	}
	if !strings.Contains(page.hash, "select=KAZ") {
		t.Errorf("hash = %q; want select=KAZ", page.hash)
	}
}

func TestPressesOfAnyLengthAndJitterAreClicks(t *testing.T) {
	for _, tc := range []struct {
		name    string
		moves   [][2]float64 // offsets from the press, CSS pixels
		selects bool
	}{
		{"no move", nil, true},
		{"3 px jitter", [][2]float64{{2, 1}, {3, 0}}, true},
		{"a drag", [][2]float64{{10, 0}, {40, 5}}, false},
		{"out and back", [][2]float64{{30, 0}, {0, 0}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, _, _, _ := testMap()
			x, y := screen(m, 66, 48)
			m.PointerDown(Pointer{ID: 1, X: x, Y: y})
			for _, d := range tc.moves {
				m.PointerMove(Pointer{ID: 1, X: x + d[0], Y: y + d[1]})
			}
			m.PointerUp(Pointer{ID: 1, X: x, Y: y})
			if got := m.Selected() == "KAZ"; got != tc.selects {
				t.Errorf("selected after %v = %v; want %v", tc.moves, got, tc.selects)
			}
		})
	}
}

func TestCancelledPressIsNoClick(t *testing.T) {
	m, _, _, _ := testMap()
	x, y := screen(m, 66, 48)
	m.PointerDown(Pointer{ID: 1, X: x, Y: y})
	m.PointerCancel(Pointer{ID: 1, X: x, Y: y})
	if m.Selected() != "" {
		t.Errorf("a cancelled press selected %q", m.Selected())
	}
}

func TestClickOnEmptyMapAndEscapeCloseThePanel(t *testing.T) {
	m, page, _, _ := testMap()
	x, y := screen(m, 66, 48)
	click(m, x, y)
	page.took()
	ex, ey := screen(m, 85, 36) // no feature there
	click(m, ex, ey)
	if m.Selected() != "" || !strings.Contains(page.took(), "close") {
		t.Errorf("a click on empty map left %q selected", m.Selected())
	}
	click(m, x, y)
	m.Key(KeyFromDOM("Escape"))
	if m.Selected() != "" || !strings.Contains(page.took(), "close") {
		t.Errorf("Escape left %q selected", m.Selected())
	}
}

func TestHighlightsNeedNoNewMapImageButSymbolsAFrameAfterThePaint(t *testing.T) {
	m, page, _, _ := testMap()
	kx, ky := screen(m, 66, 48)
	click(m, kx, ky) // a country: the page highlights it, no frame
	if !page.has("highlight  KAZ") || page.has("wake") {
		t.Errorf("selecting a country gave %q; want the page's highlight and no frame", page.took())
	}
	if p := drawFrame(m); p.Draw {
		t.Errorf("frame after selecting a country = %+v; want none", p)
	}
	x, y := screen(m, 76.9, 43.25)
	click(m, x, y) // Almaty, a symbol: drawn with the symbols
	if m.Selected() != "almaty" {
		t.Fatalf("Selected() = %q; want almaty", m.Selected())
	}
	if !page.has("wake true") {
		t.Errorf("selecting a symbol asked for a frame with %q; want it after the paint", page.took())
	}
	if p := drawFrame(m); !p.Draw || p.Restyle {
		t.Errorf("frame after selecting a symbol = %+v; want a draw without a new map image", p)
	}
	m.SetPresenting(true)
	drawFrame(m)
	click(m, kx, ky) // the spotlight dims all but the selection
	if p := drawFrame(m); !p.Draw || !p.Restyle {
		t.Errorf("frame after selecting a country in presenter mode = %+v; want a new map image", p)
	}
}

func TestHoverShowsTheNameAtOnceExceptInAQuiz(t *testing.T) {
	m, page, _, _ := testMap()
	x, y := screen(m, 66, 48)
	m.PointerMove(Pointer{ID: 1, X: x, Y: y, Mouse: true})
	if got := page.took(); !strings.Contains(got, "tooltip Kazakhstan") {
		t.Errorf("hover gave %q; want the tooltip Kazakhstan", got)
	}
	if m.Hover() != "KAZ" {
		t.Errorf("Hover() = %q; want KAZ", m.Hover())
	}
	m.PointerLeave(Pointer{ID: 1, Mouse: true})
	if m.Hover() != "" {
		t.Errorf("Hover() after leaving = %q", m.Hover())
	}
	m.openGuide(ModeQuiz, nil)
	m.PointerMove(Pointer{ID: 1, X: x, Y: y, Mouse: true})
	if got := page.took(); strings.Contains(got, "tooltip Kazakhstan") {
		t.Errorf("hover in a quiz gave %q; want no name", got)
	}
	// Touch has no hover.
	m.closeGuide(nil)
	m.PointerLeave(Pointer{ID: 1, Mouse: true})
	m.PointerMove(Pointer{ID: 2, X: x, Y: y})
	if m.Hover() != "" {
		t.Errorf("a touch move hovered %q", m.Hover())
	}
}

func TestClickFirstTakesClicksInAQuiz(t *testing.T) {
	m, page, _, _ := testMap()
	var got [2]float64
	m.ClickFirst = func(x, y float64) bool { got = [2]float64{x, y}; return true }
	click(m, 300, 200)
	if got != [2]float64{300, 200} || m.Selected() != "" || page.has("open") {
		t.Errorf("ClickFirst saw %v, selected %q, page %q", got, m.Selected(), page.took())
	}
}

func TestDragMovesTheCanvasAndDrawsOnlyWhenReleased(t *testing.T) {
	m, page, _, _ := testMap()
	c0 := m.Cam.Center()
	m.PointerDown(Pointer{ID: 1, X: 600, Y: 400, Mouse: true})
	for i := 1; i <= 20; i++ {
		m.PointerMove(Pointer{ID: 1, X: 600 + 5*float64(i), Y: 400, Mouse: true})
		if p := drawFrame(m); p.Draw {
			t.Fatalf("frame %d of a drag drew %+v; want the compositor to move the picture", i, p)
		}
	}
	if page.transform != [3]float64{1, 100, 0} {
		t.Errorf("canvas transform after a 100 px drag = %v; want [1 100 0]", page.transform)
	}
	if page.hash != "" {
		t.Errorf("the hash changed during the drag: %q", page.hash)
	}
	m.PointerUp(Pointer{ID: 1, X: 700, Y: 400, Mouse: true})
	p := drawFrame(m)
	if !p.Draw || !p.Smooth {
		t.Errorf("frame after the release = %+v; want a smooth draw", p)
	}
	if page.transform != [3]float64{1, 0, 0} {
		t.Errorf("canvas transform after the draw = %v; want none", page.transform)
	}
	if m.Selected() != "" {
		t.Errorf("a drag selected %q", m.Selected())
	}
	if c := m.Cam.Center(); c == c0 {
		t.Errorf("the drag did not move the centre from %v", c0)
	}
	if !page.has("emit move") || !strings.Contains(page.hash, "map=") {
		t.Errorf("after the release: calls %q, hash %q; want the move event and the view in the hash", page.took(), page.hash)
	}
}

func TestWheelDrawsWhenQuietOrOutOfTheBand(t *testing.T) {
	m, page, _, c := testMap()
	z0 := m.Cam.Zoom()
	m.Wheel(640, 400, 0.25)
	if p := drawFrame(m); p.Draw {
		t.Errorf("a quarter-level wheel drew at once: %+v", p)
	}
	if k := page.transform[0]; math.Abs(k-math.Pow(2, 0.25)) > 1e-9 {
		t.Errorf("canvas scale = %v; want 2^0.25", k)
	}
	if got, want := m.Deadline(), c.t.Add(quietDelay); !got.Equal(want) {
		t.Errorf("Deadline() = %v; want %v", got, want)
	}
	c.add(quietDelay)
	if p := drawFrame(m); !p.Draw || !p.Smooth {
		t.Errorf("frame once the wheel was quiet = %+v; want a smooth draw", p)
	}
	if !page.has("emit move") {
		t.Errorf("no move event after the wheel: %q", page.took())
	}
	// Two levels at once leave the band: drawn in the next frame, without
	// anti-aliasing while the wheel turns.
	m.Wheel(640, 400, 1)
	m.Wheel(640, 400, 1)
	if p := drawFrame(m); !p.Draw || p.Smooth {
		t.Errorf("frame after two levels = %+v; want a quick draw", p)
	}
	if z := m.Cam.Zoom(); math.Abs(z-(z0+2.25)) > 1e-9 {
		t.Errorf("zoom = %v; want %v", z, z0+2.25)
	}
}

func TestPinchZoomsAboutTheFingers(t *testing.T) {
	m, _, _, _ := testMap()
	mid := m.Cam.Unproject(640, 400)
	z0 := m.Cam.Zoom()
	m.PointerDown(Pointer{ID: 1, X: 540, Y: 400})
	m.PointerDown(Pointer{ID: 2, X: 740, Y: 400})
	m.PointerMove(Pointer{ID: 2, X: 740, Y: 400})
	m.PointerMove(Pointer{ID: 1, X: 440, Y: 400}) // the fingers move apart: 200 → 300 px
	m.PointerMove(Pointer{ID: 2, X: 840, Y: 400}) // 300 → 400 px
	m.PointerUp(Pointer{ID: 1, X: 440, Y: 400})
	m.PointerUp(Pointer{ID: 2, X: 840, Y: 400})
	if z := m.Cam.Zoom(); math.Abs(z-(z0+1)) > 1e-9 {
		t.Errorf("zoom after spreading the fingers to twice apart = %v; want %v", z, z0+1)
	}
	if x, y := m.Cam.Project(mid); math.Abs(x-640) > 1e-6 || math.Abs(y-400) > 1e-6 {
		t.Errorf("the point between the fingers moved to %.2f, %.2f; want 640, 400", x, y)
	}
	if m.Selected() != "" {
		t.Errorf("a pinch selected %q", m.Selected())
	}
}

func TestKeysPanZoomAndGoHome(t *testing.T) {
	m, page, _, c := testMap()
	home := m.Cam.Center()
	x0, _ := m.Cam.Project(home)
	m.Key(KeyFromDOM("ArrowLeft"))
	if x, _ := m.Cam.Project(home); math.Abs(x-x0-keyPan) > 1e-6 {
		t.Errorf("ArrowLeft moved the map by %v px; want %v", x-x0, keyPan)
	}
	z := m.Cam.Zoom()
	m.Key(KeyFromDOM("+"))
	if m.Cam.Zoom() != z+1 {
		t.Errorf("+ zoomed to %v; want %v", m.Cam.Zoom(), z+1)
	}
	m.Key(KeyFromDOM("0"))
	if c := m.Cam.Center(); math.Abs(c[0]-home[0]) > 1e-9 || math.Abs(c[1]-home[1]) > 1e-9 {
		t.Errorf("0 went to %v; want home %v", c, home)
	}
	c.add(time.Second)
	drawFrame(m)
	m.Key(KeyFromDOM("p"))
	if !m.Presenting() || m.Emphasis() != 1.4 || !page.has("presenter true") {
		t.Errorf("P: presenting %v, emphasis %v, page %q", m.Presenting(), m.Emphasis(), page.took())
	}
	m.Key(KeyFromDOM("F"))
	if !page.has("fullscreen") {
		t.Errorf("F did not ask for full screen")
	}
	if KeyFromDOM("x") != KeyNone || KeyFromDOM("Tab") != KeyNone {
		t.Errorf("keys the map does not use map to commands")
	}
}

func TestStateRoundTripsThroughTheHash(t *testing.T) {
	m, page, scene, _ := testMap()
	m.ApplyState(geo.State{Center: [2]float64{70, 45}, Zoom: 6, HasView: true, Layers: []string{"countries", "labels"}, HasLayers: true,
		Selected: "UZB", HasSelect: true})
	drawFrame(m)
	if scene.visible["cities"] {
		t.Errorf("cities still visible after a state without them")
	}
	h := page.hash
	if !strings.Contains(h, "select=UZB") || !strings.Contains(h, "layers=countries,labels") {
		t.Errorf("hash = %q; want the selection and the layers", h)
	}
	m2, _, _, _ := testMap()
	s, warnings := geo.ParseHash(h)
	if len(warnings) > 0 {
		t.Fatalf("ParseHash(%q) warned %v", h, warnings)
	}
	m2.ApplyState(s)
	if got := m2.State().Hash(); got != h {
		t.Errorf("state restored from %q gives %q", h, got)
	}
}

func TestUnknownIDsAreReportedNotSelected(t *testing.T) {
	m, page, _, _ := testMap()
	if m.Select("atlantis") {
		t.Errorf("Select(atlantis) = true")
	}
	m.ApplyState(geo.State{Selected: "atlantis", HasSelect: true})
	if m.Selected() != "" || !page.has("warn no feature with id atlantis") {
		t.Errorf("selected %q, page %q; want a warning and no selection", m.Selected(), page.took())
	}
}

type fakeStories struct{ opened, closed []string }

func (s *fakeStories) Open(id string, step int) bool {
	s.opened = append(s.opened, id)
	return id == "central-asia"
}
func (s *fakeStories) Close() { s.closed = append(s.closed, "close") }

func TestStoryStateOpensClosesAndHidesTheSelection(t *testing.T) {
	m, page, _, _ := testMap()
	st := &fakeStories{}
	m.Stories = st
	m.ApplyState(geo.State{Story: "central-asia", Step: 2, HasStory: true})
	m.ApplyState(geo.State{Story: "nope", Step: 1, HasStory: true})
	m.ApplyState(geo.State{HasStory: true})
	if len(st.opened) != 2 || len(st.closed) != 1 || !page.has("warn no story nope") {
		t.Errorf("opened %v, closed %v, page %q", st.opened, st.closed, page.took())
	}
	m.SetStory("central-asia", 3)
	m.SelectQuiet("KAZ")
	s := m.State()
	if s.Story != "central-asia" || s.Step != 3 || s.Selected != "" {
		t.Errorf("State() in a story = %+v; want the story and step, no selection", s)
	}
	if !strings.Contains(page.hash, "story=central-asia") {
		t.Errorf("hash = %q; want the story", page.hash)
	}
}

func TestHiddenLayersCannotBeClicked(t *testing.T) {
	m, page, _, _ := testMap()
	x, y := screen(m, 76.9, 43.25)
	m.SetLayer("cities", false)
	if !page.has("emit layers") {
		t.Errorf("hiding a layer emitted nothing")
	}
	if f, _ := m.FeatureAt(x, y); f.ID != "KAZ" {
		t.Errorf("FeatureAt Almaty with cities hidden = %q; want the country under it", f.ID)
	}
}

func TestFlightEndsAtTheFeatureAndReducedMotionJumps(t *testing.T) {
	m, page, _, c := testMap()
	m.FlyTo("almaty", 0)
	if !m.Flying() {
		t.Fatal("FlyTo did not start a flight")
	}
	for i := 0; i < 200 && m.Flying(); i++ {
		c.add(16 * time.Millisecond)
		drawFrame(m)
	}
	if m.Flying() {
		t.Fatal("the flight never ended")
	}
	if x, y := screen(m, 76.9, 43.25); math.Abs(x-640) > 1 || math.Abs(y-400) > 1 {
		t.Errorf("Almaty after the flight at %.1f, %.1f; want the centre", x, y)
	}
	if m.Cam.Zoom() < 6.5 {
		t.Errorf("zoom after flying to a city = %v; want at least 6.5", m.Cam.Zoom())
	}
	m.Home()
	drawFrame(m)
	page.reduced = true
	m.FlyTo("UZB", 0)
	if m.Flying() {
		t.Errorf("with reduced motion the map flew")
	}
	x0, y0 := screen(m, 56, 41.5)
	x1, y1 := screen(m, 72, 37)
	if x0 < 0 || y0 < 0 || x1 > 1280 || y1 > 800 || x1-x0 < 640 {
		t.Errorf("Uzbekistan after the jump spans %.0f,%.0f–%.0f,%.0f; want it framed in 1280×800", x0, y0, x1, y1)
	}
}

func TestPressStopsAFlight(t *testing.T) {
	m, _, _, _ := testMap()
	m.FlyTo("almaty", 0)
	m.PointerDown(Pointer{ID: 1, X: 10, Y: 10})
	if m.Flying() {
		t.Errorf("a press left the flight going")
	}
}

func TestIdleMapAsksForNoFrames(t *testing.T) {
	m, _, _, c := testMap()
	c.add(time.Minute)
	if m.Busy() || !m.Deadline().IsZero() {
		t.Errorf("an idle map is busy (%v) or has a deadline (%v)", m.Busy(), m.Deadline())
	}
	if p := drawFrame(m); p.Draw {
		t.Errorf("an idle frame drew %+v", p)
	}
}

func TestSpotlightFollowsTheShownSelectionOnlyWhilePresenting(t *testing.T) {
	m, _, scene, _ := testMap()
	m.Select("almaty")
	if got := m.Spotlit(); got != "" {
		t.Errorf("not presenting: Spotlit() = %q; want none", got)
	}
	m.SetPresenting(true)
	if got := m.Spotlit(); got != "almaty" {
		t.Errorf("presenting: Spotlit() = %q; want almaty", got)
	}
	scene.SetVisible("cities", false)
	if got := m.Spotlit(); got != "" {
		t.Errorf("cities hidden: Spotlit() = %q; want none", got)
	}
	m.Select("")
	if got := m.Spotlit(); got != "" {
		t.Errorf("nothing selected: Spotlit() = %q; want none", got)
	}
}

func TestCoveredKeepsFramedViewsClearOfAnOpenLegend(t *testing.T) {
	for _, c := range []struct{ right, width, left float64 }{{0, 1280, 16}, {300, 1280, 308}, {700, 1280, 16}} {
		if got := Covered(c.right, c.width); got.Left != c.left || got.Top != 56 || got.Right != 60 {
			t.Errorf("Covered(%v, %v) = %+v; want left %v", c.right, c.width, got, c.left)
		}
	}
}
