package views

import (
	"fmt"
	"strings"
	"testing"

	"heartland/assets"
	"heartland/geo"
)

// names is what the scene's display names do for the tests' ids.
func names(id string) string {
	return map[string]string{"KAZ": "Kazakhstan", "UZB": "Uzbekistan", "CHN": "China", "TKM": "Turkmenistan"}[id]
}

// testFacts is a made-up fact sheet: the tests need its shape, not its
// numbers.
var testFacts = assets.Facts{
	Sources: map[string]geo.Source{
		"stats": {Title: "National statistics", URL: "https://stat.example/pop", Year: 2024},
		"wb":    {Title: "World Bank", URL: "https://data.worldbank.example/", Year: 2023},
		"bad":   {Title: "Hostile", URL: "javascript:alert(1)", Year: 2020},
	},
	Countries: map[string]assets.Country{
		"KAZ": {
			Name:        "Kazakhstan",
			Capital:     &assets.Text{Text: "Astana", Source: "wb"},
			Population:  &assets.Figure{Value: 20_000_000, Year: 2024, Source: "stats"},
			AreaKm2:     &assets.Figure{Value: 2_724_900, Year: 2023, Source: "wb"},
			GDPUSD:      &assets.Figure{Value: 262e9, Year: 2023, Source: "wb"},
			Exports:     &assets.List{Items: []string{"oil", "metals"}, Year: 2022, Source: "wb"},
			Resources:   &assets.List{Items: nil, Year: 2022, Source: "bad"}, // empty: no row, no citation
			Memberships: []assets.Membership{{Org: "SCO", Status: "member", Since: 2001, Source: "wb"}, {Org: "WTO", Status: "observer", Source: "stats"}},
			Notes:       []assets.Note{{Text: "A dated note", AsOf: "2024-05", Source: "bad"}},
			Why:         "Why it matters, in a sentence.",
			WhySources:  []string{"stats"},
		},
	},
}

func TestCountryPanelListsPopulationWithItsYearAndACitationToItsSource(t *testing.T) {
	p := FeaturePanel(&geo.Feature{ID: "KAZ", Name: "Kazakh SSR", Kind: "country"}, testFacts, names)
	if p.Title != "Kazakhstan" {
		t.Errorf("Title = %q; want the fact sheet's name Kazakhstan", p.Title)
	}
	dl := find(p.Body, tagged("dl"))
	if len(dl) != 1 || dl[0].Class != "facts" {
		t.Fatalf("want one dl.facts; got %+v", dl)
	}
	rows := dl[0].Kids
	var terms []string
	for i := 0; i+1 < len(rows); i += 2 {
		terms = append(terms, rows[i].Text)
	}
	if got, want := strings.Join(terms, ", "), "Capital, Population, Area, GDP, Main exports"; got != want {
		t.Errorf("terms = %s; want %s", got, want)
	}
	pop := rows[3]
	if got, want := pop.TextContent(), "20 million (2024)[2]"; got != want {
		t.Errorf("population = %q; want %q (the capital cited [1])", got, want)
	}
	link := pop.Kids[1]
	if link.Attr("href") != "https://stat.example/pop" || link.Attr("title") != "National statistics (2024)" {
		t.Errorf("population's citation = %+v; want a link to National statistics", link)
	}
	if got := rows[1].TextContent(); got != "Astana[1]" {
		t.Errorf("capital = %q; want Astana[1] (no year)", got)
	}
	if got := rows[5].TextContent(); got != "2,724,900 km² (2023)[1]" {
		t.Errorf("area = %q", got)
	}
	if got := rows[7].TextContent(); got != "$262 billion (2023)[1]" {
		t.Errorf("GDP = %q", got)
	}
}

func TestCountryPanelNumbersSourcesInOrderOfFirstUse(t *testing.T) {
	p := FeaturePanel(&geo.Feature{ID: "KAZ", Kind: "country"}, testFacts, names)
	ol := find(p.Body, tagged("ol"))
	if len(ol) != 1 {
		t.Fatalf("want one list of sources; got %d", len(ol))
	}
	var got []string
	for _, li := range ol[0].Kids {
		got = append(got, li.TextContent())
	}
	want := []string{"World Bank, 2023", "National statistics, 2024", "Hostile, 2020"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sources = %q; want %q", got, want)
	}
	if href := ol[0].Kids[2].Kids[0].Attr("href"); href != "#" {
		t.Errorf("javascript: source href = %q; want #", href)
	}
	for _, c := range find(p.Body, classed("cite")) {
		var n int
		if _, err := fmt.Sscanf(c.Text, "[%d]", &n); err != nil || n < 1 || n > len(want) {
			t.Errorf("citation %q names no listed source", c.Text)
		}
	}
}

