package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

func init() {
	register("serve", "serve the map for local use: the site built into this binary, or -dir DIR", runServe)
}

// defaultSiteDir is served when the binary has no site inside and no -dir
// is given: what `make dist` writes.
const defaultSiteDir = "dist"

// serveConfig is what the serve command's flags decide.
type serveConfig struct {
	dir                 string // "" for the site built into the binary
	site                fs.FS  // what dir (or the built-in site) resolved to
	addr                string
	frameAncestors      string
	embedFrameAncestors string
}

func runServe(args []string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveCommand(ctx, args, os.Stdout, os.Stderr)
}

// serveCommand parses the serve flags and serves until ctx is done.
func serveCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	var cfg serveConfig
	flags.StringVar(&cfg.dir, "dir", "",
		"site `directory` to serve, as written by heartland build (default: the site built into this binary, else "+defaultSiteDir+")")
	flags.StringVar(&cfg.addr, "addr", "127.0.0.1:8080",
		"`host:port` to listen on (0.0.0.0:8080 lets other computers on the network in); a busy port falls back to a free one")
	flags.StringVar(&cfg.frameAncestors, "frame-ancestors", defaultFrameAncestors,
		"CSP frame-ancestors `sources` for HTML pages other than embed.html")
	flags.StringVar(&cfg.embedFrameAncestors, "embed-frame-ancestors", defaultEmbedFrameAncestors,
		"CSP frame-ancestors `sources` for embed.html, which other sites put in iframes")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q; use -dir to choose the site directory", flags.Args())
	}
	if err := checkFrameAncestors("frame-ancestors", cfg.frameAncestors); err != nil {
		return err
	}
	if err := checkFrameAncestors("embed-frame-ancestors", cfg.embedFrameAncestors); err != nil {
		return err
	}
	site, err := chooseSite(cfg.dir, builtInSite)
	if err != nil {
		return err
	}
	cfg.site = site
	return serveSite(ctx, cfg, stdout, stderr)
}

// chooseSite is the site to serve: dir if given, else the one built into
// the binary, else ./dist. Each must hold an index.html.
func chooseSite(dir string, builtIn func() (fs.FS, bool)) (fs.FS, error) {
	if dir == "" {
		if site, ok := builtIn(); ok {
			if _, err := fs.Stat(site, "index.html"); err != nil {
				return nil, errors.New("the site built into this binary has no index.html; rebuild it with `make release`")
			}
			return site, nil
		}
		if _, err := os.Stat(defaultSiteDir); err != nil {
			return nil, fmt.Errorf("this heartland binary has no site built in, and there is no %s/ here: "+
				"run `make dist` and then `heartland serve -dir %s`, or `make release` for binaries with the site inside",
				defaultSiteDir, defaultSiteDir)
		}
		dir = defaultSiteDir
	}
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return nil, fmt.Errorf("%s: no site directory to serve; run `heartland build` (or `make dist`) first", dir)
	}
	site := liveDirFS(dir)
	if _, err := fs.Stat(site, "index.html"); err != nil {
		return nil, fmt.Errorf("%s: no index.html in it; is it a site written by `heartland build` (or `make dist`)?", dir)
	}
	return site, nil
}

// serveSite listens on cfg.addr (or a free port on the same host), prints
// the one line users look for, and shuts down gracefully when ctx is done.
func serveSite(ctx context.Context, cfg serveConfig, stdout, stderr io.Writer) error {
	ln, err := listenWithFallback(cfg.addr, stderr)
	if err != nil {
		return err
	}
	handler := newSiteHandler(cfg.site,
		withFrameAncestors(cfg.frameAncestors),
		withEmbedFrameAncestors(cfg.embedFrameAncestors))
	srv := newServer(handler, log.New(stderr, "heartland serve: ", 0))

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "Heartland is running at %s\n", siteURL(ln.Addr()))
	printNetworkURLs(stdout, ln.Addr())

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		srv.Close()
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newServer wraps h with timeouts that keep slow or stuck clients from
// holding connections; 60 s of writing leaves room for the wasm on a slow
// classroom network.
func newServer(h http.Handler, errorLog *log.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          errorLog,
	}
}

// listenWithFallback listens on addr; if its port is taken (or needs
// privileges), it listens on a free port of the same host and says so.
func listenWithFallback(addr string, stderr io.Writer) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err == nil {
		return ln, nil
	}
	if !errors.Is(err, syscall.EADDRINUSE) && !errors.Is(err, syscall.EACCES) {
		return nil, fmt.Errorf("listening on %s: %w", addr, err)
	}
	host, _, splitErr := net.SplitHostPort(addr)
	if splitErr != nil {
		return nil, fmt.Errorf("listening on %s: %w", addr, err)
	}
	ln, fallbackErr := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if fallbackErr != nil {
		return nil, fmt.Errorf("listening on %s: %w (and no free port on %q: %v)", addr, err, host, fallbackErr)
	}
	reason := "already in use"
	if errors.Is(err, syscall.EACCES) {
		reason = "not permitted"
	}
	fmt.Fprintf(stderr, "heartland serve: %s is %s; using port %d instead\n",
		addr, reason, ln.Addr().(*net.TCPAddr).Port)
	return ln, nil
}

// siteURL is the address to open in a browser: a listener on all
// interfaces is reached through loopback.
func siteURL(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return "http://" + addr.String() + "/"
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(tcp.Port)) + "/"
}

// printNetworkURLs lists, for a listener on all interfaces, the addresses
// other computers on the network (a classroom's) can open.
func printNetworkURLs(w io.Writer, addr net.Addr) {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return
	}
	ifaceAddrs, err := net.InterfaceAddrs()
	if err != nil {
		return
	}
	urls := networkURLs(ifaceAddrs, tcp.Port)
	if len(urls) == 0 {
		return
	}
	fmt.Fprintln(w, "Other computers on this network can open:")
	for _, u := range urls {
		fmt.Fprintln(w, "  "+u)
	}
}

// networkURLs are the site's URLs at the IPv4 addresses of this
// computer's interfaces that other hosts can reach: loopback and
// link-local addresses are left out.
func networkURLs(ifaceAddrs []net.Addr, port int) []string {
	var urls []string
	for _, a := range ifaceAddrs {
		ipNet, ok := a.(*net.IPNet)
		if !ok {
			continue
		}
		ip := ipNet.IP.To4()
		if ip == nil || ip.IsLoopback() || ip.IsLinkLocalUnicast() || ip.IsUnspecified() {
			continue
		}
		urls = append(urls, "http://"+net.JoinHostPort(ip.String(), strconv.Itoa(port))+"/")
	}
	return urls
}
