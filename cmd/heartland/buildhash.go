package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Content-hashed names (NAME.HASH.EXT) let browsers cache the files the
// pages load for a year: a changed file gets a new name, and the pages,
// which are always revalidated, point at it.

// contentHashLen is how many hex digits of SHA-256 go into a hashed name.
const contentHashLen = 10

// manifestName is the build's record of renames, {"heartland.wasm":
// "heartland.3f2a1b2c3d.wasm", …}, for tools that need the final names.
const manifestName = "manifest.json"

// hashedExts are the kinds of file the pages load by names the build can
// see and rewrite.
var hashedExts = map[string]bool{".wasm": true, ".js": true, ".css": true, ".bin": true}

// stableNames keep their names although their kind is hashed: host pages
// include embed.js and reference the posters by absolute URL.
var stableNames = map[string]bool{"embed.js": true, "poster.svg": true, "poster.png": true}

// rewrittenExts are the text files whose references to renamed files are
// rewritten.
var rewrittenExts = map[string]bool{".html": true, ".js": true, ".css": true}

// hashedNamePattern matches NAME.HASH.EXT as written by hashedName.
var hashedNamePattern = regexp.MustCompile(`^.+\.[0-9a-f]{10}\.[A-Za-z0-9]+$`)

// referencePattern finds what may be a reference to a site file: a whole
// quoted string, a url() argument, or an unquoted src=/href= attribute.
// Whitespace ends a candidate, so prose such as "heartland.wasm: HTTP "
// never matches; resolveReference decides which candidates are files.
var referencePattern = regexp.MustCompile(`"([^"\s]+)"|'([^'\s]+)'|` + "`([^`\\s]+)`" +
	`|url\(\s*([^\s"'()]+)\s*\)|\b(?:src|href)=([^\s"'<>=` + "`" + `]+)`)

// shouldHash reports whether the file at rel gets a content-hashed name.
func shouldHash(rel string) bool {
	return hashedExts[strings.ToLower(path.Ext(rel))] && !stableNames[path.Base(rel)]
}

// hashedName is rel renamed NAME.HASH.EXT after content's SHA-256.
func hashedName(rel string, content []byte) string {
	sum := sha256.Sum256(content)
	ext := path.Ext(rel)
	return strings.TrimSuffix(rel, ext) + "." + hex.EncodeToString(sum[:])[:contentHashLen] + ext
}

// isHashedName reports whether the file name looks like NAME.HASH.EXT,
// which the server may let browsers cache for good.
func isHashedName(name string) bool {
	return hashedNamePattern.MatchString(path.Base(name))
}

// reference is one reference to a site file found in a text file.
type reference struct {
	start, end int    // byte span of the reference as written
	text       string // as written, e.g. "../embed.js?v=2"
	target     string // the site file it names, relative to the site root
}

// findReferences lists the candidates in content that name a site path,
// resolved against dir, the referencing file's directory in the site.
func findReferences(content []byte, dir string) []reference {
	var refs []reference
	for _, m := range referencePattern.FindAllSubmatchIndex(content, -1) {
		for g := 2; g < len(m); g += 2 {
			if m[g] < 0 {
				continue
			}
			text := string(content[m[g]:m[g+1]])
			if target, ok := resolveReference(text, dir); ok {
				refs = append(refs, reference{m[g], m[g+1], text, target})
			}
			break
		}
	}
	return refs
}

// resolveReference maps a relative or root-relative URL path to the site
// file it names; URLs with a scheme, protocol-relative URLs and paths
// leaving the site are not references to rewrite.
func resolveReference(text, dir string) (string, bool) {
	p, _, _ := cutQueryAndFragment(text)
	if p == "" || strings.Contains(p, ":") || strings.HasPrefix(p, "//") || strings.HasSuffix(p, "/") {
		return "", false
	}
	var target string
	if rooted, ok := strings.CutPrefix(p, "/"); ok {
		target = path.Clean(rooted)
	} else {
		target = path.Join(dir, p)
	}
	if target == ".." || strings.HasPrefix(target, "../") {
		return "", false
	}
	return target, true
}

// cutQueryAndFragment splits "a/b.js?v=1#x" into "a/b.js" and "?v=1#x".
func cutQueryAndFragment(text string) (p, rest string, found bool) {
	if i := strings.IndexAny(text, "?#"); i >= 0 {
		return text[:i], text[i:], true
	}
	return text, "", false
}

// rewriteReferences replaces, in content, the last path segment of every
// reference to a renamed file; renames maps old to new site paths.
func rewriteReferences(content []byte, dir string, renames map[string]string) []byte {
	var out []byte
	last := 0
	for _, ref := range findReferences(content, dir) {
		renamed, ok := renames[ref.target]
		if !ok {
			continue
		}
		p, rest, _ := cutQueryAndFragment(ref.text)
		prefix := p[:strings.LastIndex(p, "/")+1]
		out = append(out, content[last:ref.start]...)
		out = append(out, prefix+path.Base(renamed)+rest...)
		last = ref.end
	}
	if out == nil {
		return content
	}
	return append(out, content[last:]...)
}

