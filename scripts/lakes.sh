#!/usr/bin/env bash
# Builds assets/borders/lakes.geojson, the map's inland-water (lakes) layer,
# from the GSHHG shorelines (v2.3.7, LGPL-3) packaged by Debian for GMT.
#
#   scripts/lakes.sh            # from anywhere; writes into the repo
#
# Steps: install GMT and the high-resolution GSHHG data via apt-get if
# missing; dump GSHHG level-2 (lake) and level-3 (island-in-lake) shorelines
# of the region with `gmt coast -M`; stitch, filter, name, simplify and
# write GeoJSON with `go run ./scripts/lakes` (stdlib Go). Deterministic:
# running it twice gives byte-identical output.
set -euo pipefail

cd "$(dirname "$0")/.."

# Region dumped from GSHHG: wider than the kept area (lakes whose centroid
# lies in lon 24..102 E, lat 20..60 N) so that no kept lake is cut at its edge.
DUMP_REGION="14/112/10/70"
KEEP_BBOX="24,20,102,60"
MIN_AREA=300   # km², smaller lakes are dropped unless named as required
ISLAND_MIN=10  # km², smaller islands in lakes are not made holes
TOL=0.3        # km, Douglas-Peucker tolerance
RES=h          # GSHHG resolution: c l i h f
OUT=assets/borders/lakes.geojson

need=()
command -v gmt >/dev/null 2>&1 || need+=(gmt)
# GMT finds the GSHHG files via DIR_GSHHG; the Debian gmt-gshhg-high package
# provides the high-resolution set.
if ! dpkg-query -W -f='${Status}' gmt-gshhg-high 2>/dev/null | grep -q 'ok installed'; then
	need+=(gmt-gshhg-high)
fi
if ((${#need[@]})); then
	sudo=()
	if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
	echo "lakes.sh: installing ${need[*]}" >&2
	"${sudo[@]}" apt-get update
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${need[@]}"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# GMT settings pinned for reproducible text output; the dump runs in the
# temp dir so no gmt.history/gmt.conf lands in the repo.
gmtopts=(--GMT_HISTORY=false --FORMAT_FLOAT_OUT=%.12g --FORMAT_GEO_OUT=D --IO_SEGMENT_MARKER='>')
(
	cd "$tmp"
	# -W -M: dump shorelines as multisegment ASCII instead of plotting.
	# -A<min km²>/2/3: levels 2 (lakes) to 3 (islands in lakes) only;
	# +l ordinary lakes, +r river-lakes (kept only if named by the converter).
	gmt coast -R"$DUMP_REGION" -D"$RES" -W -M -A"$ISLAND_MIN"/2/3+l "${gmtopts[@]}" >lakes.txt
	gmt coast -R"$DUMP_REGION" -D"$RES" -W -M -A"$ISLAND_MIN"/2/3+r "${gmtopts[@]}" >riverlakes.txt
)

mkdir -p "$(dirname "$OUT")"
go run ./scripts/lakes \
	-bbox "$KEEP_BBOX" -minarea "$MIN_AREA" -islandmin "$ISLAND_MIN" -tol "$TOL" \
	-riverlakes "$tmp/riverlakes.txt" <"$tmp/lakes.txt" >"$tmp/lakes.geojson"
mv "$tmp/lakes.geojson" "$OUT"
echo "lakes.sh: wrote $OUT ($(wc -c <"$OUT") bytes, $(grep -c '"type":"Feature"' "$OUT") lakes)" >&2
