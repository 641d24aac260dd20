package main

import (
	"fmt"

	"heartland/app/scene"
	"heartland/assets"
	"heartland/geo"
	"heartland/mapstyle"
)

// preparedLevels are the simplification levels whose meshes the data bundle
// carries: 6 draws the home view of a laptop's window (1280×800 CSS px).
// Each level costs every first visit brotli bytes (level 5 0.17 MB, 6
// 0.28 MB, 7 0.42 MB); the others are built in the browser on first use.
var preparedLevels = []int{6}

// preparedScene computes what the browser would at start-up: projection,
// label anchors, the hit index of what the map selects (scene.Indexed;
// geo.PreparedScene.Bind refuses a scene that disagrees) and the
// preparedLevels' meshes.
func preparedScene() ([]byte, error) {
	layers, err := assets.Layers()
	if err != nil {
		return nil, err
	}
	ps := geo.PrepareScene(layers, geo.CentralAsia, geo.PrepareOptions{Indexed: scene.Indexed, Levels: preparedLevels, Dash: mapstyle.DashPattern})
	b, err := ps.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("prepared scene: %w", err)
	}
	return b, nil
}
