package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axePath is axe-core, installed by `make build/npm/node_modules/axe-core/axe.min.js`
// (a prerequisite of make test-browser).
const axePath = "build/npm/node_modules/axe-core/axe.min.js"

// axeViolation is one rule axe-core found broken, with its first node.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  int    `json:"nodes"`
	Target string `json:"target"`
	HTML   string `json:"html"`
	// Summary is axe's explanation for the first node (for colour contrast:
	// the colours and the ratio); Others are the targets of the other nodes.
	Summary string   `json:"summary"`
	Others  []string `json:"others"`
}

func (v axeViolation) String() string {
	s := fmt.Sprintf("%s (%s): %s — %d node(s), first %s: %s", v.ID, v.Impact, v.Help, v.Nodes, v.Target, v.HTML)
	if v.Summary != "" {
		s += "\n      " + strings.ReplaceAll(v.Summary, "\n", "\n      ")
	}
	if len(v.Others) > 0 {
		s += "\n      other nodes: " + strings.Join(v.Others, " ")
	}
	return s
}

// readAxe returns axe.min.js; without it the test fails in CI and skips
// elsewhere.
func readAxe(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(env.root, axePath))
	if err != nil {
		msg := fmt.Sprintf("%s is missing (%v): run `make %s`", axePath, err, axePath)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return string(src)
}

// runAxe injects axe-core into the page and returns its violations. The
// pages' CSP forbids inline scripts, but Runtime.evaluate from DevTools is
// not subject to it.
func runAxe(p *mapPage, axe string) []axeViolation {
	p.t.Helper()
	if !evalJS[bool](p, axe+"\n;typeof window.axe === \"object\" && typeof window.axe.run === \"function\"") {
		p.t.Fatal("axe-core did not define window.axe")
	}
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]axeViolation](`(async () => {
		const r = await axe.run(document, {resultTypes: ["violations"]});
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.length,
			target: v.nodes.length ? JSON.stringify(v.nodes[0].target) : "",
			html: v.nodes.length ? v.nodes[0].html.slice(0, 200) : "",
			summary: v.nodes.length ? (v.nodes[0].failureSummary || "") : "",
			others: v.nodes.slice(1, 12).map((n) => JSON.stringify(n.target)),
		}));
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("running axe: %v", err)
	}
	return v
}

// requireNoSeriousViolations fails on serious and critical violations and
// logs the others.
func requireNoSeriousViolations(p *mapPage, page string, vs []axeViolation) {
	p.t.Helper()
	var bad []string
	for _, v := range vs {
		if v.Impact == "serious" || v.Impact == "critical" {
			bad = append(bad, v.String())
		} else {
			p.t.Logf("%s: axe (not failing): %s", page, v)
		}
	}
	if len(bad) > 0 {
		p.t.Errorf("axe-core finds %d serious or critical violation(s) on %s:\n  %s", len(bad), page, strings.Join(bad, "\n  "))
	}
}

func TestAxeFindsNoSeriousViolations(t *testing.T) {
	needBrowser(t)
	axe := readAxe(t)

	t.Run("index.html with a panel open", func(t *testing.T) {
		p := openMap(t, "")
		evalJS[bool](p, `(window.heartland.select("KAZ"), true)`)
		p.waitPanel("Kazakhstan")
		requireNoSeriousViolations(p, "index.html", runAxe(p, axe))
	})

	t.Run("embed.html after start", func(t *testing.T) {
		p := newPage(t)
		p.do(chromedp.Navigate(env.baseURL + "embed.html" + embedHash))
		awaitReady(p)
		p.waitJS("the poster to be hidden", `document.getElementById("poster").hidden`)
		requireNoSeriousViolations(p, "embed.html", runAxe(p, axe))
	})
}
