package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/chromedp/chromedp"
)

var unsafeInName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// Screenshot saves a PNG of the whole page loaded in ctx as name.png in
// BRAID_SCREENSHOT_DIR, or else in test-output/screenshots/ at the top of
// the repository, and logs where. Characters other than letters, digits, dot,
// dash and underscore in name become "_", so t.Name() is a fine name.
func Screenshot(t testing.TB, ctx context.Context, name string) string {
	t.Helper()
	dir := os.Getenv(EnvScreenshotDir)
	if dir == "" {
		root, err := repoRoot()
		if err != nil {
			t.Fatalf("browsertest: screenshot %s: %v", name, err)
		}
		dir = filepath.Join(root, "test-output", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("browsertest: screenshot %s: %v", name, err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100 means PNG
	if err != nil {
		t.Fatalf("browsertest: screenshot %s: %v", name, err)
	}
	path := filepath.Join(dir, unsafeInName.ReplaceAllString(name, "_")+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("browsertest: screenshot %s: %v", name, err)
	}
	t.Logf("screenshot: %s", path)
	return path
}
