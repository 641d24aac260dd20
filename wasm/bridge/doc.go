// Package bridge holds the browser shell's logic that needs no Ebiten:
// parsing arguments that arrive from JavaScript (host pages, postMessage,
// tests) into validated geo values, and keeping a panicking callback from
// ending the program. It builds only for GOOS=js; its tests run under Node
// with Go's go_js_wasm_exec. What the page's views show is decided in
// heartland/app/views, which needs no browser.
package bridge
