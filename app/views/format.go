package views

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
