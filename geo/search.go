package geo

import (
	"sort"
	"strings"
	"unicode"
)

// SearchEntry is one thing a reader can find by name.
type SearchEntry struct {
	ID    string
	Name  string
	Kind  string
	Layer string
}

// SearchIndex finds entries by a prefix of their name or of any word in it,
// ignoring case and accents ("kash" finds Kashagan, "samark" Samarkand,
// "chirag" Azeri–Chirag–Gunashli).
type SearchIndex struct {
	entries []SearchEntry
	keys    [][]string // per entry: the folded name and each word's suffix of it
}

// NewSearchIndex indexes entries; names that fold to nothing are skipped.
func NewSearchIndex(entries []SearchEntry) *SearchIndex {
	ix := &SearchIndex{}
	for _, e := range entries {
		folded := fold(e.Name)
		if folded == "" {
			continue
		}
		keys := []string{folded}
		for i := 1; i < len(folded); i++ {
			if folded[i-1] == ' ' {
				keys = append(keys, folded[i:])
			}
		}
		ix.entries = append(ix.entries, e)
		ix.keys = append(ix.keys, keys)
	}
	return ix
}

// Find returns up to limit entries matching query: names that start with it
// first, then names with a later word that does, each group alphabetical.
func (ix *SearchIndex) Find(query string, limit int) []SearchEntry {
	q := fold(query)
	if q == "" || limit <= 0 {
		return nil
	}
	type hit struct {
		e    SearchEntry
		rank int
	}
	var hits []hit
	for i, keys := range ix.keys {
		for k, key := range keys {
			if strings.HasPrefix(key, q) {
				rank := 0
				if k > 0 {
					rank = 1
				}
				hits = append(hits, hit{ix.entries[i], rank})
				break
			}
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].rank != hits[b].rank {
			return hits[a].rank < hits[b].rank
		}
		return hits[a].e.Name < hits[b].e.Name
	})
	out := make([]SearchEntry, 0, min(limit, len(hits)))
	for _, h := range hits[:min(limit, len(hits))] {
		out = append(out, h.e)
	}
	return out
}

// accents maps the accented Latin letters of the region's names (Turkish,
// Turkmen, Azerbaijani, Uzbek and Kazakh romanisations) to plain ones; a
// table, because Unicode normalisation tables would add ~0.2 MB to the wasm.
var accents = map[rune]rune{
	'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ā': 'a', 'ə': 'e',
	'ç': 'c', 'č': 'c', 'ć': 'c', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e',
	'ğ': 'g', 'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ı': 'i', 'ī': 'i', 'ñ': 'n',
	'ň': 'n', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ō': 'o', 'ş': 's',
	'š': 's', 'ș': 's', 'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u', 'ý': 'y',
	'ÿ': 'y', 'ž': 'z', 'ź': 'z', 'ż': 'z', 'ʻ': ' ', 'ʼ': ' ', '’': ' ', '\'': ' ',
}

// fold lowercases, strips accents and turns punctuation into single spaces.
func fold(s string) string {
	var b strings.Builder
	space := true
	for _, r := range s {
		r = unicode.ToLower(r)
		if plain, ok := accents[r]; ok {
			r = plain
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}
