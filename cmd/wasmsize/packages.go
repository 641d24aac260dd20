package main

import (
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
)

// packages maps the linker's sanitised function names back to import paths.
type packages struct {
	sanitised []string          // longest first, so a path wins over its parent
	path      map[string]string // sanitised → import path
}

// wasmName is how cmd/link/internal/wasm writes a name: every character
// but letters, digits, '_' and '.' becomes '_'.
var wasmName = regexp.MustCompile(`[^\w.]`)

// listPackages asks the go command for the packages a js/wasm build of
// mainPkg links.
func listPackages(mainPkg string) (*packages, error) {
	cmd := exec.Command("go", "list", "-deps", mainPkg)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	p := &packages{path: map[string]string{}}
	paths := strings.Fields(string(out))
	for i, path := range paths {
		s := wasmName.ReplaceAllString(path, "_")
		if i == len(paths)-1 {
			s = "main" // the linker names the main package so; -deps lists it last
		}
		p.sanitised = append(p.sanitised, s)
		p.path[s] = path
	}
	sort.Slice(p.sanitised, func(i, j int) bool { return len(p.sanitised[i]) > len(p.sanitised[j]) })
	return p, nil
}

// of returns the import path of a function name such as
// "encoding_json.__decodeState_.object", cut to depth path elements when
// depth > 0. Compiler-made functions (type equality, wrappers) are
// grouped by their prefix, e.g. "type_.eq".
func (p *packages) of(name string, depth int) string {
	for _, s := range p.sanitised {
		if strings.HasPrefix(name, s+".") {
			path := p.path[s]
			if parts := strings.Split(path, "/"); depth > 0 && len(parts) > depth {
				path = strings.Join(parts[:depth], "/")
			}
			return path
		}
	}
	if i := strings.IndexByte(name, '.'); i >= 0 {
		if j := strings.IndexByte(name[i+1:], '.'); j >= 0 {
			return "(" + name[:i+1+j] + ")"
		}
	}
	return "(" + name + ")"
}
