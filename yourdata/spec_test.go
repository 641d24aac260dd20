package yourdata

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"heartland/geo"
)

var update = flag.Bool("update", false, "rewrite testdata/spec/*.golden from what Decode says now")

// TestSpecCorpus reads each file of testdata/spec — one per rule of RFC
// 7946, the TopoJSON specification, the CSV dialects, KML, KMZ and GPX —
// and compares what Decode makes of it (format, features, warnings, error)
// with the reviewed verdict in its .golden file.
func TestSpecCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/spec/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range files {
		if strings.HasSuffix(path, ".golden") {
			continue
		}
		n++
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := verdict(Decode(data, "c", filepath.Base(path)))
			golden := path + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./yourdata -run SpecCorpus -update, then review it)", err)
			}
			if got != string(want) {
				t.Errorf("Decode(%s):\n%s\nwant:\n%s", path, got, want)
			}
		})
	}
	if n < 50 {
		t.Errorf("spec corpus has %d files; want the 50 or more written for it", n)
	}
}

// verdict writes down what a reader would be told about a file.
func verdict(res Result, err error) string {
	var b strings.Builder
	fmt.Fprintf(&b, "format: %s\n", res.Format)
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
	}
	for _, f := range res.Features {
		fmt.Fprintf(&b, "feature %s %s %q %d positions%s\n", f.ID, f.Kind, f.Name, vertices(f.Geometry), props(f))
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	return b.String()
}

// props lists a feature's properties other than its name, sorted.
func props(f geo.Feature) string {
	var kv []string
	for k, v := range f.Props {
		if s, ok := v.(string); !ok || s != f.Name {
			kv = append(kv, fmt.Sprintf("%s=%v", k, v))
		}
	}
	sort.Strings(kv)
	if len(kv) == 0 {
		return ""
	}
	return " {" + strings.Join(kv, "; ") + "}"
}
