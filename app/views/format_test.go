package views

import "testing"

func TestFormatCountUsesWords(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{19543464, "19.5 million"},
		{181194000000, "181.2 billion"},
		{17_795_000_000_000, "17.8 trillion"},
		{2_000_000, "2 million"},
		{950, "950"},
		{12345, "12,345"},
	} {
		if got := FormatCount(c.v); got != c.want {
			t.Errorf("FormatCount(%v) = %q; want %q", c.v, got, c.want)
		}
	}
}

func TestFormatThousandsGroupsDigits(t *testing.T) {
	for v, want := range map[float64]string{2724900: "2,724,900", 999: "999", 1000: "1,000", 0: "0", -1234567: "-1,234,567"} {
		if got := FormatThousands(v); got != want {
			t.Errorf("FormatThousands(%v) = %q; want %q", v, got, want)
		}
	}
}

func TestSafeURLRefusesOtherSchemes(t *testing.T) {
	for u, want := range map[string]string{
		"https://www.cia.gov/":     "https://www.cia.gov/",
		"http://example.org/a":     "http://example.org/a",
		"javascript:alert(1)":      "#",
		"JaVaScRiPt:alert(1)":      "#",
		"data:text/html,<script>":  "#",
		"  https://x.test":         "#",
		"//evil.test/protocol-rel": "#",
	} {
		if got := SafeURL(u); got != want {
			t.Errorf("SafeURL(%q) = %q; want %q", u, got, want)
		}
	}
}

func TestCitationsNumberSourcesInOrderOfFirstUse(t *testing.T) {
	var c Citations
	got := []string{c.Ref("a"), c.Ref("b"), c.Ref("a"), c.Ref("c")}
	want := []string{"[1]", "[2]", "[1]", "[3]"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("refs = %v; want %v", got, want)
		}
	}
	if len(c.Keys) != 3 {
		t.Errorf("Keys = %v; want 3 distinct", c.Keys)
	}
}