func TestCountryPanelSections(t *testing.T) {
	p := FeaturePanel(&geo.Feature{ID: "KAZ", Kind: "country"}, testFacts, names)
	var heads []string
	for _, h := range find(p.Body, tagged("h3")) {
		heads = append(heads, h.Text)
	}
	if got, want := strings.Join(heads, ", "), "Memberships, Status notes, Why it matters, Sources"; got != want {
		t.Errorf("headings = %s; want %s", got, want)
	}
	chips := find(p.Body, classed("chips"))[0].Kids
	if got := chips[0].TextContent(); got != "SCO · since 2001[1]" {
		t.Errorf("member chip = %q; want SCO · since 2001[1]", got)
	}
	if got := chips[1].TextContent(); got != "WTO · observer[2]" {
		t.Errorf("observer chip = %q; want WTO · observer[2]", got)
	}
	if got := find(p.Body, classed("notes"))[0].TextContent(); got != "A dated note (as of 2024-05)[3]" {
		t.Errorf("note = %q", got)
	}
	if got := find(p.Body, classed("why"))[0].TextContent(); got != "Why it matters, in a sentence.[2]" {
		t.Errorf("why = %q", got)
	}
}

func TestEveryCountryPanelCitesOnlyWhatItListsAndLinksOnlyToTheWeb(t *testing.T) {
	facts, err := assets.LoadFacts()
	if err != nil {
		t.Fatal(err)
	}
	for id := range facts.Countries {
		p := FeaturePanel(&geo.Feature{ID: id, Kind: "country"}, facts, names)
		listed := 0
		if ol := find(p.Body, tagged("ol")); len(ol) == 1 {
			listed = len(ol[0].Kids)
		}
		for _, c := range find(p.Body, classed("cite")) {
			var n int
			if _, err := fmt.Sscanf(c.Text, "[%d]", &n); err != nil || n < 1 || n > listed {
				t.Errorf("%s: citation %q; the panel lists %d sources", id, c.Text, listed)
			}
		}
		for _, a := range find(p.Body, tagged("a")) {
			if href := a.Attr("href"); !strings.HasPrefix(href, "https://") && !strings.HasPrefix(href, "http://") {
				t.Errorf("%s: link %q goes to %q", id, a.Text, href)
			}
		}
	}
}

func TestStrategicFeaturePanelShowsStatusFiguresAndRoute(t *testing.T) {
	f := &geo.Feature{ID: "cac", Name: "Central Asia–China gas pipeline", Kind: "gas-pipeline", Country: "TKM", Props: map[string]any{
		"status": "under construction", "status_date": "2024-06", "summary": "Carries gas east.", "offshore": "north-caspian",
		"figures": []any{map[string]any{"label": "Capacity", "value": "55 bcm/yr", "year": 2023.0, "source": 1.0}},
		"sources": []any{
			map[string]any{"title": "Operator", "url": "https://op.example/", "year": 2023.0},
			map[string]any{"title": "IEA", "url": "https://iea.example/", "year": 2024.0},
		},
		"joins":     []any{"TKM", "UZB", "KAZ", "CHN"},
		"countries": []any{"TKM"},
	}}
	p := FeaturePanel(f, testFacts, names)
	if p.Title != f.Name {
		t.Errorf("Title = %q; want %q", p.Title, f.Name)
	}
	kind := find(p.Body, classed("panel-kind"))
	if len(kind) != 1 || kind[0].Text != "Gas pipeline · Turkmenistan (offshore, north caspian)" {
		t.Errorf("kind line = %+v", kind)
	}
	status := find(p.Body, classed("status"))
	if len(status) != 1 || status[0].Class != "status status-under-construction" || status[0].Text != "Under construction (as of 2024-06)" {
		t.Errorf("status = %+v", status)
	}
	dd := find(p.Body, tagged("dd"))
	if len(dd) != 1 || dd[0].TextContent() != "55 bcm/yr (2023)[2]" || dd[0].Kids[1].Attr("href") != "https://iea.example/" {
		t.Errorf("figure = %+v; want 55 bcm/yr (2023)[2] citing IEA", dd)
	}
	route := find(p.Body, classed("route"))
	if len(route) != 1 || route[0].Text != "Turkmenistan → Uzbekistan → Kazakhstan → China" {
		t.Errorf("route = %+v; want one (Crosses lists a single country, so none)", route)
	}
	if got := text(find(p.Body, tagged("h3"))); got != "RouteSources" {
		t.Errorf("headings = %q; want Route, Sources", got)
	}
	if got := len(find(p.Body, tagged("ol"))[0].Kids); got != 2 {
		t.Errorf("%d sources listed; want 2", got)
	}
}

func TestFeaturePanelLeavesOutWhatAFeatureLacks(t *testing.T) {
	p := FeaturePanel(&geo.Feature{ID: "x", Name: "Some mine", Kind: "gold", Props: map[string]any{"countries": []any{"KAZ", "UZB"}}}, testFacts, names)
	if got := text(p.Body); got != "Gold mineCrossesKazakhstan → Uzbekistan" {
		t.Errorf("body text = %q", got)
	}
}

func TestPanelOfAPlaceWithoutFactsSaysSo(t *testing.T) {
	for kind, want := range map[string]string{
		"territory": "A territory shown as Natural Earth draws it.",
		"country":   "this country has no fact sheet yet",
	} {
		p := FeaturePanel(&geo.Feature{ID: "ATA", Name: "Somewhere", Kind: kind}, testFacts, names)
		if p.Title != "Somewhere" || len(p.Body) != 1 || p.Body[0].Class != "panel-note" || !strings.Contains(p.Body[0].Text, want) {
			t.Errorf("%s panel = %+v; want a note containing %q", kind, p, want)
		}
	}
}
