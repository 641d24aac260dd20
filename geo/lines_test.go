package geo_test

import (
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
)

func TestMergeLinesJoinsLinesThatMeet(t *testing.T) {
	tests := []struct {
		name string
		in   orb.MultiLineString
		want orb.MultiLineString
	}{
		{"end to start",
			orb.MultiLineString{{{0, 0}, {1, 0}}, {{1, 0}, {2, 0}}},
			orb.MultiLineString{{{0, 0}, {1, 0}, {2, 0}}}},
		{"end to end reverses the second",
			orb.MultiLineString{{{0, 0}, {1, 0}}, {{2, 0}, {1, 0}}},
			orb.MultiLineString{{{0, 0}, {1, 0}, {2, 0}}}},
		{"start to end puts the second first",
			orb.MultiLineString{{{1, 0}, {2, 0}}, {{0, 0}, {1, 0}}},
			orb.MultiLineString{{{0, 0}, {1, 0}, {2, 0}}}},
		{"start to start reverses the first",
			orb.MultiLineString{{{1, 0}, {2, 0}}, {{1, 0}, {0, 0}}},
			orb.MultiLineString{{{2, 0}, {1, 0}, {0, 0}}}},
		{"chain given out of order",
			orb.MultiLineString{{{2, 0}, {3, 0}}, {{0, 0}, {1, 0}}, {{5, 5}, {6, 6}}, {{2, 0}, {1, 0}}},
			orb.MultiLineString{{{3, 0}, {2, 0}, {1, 0}, {0, 0}}, {{5, 5}, {6, 6}}}},
		{"disjoint lines stay apart",
			orb.MultiLineString{{{0, 0}, {1, 0}}, {{1, 1}, {2, 1}}, {{3, 3}, {4, 4}, {5, 3}}},
			orb.MultiLineString{{{0, 0}, {1, 0}}, {{1, 1}, {2, 1}}, {{3, 3}, {4, 4}, {5, 3}}}},
		{"lines crossing mid-way stay apart",
			orb.MultiLineString{{{0, 0}, {2, 2}}, {{0, 2}, {2, 0}}},
			orb.MultiLineString{{{0, 0}, {2, 2}}, {{0, 2}, {2, 0}}}},
		{"degenerate lines are dropped",
			orb.MultiLineString{{{0, 0}}, {}, {{0, 0}, {1, 0}}},
			orb.MultiLineString{{{0, 0}, {1, 0}}}},
		{"nothing", nil, orb.MultiLineString{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := orb.Clone(tt.in)
			got := geo.MergeLines(tt.in)
			if !orb.Equal(got, tt.want) {
				t.Errorf("MergeLines(%v) = %v; want %v", tt.in, got, tt.want)
			}
			if tt.in != nil && !orb.Equal(tt.in, in) {
				t.Errorf("MergeLines changed its input to %v; want %v", tt.in, in)
			}
		})
	}
}

func TestMergeLinesKeepsEveryVertexOfRealBorders(t *testing.T) {
	for _, f := range loadBorders(t, "boundaries.geojson") {
		mls, ok := f.Geometry.(orb.MultiLineString)
		if !ok {
			continue
		}
		merged := geo.MergeLines(mls)
		if len(merged) > len(mls) {
			t.Errorf("%s: MergeLines has %d lines; want at most %d", f.ID, len(merged), len(mls))
		}
		// Each join shares one vertex, so the count drops by one per join.
		in, out := len(allPoints(mls)), len(allPoints(merged))
		if joins := len(mls) - len(merged); out != in-joins {
			t.Errorf("%s: MergeLines has %d vertices; want %d - %d joins = %d", f.ID, out, in, joins, in-joins)
		}
	}
}
