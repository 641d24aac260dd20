package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestMakeRebuildsWhenACompiledFileChanges asks make whether the wasm and
// the CLI would be rebuilt if a file had just changed (make -q -W), with
// their targets redirected to a fresh file in a temporary folder so the
// shared build/ is not touched: a file in internal/ that the binary
// compiles must make it out of date, a test file must not.
func TestMakeRebuildsWhenACompiledFileChanges(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed")
	}
	target := filepath.Join(t.TempDir(), "binary")
	if err := os.WriteFile(target, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// Newer than any file someone edits while the test runs.
	future := time.Now().Add(time.Hour)
	if err := os.Chtimes(target, future, future); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		variable, changed string
		stale             bool
	}{
		{"WASM", "", false},
		{"WASM", "internal/poster/palette.go", true},
		{"WASM", "internal/quiz/session.go", true},
		{"WASM", "mapstyle/mapstyle.go", true},
		{"WASM", "wasm/bridge/args.go", true},
		{"WASM", "internal/browsertest/main_test.go", false},
		{"WASM", "cmd/heartland/serve.go", false},
		{"HEARTLAND", "", false},
		{"HEARTLAND", "internal/poster/palette.go", true},
		{"HEARTLAND", "assets/packed/countries.bin", true},
		{"HEARTLAND", "cmd/heartland/serve.go", true},
		{"HEARTLAND", "wasm/theme.go", false},
	} {
		args := []string{"-C", "../..", "-q", c.variable + "=" + target}
		if c.changed != "" {
			if _, err := os.Stat(filepath.Join("../..", c.changed)); err != nil {
				t.Errorf("%v; the table names a file that is gone", err)
				continue
			}
			args = append(args, "-W", c.changed)
		}
		args = append(args, target)
		err := exec.Command("make", args...).Run()
		var exit *exec.ExitError
		switch {
		case err == nil && c.stale:
			t.Errorf("make %v: up to date; want %s rebuilt after %s changed", args, c.variable, c.changed)
		case errors.As(err, &exit) && exit.ExitCode() == 1 && !c.stale:
			t.Errorf("make %v: out of date; want %s up to date after %q changed", args, c.variable, c.changed)
		case err != nil && (!errors.As(err, &exit) || exit.ExitCode() != 1):
			t.Errorf("make %v: %v", args, err)
		}
	}
}
