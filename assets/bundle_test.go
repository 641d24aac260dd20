package assets

import (
	"errors"
	"io/fs"
	"reflect"
	"testing"
	"unsafe"
)

// The browser reads the same data from the bundle as programs do from the
// files built in.
func TestBundleCarriesEveryFileTheBrowserReads(t *testing.T) {
	layers, err := Layers()
	if err != nil {
		t.Fatal(err)
	}
	facts, err := LoadFacts()
	if err != nil {
		t.Fatal(err)
	}
	stories, err := Stories()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Bundle(map[string][]byte{"fonts/x.ttf": []byte("font")})
	if err != nil {
		t.Fatal(err)
	}
	saved := files
	t.Cleanup(func() { files = saved })
	if err := UseBundle(b); err != nil {
		t.Fatal(err)
	}
	gotLayers, err := Layers()
	if err != nil {
		t.Fatalf("Layers() from the bundle: %v", err)
	}
	if len(gotLayers) != len(layers) {
		t.Fatalf("the bundle gives %d layers; want %d", len(gotLayers), len(layers))
	}
	for i := range layers {
		if got, want := len(gotLayers[i].Features), len(layers[i].Features); got != want {
			t.Errorf("layer %s from the bundle has %d features; want %d", layers[i].ID, got, want)
		}
	}
	gotFacts, err := LoadFacts()
	if err != nil {
		t.Fatalf("LoadFacts() from the bundle: %v", err)
	}
	if !reflect.DeepEqual(gotFacts, facts) {
		t.Error("facts from the bundle differ from the built-in ones")
	}
	gotStories, err := Stories()
	if err != nil || len(gotStories) != len(stories) {
		t.Errorf("Stories() from the bundle = %d stories, %v; want %d", len(gotStories), err, len(stories))
	}
	if got, err := fs.ReadFile(files, "fonts/x.ttf"); err != nil || string(got) != "font" {
		t.Errorf("the extra file in the bundle reads %q, %v; want \"font\"", got, err)
	}
	if _, err := fs.Stat(files, "borders/countries.geojson"); err == nil {
		t.Error("the bundle carries the GeoJSON sources, which the browser does not read")
	}
}

func TestUseBundleRefusesABrokenBundle(t *testing.T) {
	saved := files
	t.Cleanup(func() { files = saved })
	for _, b := range [][]byte{nil, []byte("not a zip"), []byte("PK\x03\x04 truncated")} {
		if err := UseBundle(b); err == nil {
			t.Errorf("UseBundle(%q) = nil; want an error", b)
		}
	}
	if files != saved {
		t.Error("a broken bundle replaced the data files")
	}
}

// A stored file is read from the bundle's own bytes, 8-byte aligned, so
// the prepared scene's arrays are viewed in place rather than copied.
func TestBundleFilesAreAlignedAndReadInPlace(t *testing.T) {
	for _, name := range []string{"a", "bb", "prepared/scene.bin", "ccccccc"} {
		b, err := Bundle(map[string][]byte{name: []byte("12345678"), "z" + name: []byte("x")})
		if err != nil {
			t.Fatalf("Bundle with %q: %v", name, err)
		}
		saved := files
		t.Cleanup(func() { files = saved })
		if err := UseBundle(b); err != nil {
			t.Fatal(err)
		}
		got, err := storedFile(name)
		if err != nil || string(got) != "12345678" {
			t.Fatalf("storedFile(%q) = %q, %v; want the file", name, got, err)
		}
		off := uintptr(unsafe.Pointer(&got[0])) - uintptr(unsafe.Pointer(&b[0]))
		if off >= uintptr(len(b)) || off%8 != 0 {
			t.Errorf("storedFile(%q) is not the bundle's own bytes at an 8-byte boundary (offset %d)", name, off)
		}
	}
}

func TestNoPreparedSceneIsNotExist(t *testing.T) {
	b, err := Bundle(nil)
	if err != nil {
		t.Fatal(err)
	}
	saved := files
	t.Cleanup(func() { files = saved })
	if err := UseBundle(b); err != nil {
		t.Fatal(err)
	}
	if _, err := PreparedScene(); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("PreparedScene() of a bundle without one: %v; want fs.ErrNotExist", err)
	}
}
