package browsertest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// env is what TestMain sets up once for every test of the package.
var env struct {
	root    string          // repository root: the folder holding go.mod
	baseURL string          // the served site, ending in "/"
	browser context.Context // chromedp context of the one shared browser
	skip    string          // why browser tests skip; "" when they run
}

func TestMain(m *testing.M) { os.Exit(runTests(m)) }

func runTests(m *testing.M) int {
	fail := func(format string, args ...any) int {
		fmt.Fprintf(os.Stderr, "browsertest: "+format+"\n", args...)
		return 1
	}
	root, err := repoRoot()
	if err != nil {
		return fail("%v", err)
	}
	env.root = root
	for _, f := range []string{"dist/index.html", "build/heartland"} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			return fail("%s is missing: run make dist first", f)
		}
	}
	baseURL, stopServer, err := startServer(root)
	if err != nil {
		return fail("%v", err)
	}
	defer stopServer()
	env.baseURL = baseURL

	chromium, err := findChromium()
	switch {
	case err != nil && os.Getenv("CI") == "true":
		return fail("%v; CI must run the browser tests: apt-get install -y chromium", err)
	case err != nil:
		env.skip = err.Error() + "; install it with `apt-get install -y chromium` to run the browser tests"
		return m.Run()
	}
	browser, stopBrowser, err := startBrowser(chromium)
	if err != nil {
		return fail("%v", err)
	}
	defer stopBrowser()
	env.browser = browser
	return m.Run()
}

// repoRoot walks up from the working directory to the folder with go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod in %s or any folder above it", dir)
		}
	}
}

// startServer runs `heartland serve` on a free port and returns the URL it
// prints. stop interrupts it, as Ctrl-C would, and waits for it to exit.
func startServer(root string) (baseURL string, stop func(), err error) {
	return startServing(exec.Command(filepath.Join(root, "build/heartland"), "serve",
		"-dir", filepath.Join(root, "dist"), "-addr", "127.0.0.1:0"))
}

// startServing starts cmd, a `heartland serve`, and returns the URL it
// prints first; see startServer.
func startServing(cmd *exec.Cmd) (baseURL string, stop func(), err error) {
	if cmd.Stderr == nil {
		cmd.Stderr = os.Stderr
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	if err := cmd.Start(); err != nil {
		return "", nil, fmt.Errorf("starting heartland serve: %w", err)
	}
	stop = func() {
		cmd.Process.Signal(syscall.SIGINT)
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	}
	line := make(chan string, 1)
	go func() {
		s := bufio.NewScanner(stdout)
		if s.Scan() {
			line <- s.Text()
		}
		close(line)
	}()
	const prefix = "Heartland is running at "
	select {
	case l, ok := <-line:
		if !ok || !strings.HasPrefix(l, prefix) || !strings.HasSuffix(l, "/") {
			stop()
			return "", nil, fmt.Errorf("heartland serve printed %q; want %q followed by a URL ending in /", l, prefix)
		}
		return strings.TrimPrefix(l, prefix), stop, nil
	case <-time.After(15 * time.Second):
		stop()
		return "", nil, errors.New("heartland serve printed no URL within 15 s")
	}
}

// findChromium returns Debian's Chromium, or a chromium found in PATH.
func findChromium() (string, error) {
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", errors.New("Chromium is not installed (no /usr/bin/chromium and no chromium in PATH)")
}

// startBrowser starts one headless Chromium for the whole package (see
// docs/ARCHITECTURE.md, Browser tests): SwiftShader gives WebGL 2 without a
// GPU, and the network flags stop Chromium calling hosts this machine
// cannot reach.
func startBrowser(chromium string) (context.Context, func(), error) {
	profile, err := os.MkdirTemp("", "heartland-chromium-")
	if err != nil {
		return nil, nil, err
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		// Each test opens its own tab; without these, Chromium treats tabs as
		// in the background and throttles their animation frames to a couple
		// a second, so redraws would not be seen (and idle checks could not fail).
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 800),
	)
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	stop := func() {
		cancelBrowser()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	// The first Do starts the browser, which lives as long as the context of
	// that call, so the call gets no deadline; the timer below bounds it.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(browser) }()
	select {
	case err := <-started:
		if err != nil {
			stop()
			return nil, nil, fmt.Errorf("starting %s: %w", chromium, err)
		}
	case <-time.After(60 * time.Second):
		stop()
		return nil, nil, fmt.Errorf("%s did not start within 60 s", chromium)
	}
	return browser, stop, nil
}

// needBrowser skips the test when Chromium is missing outside CI.
func needBrowser(t *testing.T) {
	t.Helper()
	if env.skip != "" {
		t.Skip(env.skip)
	}
}
