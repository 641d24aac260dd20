package views

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
)

func place(layer, id, name, kind, country string, world orb.Geometry, central bool) Place {
	return Place{Feature: &geo.Feature{ID: id, Name: name, Kind: kind, Country: country}, Layer: layer, World: world, Central: central}
}

var view = orb.Bound{Min: orb.Point{0, 0}, Max: orb.Point{100, 100}}

func allVisible(string) bool { return true }

func TestPlacesInViewListCentralAsiaThenOtherCountriesThenFeatures(t *testing.T) {
	box := orb.Polygon{{{10, 10}, {20, 10}, {20, 20}, {10, 10}}}
	places := []Place{
		place("energy", "kashagan", "Kashagan", "oil-field", "KAZ", orb.Point{50, 50}, false),
		place("countries", "CHN", "China", "country", "CHN", box, false),
		place("countries", "UZB", "Uzbekistan", "country", "UZB", box, true),
		place("cities", "almaty", "Almaty", "city", "KAZ", orb.Point{60, 60}, false),
		place("countries", "KAZ", "Kazakhstan", "country", "KAZ", box, true),
		place("countries", "AFG", "Afghanistan", "country", "AFG", box, false),
	}
	var got []string
	for _, p := range PlacesInView(places, view, allVisible) {
		got = append(got, p.Feature.Name)
	}
	want := "Kazakhstan, Uzbekistan, Afghanistan, China, Almaty, Kashagan"
	if strings.Join(got, ", ") != want {
		t.Errorf("PlacesInView = %s; want %s", strings.Join(got, ", "), want)
	}
}

func TestPlacesInViewLeaveOutHiddenOutOfViewAndUnlistedPlaces(t *testing.T) {
	line := orb.LineString{{-50, 50}, {50, 50}}
	places := []Place{
		place("energy", "in", "In view", "gas-pipeline", "", line, false),
		place("energy", "far", "Far away", "oil-field", "", orb.Point{500, 500}, false),
		place("energy", "edge", "Point out, bound in", "oil-field", "", orb.Point{100.5, 50}, false),
		place("minerals", "hidden", "On a hidden layer", "gold", "", orb.Point{5, 5}, false),
		place("water", "aral", "Aral Sea", "lake", "", orb.Polygon{{{1, 1}, {2, 1}, {2, 2}, {1, 1}}}, false),
		place("countries", "terr", "A territory", "territory", "", orb.Polygon{{{1, 1}, {2, 1}, {2, 2}, {1, 1}}}, false),
		place("custom1", "mine", "My point", "custom-point", "", orb.Point{1, 1}, false),
	}
	visible := func(layer string) bool { return layer != "minerals" }
	var got []string
	for _, p := range PlacesInView(places, view, visible) {
		got = append(got, p.Feature.ID)
	}
	if strings.Join(got, " ") != "in mine" {
		t.Errorf("PlacesInView = %v; want [in mine]", got)
	}
}

func kindLabel(kind string) string { return "kind:" + kind }

func TestPlaceRowsNameTheKindAndTheCountryButNotACountryItself(t *testing.T) {
	rows := PlaceRows([]Place{
		place("countries", "KAZ", "Kazakhstan", "country", "KAZ", nil, true),
		place("energy", "kashagan", "Kashagan", "oil-field", "KAZ", nil, false),
		place("trade", "caspian", "Trans-Caspian route", "sea-route", "", nil, false),
	}, kindLabel, names)
	var got []string
	for _, r := range rows {
		var cells []string
		for _, td := range r.Kids {
			cells = append(cells, td.TextContent())
		}
		got = append(got, strings.Join(cells, "|"))
	}
	want := []string{"Kazakhstan|kind:country|", "Kashagan|kind:oil-field|Kazakhstan", "Trans-Caspian route|kind:sea-route|"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	btn := rows[1].Kids[0].Kids[0]
	if btn.Tag != "button" || btn.Attr("type") != "button" || btn.Attr("data-id") != "kashagan" {
		t.Errorf("name cell holds %+v; want a button with data-id kashagan", btn)
	}
}

func TestPlaceRowsStopAtTheLimitAndAskToZoomIn(t *testing.T) {
	places := make([]Place, MaxPlaceRows+5)
	for i := range places {
		places[i] = place("cities", "c", "City", "city", "", nil, false)
	}
	rows := PlaceRows(places, kindLabel, names)
	if len(rows) != MaxPlaceRows+1 {
		t.Fatalf("%d rows; want %d and one more", len(rows), MaxPlaceRows)
	}
	last := rows[MaxPlaceRows].Kids[0]
	if !strings.Contains(last.Text, "zoom in") || last.Attr("colspan") != "3" {
		t.Errorf("last row = %+v; want one cell across three columns asking to zoom in", last)
	}
	if n := len(PlaceRows(places[:MaxPlaceRows], kindLabel, names)); n != MaxPlaceRows {
		t.Errorf("%d places give %d rows; want no extra row", MaxPlaceRows, n)
	}
}

func TestPlacesTableIsLabelledByItsCaptionAndHasColumnHeaders(t *testing.T) {
	aside := PlacesTable()
	caption := find([]Node{aside}, tagged("caption"))
	if aside.Attr("id") != "feature-list" || len(caption) != 1 || caption[0].Attr("id") != aside.Attr("aria-labelledby") {
		t.Errorf("aside = %+v; want #feature-list labelled by its caption", aside)
	}
	var heads []string
	for _, th := range find([]Node{aside}, tagged("th")) {
		if th.Attr("scope") != "col" {
			t.Errorf("th %q has scope %q; want col", th.Text, th.Attr("scope"))
		}
		heads = append(heads, th.Text)
	}
	if strings.Join(heads, ",") != "Name,Kind,Country" {
		t.Errorf("headers = %v; want Name, Kind, Country", heads)
	}
	if len(find([]Node{aside}, tagged("tbody"))) != 1 {
		t.Error("no tbody for the rows")
	}
}
