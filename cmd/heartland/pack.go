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
	register("pack", "convert assets/borders/*.geojson to the packed layers the browser loads", runPack)
}

func runPack(args []string) error {
	fs := flag.NewFlagSet("pack", flag.ContinueOnError)
	dir := fs.String("dir", "assets/borders", "folder of GeoJSON layers")
	out := fs.String("out", "assets/packed", "folder for the packed layers")
	if err := fs.Parse(args); err != nil {
		return err
	}
	paths, err := filepath.Glob(filepath.Join(*dir, "*.geojson"))
	if err != nil || len(paths) == 0 {
		return fmt.Errorf("no GeoJSON layers in %s", *dir)
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
