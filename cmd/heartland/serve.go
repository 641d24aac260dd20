package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
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
	register("serve", "serve a built site (dist/) for local use", runServe)
}

// serveConfig is what the serve command's flags decide.
type serveConfig struct {
	dir                 string
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
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg serveConfig
	fs.StringVar(&cfg.dir, "dir", "dist", "site `directory` to serve, as written by heartland build")
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "`host:port` to listen on; a busy port falls back to a free one")
	fs.StringVar(&cfg.frameAncestors, "frame-ancestors", defaultFrameAncestors,
		"CSP frame-ancestors `sources` for HTML pages other than embed.html")
	fs.StringVar(&cfg.embedFrameAncestors, "embed-frame-ancestors", defaultEmbedFrameAncestors,
		"CSP frame-ancestors `sources` for embed.html, which other sites put in iframes")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q; use -dir to choose the site directory", fs.Args())
	}
	if err := checkFrameAncestors("frame-ancestors", cfg.frameAncestors); err != nil {
		return err
	}
	if err := checkFrameAncestors("embed-frame-ancestors", cfg.embedFrameAncestors); err != nil {
		return err
	}
	info, err := os.Stat(cfg.dir)
	if err != nil || !info.IsDir() {
		return fmt.Errorf("%s: no site directory to serve; run `heartland build` (or `make dist`) first", cfg.dir)
	}
	return serveSite(ctx, cfg, stdout, stderr)
}

// serveSite listens on cfg.addr (or a free port on the same host), prints
// the one line users look for, and shuts down gracefully when ctx is done.
func serveSite(ctx context.Context, cfg serveConfig, stdout, stderr io.Writer) error {
	ln, err := listenWithFallback(cfg.addr, stderr)
	if err != nil {
		return err
	}
	handler := newSiteHandler(cfg.dir,
		withFrameAncestors(cfg.frameAncestors),
		withEmbedFrameAncestors(cfg.embedFrameAncestors))
	srv := newServer(handler, log.New(stderr, "heartland serve: ", 0))

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "Heartland is running at %s\n", siteURL(ln.Addr()))

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
