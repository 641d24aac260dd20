package mapstyle

import "testing"

func TestKindLabel(t *testing.T) {
	for _, tc := range []struct{ kind, want string }{
		{"oil-field", "Oil field"}, {"country", "Country"}, {"lake", "Lake"},
		{"former-lake", "Former lake"}, {"custom-point", "Point"}, {"land-border", "land-border"},
	} {
		if got := KindLabel(tc.kind); got != tc.want {
			t.Errorf("KindLabel(%q) = %q; want %q", tc.kind, got, tc.want)
		}
	}
}
