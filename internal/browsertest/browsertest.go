// Package browsertest drives a real headless Chromium from tests: it starts
// the browser, runs axe-core on a page and saves screenshots for a person to
// look at.
//
// Browser tests are slow and need Debian's chromium and npm's axe-core, so
// they run only when BRAID_TEST_BROWSER=1. Without it they skip; with it a
// missing browser or axe-core fails the test, so that CI never passes by
// skipping silently.
//
//	func TestHomePage(t *testing.T) {
//		ctx := browsertest.New(t) // skips unless BRAID_TEST_BROWSER=1
//		browsertest.Visit(t, ctx, srv.URL+"/")
//		browsertest.Screenshot(t, ctx, "home")
//	}
package browsertest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Environment variables that steer browser tests.
const (
	EnvEnabled       = "BRAID_TEST_BROWSER"   // "1" runs browser tests
	EnvChromium      = "BRAID_CHROMIUM"       // browser binary; default /usr/bin/chromium
	EnvAxePath       = "BRAID_AXE_PATH"       // axe.min.js; default <repo>/node_modules/axe-core/axe.min.js
	EnvScreenshotDir = "BRAID_SCREENSHOT_DIR" // default <repo>/test-output/screenshots
	defaultChromium  = "/usr/bin/chromium"
	axeInRepo        = "node_modules/axe-core/axe.min.js"
	skipMessage      = "browser tests off: set BRAID_TEST_BROWSER=1 with chromium installed (apt-get install -y chromium) and npm ci for axe-core"
)

// Enabled reports whether browser tests should run.
func Enabled() bool {
	return os.Getenv(EnvEnabled) == "1"
}

// Require skips t unless browser tests are enabled, and fails it when they
// are enabled but Chromium or axe-core is missing.
func Require(t testing.TB) {
	t.Helper()
	if !Enabled() {
		t.Skip(skipMessage)
	}
	if _, err := chromiumPath(); err != nil {
		t.Fatalf("browsertest: %v", err)
	}
	if _, err := axePath(); err != nil {
		t.Fatalf("browsertest: %v", err)
	}
}

// chromiumPath returns the browser binary, checking that it is executable.
func chromiumPath() (string, error) {
	path := os.Getenv(EnvChromium)
	if path == "" {
		path = defaultChromium
	}
	info, err := os.Stat(path)
	if err != nil || info.IsDir() || info.Mode()&0o111 == 0 {
		return "", errors.New("no Chromium at " + path +
			": install it with `apt-get install -y chromium` or set " + EnvChromium)
	}
	return path, nil
}

// axePath returns the axe-core script that CheckA11y injects into pages.
func axePath() (string, error) {
	if path := os.Getenv(EnvAxePath); path != "" {
		if _, err := os.Stat(path); err != nil {
			return "", errors.New(EnvAxePath + " names a missing file: " + path)
		}
		return path, nil
	}
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	path := filepath.Join(root, axeInRepo)
	if _, err := os.Stat(path); err != nil {
		return "", errors.New("no axe-core at " + path + ": run `npm ci` in " + root + " or set " + EnvAxePath)
	}
	return path, nil
}

// repoRoot walks up from the working directory (a test's package directory)
// to the directory holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
