package geo

import (
	"fmt"
	"strings"
	"time"
)

// Figure is one sourced number of a feature, as display text with units.
type Figure struct {
	Label  string
	Value  string
	Year   int // the year the figure describes
	Source int // index into Details.Sources
}

// Source is where a fact comes from: a feature's figures, a country's facts
// (assets) or a story's step (story) all cite it. Year is the year of
// publication or access.
type Source struct {
	Title string `json:"title"`
	URL   string `json:"url"`
	Year  int    `json:"year"`
}

// Details are the panel facts of a strategic-layer feature (see
// assets/layers/SCHEMA.md), read from its properties.
type Details struct {
	Status     string
	StatusDate string
	Summary    string
	Offshore   string
	Checked    string // when the facts were last verified (ParseChecked)
	Capital    bool
	Figures    []Figure
	Sources    []Source
	Joins      []string
	Countries  []string
}

// Statuses are the values "status" may take.
var Statuses = []string{"operating", "under construction", "planned", "proposed", "suspended"}

// Details reads the feature's panel facts. Malformed parts are left out and
// described in problems, so a panel still shows what is good; `heartland
// check` turns problems into failures.
func (f Feature) Details() (Details, []string) {
	var d Details
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	str := func(key string) string {
		v, ok := f.Props[key]
		if !ok || v == nil {
			return ""
		}
		s, ok := v.(string)
		if !ok {
			bad("%s is %T; want a string", key, v)
		}
		return s
	}
	d.Status, d.StatusDate, d.Summary, d.Offshore = str("status"), str("status_date"), str("summary"), str("offshore")
	if d.Checked = str("checked"); d.Checked != "" {
		if _, err := ParseChecked(d.Checked); err != nil {
			bad("%v", err)
			d.Checked = ""
		}
	}
	if d.Status != "" && !contains(Statuses, d.Status) {
		bad("status %q is not one of %s", d.Status, strings.Join(Statuses, ", "))
		d.Status = ""
	}
	if c, ok := f.Props["capital"].(bool); ok {
		d.Capital = c
	}
	d.Joins, problems = stringList(f.Props["joins"], "joins", problems)
	d.Countries, problems = stringList(f.Props["countries"], "countries", problems)
	list, _ := f.Props["sources"].([]any)
	for i, v := range list {
		m, _ := v.(map[string]any)
		s := Source{Title: asString(m["title"]), URL: asString(m["url"]), Year: asInt(m["year"])}
		if s.Title == "" || !strings.HasPrefix(s.URL, "https://") || s.Year < 1900 || s.Year > 2100 {
			bad("sources[%d]: want a title, an https url and a year", i)
		}
		d.Sources = append(d.Sources, s)
	}
	figs, _ := f.Props["figures"].([]any)
	for i, v := range figs {
		m, _ := v.(map[string]any)
		fig := Figure{Label: asString(m["label"]), Value: asString(m["value"]), Year: asInt(m["year"]), Source: asInt(m["source"])}
		switch {
		case fig.Label == "" || fig.Value == "":
			bad("figures[%d]: want a label and a value", i)
		case fig.Year < 1900 || fig.Year > 2100:
			bad("figures[%d] (%s): year %d out of range", i, fig.Label, fig.Year)
		case fig.Source < 0 || fig.Source >= len(d.Sources):
			bad("figures[%d] (%s): source %d is not in sources", i, fig.Label, fig.Source)
		default:
			d.Figures = append(d.Figures, fig)
		}
	}
	return d, problems
}

func stringList(v any, key string, problems []string) ([]string, []string) {
	if v == nil {
		return nil, problems
	}
	list, ok := v.([]any)
	if !ok {
		return nil, append(problems, key+" is not a list")
	}
	var out []string
	for _, x := range list {
		s, ok := x.(string)
		if !ok {
			problems = append(problems, fmt.Sprintf("%s holds %v; want strings", key, x))
			continue
		}
		out = append(out, s)
	}
	return out, problems
}

func asString(v any) string { s, _ := v.(string); return s }

// asInt reads a JSON number that must be whole; anything else is -1.
func asInt(v any) int {
	f, ok := v.(float64)
	if !ok || f != float64(int(f)) {
		return -1
	}
	return int(f)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ParseChecked reads the date an entry's facts were last verified, written
// YYYY-MM-DD, or YYYY-MM when only the month is known (it then means the
// first of that month, so an entry never looks fresher than it is).
func ParseChecked(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("checked %q is not a date (YYYY-MM-DD or YYYY-MM)", s)
}
