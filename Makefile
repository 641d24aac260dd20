# Heartland: the two commands a new user needs are `make run` and `make test`.
GO        ?= go
WASM      := build/heartland.wasm
DIST      := dist
HEARTLAND := build/heartland
# go_sources lists the Go and embedded files of this module that a package
# is compiled from (go list -deps), so a change to any of them, in internal/
# or wherever, rebuilds it; other modules' files change only with go.sum.
# $(1) is the environment (GOOS, GOARCH), $(2) the package.
go_sources = $(patsubst $(CURDIR)/%,%,$(shell $(1) $(GO) list -deps -f \
	'{{with .Module}}{{if .Main}}{{range $$.GoFiles}}{{$$.Dir}}/{{.}} {{end}}{{range $$.EmbedFiles}}{{$$.Dir}}/{{.}} {{end}}{{end}}{{end}}' $(2)))
WASM_SRC  := $(call go_sources,GOOS=js GOARCH=wasm,./wasm)
CLI_SRC   := $(call go_sources,,./cmd/heartland)
WORLD_ATLAS := build/npm/node_modules/world-atlas/countries-10m.json
AXE       := build/npm/node_modules/axe-core/axe.min.js
RELEASE   := build/release
SITE      := cmd/heartland/site
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64

.PHONY: run dist release test test-go test-wasm test-browser vet fuzz data bench clean

## run: build the wasm and the site, then serve it on 127.0.0.1 (prints the URL)
# The wasm's brotli is RUN_BROTLI here: quality 5 takes about a second where
# 11 takes most of a minute, and the local server's reader does not wait on
# the download. make dist and make release keep 11.
RUN_BROTLI ?= 5
run: BROTLI = $(RUN_BROTLI)
run: dist
	$(HEARTLAND) serve -dir $(DIST)

## dist: a deployable static site in dist/ (wasm precompressed with brotli and gzip)
# BROTLI is the wasm's brotli quality: 11 is what readers download (2.27 MB
# against 2.58 at 9) and takes about a minute on 2 cores; BROTLI=9 for quick
# rebuilds while working.
BROTLI ?= 11
dist: $(WASM) $(HEARTLAND)
	$(HEARTLAND) build -web web -wasm $(WASM) -out $(DIST) -large-brotli-quality $(BROTLI)

## release: one offline binary per platform, the site inside (go:embed, -tags embedsite), in build/release/ with SHA256SUMS
# Files with a .gz sibling go in without their raw copy, which browsers never
# ask for: it would double the size (cmd/heartland/site_gunzip.go serves it).
release: dist
	rm -rf $(SITE) $(RELEASE)
	cp -R $(DIST) $(SITE)
	find $(SITE) -name '*.gz' | while read -r gz; do rm -f "$${gz%.gz}"; done
	mkdir -p $(RELEASE)
	for p in $(PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; exe=; [ $$os = windows ] && exe=.exe; \
		echo "building $(RELEASE)/heartland-$$os-$$arch$$exe"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -tags embedsite -trimpath -ldflags="-s -w" \
			-o $(RELEASE)/heartland-$$os-$$arch$$exe ./cmd/heartland || exit 1; \
	done
	rm -rf $(SITE)
	cd $(RELEASE) && { sha256sum heartland-* 2>/dev/null || shasum -a 256 heartland-*; } > SHA256SUMS
	@ls -l $(RELEASE)

$(WASM): $(WASM_SRC) go.mod go.sum
	@mkdir -p build
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $@ ./wasm

$(HEARTLAND): $(CLI_SRC) go.mod go.sum
	@mkdir -p build
	$(GO) build -o $@ ./cmd/heartland

## test: every test: vet, unit and fuzz seeds, data check, wasm tests under Node, browser tests
test: vet test-go test-wasm test-browser

vet:
	$(GO) vet ./app/... ./placement/... ./geo/... ./assets/... ./cmd/... ./mapstyle/... ./story/... ./internal/...
	$(GO) run ./cmd/heartland check
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/...

test-go:
	$(GO) test ./app/... ./placement/... ./geo/... ./assets/... ./cmd/... ./mapstyle/... ./story/... ./internal/poster/... ./internal/quiz/...

## test-wasm: the browser shell's tests (GOOS=js), run by Node through Go's go_js_wasm_exec
test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./wasm/...

## test-browser: end-to-end tests in headless Chromium (skipped only outside CI when Chromium is missing)
test-browser: dist $(AXE)
	$(GO) test -count=1 -timeout 25m ./internal/browsertest/...

# axe-core, the accessibility checker the browser tests inject into the pages.
$(AXE):
	mkdir -p build/npm && cd build/npm && npm install --no-save --no-audit --no-fund axe-core@4.14.1

## fuzz: run every fuzz target for FUZZTIME each (default 30s)
FUZZTIME ?= 30s
FUZZ_TARGETS := geo:FuzzDecodeGeoJSON geo:FuzzDecodeTopology yourdata:FuzzDecode yourdata:FuzzDecodeCSV yourdata:FuzzDecodeKML yourdata:FuzzDecodeGPX yourdata:FuzzParseWKT geo:FuzzUnpackFeatures \
	geo:FuzzParseHash geo:FuzzStateFromJSON geo:FuzzSearchFind geo:FuzzDecodePreparedScene assets:FuzzDecodeFacts assets/check:FuzzCheckLayerFile \
	story:FuzzDecode story:FuzzParagraphs cmd/heartland:FuzzSitePath internal/quiz:FuzzParseQuery internal/poster:FuzzEscapeMatchesXML
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		echo "== $$t"; \
		$(GO) test ./$${t%%:*} -run '^$$' -fuzz "^$${t##*:}\$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

## data: regenerate assets/borders from the pinned Natural Earth package and GSHHG lakes
data:
	mkdir -p build/npm
	cd build/npm && npm install --no-save --no-audit --no-fund world-atlas@2.0.2
	$(GO) run ./cmd/heartland data -topojson $(WORLD_ATLAS) -dir assets/borders
	bash scripts/lakes.sh
	$(GO) run ./cmd/heartland pack -dirs assets/borders,assets/layers -out assets/packed

## bench: Go benchmarks and Heartland against Leaflet and MapLibre in headless Chromium; writes BENCHMARKS.md (about 20 min)
# One npm install for every pinned package: a later `npm install --no-save`
# of some of them would prune the rest. BENCH_FLAGS: e.g. -runs 5 -dprs 1,2.
BENCH_FLAGS ?=
bench: dist
	mkdir -p build/npm && cd build/npm && npm install --no-save --no-audit --no-fund \
		axe-core@4.14.1 leaflet@1.9.4 maplibre-gl@6.17.0 world-atlas@2.0.2
	$(GO) run ./cmd/bench $(BENCH_FLAGS)

clean:
	rm -rf build dist $(SITE)
