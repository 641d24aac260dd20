package yourdata

import (
	"bytes"
	"encoding/xml"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// textOf returns a file's text as UTF-8 without a byte-order mark: Windows
// tools often write one, and Excel's "Unicode text" is UTF-16.
func textOf(data []byte) ([]byte, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], "UTF-8"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return utf16Text(data[2:], false), "UTF-16"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return utf16Text(data[2:], true), "UTF-16"
	}
	return data, ""
}

func utf16Text(b []byte, bigEndian bool) []byte {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// cp1251 maps Windows-1251 bytes 0x80–0xFF to runes: Russian Excel saves
// CSV in it. Bytes 0xC0–0xFF are А–я in order.
var cp1251 = []rune("ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\uFFFD™љ›њќћџ\u00A0ЎўЈ¤Ґ¦§Ё©Є«¬\u00AD®Ї°±Ііґµ¶·ё№є»јЅѕї")

// fromWindows1251 decodes Windows-1251 text to UTF-8.
func fromWindows1251(b []byte) []byte {
	var out strings.Builder
	out.Grow(len(b) * 2)
	for _, c := range b {
		switch {
		case c < 0x80:
			out.WriteByte(c)
		case c < 0xC0:
			out.WriteRune(cp1251[c-0x80])
		default:
			out.WriteRune(rune(c-0xC0) + 'А')
		}
	}
	return []byte(out.String())
}

// xmlRoot returns the local name of an XML document's root element,
// lower-cased, reading no further than it.
func xmlRoot(text []byte) string {
	d := xml.NewDecoder(bytes.NewReader(text))
	d.Strict = false
	d.CharsetReader = charsetReader
	for range 64 {
		tok, err := d.RawToken()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return strings.ToLower(se.Name.Local)
		}
	}
	return ""
}

// lineCol turns a byte offset into a 1-based line and column (in runes).
func lineCol(text []byte, offset int64) (line, col int) {
	if offset > int64(len(text)) {
		offset = int64(len(text))
	}
	before := text[:offset]
	line = bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}
