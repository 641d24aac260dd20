package geo

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// State is the shareable part of a map view, as held in the URL hash:
//
//	#map=ZOOM/LAT/LON&layers=countries,water&select=KAZ
//
// The map= part follows MapLibre's hash (zoom, then latitude, then
// longitude). Each part is optional; Has* says which were present.
type State struct {
	Center    orb.Point // [lon, lat] degrees
	Zoom      float64
	HasView   bool
	Layers    []string
	HasLayers bool
	Selected  string // feature id; "" for none
	HasSelect bool
	Story     string // story id; "" for none
	Step      int    // 1-based step of Story
	HasStory  bool
}

// ValidID reports whether s may name a feature or layer in state and URLs:
// 1 to 64 ASCII letters, digits, '_' or '-', starting with a letter or digit.
// (A loop rather than regexp, which would add ~0.3 MB to the wasm.)
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || c != '_' && c != '-') {
			return false
		}
	}
	return true
}

// ParseHash reads a URL hash (with or without the leading '#'). Parts that
// are unknown or malformed are skipped and described in warnings; it never
// fails, so a bad link still opens a working map.
func ParseHash(hash string) (State, []string) {
	var s State
	var warnings []string
	warn := func(format string, args ...any) { warnings = append(warnings, fmt.Sprintf(format, args...)) }
	hash = strings.TrimPrefix(hash, "#")
	if len(hash) > 4096 {
		return s, []string{fmt.Sprintf("hash is %d characters long; ignored", len(hash))}
	}
	for _, part := range strings.Split(hash, "&") {
		if part == "" {
			continue
		}
		key, value, _ := strings.Cut(part, "=")
		value, err := url.QueryUnescape(value)
		if err != nil {
			warn("%s: %v; ignored", clip(key), err)
			continue
		}
		switch key {
		case "map":
			if c, z, err := parseView(value); err != nil {
				warn("map=%q: %v; ignored", clip(value), err)
			} else {
				s.Center, s.Zoom, s.HasView = c, z, true
			}
		case "layers":
			s.HasLayers = true
			s.Layers = []string{}
			for _, l := range strings.Split(value, ",") {
				if l == "" {
					continue
				}
				if !ValidID(l) {
					warn("layers: %q is not a layer id; ignored", clip(l))
					continue
				}
				s.Layers = append(s.Layers, l)
			}
		case "story":
			if value != "" && !ValidID(value) {
				warn("story=%q is not a story id; ignored", clip(value))
				continue
			}
			s.Story, s.HasStory = value, true
			if s.Step == 0 {
				s.Step = 1
			}
		case "step":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 || n > 1000 {
				warn("step=%q is not a step number; ignored", clip(value))
				continue
			}
			s.Step = n
		case "select":
			if value != "" && !ValidID(value) {
				warn("select=%q is not a feature id; ignored", clip(value))
				continue
			}
			s.Selected, s.HasSelect = value, true
		default:
			warn("unknown part %q; ignored", clip(key))
		}
	}
	return s, warnings
}

func parseView(v string) (orb.Point, float64, error) {
	f := strings.Split(v, "/")
	if len(f) != 3 {
		return orb.Point{}, 0, fmt.Errorf("want zoom/lat/lon")
	}
	var n [3]float64
	for i, s := range f {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return orb.Point{}, 0, fmt.Errorf("%q is not a number", clip(s))
		}
		n[i] = x
	}
	zoom, lat, lon := n[0], n[1], n[2]
	switch {
	case zoom < 0 || zoom > 22:
		return orb.Point{}, 0, fmt.Errorf("zoom %g out of range 0–22", zoom)
	case math.Abs(lat) > 90:
		return orb.Point{}, 0, fmt.Errorf("latitude %g out of range ±90", lat)
	case math.Abs(lon) > 180:
		return orb.Point{}, 0, fmt.Errorf("longitude %g out of range ±180", lon)
	}
	return orb.Point{lon, lat}, zoom, nil
}

// clip shortens hostile input before it is echoed in a warning.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// Hash formats the state for the URL: zoom to 2 decimals and coordinates to
// 4 (about 10 m), which is all a shared link needs.
func (s State) Hash() string {
	var parts []string
	if s.HasView {
		parts = append(parts, fmt.Sprintf("map=%s/%s/%s",
			strconv.FormatFloat(s.Zoom, 'f', 2, 64),
			strconv.FormatFloat(s.Center[1], 'f', 4, 64),
			strconv.FormatFloat(s.Center[0], 'f', 4, 64)))
	}
	if s.HasLayers {
		parts = append(parts, "layers="+strings.Join(s.Layers, ","))
	}
	if s.Selected != "" {
		parts = append(parts, "select="+s.Selected)
	}
	if s.Story != "" {
		parts = append(parts, "story="+s.Story, "step="+strconv.Itoa(max(s.Step, 1)))
	}
	return "#" + strings.Join(parts, "&")
}

// ValidLonLat checks that p is [lon, lat] in degrees within ±180, ±90.
func ValidLonLat(p orb.Point) error { return checkPoints(p[0], p[1]) }
