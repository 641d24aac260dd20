package poster_test

import (
	"fmt"
	"os"
	"strings"

	"heartland/assets"
	"heartland/geo"
	"heartland/internal/poster"
)

func ExampleRender() {
	layers, _ := assets.Layers()
	facts, _ := assets.LoadFacts()
	state, _ := geo.ParseHash("#map=6/41.3/69.3&layers=countries,boundaries,cities,labels")
	d, err := poster.Render(layers, facts, poster.Options{Width: 800, Height: 450, State: state})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	var svg strings.Builder
	d.SVG(&svg)
	fmt.Println(d.Width, d.Height, d.Level)
	fmt.Println(strings.Contains(svg.String(), ">UZBEKISTAN</text>"))
	// Output:
	// 800 450 6
	// true
}
