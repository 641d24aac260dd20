package yourdata

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// parseWKT reads well-known text (POINT (69.2 41.3), POLYGON ((…)), the
// MULTI… forms and GEOMETRYCOLLECTION, with Z or M values ignored and an
// EWKT "SRID=4326;" prefix allowed) into orb geometry, x as longitude.
func parseWKT(s string) (orb.Geometry, error) {
	if i := strings.IndexByte(s, ';'); i >= 0 && strings.HasPrefix(strings.ToUpper(strings.TrimSpace(s)), "SRID=") {
		s = s[i+1:]
	}
	p := &wktParser{s: s}
	g, err := p.geometry(0)
	if err == nil && p.peek() != "" {
		err = errors.New("text after the end of the geometry")
	}
	return g, err
}

type wktParser struct {
	s string
	i int
}

// next returns the next token: a word or number, "(", ")" or ","; "" at
// the end.
func (p *wktParser) next() string {
	tok := p.peek()
	p.i += len(tok) + p.spaces()
	return tok
}

func (p *wktParser) spaces() int {
	n := 0
	for p.i+n < len(p.s) && strings.ContainsRune(" \t\r\n", rune(p.s[p.i+n])) {
		n++
	}
	return n
}

func (p *wktParser) peek() string {
	p.i += p.spaces()
	if p.i >= len(p.s) {
		return ""
	}
	if strings.ContainsRune("(),", rune(p.s[p.i])) {
		return p.s[p.i : p.i+1]
	}
	j := p.i
	for j < len(p.s) && !strings.ContainsRune("(), \t\r\n", rune(p.s[j])) {
		j++
	}
	return p.s[p.i:j]
}

func (p *wktParser) expect(tok string) error {
	if got := p.next(); got != tok {
		return fmt.Errorf("expected %q, found %q", tok, clip(got, 20))
	}
	return nil
}

func (p *wktParser) geometry(depth int) (orb.Geometry, error) {
	if depth > MaxDepth {
		return nil, fmt.Errorf("collections nested more than %d deep", MaxDepth)
	}
	typ := strings.ToUpper(p.next())
	switch strings.ToUpper(p.peek()) {
	case "Z", "M", "ZM":
		p.next()
	}
	if strings.ToUpper(p.peek()) == "EMPTY" {
		p.next()
		return orb.Collection{}, nil
	}
	switch typ {
	case "POINT":
		pts, err := wktList(p, p.point)
		if err == nil && len(pts) != 1 {
			err = errors.New("a POINT has one position")
		}
		if err != nil {
			return nil, err
		}
		return pts[0], nil
	case "LINESTRING":
		pts, err := wktList(p, p.point)
		return orb.LineString(pts), err
	case "POLYGON":
		rings, err := wktList(p, p.points)
		return toPolygon(rings), err
	case "MULTIPOINT":
		pts, err := wktList(p, func() (orb.Point, error) {
			if p.peek() == "(" { // MULTIPOINT ((1 2), (3 4))
				pts, err := wktList(p, p.point)
				if err != nil || len(pts) != 1 {
					return orb.Point{}, errors.New("a MULTIPOINT's point has one position")
				}
				return pts[0], nil
			}
			return p.point()
		})
		return orb.MultiPoint(pts), err
	case "MULTILINESTRING":
		ls, err := wktList(p, p.points)
		return toMultiLine(ls), err
	case "MULTIPOLYGON":
		ps, err := wktList(p, func() ([][]orb.Point, error) { return wktList(p, p.points) })
		mp := make(orb.MultiPolygon, len(ps))
		for i, r := range ps {
			mp[i] = toPolygon(r)
		}
		return mp, err
	case "GEOMETRYCOLLECTION":
		gs, err := wktList(p, func() (orb.Geometry, error) { return p.geometry(depth + 1) })
		return orb.Collection(gs), err
	}
	return nil, fmt.Errorf("%q is not a WKT geometry type", clip(typ, 20))
}

// points reads "(x y, x y, …)".
func (p *wktParser) points() ([]orb.Point, error) { return wktList(p, p.point) }

// point reads "x y" with optional z and m.
func (p *wktParser) point() (orb.Point, error) {
	var pt orb.Point
	for k := 0; k < 4; k++ {
		tok := p.peek()
		if tok == "," || tok == ")" || tok == "" {
			if k < 2 {
				return pt, errors.New("a position needs 2 numbers")
			}
			break
		}
		v, err := strconv.ParseFloat(p.next(), 64)
		if err != nil {
			return pt, fmt.Errorf("%q is not a number", clip(tok, 20))
		}
		if k < 2 {
			pt[k] = v
		}
	}
	return pt, nil
}

// wktList reads "(" item ("," item)* ")".
func wktList[T any](p *wktParser, item func() (T, error)) ([]T, error) {
	if err := p.expect("("); err != nil {
		return nil, err
	}
	var out []T
	for {
		v, err := item()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		switch tok := p.next(); tok {
		case ",":
			continue
		case ")":
			return out, nil
		default:
			return nil, fmt.Errorf("expected \",\" or \")\", found %q", clip(tok, 20))
		}
	}
}
