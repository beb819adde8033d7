package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeRun runs axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules and
// returns the violations trimmed to what a test report needs. A target is a
// list of selectors when the node sits in a shadow root or a frame.
const axeRun = `(async () => {
	const result = await axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
		resultTypes: ["violations"],
	});
	return result.violations.map(v => ({
		id: v.id,
		impact: v.impact || "",
		help: v.help,
		helpUrl: v.helpUrl,
		nodes: v.nodes.length,
		targets: v.nodes.slice(0, 5).map(n => [].concat(n.target).map(String).join(" >>> ")),
	}));
})()`

// Violation is one axe-core rule that a page breaks.
type Violation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"` // minor, moderate, serious or critical
	Help    string   `json:"help"`
	HelpURL string   `json:"helpUrl"`
	Nodes   int      `json:"nodes"`   // how many elements break it
	Targets []string `json:"targets"` // selectors of the first five
}

func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s; %d element(s): %s; see %s",
		v.ID, v.Impact, v.Help, v.Nodes, strings.Join(v.Targets, ", "), v.HelpURL)
}

// CheckA11y runs axe-core on the page loaded in ctx. Serious and critical
// violations fail t; minor and moderate ones are logged. page names the page
// in the messages, for example its URL.
//
// axe-core is injected through the DevTools protocol, which a page's
// Content-Security-Policy does not govern, so it works on pages that forbid
// inline and foreign scripts.
func CheckA11y(t testing.TB, ctx context.Context, page string) {
	t.Helper()
	violations, err := RunAxe(ctx)
	if err != nil {
		t.Fatalf("browsertest: axe on %s: %v", page, err)
	}
	for _, v := range violations {
		switch v.Impact {
		case "serious", "critical":
			t.Errorf("accessibility on %s: %s", page, v)
		default:
			t.Logf("accessibility on %s (not failing): %s", page, v)
		}
	}
}

// RunAxe injects axe-core into the page loaded in ctx and returns every
// violation, whatever its impact. Most tests want CheckA11y.
func RunAxe(ctx context.Context) ([]Violation, error) {
	source, err := axeSource()
	if err != nil {
		return nil, err
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](source)); err != nil {
		return nil, fmt.Errorf("inject axe-core: %w", err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("run axe-core: %w", err)
	}
	var violations []Violation
	if err := json.Unmarshal(raw, &violations); err != nil {
		return nil, fmt.Errorf("decode axe-core result: %w", err)
	}
	return violations, nil
}

var axeCache struct {
	once   sync.Once
	source string
	err    error
}

// axeSource reads axe.min.js once per test binary: it is half a megabyte.
func axeSource() (string, error) {
	axeCache.once.Do(func() {
		path, err := axePath()
		if err != nil {
			axeCache.err = err
			return
		}
		b, err := os.ReadFile(path)
		axeCache.source, axeCache.err = string(b), err
	})
	return axeCache.source, axeCache.err
}
