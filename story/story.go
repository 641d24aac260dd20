// Package story reads guided stories: a title and steps, each with text, a
// view, the layers to show and a feature to highlight. Teachers write them
// as JSON (assets/stories/*.json, or their own file); this package parses
// and validates them once, so the player can trust what it shows. Text is
// plain: paragraphs and http(s) links, never HTML.
//
// It imports the standard library and geo (for Source).
package story

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"heartland/geo"
)

// Story is a validated guided story.
type Story struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
	Steps   []Step `json:"steps"`
}

// Step is one screen of a story.
type Step struct {
	Title     string       `json:"title"`
	Text      string       `json:"text"`
	View      View         `json:"view"`
	Layers    []string     `json:"layers,omitempty"`
	Highlight string       `json:"highlight,omitempty"`
	Sources   []geo.Source `json:"sources,omitempty"`
}

// View frames a step: a centre [lon, lat] in degrees and a zoom, or the
// id of a feature or country to fit.
type View struct {
	Center *[2]float64 `json:"center,omitempty"`
	Zoom   float64     `json:"zoom,omitempty"`
	Fit    string      `json:"fit,omitempty"`
}

// Limits on what a story file may hold.
const (
	MaxBytes    = 1 << 20
	MaxSteps    = 100
	MaxTextRune = 3000
)

// Decode parses a story strictly (unknown keys are errors) and checks its
// shape; the first problem is returned naming the step.
func Decode(data []byte) (Story, error) {
	var s Story
	if len(data) > MaxBytes {
		return s, fmt.Errorf("the story file is %d bytes; the limit is %d", len(data), MaxBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return Story{}, fmt.Errorf("not a story: %v", err)
	}
	switch {
	case !validID(s.ID):
		return Story{}, fmt.Errorf("id %q: want letters, digits and hyphens", clip(s.ID))
	case strings.TrimSpace(s.Title) == "":
		return Story{}, fmt.Errorf("the story has no title")
	case len(s.Steps) == 0 || len(s.Steps) > MaxSteps:
		return Story{}, fmt.Errorf("%d steps; want 1 to %d", len(s.Steps), MaxSteps)
	}
	for i, st := range s.Steps {
		if err := st.check(); err != nil {
			return Story{}, fmt.Errorf("step %d (%q): %w", i+1, clip(st.Title), err)
		}
	}
	return s, nil
}

func (st Step) check() error {
	switch {
	case strings.TrimSpace(st.Title) == "":
		return fmt.Errorf("no title")
	case len([]rune(st.Text)) > MaxTextRune:
		return fmt.Errorf("text is %d characters; the limit is %d", len([]rune(st.Text)), MaxTextRune)
	case st.View.Fit != "" && st.View.Center != nil:
		return fmt.Errorf("view has both fit and center; give one")
	case st.View.Fit != "" && !validID(st.View.Fit):
		return fmt.Errorf("view.fit %q is not an id", clip(st.View.Fit))
	case st.View.Fit == "" && st.View.Center == nil:
		return fmt.Errorf("view needs a center and zoom, or a fit")
	case st.Highlight != "" && !validID(st.Highlight):
		return fmt.Errorf("highlight %q is not an id", clip(st.Highlight))
	}
	if c := st.View.Center; c != nil {
		lon, lat := c[0], c[1]
		if math.IsNaN(lon) || math.IsNaN(lat) || math.Abs(lon) > 180 || math.Abs(lat) > 90 {
			return fmt.Errorf("view.center [%g, %g] is out of range (want [lon, lat])", lon, lat)
		}
		if !(st.View.Zoom >= 0 && st.View.Zoom <= 22) {
			return fmt.Errorf("view.zoom %g is out of range 0–22", st.View.Zoom)
		}
	}
	for _, l := range st.Layers {
		if !validID(l) {
			return fmt.Errorf("layer %q is not a layer id", clip(l))
		}
	}
	for i, src := range st.Sources {
		if src.Title == "" || !strings.HasPrefix(src.URL, "https://") || src.Year < 1900 || src.Year > 2100 {
			return fmt.Errorf("sources[%d]: want a title, an https url and a year", i)
		}
	}
	return nil
}

// Check reports every id the story names (view.fit, highlight) that the
// map does not have, and every layer it does not know.
func (s Story) Check(featureExists, layerExists func(string) bool) []error {
	var errs []error
	for i, st := range s.Steps {
		for _, id := range []string{st.View.Fit, st.Highlight} {
			if id != "" && !featureExists(id) {
				errs = append(errs, fmt.Errorf("step %d (%q): no feature or country with id %q", i+1, st.Title, id))
			}
		}
		for _, l := range st.Layers {
			if !layerExists(l) {
				errs = append(errs, fmt.Errorf("step %d (%q): no layer %q", i+1, st.Title, l))
			}
		}
	}
	return errs
}

// Run is a piece of a paragraph: text, and the address it links to ("" for
// plain text). URL is always http or https.
type Run struct {
	Text string
	URL  string
}

// Paragraphs splits step text at blank lines and finds [text](url) links.
// A link whose address is not http or https stays as literal text.
func Paragraphs(text string) [][]Run {
	var out [][]Run
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		para = strings.TrimSpace(strings.ReplaceAll(para, "\n", " "))
		if para == "" {
			continue
		}
		out = append(out, runs(para))
	}
	return out
}

func runs(s string) []Run {
	var out []Run
	plain := func(t string) {
		if t == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].URL == "" {
			out[n-1].Text += t
			return
		}
		out = append(out, Run{Text: t})
	}
	for s != "" {
		open := strings.Index(s, "[")
		if open < 0 {
			plain(s)
			break
		}
		mid := strings.Index(s[open:], "](")
		end := -1
		if mid > 0 {
			end = strings.Index(s[open+mid:], ")")
		}
		if mid <= 0 || end < 0 {
			plain(s)
			break
		}
		label, url := s[open+1:open+mid], s[open+mid+2:open+mid+end]
		plain(s[:open])
		if (strings.HasPrefix(url, "https://") || strings.HasPrefix(url, "http://")) && label != "" && !strings.ContainsAny(url, " \"'<>") {
			out = append(out, Run{Text: label, URL: url})
		} else {
			plain(s[open : open+mid+end+1])
		}
		s = s[open+mid+end+1:]
	}
	return out
}

func validID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || (i > 0 && (c == '-' || c == '_'))) {
			return false
		}
	}
	return true
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
