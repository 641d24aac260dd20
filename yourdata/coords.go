package yourdata

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/paulmach/orb"
)

// coordScanner reads GeoJSON coordinates and TopoJSON arcs — nested arrays
// of numbers — straight from JSON that encoding/json has already checked,
// into orb values: no []any per position, and each position is counted
// against the read limit before it is kept.
type coordScanner struct {
	b []byte
	i int
	r *reader
	// mixedEnds is set when a line or ring's first and last positions have
	// different numbers of values (one 2-D, one 3-D).
	mixedEnds bool
	// long is set when a position has more than 3 values.
	long bool
}

// errShape is a coordinate array of the wrong shape for its type.
var errShape = errors.New("coordinates are not nested as the geometry type needs")

func (s *coordScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

// list reads "[" item ("," item)* "]" calling item for each.
func (s *coordScanner) list(item func() error) error {
	s.space()
	if s.i < len(s.b) && s.b[s.i] == 'n' {
		return errors.New("coordinates hold null where a position belongs")
	}
	if s.i >= len(s.b) || s.b[s.i] != '[' {
		return errShape
	}
	s.i++
	s.space()
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.i++
		return nil
	}
	for {
		if err := item(); err != nil {
			return err
		}
		s.space()
		if s.i >= len(s.b) {
			return errShape
		}
		c := s.b[s.i]
		s.i++
		if c == ']' {
			return nil
		}
		if c != ',' {
			return errShape
		}
	}
}

// number reads one number; null and anything else is an error.
func (s *coordScanner) number() (float64, error) {
	s.space()
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		if (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			s.i++
			continue
		}
		break
	}
	if start == s.i {
		if s.i < len(s.b) && s.b[s.i] == 'n' {
			return 0, errors.New("a position holds null; want numbers")
		}
		if s.i < len(s.b) && s.b[s.i] == '[' {
			return 0, errShape
		}
		return 0, errors.New("a position holds something other than numbers")
	}
	return strconv.ParseFloat(string(s.b[start:s.i]), 64)
}

// position reads [lon, lat, …]: extra values (altitude) are allowed and
// ignored; fewer than two are an error. It returns how many values it had.
func (s *coordScanner) position() (orb.Point, int, error) {
	var p orb.Point
	n := 0
	err := s.list(func() error {
		v, err := s.number()
		if err != nil {
			return err
		}
		if n < 2 {
			p[n] = v
		}
		n++
		return nil
	})
	if n > 3 {
		s.long = true
	}
	if err == nil && n < 2 {
		err = fmt.Errorf("a position has %d number%s; it needs 2 (longitude, latitude)", n, plural(n))
	}
	if err == nil && s.r != nil {
		err = s.r.countRead(1)
	}
	return p, n, err
}

// positions reads an array of positions.
func (s *coordScanner) positions() ([]orb.Point, error) {
	var pts []orb.Point
	first, last := 0, 0
	err := s.list(func() error {
		p, n, err := s.position()
		if len(pts) == 0 {
			first = n
		}
		last = n
		pts = append(pts, p)
		return err
	})
	if first != last {
		s.mixedEnds = true
	}
	return pts, err
}

// lines reads an array of arrays of positions (lines or rings).
func (s *coordScanner) lines() ([][]orb.Point, error) {
	var out [][]orb.Point
	err := s.list(func() error {
		l, err := s.positions()
		out = append(out, l)
		return err
	})
	return out, err
}

// polygons reads an array of polygons.
func (s *coordScanner) polygons() ([][][]orb.Point, error) {
	var out [][][]orb.Point
	err := s.list(func() error {
		p, err := s.lines()
		out = append(out, p)
		return err
	})
	return out, err
}

// ints reads an array of integers (TopoJSON arc references).
func (s *coordScanner) ints() ([]int, error) {
	var out []int
	err := s.list(func() error {
		v, err := s.number()
		if err == nil && (v != float64(int(v)) || v > 1<<31 || v < -1<<31) {
			err = fmt.Errorf("arc reference %g is not a whole number", v)
		}
		out = append(out, int(v))
		return err
	})
	return out, err
}

// intLists reads an array of arrays of integers.
func (s *coordScanner) intLists() ([][]int, error) {
	var out [][]int
	err := s.list(func() error {
		l, err := s.ints()
		out = append(out, l)
		return err
	})
	return out, err
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
