//go:build js

package bridge

import "syscall/js"

// SafeFunc wraps a JavaScript callback: a panic in fn is handed to onPanic
// and the callback returns undefined, instead of the panic ending the Go
// program and leaving a frozen page. Once stopped() reports true, fn is no
// longer called.
func SafeFunc(fn func(this js.Value, args []js.Value) any, onPanic func(any), stopped func() bool) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				onPanic(r)
				result = nil
			}
		}()
		if stopped() {
			return nil
		}
		return fn(this, args)
	})
}
