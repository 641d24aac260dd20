package main

import (
	"io/fs"
	"os"
)

// liveDirFS is a site directory on disk, opened afresh for every lookup
// so that rebuilding it under a running server (`heartland build` swaps
// in a new dist/) is seen at once. Through os.Root, symlinks are followed
// only while they stay inside the directory.
type liveDirFS string

// Open opens name inside the directory; the file stays usable after the
// os.Root that found it is closed.
func (d liveDirFS) Open(name string) (fs.File, error) {
	root, err := os.OpenRoot(string(d))
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return root.FS().Open(name)
}

// Stat describes name inside the directory, following symlinks that stay
// inside it.
func (d liveDirFS) Stat(name string) (fs.FileInfo, error) {
	root, err := os.OpenRoot(string(d))
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return fs.Stat(root.FS(), name)
}
