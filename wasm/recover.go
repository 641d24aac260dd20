//go:build js

package main

import (
	"errors"
	"fmt"
	"runtime/debug"
	"syscall/js"

	"heartland/wasm/bridge"
)

// errCrashed stops the game loop after a panic was reported on the page.
var errCrashed = errors.New("heartland: stopped after an internal error")

// crashed is set once a panic has been reported, so nothing runs on a
// half-updated state.
var crashed bool

// report turns a recovered panic into a message on the page with a reload
// button (the URL hash keeps the view) and the stack on the console: never a
// silently frozen map.
func report(r any) {
	if crashed {
		return
	}
	crashed = true
	js.Global().Get("console").Call("error", fmt.Sprintf("heartland: internal error: %v\n%s", r, debug.Stack()))
	fatal("Something went wrong inside the map (" + clipText(fmt.Sprint(r), 200) + "). Reload to get it back: your view is kept in the address.")
}

// safeFunc wraps a JavaScript callback so that a panic in it is reported
// instead of killing the program behind a frozen canvas.
func safeFunc(fn func(this js.Value, args []js.Value) any) js.Func {
	return bridge.SafeFunc(fn, report, func() bool { return crashed })
}

// listen adds fn as target's listener for event, guarded by safeFunc, with
// addEventListener's options (true for the capture phase, or an object).
func listen(target js.Value, event string, fn func(e js.Value), options ...any) {
	target.Call("addEventListener", append([]any{event, safeFunc(func(_ js.Value, args []js.Value) any {
		fn(arg(args, 0))
		return nil
	})}, options...)...)
}
