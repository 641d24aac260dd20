//go:build js

package bridge

import (
	"syscall/js"
	"testing"
)

func TestSafeFuncReportsAPanicAndKeepsTheProgramAlive(t *testing.T) {
	var reported any
	stopped := false
	f := SafeFunc(func(js.Value, []js.Value) any {
		var m map[string]int
		m["boom"] = 1 // a nil-map write panics
		return "unreachable"
	}, func(r any) { reported, stopped = r, true }, func() bool { return stopped })
	defer f.Release()
	if got := f.Invoke(); !got.IsNull() && !got.IsUndefined() {
		t.Errorf("panicking callback returned %v; want null or undefined", got)
	}
	if reported == nil {
		t.Fatal("the panic was not reported")
	}
	calls := 0
	g := SafeFunc(func(js.Value, []js.Value) any { calls++; return nil }, func(any) {}, func() bool { return stopped })
	defer g.Release()
	g.Invoke()
	if calls != 0 {
		t.Errorf("a callback ran after the program stopped")
	}
}

func TestSafeFuncPassesResultsThrough(t *testing.T) {
	f := SafeFunc(func(_ js.Value, args []js.Value) any { return args[0].Int() * 2 }, func(any) {}, func() bool { return false })
	defer f.Release()
	if got := f.Invoke(21).Int(); got != 42 {
		t.Errorf("Invoke(21) = %d; want 42", got)
	}
}
