package check

import (
	"fmt"
	"os"
	"path/filepath"

	"heartland/story"
)

// layerIDs are the layers a story may show.
var layerIDs = map[string]bool{"countries": true, "boundaries": true, "water": true, "labels": true,
	"energy": true, "minerals": true, "trade": true, "cities": true}

// checkStories decodes every stories/*.json and checks that each id it
// fits or highlights exists in the layers and each layer it shows is known.
func (c *checker) checkStories() {
	paths, _ := filepath.Glob(filepath.Join(c.dir, "stories", "*.json"))
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			c.problem(p, err)
			continue
		}
		s, err := story.Decode(raw)
		if err != nil {
			c.problem(p, err)
			continue
		}
		for i, st := range s.Steps {
			for j, src := range st.Sources {
				if msg := sourceURLProblem(src.URL); msg != "" {
					c.problem(p, fmt.Errorf("step %d (%s): sources[%d]: %s", i+1, st.Title, j, msg))
				}
			}
		}
		for _, err := range s.Check(func(id string) bool { _, ok := c.byID[id]; return ok }, func(l string) bool { return layerIDs[l] }) {
			c.problem(p, err)
		}
		c.report.Files = append(c.report.Files, FileSummary{File: p, Count: plural(len(s.Steps), "step", "steps")})
	}
}
