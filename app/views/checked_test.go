package views

import (
	"testing"

	"heartland/assets"
	"heartland/geo"
)

func TestOldestCheckedIsTheLeastRecentlyVerifiedEntry(t *testing.T) {
	feature := func(name, checked string) geo.Feature {
		props := map[string]any{"name": name}
		if checked != "" {
			props["checked"] = checked
		}
		return geo.Feature{Name: name, Props: props}
	}
	layers := []geo.Layer{{Features: []geo.Feature{feature("Kashagan", "2026-12-04"), feature("Almaty", ""), feature("Tengiz", "2026-11")}}}
	facts := assets.Facts{Countries: map[string]assets.Country{"KAZ": {Name: "Kazakhstan", Checked: "2026-11-15"}}}
	if date, name := OldestChecked(layers, facts); date != "2026-11" || name != "Tengiz" {
		t.Errorf("OldestChecked = %q, %q; want 2026-11, Tengiz (a month alone means its first day)", date, name)
	}
	if date, name := OldestChecked(nil, assets.Facts{}); date != "" || name != "" {
		t.Errorf("OldestChecked(nothing) = %q, %q; want empty", date, name)
	}
}

func TestCountryPanelNamesBothPopulationSourcesAndWhenItWasChecked(t *testing.T) {
	facts := assets.Facts{Sources: testFacts.Sources, Countries: map[string]assets.Country{"UZB": {
		Name: "Uzbekistan",
		Population: &assets.Figure{Value: 36_800_000, Year: 2024, Source: "stats",
			Other: &assets.Figure{Value: 31_400_000, Year: 2023, Source: "wb", By: "CIA World Factbook"}},
		Memberships: []assets.Membership{{Org: "WTO", Status: "observer", AsOf: "2024", Source: "stats"}},
		Checked:     "2026-12-04",
	}}}
	p := FeaturePanel(&geo.Feature{ID: "UZB", Kind: "country"}, facts, names)
	pop := find(p.Body, tagged("dd"))[0]
	if got, want := pop.TextContent(), "36.8 million (2024)[1] · CIA World Factbook: 31.4 million (2023)[2]"; got != want {
		t.Errorf("population = %q; want %q", got, want)
	}
	if got, want := find(p.Body, classed("chips"))[0].Kids[0].TextContent(), "WTO · observer (as of 2024)[1]"; got != want {
		t.Errorf("membership = %q; want %q", got, want)
	}
	if got := find(p.Body, classed("panel-note checked")); len(got) != 1 || got[0].Text != "Facts last checked 2026-12-04." {
		t.Errorf("checked note = %+v; want one saying Facts last checked 2026-12-04.", got)
	}
}

func TestFeaturePanelSaysWhenItsFactsWereChecked(t *testing.T) {
	f := &geo.Feature{ID: "akdala", Name: "Akdala", Kind: "uranium", Props: map[string]any{"summary": "A mine.", "checked": "2026-12-04"}}
	p := FeaturePanel(f, assets.Facts{}, names)
	if got := find(p.Body, classed("panel-note checked")); len(got) != 1 || got[0].Text != "Facts last checked 2026-12-04." {
		t.Errorf("checked note = %+v; want one saying Facts last checked 2026-12-04.", got)
	}
}
