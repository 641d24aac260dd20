package app

import "encoding/json"

// Config is how the page asks the map to behave (window.heartland.config,
// which embed.html sets from its URL before the map starts).
type Config struct {
	Theme          string // "light", "dark" or "auto"
	Legend, Search bool   // show the legend, the search field
}

// ParseConfig reads the page's config given as JSON; a missing or
// malformed value, or text that is not an object, keeps the full app's
// default: theme auto, legend and search shown.
func ParseConfig(text string) Config {
	c := Config{Theme: "auto", Legend: true, Search: true}
	var v map[string]any
	if json.Unmarshal([]byte(text), &v) != nil {
		return c
	}
	if t, ok := v["theme"].(string); ok {
		c.Theme = t
	}
	if b, ok := v["legend"].(bool); ok {
		c.Legend = b
	}
	if b, ok := v["search"].(bool); ok {
		c.Search = b
	}
	return c
}
