package geo

import "github.com/paulmach/orb"

// MergeLines joins lines whose ends meet into longer lines, so strokes get
// proper joins and simplification sees whole borders. Lines are reversed
// where needed; the result does not depend on map iteration order.
func MergeLines(mls orb.MultiLineString) orb.MultiLineString {
	lines := make([]orb.LineString, 0, len(mls))
	for _, l := range mls {
		if len(l) >= 2 {
			lines = append(lines, l.Clone())
		}
	}
	for merged := true; merged; {
		merged = false
		for i := 0; i < len(lines); i++ {
			for j := i + 1; j < len(lines); j++ {
				if joined, ok := joinLines(lines[i], lines[j]); ok {
					lines[i] = joined
					lines = append(lines[:j], lines[j+1:]...)
					merged = true
					j--
				}
			}
		}
	}
	return orb.MultiLineString(lines)
}

// joinLines returns a and b joined at a shared end point.
func joinLines(a, b orb.LineString) (orb.LineString, bool) {
	switch {
	case a[len(a)-1] == b[0]:
		return append(a, b[1:]...), true
	case a[len(a)-1] == b[len(b)-1]:
		b.Reverse()
		return append(a, b[1:]...), true
	case a[0] == b[len(b)-1]:
		return append(b, a[1:]...), true
	case a[0] == b[0]:
		a.Reverse()
		return append(a, b[1:]...), true
	}
	return nil, false
}
