// Package scene is the map's data as the app and the renderer use it: every
// feature of every layer with its geometry in world metres and its label
// anchor, the hit index, which layers are shown, the point features in the
// order symbols are kept when they crowd, the groups line meshes are drawn
// in, and a reader's own layers added and removed. A Scene implements
// app.Scene; the Ebiten renderer (package wasm) builds its meshes from it.
//
// It holds no colours but a reader's own: the palette is the renderer's.
// It must not import syscall/js or Ebiten. See docs/ARCHITECTURE.md.
package scene
