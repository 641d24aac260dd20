package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"heartland/assets/check"
	"heartland/yourdata"
)

func init() {
	register("check", "validate the data in assets/, or files a reader would load (GeoJSON, TopoJSON, CSV, KML, KMZ, GPX): check [FILE...]", runCheck)
}

func runCheck(args []string) error { return checkData(os.Stdout, args) }

// checkData validates the data folder on disk (not the embedded copy),
// writes one line per file read, then "ok"; on failure it returns every
// problem found, one per line.
func checkData(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	dir := fs.String("assets", "assets", "data folder to validate (holds borders/ and countries/)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return checkFiles(w, fs.Args())
	}
	r := check.Dir(*dir, check.Options{})
	for _, f := range r.Files {
		fmt.Fprintln(w, f)
	}
	if len(r.Stale) > 0 {
		what := fmt.Sprintf("%d entries", len(r.Stale))
		if len(r.Stale) == 1 {
			what = "1 entry"
		}
		fmt.Fprintf(w, "%s last checked more than 12 months ago (verify before 24 months, when the check fails):\n", what)
		for _, s := range r.Stale {
			fmt.Fprintln(w, "  "+s.String())
		}
	}
	if err := r.Err(); err != nil {
		return fmt.Errorf("%d problems in %s:\n%w", len(r.Problems), *dir, err)
	}
	fmt.Fprintln(w, "ok")
	return nil
}

// checkFiles reads files the way the map reads a layer a reader drops on
// it (yourdata.Decode, the same messages): each problem names the file and
// the feature.
func checkFiles(w io.Writer, paths []string) error {
	failed := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintf(w, "%s: %v\n", p, err)
			failed++
			continue
		}
		res, err := yourdata.Decode(data, "check", p)
		for _, warn := range res.Warnings {
			fmt.Fprintf(w, "%s: %s\n", p, warn)
		}
		if err != nil {
			fmt.Fprintf(w, "%s: %v\n", p, err)
			failed++
			continue
		}
		fmt.Fprintf(w, "%s: %s, %d feature%s ok\n", p, res.Format, len(res.Features), map[bool]string{true: "s"}[len(res.Features) != 1])
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files cannot be loaded", failed, len(paths))
	}
	return nil
}
