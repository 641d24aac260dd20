//go:build embedsite

package main

import (
	"embed"
	"io/fs"
)

// The site built into the binary: `make release` (and the offline
// browser test, through go build -overlay) puts a copy of dist/ in site/
// and builds with -tags embedsite. site/ is not committed. all: keeps
// dist/_headers, which plain go:embed would skip for its underscore.
//
//go:embed all:site
var embeddedSite embed.FS

// builtInSite is the site inside this binary. `make release` leaves out
// the raw copy of files that have a .gz sibling; see gzipBackedFS.
func builtInSite() (fs.FS, bool) {
	site, err := fs.Sub(embeddedSite, "site")
	if err != nil {
		panic("go:embed site: " + err.Error()) // "site" is a valid path: cannot happen
	}
	return gzipBackedFS{site}, true
}
