package yourdata

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// dpSpan caps the stretch of a line Douglas–Peucker works on at once, so a
// line built to make it quadratic costs at most dpSpan distance tests per
// position; the ends of each stretch are kept.
const dpSpan = 512

// dpKeys returns, for each position of a line, the largest tolerance (in
// degrees) at which Douglas–Peucker simplification keeps it: +Inf for the
// ends. Keys shrink down the recursion, so "kept at tolerance t" is
// "key > t" — one pass serves every tolerance.
func dpKeys(pts []orb.Point) []float64 {
	keys := make([]float64, len(pts))
	if len(pts) == 0 {
		return keys
	}
	type span struct {
		i, j  int
		limit float64
	}
	var stack []span
	for i := 0; i < len(pts)-1; i += dpSpan {
		j := min(i+dpSpan, len(pts)-1)
		keys[i], keys[j] = math.Inf(1), math.Inf(1)
		stack = append(stack, span{i, j, math.Inf(1)})
	}
	keys[0] = math.Inf(1)
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if s.j-s.i < 2 {
			continue
		}
		far, d := -1, -1.0
		for k := s.i + 1; k < s.j; k++ {
			if dk := planar.DistanceFromSegmentSquared(pts[s.i], pts[s.j], pts[k]); dk > d {
				far, d = k, dk
			}
		}
		key := math.Min(math.Sqrt(d), s.limit)
		keys[far] = key
		stack = append(stack, span{s.i, far, key}, span{far, s.j, key})
	}
	return keys
}

// weightedKeys pairs lines' keys with how often each line is drawn (a
// TopoJSON arc is drawn once per reference).
type weightedKeys struct {
	keys   [][]float64
	weight []int
}

// MaxTolerance is the coarsest simplification worth drawing, in degrees
// (about 10 km): a file that needs more is refused instead.
const MaxTolerance = 0.1

// Tolerances are chosen in steps of 1/keySteps of an octave, from 2^-40
// to 2^8 degrees: fine enough, and counted without sorting.
const (
	keySteps  = 16
	keyLowest = -40 * keySteps
	keyTop    = 8 * keySteps
)

// tolerance returns about the smallest tolerance at which the weighted
// count of kept positions is at most budget, and that count; ok is false
// when even the lines' ends alone are over budget.
func (w weightedKeys) tolerance(budget int) (tol float64, kept int, ok bool) {
	var hist [keyTop - keyLowest + 1]int
	for i, keys := range w.keys {
		for _, k := range keys {
			if math.IsInf(k, 1) {
				kept += w.weight[i]
				continue
			}
			hist[bucket(k)-keyLowest] += w.weight[i]
		}
	}
	if kept > budget {
		return 0, kept, false
	}
	for b := len(hist) - 1; b >= 0; b-- {
		if kept+hist[b] > budget {
			tol = math.Exp2(float64(b+keyLowest+1) / keySteps)
			return tol, kept, tol <= MaxTolerance
		}
		kept += hist[b]
	}
	return 0, kept, true
}

// bucket is the histogram step of a key: keys in bucket b lie in
// [2^(b/keySteps), 2^((b+1)/keySteps)).
func bucket(k float64) int {
	if k <= 0 {
		return keyLowest
	}
	b := int(math.Floor(math.Log2(k) * keySteps))
	return max(keyLowest, min(keyTop, b))
}

// keep returns the positions of pts whose key is above tol.
func keep(pts []orb.Point, keys []float64, tol float64) []orb.Point {
	out := make([]orb.Point, 0, 8)
	for i, p := range pts {
		if keys[i] > tol {
			out = append(out, p)
		}
	}
	return out
}
