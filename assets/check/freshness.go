package check

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"heartland/geo"
)

// Facts age: an entry last checked more than staleMonths ago is listed by
// `heartland check`; one checked more than expiredMonths ago is a problem,
// so CI fails until someone verifies it again.
const (
	staleMonths   = 12
	expiredMonths = 24
)

// Stale is an entry whose facts were last verified more than staleMonths
// before the check, listed so that someone verifies it before it expires.
type Stale struct {
	File    string
	Entry   string    // e.g. `feature "kashagan"` or "country KAZ"
	Checked time.Time // when its facts were last verified
}

func (s Stale) String() string {
	return fmt.Sprintf("%s: %s last checked %s", s.File, s.Entry, s.Checked.Format("2006-01-02"))
}

// freshness judges the date an entry's facts were last verified: it must be
// there, readable, not in the future and not older than expiredMonths;
// older than staleMonths it is listed in the report's Stale.
func (c *checker) freshness(file, entry, checked string, bad func(format string, args ...any)) {
	if checked == "" {
		bad("missing \"checked\": the date its facts were last verified against their sources (YYYY-MM-DD)")
		return
	}
	t, err := geo.ParseChecked(checked)
	if err != nil {
		bad("%v", err)
		return
	}
	now := c.opts.Now
	switch {
	case t.After(now):
		bad("checked %s is after today, %s", checked, now.Format("2006-01-02"))
	case t.Before(now.AddDate(0, -expiredMonths, 0)):
		bad("facts last checked %s, more than %d months ago: verify them against current sources and update checked", checked, expiredMonths)
	case t.Before(now.AddDate(0, -staleMonths, 0)):
		c.report.Stale = append(c.report.Stale, Stale{File: file, Entry: entry, Checked: t})
	}
}

// sortStale orders the stale list oldest first, the order to verify in.
func sortStale(list []Stale) {
	sort.SliceStable(list, func(i, j int) bool { return list[i].Checked.Before(list[j].Checked) })
}

// sourceURLProblem says why a source address cannot support a claim, or
// "". A bare domain (a site's home page) names no page about the figure.
func sourceURLProblem(raw string) string {
	u, err := url.Parse(raw)
	switch {
	case err != nil || u.Scheme != "https" || u.Host == "":
		return fmt.Sprintf("url %q is not an https:// address", raw)
	case strings.Trim(u.Path, "/") == "" && u.RawQuery == "" && u.Fragment == "":
		return fmt.Sprintf("url %q is a site's home page; cite the page about the claim", raw)
	}
	return ""
}
