package check

import (
	"strings"
	"testing"
	"time"
)

func TestIsKebab(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"issyk-kul", true},
		{"lake-93p29e-47p94n", true},
		{"border-afg-chn", true},
		{"border--chn", true}, // a border with a territory that has no ISO code
		{"", false},
		{"coast-", false},
		{"-lake", false},
		{"Issyk-Kul", false},
		{"lake_van", false},
		{"lake van", false},
	}
	for _, tt := range tests {
		if got := isKebab(tt.id); got != tt.want {
			t.Errorf("isKebab(%q) = %v; want %v", tt.id, got, tt.want)
		}
	}
}

func TestDirReportsFiguresFromTheFuture(t *testing.T) {
	// The committed facts carry years up to the present; as seen from 2020
	// they are all in the future.
	r := Dir("..", Options{Now: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
	var found bool
	for _, p := range r.Problems {
		if strings.HasSuffix(p.File, "facts.json") && strings.Contains(p.Error(), "is after the current year 2020") {
			found = true
		}
	}
	if !found {
		t.Errorf("Dir(.., now 2020) problems:\n%v\nwant one saying a year is after 2020", r.Err())
	}
}

func TestDirReportsAMissingFolderWithoutPanicking(t *testing.T) {
	r := Dir(t.TempDir(), Options{})
	err := r.Err()
	if err == nil {
		t.Fatal("Dir(empty folder) reported no problems")
	}
	for _, want := range []string{"countries.geojson: missing", "facts.json"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Dir(empty folder) = %q; want it to mention %q", err, want)
		}
	}
}
