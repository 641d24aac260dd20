package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"heartland/geo"
)

func init() {
	register("pack", "convert the GeoJSON layers in assets/ to the packed layers the browser loads", runPack)
}

func runPack(args []string) error {
	fs := flag.NewFlagSet("pack", flag.ContinueOnError)
	dirs := fs.String("dirs", "assets/borders,assets/layers", "comma-separated folders of GeoJSON layers")
	out := fs.String("out", "assets/packed", "folder for the packed layers")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var paths []string
	for _, dir := range strings.Split(*dirs, ",") {
		found, err := filepath.Glob(filepath.Join(dir, "*.geojson"))
		if err != nil || len(found) == 0 {
			return fmt.Errorf("no GeoJSON layers in %s", dir)
		}
		paths = append(paths, found...)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		features, err := geo.DecodeGeoJSON(raw)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		geo.AddLabelPoints(features, geo.CentralAsia)
		packed, err := geo.PackFeatures(features)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".geojson") + ".bin"
		if err := os.WriteFile(filepath.Join(*out, name), packed, 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: %d features, %d → %d bytes\n", name, len(features), len(raw), len(packed))
	}
	return nil
}
