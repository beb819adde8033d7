package browsertest

import (
	"bytes"
	"context"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A phone is the default: most people in a coalition meet Braid on one.
const (
	phoneWidth, phoneHeight     = 412, 915
	desktopWidth, desktopHeight = 1280, 900
	defaultTimeout              = 2 * time.Minute
)

// Option changes the browser that New starts.
type Option func(*config)

type config struct {
	width, height int
	mobile        bool
	timeout       time.Duration
}

// Desktop starts the browser with a 1280×900 desktop window instead of a
// 412×915 phone.
func Desktop() Option {
	return func(c *config) { c.width, c.height, c.mobile = desktopWidth, desktopHeight, false }
}

// Timeout replaces the two-minute limit on the whole browser session.
func Timeout(d time.Duration) Option {
	return func(c *config) { c.timeout = d }
}

// New starts a headless Chromium with a fresh profile and returns a context
// for its one tab. The browser closes when the test ends or when the timeout
// passes, whichever is first. New calls Require, so it skips t when browser
// tests are off.
func New(t testing.TB, opts ...Option) context.Context {
	t.Helper()
	Require(t)
	cfg := config{width: phoneWidth, height: phoneHeight, mobile: true, timeout: defaultTimeout}
	for _, o := range opts {
		o(&cfg)
	}
	chromium, _ := chromiumPath()
	profile := t.TempDir() // removed after the browser has stopped (cleanups run last in, first out)
	output := &lockedBuffer{}

	timeoutCtx, cancelTimeout := context.WithTimeout(context.Background(), cfg.timeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(timeoutCtx,
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox, // tests run as root in CI, where the sandbox refuses to start
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		// The test machines have no network but loopback: keep Chromium from
		// reaching out at all.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(cfg.width, cfg.height),
		chromedp.CombinedOutput(output),
	)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		cancelTimeout()
	})

	// Start the browser now, so a broken install fails here with its output.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("browsertest: start %s: %v\nbrowser output:\n%s", chromium, err, output)
	}
	viewport := []chromedp.EmulateViewportOption{chromedp.EmulatePortrait}
	if cfg.mobile {
		viewport = append(viewport, chromedp.EmulateMobile, chromedp.EmulateTouch)
	} else {
		viewport = []chromedp.EmulateViewportOption{chromedp.EmulateLandscape}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(cfg.width), int64(cfg.height), viewport...)); err != nil {
		t.Fatalf("browsertest: set viewport: %v", err)
	}
	return ctx
}

// Visit loads url, fails t if it does not answer with a 2xx or 3xx status,
// and checks the page with axe-core.
func Visit(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		t.Fatalf("browsertest: load %s: %v", url, err)
	}
	if resp != nil && resp.Status >= 400 {
		t.Fatalf("browsertest: load %s: status %d", url, resp.Status)
	}
	CheckA11y(t, ctx, url)
}

// lockedBuffer collects the browser's output, which arrives from another
// goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
