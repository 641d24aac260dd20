package poster

import (
	"encoding/xml"
	"strings"
	"testing"
)

// xmlEscape is what esc must write: encoding/xml's escaping.
func xmlEscape(s string) string {
	var sb strings.Builder
	xml.EscapeText(&sb, []byte(s))
	return sb.String()
}

func TestEscMatchesXML(t *testing.T) {
	for _, s := range []string{
		"", "Kazakhstan", `Tom & Jerry's "<b>"`, "tab\tnew\nline\rcr", "Қазақстан · 中国 🙂",
		"bell\x07", "bad \xff utf-8", "\xef\xbf\xbd real U+FFFD", "\ufffe\uffff", "\xed\xa0\x80 surrogate", "&",
	} {
		if got, want := esc(s), xmlEscape(s); got != want {
			t.Errorf("esc(%q) = %q; want %q", s, got, want)
		}
	}
}

func FuzzEscapeMatchesXML(f *testing.F) {
	for _, s := range []string{"a&b", "\x00\xff", "\U0010ffff\ufffd", "'\"<>\t\n\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := esc(s), xmlEscape(s); got != want {
			t.Errorf("esc(%q) = %q; want %q", s, got, want)
		}
	})
}
