// Package placement decides what the map shows where on the screen: which
// point symbols are kept when they crowd (symbols.go) and which names are
// written, in which style and where, so that none overlaps another name, a
// symbol or the page's own furniture (labels.go). The live map (wasm/) and
// the poster (internal/poster) both call it and only draw what it returns,
// so a name sits in the same place on screen and in an export.
//
// Sizes are CSS pixels, positions screen coordinates from the top left,
// anchors world metres (geo.CentralAsia). It imports geo and orb only: no
// Ebiten, no syscall/js, no fonts; text is measured by the caller.
package placement
