//go:build !embedsite

package main

import "io/fs"

// builtInSite reports that this binary has no site inside: it was built
// without -tags embedsite (see site_embed.go and `make release`).
func builtInSite() (fs.FS, bool) { return nil, false }
