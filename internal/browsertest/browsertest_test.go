package browsertest

import (
	"bytes"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// The product's policy: no inline scripts or styles. The pages below carry
// an inline script that must stay blocked while axe-core still runs.
const strictCSP = "default-src 'self'; script-src 'self'"

var testPages = map[string]string{
	"/good": `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Join the coalition</title>
<link rel="stylesheet" href="/good.css">
<script src="/app.js"></script>
</head>
<body>
<main>
<h1>Join the coalition</h1>
<form method="post">
<label for="org">Organization name</label>
<input id="org" name="org" type="text">
<button type="submit">Join</button>
</form>
</main>
<script>document.body.dataset.inline = "ran";</script>
</body>
</html>`,
	"/bad": `<!doctype html>
<html>
<head><meta charset="utf-8"><title>Bad</title><link rel="stylesheet" href="/bad.css"></head>
<body>
<img src="/missing.png">
<input type="text" name="who">
<p class="faint">This grey text is hard to read.</p>
</body>
</html>`,
	"/good.css": `body { font-family: sans-serif; color: #111; background: #fff; }
input, button { min-height: 44px; font-size: 1rem; }`,
	"/bad.css": `.faint { color: #ccc; background: #fff; }`,
	"/app.js":  `document.addEventListener("DOMContentLoaded", () => { document.body.dataset.external = "ran"; });`,
}

func testServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := testPages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		switch {
		case strings.HasSuffix(r.URL.Path, ".css"):
			w.Header().Set("Content-Type", "text/css")
		case strings.HasSuffix(r.URL.Path, ".js"):
			w.Header().Set("Content-Type", "text/javascript")
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		w.Header().Set("Content-Security-Policy", strictCSP)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// recorder is a testing.TB that keeps failures and skips to itself, so the
// test can check what a helper reported. Fatal and Skip end the goroutine,
// as in the testing package; run the helper with record.
type recorder struct {
	testing.TB
	mu      sync.Mutex
	errors  []string
	fatal   string
	skipped string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.mu.Lock()
	r.fatal = fmt.Sprintf(format, args...)
	r.mu.Unlock()
	runtime.Goexit()
}

func (r *recorder) Skip(args ...any) {
	r.mu.Lock()
	r.skipped = fmt.Sprint(args...)
	r.mu.Unlock()
	runtime.Goexit()
}

// record runs f with a recorder on its own goroutine, so that Fatalf and
// Skip end only f.
func record(t *testing.T, f func(tb testing.TB)) *recorder {
	rec := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(rec)
	}()
	<-done
	return rec
}

func TestRequireSkipsWhenOff(t *testing.T) {
	t.Setenv(EnvEnabled, "")
	rec := record(t, func(tb testing.TB) { Require(tb) })
	if !strings.Contains(rec.skipped, "BRAID_TEST_BROWSER=1") {
		t.Errorf("Require with browser tests off: skipped = %q, fatal = %q; want a skip naming BRAID_TEST_BROWSER=1", rec.skipped, rec.fatal)
	}
}

func TestRequireFailsWithoutChromium(t *testing.T) {
	t.Setenv(EnvEnabled, "1")
	t.Setenv(EnvChromium, "/nonexistent/chromium")
	rec := record(t, func(tb testing.TB) { Require(tb) })
	if rec.skipped != "" || !strings.Contains(rec.fatal, "/nonexistent/chromium") {
		t.Errorf("Require with no browser: skipped = %q, fatal = %q; want a failure naming the path", rec.skipped, rec.fatal)
	}
}

func TestRequireFailsWithoutAxe(t *testing.T) {
	if _, err := chromiumPath(); err != nil {
		t.Skip("needs a Chromium to get past the browser check")
	}
	t.Setenv(EnvEnabled, "1")
	t.Setenv(EnvAxePath, "/nonexistent/axe.min.js")
	rec := record(t, func(tb testing.TB) { Require(tb) })
	if rec.skipped != "" || !strings.Contains(rec.fatal, "/nonexistent/axe.min.js") {
		t.Errorf("Require with no axe-core: skipped = %q, fatal = %q; want a failure naming the path", rec.skipped, rec.fatal)
	}
}

func TestCheckA11yPassesGoodPage(t *testing.T) {
	ctx := New(t)
	srv := testServer(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/good")); err != nil {
		t.Fatal(err)
	}

	rec := record(t, func(tb testing.TB) { CheckA11y(tb, ctx, "/good") })
	if rec.fatal != "" || len(rec.errors) > 0 {
		t.Errorf("CheckA11y on a good page: fatal %q, errors:\n%s", rec.fatal, strings.Join(rec.errors, "\n"))
	}

	// The policy held: the page's own file ran, its inline script did not,
	// and axe-core ran all the same.
	state, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]any](
		`({external: document.body.dataset.external || "", inline: document.body.dataset.inline || "", width: window.innerWidth, axe: typeof axe})`))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"external": "ran", "inline": "", "width": float64(phoneWidth), "axe": "object"}
	for k, v := range want {
		if state[k] != v {
			t.Errorf("page state %s = %v, want %v (all: %v)", k, state[k], v, state)
		}
	}
}

func TestCheckA11yFailsBadPage(t *testing.T) {
	ctx := New(t, Desktop())
	srv := testServer(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/bad")); err != nil {
		t.Fatal(err)
	}

	rec := record(t, func(tb testing.TB) { CheckA11y(tb, ctx, "/bad") })
	if rec.fatal != "" {
		t.Fatalf("CheckA11y on a bad page failed to run: %s", rec.fatal)
	}
	report := strings.Join(rec.errors, "\n")
	t.Logf("reported as expected:\n%s", report)
	for _, rule := range []string{"image-alt", "label", "color-contrast", "html-has-lang"} {
		if !strings.Contains(report, "/bad: "+rule+" (") {
			t.Errorf("CheckA11y on a bad page did not report %s", rule)
		}
	}
	for _, target := range []string{"element(s): img;", "element(s): input;", "element(s): p;"} {
		if !strings.Contains(report, target) {
			t.Errorf("report does not name the offending element %q", target)
		}
	}
}

func TestScreenshot(t *testing.T) {
	ctx := New(t)
	srv := testServer(t)
	dir := t.TempDir()
	t.Setenv(EnvScreenshotDir, dir)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/good")); err != nil {
		t.Fatal(err)
	}

	path := Screenshot(t, ctx, t.Name()+"/phone")
	if want := dir + "/TestScreenshot_phone.png"; path != want {
		t.Errorf("screenshot path = %s, want %s", path, want)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("%s is not a PNG", path)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if w := img.Bounds().Dx(); w != phoneWidth {
		t.Errorf("screenshot width = %d, want the phone's %d", w, phoneWidth)
	}
}
