// Package poster draws a static picture of a Heartland map view — the same
// projection, simplification, clipping and label placement as the live map —
// as SVG, or rasterised to an image for PNG social cards.
//
// Render builds a display list (a Drawing: paths, symbols, labels, panels in
// CSS pixels), which SVG writes as text and PNG rasterises in pure Go, so the
// two outputs cannot disagree about where things are. Labels are measured
// from a table of the Go fonts' metrics (metrics.go), not by parsing the
// fonts, and PNG is not built for the browser (which draws its PNGs from
// the SVG), so the wasm carries no font parser or rasteriser.
//
// It may import the standard library, heartland/geo, heartland/assets, orb
// and golang.org/x/image; never Ebiten or syscall/js, so it runs natively in
// the CLI and in tests.
package poster
