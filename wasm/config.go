//go:build js

package main

import (
	"syscall/js"

	"heartland/app"
)

// config is app.Config, read from window.heartland.config.
type config struct {
	theme  string // "light", "dark" or "auto"
	legend bool
	search bool
}

func readConfig() config {
	text := ""
	if v := js.Global().Get("heartland").Get("config"); v.Type() == js.TypeObject {
		text, _ = jsonText(v)
	}
	c := app.ParseConfig(text)
	return config{theme: c.Theme, legend: c.Legend, search: c.Search}
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
