package check

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"heartland/assets"
)

// Orgs are the organisations a country's memberships may name.
var Orgs = map[string]bool{
	"CSTO": true, "EAEU": true, "SCO": true, "WTO": true,
	"C5+1": true, "B5+1": true, "CIS": true, "OTS": true,
}

// firstYear is the earliest year a fact or source may carry.
const firstYear = 1900

// factsPrefix is how assets.DecodeFacts names the file in its errors; the
// checker names the file it actually read instead.
const factsPrefix = "assets/countries/facts.json: "

func (c *checker) checkFacts() {
	path := filepath.Join(c.dir, "countries", "facts.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		c.problem(path, err)
		return
	}
	before := len(c.report.Problems)
	bad := func(err error) { c.problem(path, err) }

	// Strict decoding finds unknown keys and wrong types; a lenient decode
	// then lets the remaining checks run, so one stray key does not hide
	// every other problem.
	var f assets.Facts
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		bad(err)
		f = assets.Facts{}
		if json.Unmarshal(raw, &f) != nil {
			return
		}
	}
	c.report.Files = append(c.report.Files, FileSummary{File: path,
		Count: plural(len(f.Countries), "country", "countries") + ", " + plural(len(f.Sources), "source", "sources")})
	fc := factsChecker{facts: f, year: c.opts.Now.Year(), bad: bad, fresh: func(code, checked string) {
		c.freshness(path, "country "+code, checked, func(format string, args ...any) {
			bad(fmt.Errorf("country %s: %s", code, fmt.Sprintf(format, args...)))
		})
	}}
	fc.sources()
	for _, code := range sortedCountryKeys(f.Countries) {
		if c.codes != nil && !c.codes[code] {
			bad(fmt.Errorf("country %q: not a country in countries.geojson (keys are ISO alpha-3 ids of the countries layer)", code))
		}
		fc.country(code, f.Countries[code])
	}
	// The loader is the final word: the check must never pass a file the
	// app would refuse to load.
	if _, err := assets.DecodeFacts(raw); err != nil && len(c.report.Problems) == before {
		bad(errors.New(strings.TrimPrefix(err.Error(), factsPrefix)))
	}
}

// factsChecker checks one decoded facts document against the current year.
type factsChecker struct {
	facts assets.Facts
	year  int
	bad   func(error)
	fresh func(code, checked string) // judges the date an entry was last verified
}

func (fc factsChecker) sources() {
	keys := make([]string, 0, len(fc.facts.Sources))
	for k := range fc.facts.Sources {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s := fc.facts.Sources[k]
		bad := func(format string, args ...any) {
			fc.bad(fmt.Errorf("source %q: %s", k, fmt.Sprintf(format, args...)))
		}
		if strings.TrimSpace(s.Title) == "" {
			bad("missing title")
		}
		if msg := sourceURLProblem(s.URL); msg != "" {
			bad("%s", msg)
		}
		if msg := fc.yearProblem(s.Year); msg != "" {
			bad("%s", msg)
		}
	}
}

func (fc factsChecker) country(code string, ct assets.Country) {
	bad := func(format string, args ...any) {
		fc.bad(fmt.Errorf("country %s: %s", code, fmt.Sprintf(format, args...)))
	}
	if !assets.ValidAlpha3(code) {
		bad("key must be an ISO 3166-1 alpha-3 code")
	}
	if strings.TrimSpace(ct.Name) == "" {
		bad("missing name")
	}
	if ct.Capital != nil {
		fc.source(bad, "capital", ct.Capital.Source)
	}
	figures := []struct {
		name string
		fig  *assets.Figure
	}{{"population", ct.Population}, {"area_km2", ct.AreaKm2}, {"gdp_usd", ct.GDPUSD}, {"gdp_per_capita_usd", ct.GDPPerCapitaUSD}}
	for _, x := range figures {
		for fig := x.fig; fig != nil; fig = fig.Other {
			fc.source(bad, x.name, fig.Source)
			fc.figureYear(bad, x.name, fig.Year)
			if !(fig.Value > 0) {
				bad("%s: value %g must be positive", x.name, fig.Value)
			}
		}
	}
	lists := []struct {
		name string
		list *assets.List
	}{{"exports", ct.Exports}, {"resources", ct.Resources}}
	for _, x := range lists {
		if x.list == nil {
			continue
		}
		fc.source(bad, x.name, x.list.Source)
		fc.figureYear(bad, x.name, x.list.Year)
	}
	for _, m := range ct.Memberships {
		field := "membership " + m.Org
		if !Orgs[m.Org] {
			bad("membership %q: not one of %s", m.Org, strings.Join(sortedKeys(Orgs), ", "))
		}
		fc.source(bad, field, m.Source)
		if m.AsOf == "" {
			bad("%s: status %q needs as_of, when it was last known true (YYYY or YYYY-MM)", field, m.Status)
		}
		if m.Since != 0 {
			fc.figureYear(bad, field+": since", m.Since)
		}
	}
	for _, s := range ct.WhySources {
		fc.source(bad, "why", s)
	}
	if fc.fresh != nil {
		fc.fresh(code, ct.Checked)
	}
}

func (fc factsChecker) source(bad func(string, ...any), field, key string) {
	if _, ok := fc.facts.Sources[key]; !ok {
		bad("%s: source %q is not in sources", field, key)
	}
}

func (fc factsChecker) figureYear(bad func(string, ...any), field string, year int) {
	if msg := fc.yearProblem(year); msg != "" {
		bad("%s: %s", field, msg)
	}
}

// yearProblem returns why year is not a plausible year for a fact, or "".
func (fc factsChecker) yearProblem(year int) string {
	switch {
	case year == 0:
		return "missing year"
	case year < firstYear:
		return fmt.Sprintf("year %d is before %d", year, firstYear)
	case year > fc.year:
		return fmt.Sprintf("year %d is after the current year %d", year, fc.year)
	}
	return ""
}

func sortedCountryKeys(m map[string]assets.Country) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
