package geo_test

import (
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
)

func TestCountriesAtNamesTheCountryUnderAPoint(t *testing.T) {
	countries := geo.NewCountries(loadBorders(t, "countries.geojson"))
	for _, c := range []struct {
		name          string
		lonLat        orb.Point
		at, countryAt string
	}{
		{"Ashgabat", orb.Point{58.38, 37.95}, "TKM", "TKM"},
		{"Almaty", orb.Point{76.95, 43.25}, "KAZ", "KAZ"},
		{"Tashkent", orb.Point{69.24, 41.31}, "UZB", "UZB"},
		{"the Caspian Sea", orb.Point{50.5, 42}, "", ""},
		{"the Siachen Glacier", orb.Point{77.1, 35.4}, "siachen-glacier", ""},
		{"off the map", orb.Point{-30, 10}, "", ""},
	} {
		if got := countries.At(c.lonLat); got != c.at {
			t.Errorf("At(%s %v) = %q; want %q", c.name, c.lonLat, got, c.at)
		}
		if got := countries.CountryAt(c.lonLat); got != c.countryAt {
			t.Errorf("CountryAt(%s %v) = %q; want %q", c.name, c.lonLat, got, c.countryAt)
		}
	}
	if s, ok := countries.Shape("TKM"); !ok || s.Name != "Turkmenistan" || !countries.Contains("TKM", orb.Point{58.38, 37.95}) {
		t.Errorf("Shape(TKM) = %q, %v; want Turkmenistan containing Ashgabat", s.Name, ok)
	}
	if countries.Contains("KAZ", orb.Point{58.38, 37.95}) {
		t.Error("Contains(KAZ, Ashgabat) = true; want false")
	}
}

func BenchmarkCountriesAt(b *testing.B) {
	countries := geo.NewCountries(loadBorders(b, "countries.geojson"))
	p := orb.Point{69.24, 41.31}
	b.ReportAllocs()
	for b.Loop() {
		countries.At(p)
	}
}
