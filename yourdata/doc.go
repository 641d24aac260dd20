// Package yourdata reads the files readers bring to the map — GeoJSON,
// TopoJSON, CSV with coordinates, KML or KMZ, and GPX — into geo features,
// leniently: whatever can be drawn is kept, every repair and every skipped
// part is reported once per kind with a count, and a file is refused only
// when nothing can be drawn or a limit is passed. Every limit is checked
// before the work it bounds, so a small hostile file cannot take the page's
// memory or time. The drop zone, the upload button, ?layer=URL,
// heartland.addGeoJSON/addData and `heartland check FILE` all call Decode.
//
// It imports only the standard library, orb and geo: it runs natively (the
// CLI, tests) and in the browser alike, and must stay small there.
package yourdata
