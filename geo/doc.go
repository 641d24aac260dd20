// Package geo is Heartland's pure-Go map core: the Albers projection of
// Central Asia, the Camera that turns projected metres into CSS pixels,
// the feature and layer model on orb geometries, TopoJSON and GeoJSON
// decoding, per-zoom simplification, hit testing, the point-in-country
// lookup, label anchors and the non-overlap test (package placement holds
// the policy that uses them), and the shareable URL state. See
// docs/ARCHITECTURE.md.
//
// It must not import Ebiten or syscall/js: everything here runs in native
// tests, in the heartland CLI and in the browser alike.
package geo
