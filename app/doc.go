// Package app is the map's behaviour without a browser: the camera, hover
// and selection, gestures, keys, flights, the compositor's snapshot
// transform, the URL state and when the map must be drawn, and the guided
// modes on it: a story played step by step (StoryPlayer) and a quiz
// (QuizPlayer), one at a time. It runs natively under go test; the browser
// shell (package wasm) turns DOM events into calls on a Map, implements
// Page and the story bar and quiz card as StoryView and QuizView, and the
// Ebiten renderer draws what the Map says. The map's data, its Scene, is
// package app/scene.
//
// It must not import syscall/js or Ebiten. See docs/ARCHITECTURE.md.
package app
