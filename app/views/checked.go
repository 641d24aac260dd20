package views

import (
	"time"

	"heartland/assets"
	"heartland/geo"
)

// OldestChecked returns the date, as written, on which the least recently
// verified feature or country entry had its facts checked, and the name of
// that entry; both "" when no entry carries a date. The about dialog shows
// it, so a reader sees how fresh the data is at worst.
func OldestChecked(layers []geo.Layer, facts assets.Facts) (date, name string) {
	var oldest time.Time
	consider := func(checked, what string) {
		t, err := geo.ParseChecked(checked)
		if err != nil {
			return
		}
		if date == "" || t.Before(oldest) || t.Equal(oldest) && what < name {
			date, name, oldest = checked, what, t
		}
	}
	for _, l := range layers {
		for _, f := range l.Features {
			consider(f.StringProp("checked"), f.Name)
		}
	}
	for _, c := range facts.Countries {
		consider(c.Checked, c.Name)
	}
	return date, name
}
