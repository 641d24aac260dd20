// Package paint decides what the renderer paints, as plain data: the
// meshes of each simplification level in a palette's colours (the data
// bundle's, or built from the scene, and a reader's own layers), the
// least recently used levels kept, presenter mode's spotlight, and the SVG
// paths that highlight the hovered and selected features above the canvas.
// The browser shell (package wasm) only places the vertices and draws them
// with Ebiten, and sets the paths' attributes.
//
// It must not import syscall/js or Ebiten. See docs/ARCHITECTURE.md.
package paint
