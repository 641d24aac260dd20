// Command heartland builds, checks and serves the Heartland map.
//
//	heartland serve  [-dir dist] [-addr 127.0.0.1:8080]   serve the built-in site (release builds) or dist/
//	heartland build  [-out dist] ...                      write a deployable dist/
//	heartland data   [-topojson FILE] ...                 regenerate assets/ borders from Natural Earth
//	heartland pack   [-dirs ...] [-out assets/packed]     pack the GeoJSON layers for the browser
//	heartland check  [FILE...]                            validate the data in assets/, or a reader's GeoJSON
//	heartland poster [-state HASH] [-o map.svg] ...       draw a map view as SVG (and PNG)
//
// See docs/ARCHITECTURE.md for how the packages fit together.
package main

import (
	"fmt"
	"os"
	"sort"
)

// command is one subcommand: it parses its own flags from args.
type command struct {
	summary string
	run     func(args []string) error
}

var commands = map[string]command{}

// register adds a subcommand; each lives in the file named after it.
func register(name, summary string, run func(args []string) error) {
	commands[name] = command{summary: summary, run: run}
}

func main() {
	if _, ok := builtInSite(); ok && len(os.Args) == 1 {
		// A teacher double-clicking the release binary gives no arguments.
		os.Args = append(os.Args, "serve")
	}
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}
	cmd, ok := commands[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "heartland: unknown command %q\n", os.Args[1])
		usage()
		os.Exit(2)
	}
	if err := cmd.run(os.Args[2:]); err != nil {
		fmt.Fprintf(os.Stderr, "heartland %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: heartland <command> [flags]")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(os.Stderr, "  %-7s %s\n", n, commands[n].summary)
	}
}
