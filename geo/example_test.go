package geo_test

import (
	"fmt"

	"github.com/paulmach/orb"

	"heartland/geo"
)

func ExampleAlbers_Forward() {
	almaty := orb.Point{76.9, 43.25} // [lon, lat] degrees
	w := geo.CentralAsia.Forward(almaty)
	fmt.Printf("world x = %.0f km, y = %.0f km from 66°E 45°N\n", w[0]/1000, w[1]/1000)
	back := geo.CentralAsia.Inverse(w)
	fmt.Printf("Inverse: %.4f°E %.4f°N\n", back[0], back[1])
	// Output:
	// world x = 876 km, y = -138 km from 66°E 45°N
	// Inverse: 76.9000°E 43.2500°N
}

func ExampleParseHash() {
	s, warnings := geo.ParseHash("#map=5.5/43.25/76.9&layers=countries,water&select=<script>")
	fmt.Println("view:", s.HasView, s.Zoom, s.Center)
	fmt.Println("layers:", s.Layers)
	fmt.Printf("selected: %v %q\n", s.HasSelect, s.Selected)
	fmt.Println("warnings:", warnings)
	s.Selected = "KAZ"
	fmt.Println(s.Hash())
	// Output:
	// view: true 5.5 [76.9 43.25]
	// layers: [countries water]
	// selected: false ""
	// warnings: [select="<script>" is not a feature id; ignored]
	// #map=5.50/43.2500/76.9000&layers=countries,water&select=KAZ
}

func ExampleCamera_ZoomAround() {
	cam := geo.NewCamera(geo.CentralAsia, geo.Limits{
		World:   geo.CentralAsia.ForwardBound(orb.Bound{Min: orb.Point{27, 20}, Max: orb.Point{97, 60}}),
		MaxZoom: 12,
	})
	cam.SetViewport(800, 600, 2)
	cam.SetView(orb.Point{66, 45}, 6)
	before := cam.Unproject(200, 150)
	cam.ZoomAround(200, 150, 1) // a wheel step at (200, 150) CSS pixels
	x, y := cam.Project(before)
	fmt.Printf("zoom %.0f; the point under the cursor is still at (%.1f, %.1f)\n", cam.Zoom(), x, y)
	// Output:
	// zoom 7; the point under the cursor is still at (200.0, 150.0)
}

func ExamplePlaceLabels() {
	boxes := []geo.LabelBox{
		{X: 100, Y: 50, W: 120, H: 20}, // most important first
		{X: 150, Y: 55, W: 120, H: 20}, // overlaps the first
		{X: 790, Y: 50, W: 60, H: 20},  // runs off the right edge
		{X: 400, Y: 300, W: 80, H: 20},
	}
	fmt.Println(geo.PlaceLabels(nil, boxes, 800, 600, 6))
	// Output:
	// [0 3]
}
