// Package app is the map's behaviour without a browser: the camera, hover
// and selection, gestures, keys, flights, the compositor's snapshot
// transform, the URL state and when the map must be drawn, and the guided
// modes on it: a story played step by step (StoryPlayer) and a quiz
// (QuizPlayer), one at a time; which of them a key goes to (RouteKey),
// cooperative gestures in an embed, the page's config and what an export
// draws (Map.ExportSVG). It runs natively under go test; the browser
// shell (package wasm) turns DOM events into calls on a Map, implements
// Page and the story bar and quiz card as StoryView and QuizView, and the
// Ebiten renderer draws what the Map says. The map's data, its Scene, is
// package app/scene; what the renderer paints of it, package app/paint.
//
// It must not import syscall/js or Ebiten. See docs/ARCHITECTURE.md.
package app
