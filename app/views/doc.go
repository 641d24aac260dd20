// Package views decides what the page's HTML views show — the panel of a
// feature or country, the list of places in view, the search box's results
// — and returns it as a small tree of elements (Node). The browser shell
// (package wasm) turns a tree into DOM with createElement, textContent and
// setAttribute, so text from data is always text, never markup.
//
// It must not import syscall/js or Ebiten. See docs/ARCHITECTURE.md.
package views
