package quiz

import (
	"fmt"
	"hash/fnv"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Sets are the question sets a teacher can choose, in the order menus list
// them; Mixed draws from all the others.
var Sets = []string{Mixed, "countries", "capitals", "energy", "minerals", "routes"}

// Mixed is the default set.
const Mixed = "mixed"

// DefaultCount is how many questions a quiz asks unless count= says
// otherwise; MaxCount bounds count=.
const (
	DefaultCount = 10
	MaxCount     = 30
)

// Params choose a quiz: the set, the seed that fixes question and option
// order, and the number of questions. Build them with ParseQuery or
// NewParams, which keep every field valid.
type Params struct {
	Set     string
	Seed    uint64
	Count   int
	SeedSet bool // the seed came from the URL rather than the set's default
}

// NewParams returns valid parameters for a set (Mixed when unknown) and an
// optional seed (nil: the set's default, the same for every reader).
func NewParams(set string, seed *uint64, count int) Params {
	if !slices.Contains(Sets, set) {
		set = Mixed
	}
	if count < 1 || count > MaxCount {
		count = DefaultCount
	}
	p := Params{Set: set, Seed: DefaultSeed(set), Count: count}
	if seed != nil {
		p.Seed, p.SeedSet = *seed, true
	}
	return p
}

// DefaultSeed is the seed of a set when the URL gives none: fixed, so that
// "?quiz=energy" is the same quiz for everyone.
func DefaultSeed(set string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(set))
	return h.Sum64() % 1_000_000
}

// ParseQuery reads quiz=, seed= and count= from a URL query string (with or
// without its leading "?"). ok is false when the query asks for no quiz.
// Values that cannot be used are replaced by defaults and named in
// warnings, never an error: a mistyped link still gives a quiz.
func ParseQuery(query string) (p Params, ok bool, warnings []string) {
	values, err := url.ParseQuery(strings.TrimPrefix(query, "?"))
	if err != nil {
		warnings = append(warnings, fmt.Sprintf("the address has a malformed part (%v); read what could be read", err))
	}
	if !values.Has("quiz") {
		return Params{}, false, warnings
	}
	set := strings.ToLower(strings.TrimSpace(values.Get("quiz")))
	switch {
	case set == "" || set == "1":
		set = Mixed
	case !slices.Contains(Sets, set):
		warnings = append(warnings, fmt.Sprintf("quiz=%s is not a question set (want one of %s); using %s", clip(set), strings.Join(Sets, ", "), Mixed))
		set = Mixed
	}
	var seed *uint64
	if s := values.Get("seed"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("seed=%s is not a whole number from 0 to %d; using the set's default", clip(s), uint64(1<<64-1)))
		} else {
			seed = &n
		}
	}
	count := DefaultCount
	if s := values.Get("count"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxCount {
			warnings = append(warnings, fmt.Sprintf("count=%s is not a number from 1 to %d; asking %d questions", clip(s), MaxCount, DefaultCount))
		} else {
			count = n
		}
	}
	return NewParams(set, seed, count), true, warnings
}

// Query is the URL query that reopens this quiz, without the "?": the set,
// the seed when it is not the set's default, and count when not the default.
func (p Params) Query() string {
	v := url.Values{}
	v.Set("quiz", p.Set)
	if p.SeedSet {
		v.Set("seed", strconv.FormatUint(p.Seed, 10))
	}
	if p.Count != DefaultCount {
		v.Set("count", strconv.Itoa(p.Count))
	}
	return v.Encode()
}

// clip shortens a value quoted back in a warning.
func clip(s string) string {
	if len(s) > 40 {
		return strconv.Quote(s[:40]) + "…"
	}
	return strconv.Quote(s)
}
