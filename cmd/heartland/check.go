package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"heartland/assets/check"
)

func init() { register("check", "validate the data in assets/", runCheck) }

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
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	r := check.Dir(*dir, check.Options{})
	for _, f := range r.Files {
		fmt.Fprintln(w, f)
	}
	if err := r.Err(); err != nil {
		return fmt.Errorf("%d problems in %s:\n%w", len(r.Problems), *dir, err)
	}
	fmt.Fprintln(w, "ok")
	return nil
}
