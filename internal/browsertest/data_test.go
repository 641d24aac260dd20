package browsertest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The map's data comes in its own file beside the wasm; when it cannot be
// fetched the page says so instead of showing a blank map.
func TestMissingDataBundleGivesAClearMessage(t *testing.T) {
	p := newPage(t)
	p.do(chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tt, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tt, network.SetBlockedURLs, network.SetBlockedURLsParams{
			URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/heartland-data.*", Block: true}}})
		return err
	}))
	p.do(chromedp.Navigate(env.baseURL))
	p.waitJS("the error box", `!document.getElementById("error").hidden`)
	msg := evalJS[string](p, `document.getElementById("error-text").textContent`)
	if !strings.Contains(msg, "data could not be downloaded") {
		t.Errorf("error text = %q; want it to say the map's data could not be downloaded", msg)
	}
}
