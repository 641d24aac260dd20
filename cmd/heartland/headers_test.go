package main

import (
	"strings"
	"testing"
)

func TestStaticHostHeadersCarryTheServersPolicy(t *testing.T) {
	h := staticHostHeaders()
	for _, want := range []string{
		"X-Content-Type-Options: nosniff",
		"Content-Security-Policy: " + contentSecurityPolicy("'self'"),
		"/embed.html\n  Content-Security-Policy: " + contentSecurityPolicy("*"),
		"'wasm-unsafe-eval'",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("_headers lacks %q:\n%s", want, h)
		}
	}
}
