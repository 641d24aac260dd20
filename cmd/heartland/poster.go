package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"

	"github.com/paulmach/orb"

	"heartland/assets"
	"heartland/geo"
	"heartland/internal/poster"
)

func init() { register("poster", "draw a map view as SVG (and PNG)", runPoster) }

func runPoster(args []string) error { return makePoster(os.Stderr, args) }

// makePoster renders the view -state describes and writes the SVG to -o
// ("-" for standard output) and, with -png, a PNG. Problems with the state
// are warnings on stderr, as the app warns in the console: a bad link still
// makes a poster.
func makePoster(stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("poster", flag.ContinueOnError)
	fs.SetOutput(stderr)
	state := fs.String("state", "", "map state as in the URL hash: '#map=Z/LAT/LON&layers=…&select=ID'")
	width := fs.Int("width", 1200, "width in CSS pixels")
	height := fs.Int("height", 630, "height in CSS pixels")
	out := fs.String("o", "map.svg", "SVG file to write, or - for standard output, or empty for none")
	pngOut := fs.String("png", "", "PNG file to write as well")
	viewOut := fs.String("view", "", "JSON file describing the poster's projection, for pages that reframe it")
	theme := fs.String("theme", "light", "colour theme: light or dark")
	title := fs.String("title", poster.DefaultTitle, "title shown on the poster")
	legend := fs.Bool("legend", true, "draw a legend of the kinds shown, as the app's Download does")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	st, warnings := geo.ParseHash(*state)
	for _, w := range warnings {
		fmt.Fprintf(stderr, "heartland poster: warning: -state: %s\n", w)
	}
	layers, err := assets.Layers()
	if err != nil {
		return err
	}
	facts, err := assets.LoadFacts()
	if err != nil {
		return err
	}
	d, err := poster.Render(layers, facts, poster.Options{Width: *width, Height: *height, State: st, Theme: *theme, Title: *title, Legend: *legend})
	if err != nil {
		return err
	}
	if *out != "" {
		var buf bytes.Buffer
		if err := d.SVG(&buf); err != nil {
			return err
		}
		if err := writeOutput(*out, buf.Bytes()); err != nil {
			return err
		}
	}
	if *viewOut != "" {
		data, err := posterView(d, *width, *height)
		if err != nil {
			return err
		}
		if err := writeOutput(*viewOut, data); err != nil {
			return err
		}
	}
	if *pngOut != "" {
		var buf bytes.Buffer
		if err := png.Encode(&buf, d.PNG()); err != nil {
			return fmt.Errorf("%s: %w", *pngOut, err)
		}
		if err := writeOutput(*pngOut, buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func writeOutput(path string, data []byte) error {
	if path == "-" {
		_, err := os.Stdout.Write(data)
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("writing poster: %w", err)
	}
	return nil
}

// posterView describes how the poster maps the projection's world metres to
// its pixels (x = a·X + tx, y = −a·Y + ty) and the projection itself, so the
// embed can show the poster framed on any view before the map loads.
func posterView(d *poster.Drawing, width, height int) ([]byte, error) {
	p1, p2 := orb.Point{60, 40}, orb.Point{70, 45}
	w1, w2 := geo.CentralAsia.Forward(p1), geo.CentralAsia.Forward(p2)
	x1, y1 := d.Project(p1)
	x2, _ := d.Project(p2)
	a := (x2 - x1) / (w2[0] - w1[0])
	return json.Marshal(map[string]any{
		"width": width, "height": height,
		"a": a, "tx": x1 - a*w1[0], "ty": y1 + a*w1[1],
		"albers":      map[string]float64{"lon0": 66, "lat0": 45, "lat1": 38, "lat2": 50},
		"earthRadius": geo.EarthRadius,
		"tileWorld":   256,
	})
}
