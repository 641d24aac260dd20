package geo

import "strings"

// SimpleStyleColor reads a simplestyle colour property ("marker-color",
// "stroke", "fill") given as #rgb or #rrggbb; anything else is ignored, so a
// hostile value can never reach a style.
func SimpleStyleColor(props map[string]any, key string) (r, g, b uint8, ok bool) {
	s, _ := props[key].(string)
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "#") || (len(s) != 4 && len(s) != 7) {
		return 0, 0, 0, false
	}
	hex := s[1:]
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	var v [3]uint8
	for i := range v {
		hi, ok1 := hexDigit(hex[2*i])
		lo, ok2 := hexDigit(hex[2*i+1])
		if !ok1 || !ok2 {
			return 0, 0, 0, false
		}
		v[i] = hi<<4 | lo
	}
	return v[0], v[1], v[2], true
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
