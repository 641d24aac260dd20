//go:build js

package main

import "syscall/js"

// config is how the page asks the map to behave (window.heartland.config,
// set by embed.html from its URL before the wasm starts). Missing or
// malformed values keep the full-app defaults.
type config struct {
	theme  string // "light", "dark" or "auto"
	legend bool
	search bool
}

func readConfig() config {
	c := config{theme: "auto", legend: true, search: true}
	v := js.Global().Get("heartland").Get("config")
	if v.Type() != js.TypeObject {
		return c
	}
	if t := v.Get("theme"); t.Type() == js.TypeString {
		c.theme = t.String()
	}
	if b := v.Get("legend"); b.Type() == js.TypeBoolean {
		c.legend = b.Bool()
	}
	if b := v.Get("search"); b.Type() == js.TypeBoolean {
		c.search = b.Bool()
	}
	return c
}

// cooperative reports, live, whether gestures must share the page: inside
// an article's iframe the wheel and one finger scroll the article. The page
// turns it off in full screen.
func cooperative() bool {
	v := js.Global().Get("heartland").Get("config")
	return v.Type() == js.TypeObject && v.Get("cooperative").Type() == js.TypeBoolean && v.Get("cooperative").Bool()
}

// hideUnless hides the element matched by selector when show is false.
func hideUnless(show bool, selector string) {
	if el := js.Global().Get("document").Call("querySelector", selector); !show && !el.IsNull() {
		el.Set("hidden", true)
	}
}
