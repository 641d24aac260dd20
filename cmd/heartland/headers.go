package main

import (
	"fmt"
	"strings"
)

// staticHostHeaders is dist/_headers: the same security and cache headers
// heartland serve sends, in the format static hosts and CDNs read
// (Netlify, Cloudflare Pages and others), so a deployed site keeps its
// Content-Security-Policy and frame-ancestors without a server of ours.
func staticHostHeaders() string {
	var b strings.Builder
	rule := func(path string, headers ...string) {
		fmt.Fprintln(&b, path)
		for _, h := range headers {
			fmt.Fprintln(&b, "  "+h)
		}
	}
	common := []string{"X-Content-Type-Options: nosniff", "Referrer-Policy: strict-origin-when-cross-origin"}
	rule("/*", common...)
	rule("/*.html", "Cache-Control: no-cache", "Cross-Origin-Opener-Policy: same-origin",
		"Content-Security-Policy: "+contentSecurityPolicy(defaultFrameAncestors))
	rule("/", "Cache-Control: no-cache", "Content-Security-Policy: "+contentSecurityPolicy(defaultFrameAncestors))
	// The embed is made to be framed by articles anywhere.
	rule("/"+embedPage, "Content-Security-Policy: "+contentSecurityPolicy(defaultEmbedFrameAncestors))
	rule("/*.wasm", "Content-Type: application/wasm")
	return b.String()
}
