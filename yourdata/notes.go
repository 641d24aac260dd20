package yourdata

import (
	"fmt"
	"strconv"
)

// where names the part of a file a note is about: a feature, a TopoJSON
// geometry, a CSV row, a KML placemark or a GPX waypoint, route or track.
type where struct {
	unit  string // "feature", "row", …
	units string // its plural
	label string // "feature 3", `object "roads" geometry 2`, "line 14"
}

func featureAt(i int) where {
	return where{"feature", "features", "feature " + strconv.Itoa(i)}
}

// theFile is where a note about the whole file is.
var theFile = where{label: "the file"}

// notes gathers what a reader should know about a file, one line per kind
// of problem however often it occurs: "12 features: longitudes past ±180
// wrapped (first: feature 3)".
type notes struct {
	order []string
	kinds map[string]*note
}

type note struct {
	kind   string
	count  int
	first  where
	detail string // about the first occurrence, e.g. the position
}

// add records one occurrence of kind at w; detail describes it (kept for
// the first occurrence only).
func (n *notes) add(w where, kind, detail string) {
	if n.kinds == nil {
		n.kinds = map[string]*note{}
	}
	k := n.kinds[kind]
	if k == nil {
		k = &note{kind: kind, first: w, detail: detail}
		n.kinds[kind] = k
		n.order = append(n.order, kind)
	}
	k.count++
}

// total counts the occurrences of every kind.
func (n *notes) total() int {
	t := 0
	for _, k := range n.kinds {
		t += k.count
	}
	return t
}

// has reports whether any note of kind was added.
func (n *notes) has(kind string) bool { return n.kinds[kind] != nil }

// lines returns one line per kind, in the order kinds were first seen.
func (n *notes) lines() []string {
	out := make([]string, 0, len(n.order))
	for _, kind := range n.order {
		out = append(out, n.kinds[kind].String())
	}
	return out
}

func (k *note) String() string {
	detail := ""
	if k.detail != "" {
		detail = ", " + k.detail
	}
	switch {
	case k.first.unit == "":
		return fmt.Sprintf("%s: %s%s", k.first.label, k.kind, detail)
	case k.count == 1:
		if detail != "" {
			detail = " (" + detail[2:] + ")"
		}
		return fmt.Sprintf("%s: %s%s", k.first.label, k.kind, detail)
	}
	return fmt.Sprintf("%s %s: %s (first: %s%s)", count(k.count), k.first.units, k.kind, k.first.label, detail)
}

// count writes n with thousands separators: 12,345.
func count(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + count(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
