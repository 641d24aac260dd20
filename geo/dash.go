package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Dashes cuts a line into dashes of length dash separated by gaps of length
// gap, both in the line's units (world metres here), starting with a dash.
// It is how planned and proposed routes are drawn.
func Dashes(ls orb.LineString, dash, gap float64) orb.MultiLineString {
	if !(dash > 0) || !(gap > 0) || len(ls) < 2 {
		return orb.MultiLineString{ls}
	}
	var out orb.MultiLineString
	var cur orb.LineString
	on, left := true, dash // drawing a dash?, length left in this dash or gap
	cur = orb.LineString{ls[0]}
	for i := 1; i < len(ls); i++ {
		a, b := ls[i-1], ls[i]
		seg := math.Hypot(b[0]-a[0], b[1]-a[1])
		pos := 0.0
		for seg-pos > left {
			pos += left
			t := pos / seg
			p := orb.Point{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])}
			if on {
				out = append(out, append(cur, p))
				cur = nil
				left = gap
			} else {
				cur = orb.LineString{p}
				left = dash
			}
			on = !on
		}
		left -= seg - pos
		if on {
			cur = append(cur, b)
		}
	}
	if on && len(cur) >= 2 {
		out = append(out, cur)
	}
	return out
}
