// Package browsertest holds Heartland's end-to-end tests: the built site
// (make dist) served by `heartland serve` and used in headless Chromium
// through chromedp, the way a person or a host page uses the map.
//
// It has no code outside its tests. Run it with `make test-browser`; it needs
// dist/, build/heartland and Chromium (apt-get install -y chromium). Outside
// CI a missing Chromium skips the tests; with CI=true it fails them.
package browsertest
