package app

import (
	"net/url"
	"slices"
	"strings"

	"heartland/internal/quiz"
)

// quizKeys are the quiz's parameters in the page's address.
var quizKeys = []string{"quiz", "seed", "count"}

// QuizSearch is the page's query string (location.search) with the quiz's
// parameters replaced by those of query (quiz.Params.Query; "" removes
// them) and the others kept in order, written as URLSearchParams writes
// it: "" or "?…". Share then keeps the quiz.
func QuizSearch(search, query string) string {
	var out []string
	for _, part := range strings.Split(strings.TrimPrefix(search, "?"), "&") {
		k, v, _ := strings.Cut(part, "=")
		if k = formDecode(k); part != "" && !slices.Contains(quizKeys, k) {
			out = append(out, formEncode(k)+"="+formEncode(formDecode(v)))
		}
	}
	given, _ := url.ParseQuery(query)
	for _, k := range quizKeys {
		if given.Has(k) {
			out = append(out, k+"="+formEncode(given.Get(k)))
		}
	}
	if len(out) == 0 {
		return ""
	}
	return "?" + strings.Join(out, "&")
}

// formDecode reads a name or value of a query as URLSearchParams does: "+"
// is a space, a "%" without two hex digits stays as it is.
func formDecode(s string) string {
	s = strings.ReplaceAll(s, "+", " ")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return strings.ToValidUTF8(b.String(), "\uFFFD")
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// formEncode writes a name or value as URLSearchParams does
// (application/x-www-form-urlencoded): letters, digits and *-._ as they
// are, a space as "+", every other byte percent-encoded.
func formEncode(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("*-._", c) >= 0:
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}

// StartAPI starts the quiz heartland.startQuiz(set, seed) asks for (seed
// "" when not given). It reports false, with a console warning, when the
// set or seed is not valid: the quiz then starts with what could be used.
func (p *QuizPlayer) StartAPI(set, seed string) bool {
	q := "quiz=" + url.QueryEscape(set)
	if seed != "" {
		q += "&seed=" + url.QueryEscape(seed)
	}
	_, _, warnings := quiz.ParseQuery(q)
	for _, w := range warnings {
		p.m.page.Warn("startQuiz: " + w)
	}
	p.StartQuery(q)
	return len(warnings) == 0
}

// Press does what a button of the quiz card does, named by its classes
// (views.QuizFrame, views.QuizCard): an answer option (option is its
// 0-based index), Next, Try again, or Close.
func (p *QuizPlayer) Press(classes string, option int) {
	for _, c := range strings.Fields(classes) {
		switch c {
		case "quiz-option":
			p.Choose(option)
		case "quiz-next":
			p.Next()
		case "quiz-again":
			p.Again()
		case "quiz-close", "quiz-done":
			p.Close()
		default:
			continue
		}
		return
	}
}

// FromURL returns the start of the quiz the page's query string names
// (?quiz=SET&seed=N&count=C), having warned of the parts it cannot use, or
// nil when it names none. The page runs it once the map has its size.
func (p *QuizPlayer) FromURL(search string) (start func()) {
	_, ok, warnings := quiz.ParseQuery(search)
	if !ok {
		return nil
	}
	for _, w := range warnings {
		p.m.page.Warn("quiz: " + w)
	}
	return func() { p.StartQuery(search) }
}