// hashAssetNames renames the files that shouldHash to NAME.HASH.EXT in
// outDir and rewrites references to them in every HTML, JS and CSS file.
// A file is hashed after its own references are rewritten, so its name
// changes whenever a file it loads changes (heartland.js → heartland.wasm).
// It returns files with the new names and sizes, and the renames.
func hashAssetNames(outDir string, files []builtFile) ([]builtFile, map[string]string, error) {
	byRel := map[string]int{}
	for i, f := range files {
		byRel[f.rel] = i
	}
	order, err := hashOrder(outDir, files, byRel)
	if err != nil {
		return nil, nil, err
	}
	renames := map[string]string{}
	for _, rel := range order {
		content, err := rewriteFile(outDir, rel, renames)
		if err != nil {
			return nil, nil, err
		}
		newRel := hashedName(rel, content)
		if err := moveRewritten(outDir, rel, newRel, content); err != nil {
			return nil, nil, err
		}
		renames[rel] = newRel
		i := byRel[rel]
		files[i].rel, files[i].renamedFrom, files[i].raw = newRel, rel, int64(len(content))
	}
	for i, f := range files {
		if f.renamedFrom != "" || !rewrittenExts[strings.ToLower(path.Ext(f.rel))] {
			continue
		}
		content, err := rewriteFile(outDir, f.rel, renames)
		if err != nil {
			return nil, nil, err
		}
		if err := os.WriteFile(outPath(outDir, f.rel), content, 0o644); err != nil {
			return nil, nil, err
		}
		files[i].raw = int64(len(content))
	}
	return files, renames, nil
}

// moveRewritten writes content as outDir/newRel and removes outDir/rel;
// binary files (the wasm) are only renamed, which is much cheaper.
func moveRewritten(outDir, rel, newRel string, content []byte) error {
	if !rewrittenExts[strings.ToLower(path.Ext(rel))] {
		return os.Rename(outPath(outDir, rel), outPath(outDir, newRel))
	}
	if err := os.WriteFile(outPath(outDir, newRel), content, 0o644); err != nil {
		return err
	}
	return os.Remove(outPath(outDir, rel))
}

// rewriteFile returns the content of outDir/rel with references to
// renamed files rewritten when it is a text file, else as it is.
func rewriteFile(outDir, rel string, renames map[string]string) ([]byte, error) {
	content, err := os.ReadFile(outPath(outDir, rel))
	if err != nil || !rewrittenExts[strings.ToLower(path.Ext(rel))] {
		return content, err
	}
	return rewriteReferences(content, path.Dir(rel), renames), nil
}

// hashOrder lists the files to hash so that every file comes after the
// hashed files it references. A cycle has no such order: each file's name
// would depend on its own hash.
func hashOrder(outDir string, files []builtFile, byRel map[string]int) ([]string, error) {
	deps := map[string][]string{}
	for _, f := range files {
		if !shouldHash(f.rel) {
			continue
		}
		deps[f.rel] = nil
		if !rewrittenExts[strings.ToLower(path.Ext(f.rel))] {
			continue
		}
		content, err := os.ReadFile(outPath(outDir, f.rel))
		if err != nil {
			return nil, err
		}
		for _, ref := range findReferences(content, path.Dir(f.rel)) {
			if _, ok := byRel[ref.target]; ok && shouldHash(ref.target) && ref.target != f.rel {
				deps[f.rel] = append(deps[f.rel], ref.target)
			}
		}
	}
	rels := make([]string, 0, len(deps))
	for rel := range deps {
		rels = append(rels, rel)
	}
	sort.Strings(rels) // a deterministic order, for reproducible errors
	const (
		unvisited = iota
		visiting
		done
	)
	state := map[string]int{}
	var order []string
	var visit func(rel string, chain []string) error
	visit = func(rel string, chain []string) error {
		switch state[rel] {
		case visiting:
			return fmt.Errorf("%s: files reference each other, so none can be named after its content; break the cycle, or give one a stable name (stableNames in cmd/heartland/buildhash.go)", strings.Join(append(chain, rel), " → "))
		case done:
			return nil
		}
		state[rel] = visiting
		for _, dep := range deps[rel] {
			if err := visit(dep, append(chain, rel)); err != nil {
				return err
			}
		}
		state[rel] = done
		order = append(order, rel)
		return nil
	}
	for _, rel := range rels {
		if err := visit(rel, nil); err != nil {
			return nil, err
		}
	}
	return order, nil
}

// writeManifest writes renames as outDir/manifest.json.
func writeManifest(outDir string, renames map[string]string) (builtFile, error) {
	data, err := json.MarshalIndent(renames, "", "  ") // keys sorted
	if err != nil {
		return builtFile{}, err
	}
	data = append(data, '\n')
	if err := os.WriteFile(outPath(outDir, manifestName), data, 0o644); err != nil {
		return builtFile{}, err
	}
	return builtFile{rel: manifestName, raw: int64(len(data))}, nil
}

// outPath is the OS path of the site file rel under outDir.
func outPath(outDir, rel string) string {
	return filepath.Join(outDir, filepath.FromSlash(rel))
}
