//go:build js

package bridge

import (
	"fmt"
	"math"
	"strings"
)

// FormatCount writes large numbers in words: 19.5 million, 181.2 billion.
func FormatCount(v float64) string {
	switch {
	case v >= 1e12:
		return oneDecimal(v/1e12) + " trillion"
	case v >= 1e9:
		return oneDecimal(v/1e9) + " billion"
	case v >= 1e6:
		return oneDecimal(v/1e6) + " million"
	}
	return FormatThousands(v)
}

func oneDecimal(v float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0")
}

// FormatThousands writes a number rounded to an integer with thousands
// separators: 2,724,900.
func FormatThousands(v float64) string {
	s := fmt.Sprintf("%d", int64(math.Round(v)))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// NiceDistance rounds a distance in metres down to 1, 2 or 5 times a power
// of ten, the lengths a scale bar shows.
func NiceDistance(m float64) float64 {
	if !(m > 0) || math.IsInf(m, 0) {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(m)))
	for _, f := range []float64{5, 2, 1} {
		if f*p <= m {
			return f * p
		}
	}
	return p
}

// SafeURL lets only http and https links through; anything else (a
// javascript: URL in data, say) becomes an inert "#".
func SafeURL(u string) string {
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return "#"
}

// Citations numbers the sources a panel cites, in order of first use.
type Citations struct {
	Keys  []string
	index map[string]int
}

// Ref returns the marker for a source key, "[1]" for the first cited.
func (c *Citations) Ref(key string) string {
	if c.index == nil {
		c.index = map[string]int{}
	}
	n, ok := c.index[key]
	if !ok {
		c.Keys = append(c.Keys, key)
		n = len(c.Keys)
		c.index[key] = n
	}
	return fmt.Sprintf("[%d]", n)
}
