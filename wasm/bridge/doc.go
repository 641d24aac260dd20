// Package bridge holds the browser shell's logic that needs no Ebiten:
// parsing arguments that arrive from JavaScript (host pages, postMessage,
// tests) into validated geo values, and formatting facts for the DOM. It
// builds only for GOOS=js; its tests run under Node with Go's
// go_js_wasm_exec.
package bridge
