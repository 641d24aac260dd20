package check

import (
	"errors"
	"sync"
	"testing"

	"github.com/paulmach/orb"

	"heartland/assets"
)

var (
	worldOnce sync.Once
	world     *Countries
	worldErr  error
)

// embeddedCountries indexes the embedded countries layer once per test binary.
func embeddedCountries(tb testing.TB) *Countries {
	tb.Helper()
	worldOnce.Do(func() {
		layers, err := assets.Layers()
		if err != nil {
			worldErr = err
			return
		}
		world = NewCountries(layers[0].Features)
	})
	if worldErr != nil {
		tb.Fatalf("assets.Layers(): %v", worldErr)
	}
	return world
}

func TestCountriesAtFindsTheCountryContainingAPoint(t *testing.T) {
	c := embeddedCountries(t)
	tests := []struct {
		place  string
		lonLat orb.Point
		want   string
	}{
		{"Almaty", orb.Point{76.9, 43.25}, "KAZ"},
		{"Tashkent", orb.Point{69.24, 41.31}, "UZB"},
		{"Bishkek", orb.Point{74.59, 42.87}, "KGZ"},
		{"Dushanbe", orb.Point{68.78, 38.56}, "TJK"},
		{"Ashgabat", orb.Point{58.38, 37.95}, "TKM"},
		{"the middle of the Caspian", orb.Point{51, 42}, ""},
		{"the Arabian Sea", orb.Point{62, 20}, ""},
	}
	for _, tt := range tests {
		if got := c.At(tt.lonLat); got != tt.want {
			t.Errorf("At(%v) (%s) = %q; want %q", tt.lonLat, tt.place, got, tt.want)
		}
	}
}

func TestCheckPointAcceptsAPointInItsCountry(t *testing.T) {
	c := embeddedCountries(t)
	if err := c.CheckPoint("almaty", orb.Point{76.9, 43.25}, "KAZ"); err != nil {
		t.Errorf("CheckPoint(almaty, KAZ) = %v; want nil", err)
	}
	if err := c.CheckPoint("caspian-buoy", orb.Point{51, 42}, ""); err != nil {
		t.Errorf("CheckPoint(caspian-buoy, \"\") = %v; want nil for a point at sea", err)
	}
}

func TestCheckPointNamesTheCountryThatActuallyContainsThePoint(t *testing.T) {
	c := embeddedCountries(t)
	tests := []struct {
		feature string
		lonLat  orb.Point
		claimed string
		want    string
	}{
		{"almaty", orb.Point{76.9, 43.25}, "TKM",
			`feature "almaty": point 43.25°N 76.9°E is inside KAZ but country says TKM`},
		{"tashkent", orb.Point{69.24, 41.31}, "KAZ",
			`feature "tashkent": point 41.31°N 69.24°E is inside UZB but country says KAZ`},
		{"caspian-rig", orb.Point{51, 42}, "TKM",
			`feature "caspian-rig": point 42°N 51°E is inside no country but country says TKM`},
		{"almaty-at-sea", orb.Point{76.9, 43.25}, "",
			`feature "almaty-at-sea": point 43.25°N 76.9°E is inside KAZ but country says the sea`},
	}
	for _, tt := range tests {
		err := c.CheckPoint(tt.feature, tt.lonLat, tt.claimed)
		if err == nil {
			t.Errorf("CheckPoint(%q, %v, %q) = nil; want %q", tt.feature, tt.lonLat, tt.claimed, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("CheckPoint(%q, %v, %q) = %q; want %q", tt.feature, tt.lonLat, tt.claimed, err, tt.want)
		}
		var pe *PointError
		if !errors.As(err, &pe) || pe.Claimed != tt.claimed {
			t.Errorf("CheckPoint error %#v; want a *PointError claiming %q", err, tt.claimed)
		}
	}
}

func TestFormatLonLat(t *testing.T) {
	tests := []struct {
		lonLat orb.Point
		want   string
	}{
		{orb.Point{51.6, 46.1}, "46.1°N 51.6°E"},
		{orb.Point{-0.12345678, -33.9}, "33.9°S 0.1235°W"},
		{orb.Point{0, 0}, "0°N 0°E"},
	}
	for _, tt := range tests {
		if got := FormatLonLat(tt.lonLat); got != tt.want {
			t.Errorf("FormatLonLat(%v) = %q; want %q", tt.lonLat, got, tt.want)
		}
	}
}

func BenchmarkCountriesAt(b *testing.B) {
	c := embeddedCountries(b)
	for b.Loop() {
		c.At(orb.Point{69.24, 41.31})
	}
}
