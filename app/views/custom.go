package views

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"heartland/geo"
	"heartland/mapstyle"
)

// customBody shows a reader's feature's properties, sorted by name, as a
// table of plain text; http and https values become links that open in a
// new tab. Names are clipped to 80 runes and values to 500.
func customBody(f *geo.Feature) []Node {
	kind := El("p", "panel-kind", mapstyle.Kinds[f.Kind].Label+" · your layer")
	if len(f.Props) == 0 {
		return []Node{kind, El("p", "panel-note", "This feature has no properties.")}
	}
	keys := make([]string, 0, len(f.Props))
	for k := range f.Props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	dl := El("dl", "facts", "")
	for _, k := range keys {
		value := PropText(f.Props[k])
		dd := El("dd", "", value)
		if strings.HasPrefix(value, "https://") || strings.HasPrefix(value, "http://") {
			dd = El("dd", "", "", ExternalLink(value, value))
		}
		dl.Kids = append(dl.Kids, El("dt", "", Clip(k, 80)), dd)
	}
	return []Node{kind, dl}
}

// PropText turns a GeoJSON property value into display text, at most 500
// runes: strings as they are, null as "—", numbers and booleans printed,
// anything else as JSON.
func PropText(v any) string {
	var s string
	switch v := v.(type) {
	case string:
		s = v
	case nil:
		s = "—"
	case float64, bool:
		s = fmt.Sprint(v)
	default:
		b, _ := json.Marshal(v)
		s = string(b)
	}
	return Clip(s, 500)
}

// Clip shortens s to n runes and an ellipsis when it is longer.
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
