package scene_test

import (
	"image/color"
	"slices"
	"testing"

	"heartland/app/scene"
	"heartland/geo"
	"heartland/mapstyle"
	"heartland/yourdata"
)

const readerLayer = `{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"Our school"},"geometry":{"type":"Point","coordinates":[66.5,48.5]}},
 {"type":"Feature","properties":{"name":"Our trip","stroke":"#ff0000"},"geometry":{"type":"LineString","coordinates":[[69,41],[76,43]]}},
 {"type":"Feature","properties":{"name":"Our valley"},"geometry":{"type":"Polygon","coordinates":[[[70,40],[72,40],[72,41],[70,41],[70,40]]]}}
]}`

func TestReadersLayerCanBeAddedHitAndRemoved(t *testing.T) {
	s := newScene(t, nil)
	before := s.LayerIDs()
	res, err := yourdata.Decode([]byte(readerLayer), "custom1", "")
	features := res.Features
	if err != nil || len(res.Warnings) > 0 {
		t.Fatalf("yourdata.Decode: %v %v", res.Warnings, err)
	}
	layerColor := mapstyle.CustomColors[0]
	s.AddCustomLayer(geo.Layer{ID: "custom1", Name: "My layer", Features: features}, layerColor)

	if got := s.LayerIDs(); len(got) != len(before)+1 || got[len(got)-2] != "custom1" || !s.Visible("custom1") {
		t.Fatalf("LayerIDs() = %v; want custom1 before labels, shown", got)
	}
	school := features[0].ID
	if got := at(s, geoPoint(66.5, 48.5), 3000); got != school {
		t.Errorf("FeatureAt(the reader's point) = %q; want %q", got, school)
	}
	if got := at(s, geoPoint(71, 40.5), 3000); got != features[2].ID {
		t.Errorf("FeatureAt(inside the reader's area) = %q; want %q", got, features[2].ID)
	}
	it := s.Item(school)
	if !it.Custom || it.Color != layerColor {
		t.Errorf("Item(%s) = custom %v colour %v; want custom in the layer's colour %v", school, it.Custom, it.Color, layerColor)
	}
	if c := s.Item(features[1].ID).Color; c != (color.RGBA{0xff, 0, 0, 0xff}) {
		t.Errorf("the line's colour = %v; want its own stroke, red", c)
	}
	if !slices.Contains(s.Points(), it) {
		t.Error("Points() lacks the reader's point")
	}
	if !slices.ContainsFunc(s.LineKinds(), func(k scene.LineKey) bool { return k.Layer == "custom1" }) {
		t.Errorf("LineKinds() = %v; want the reader's line and area", s.LineKinds())
	}
	s.SetVisible("custom1", false)
	if got := at(s, geoPoint(66.5, 48.5), 3000); got != "KAZ" {
		t.Errorf("reader's layer hidden: FeatureAt(its point) = %q; want KAZ beneath", got)
	}

	if !s.RemoveLayer("custom1") {
		t.Fatal("RemoveLayer(custom1) = false")
	}
	if s.RemoveLayer("custom1") {
		t.Error("RemoveLayer(custom1) twice = true; want false")
	}
	if got := s.LayerIDs(); !slices.Equal(got, before) {
		t.Errorf("after RemoveLayer: LayerIDs() = %v; want %v", got, before)
	}
	if s.Item(school) != nil || slices.Contains(s.Points(), it) {
		t.Errorf("after RemoveLayer: Item(%s) or Points() still has it", school)
	}
	if slices.ContainsFunc(s.LineKinds(), func(k scene.LineKey) bool { return k.Layer == "custom1" }) {
		t.Error("after RemoveLayer: LineKinds() still has custom1")
	}
	if got := at(s, geoPoint(66.5, 48.5), 3000); got != "KAZ" {
		t.Errorf("after RemoveLayer: FeatureAt(its point) = %q; want KAZ", got)
	}
	if got := at(s, kashagan, 3000); got != "kashagan" {
		t.Errorf("after RemoveLayer: FeatureAt(Kashagan) = %q; want kashagan still", got)
	}
}

func TestReadersFeaturesAreNotSearched(t *testing.T) {
	s := newScene(t, nil)
	res, _ := yourdata.Decode([]byte(readerLayer), "custom1", "")
	features := res.Features
	s.AddCustomLayer(geo.Layer{ID: "custom1", Features: features}, mapstyle.CustomColors[0])
	if got := s.SearchIndex().Find("Our school", 5); len(got) != 0 {
		t.Errorf("SearchIndex().Find(Our school) = %v; want none, as before the move", got)
	}
}
