package web_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/browsertest"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/server"
)

// TestSpeakingQueueInBrowser shares one live queue between two browser contexts (separate
// cookies, as two phones): the coordinator opens it, the representative of a most
// impacted member raises a hand, and each sees the other's change without reloading; when
// the coordinator moves their own hand to the front, the representative's page shows the
// new order and announces it. axe-core checks the queue page, also after a live update.
func TestSpeakingQueueInBrowser(t *testing.T) {
	ctx := browsertest.New(t, browsertest.Timeout(3*time.Minute))
	site := newTestSiteWith(t, server.Config{LiveHeartbeat: 200 * time.Millisecond})
	w := newOrgWorld(t, site, "sq")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	start := time.Now().UTC().Truncate(time.Minute)
	m, err := site.App.CreateMeeting(context.Background(), w.coordinator, w.coalition.ID, app.MeetingInput{Title: "Assembly",
		Kind: domain.MeetingKindMeeting, StartsAt: start, EndsAt: start.Add(2 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	page := "/coalitions/" + w.coalition.ID + "/meetings/" + m.ID + "/queue"
	phone, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	if err := chromedp.Do(phone, chromedp.EmulateViewport(390, 844, chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	fc, fm := newFlow(t, ctx, site, "queue-coord"), newFlow(t, phone, site, "queue-member")
	signIn := func(f *flow, name, email string) {
		f.open(name+"-login", "/login")
		f.fill(f.T("login.email"), email)
		f.fill(f.T("login.password"), testPassword)
		f.press(name+"-home", f.T("login.submit"))
	}
	signIn(fc, "coord", "coord-sq@example.org")
	signIn(fm, "alder", "alder@example.org")
	coordName, alderName := w.coordinator.Name, alder.user.Name

	fc.open("queue-none", page)
	fc.wantText(fc.T("queue.none"))
	fc.press("queue-open", fc.T("queue.open"))
	fm.open("queue-open", page)
	waitLive(fm)
	waitLive(fc)

	// Alder raises a hand; the coordinator's page shows it without reloading.
	fm.choose(fm.T("queue.speak_for"), "Alder")
	fm.press("raised", fm.T("queue.raise"))
	fm.wantText(fm.T("queue.you_are", "Position", 1))
	waitLive(fm)
	markPage(fc)
	took := waitFor(fc, fmt.Sprintf(`queueNames().join("|") === %s`, jsString(alderName)))
	t.Logf("the coordinator saw the raised hand after %v", took)
	wantSamePage(fc)

	// The coordinator raises a hand too: second, as Alder has not spoken and is centred.
	fc.press("coord-raised", fc.T("queue.raise"))
	waitLive(fc)
	markPage(fm)
	waitFor(fm, fmt.Sprintf(`queueNames().join("|") === %s`, jsString(alderName+"|"+coordName)))
	// The coordinator moves their own hand to the front; both pages show the new order.
	fc.fill(fc.T("queue.position_of", "Name", coordName), "1")
	fc.press("moved", fc.T("queue.move", "Name", coordName))
	waitLive(fc)
	order := fmt.Sprintf(`queueNames().join("|") === %s`, jsString(coordName+"|"+alderName))
	waitFor(fc, order)
	took = waitFor(fm, order)
	t.Logf("the representative saw the new order after %v", took)
	wantSamePage(fm)
	fm.wantText(fm.T("queue.you_are", "Position", 2), fm.T("queue.tag_moved"))
	if live := fm.eval(`document.getElementById("queue-live").textContent`); live == "" {
		t.Error("the change was not announced in the live region")
	}
	fm.checkPage("live-updated")
	fc.checkPage("after-move")

	// Leaving the page ends its stream on the server (and lets the test server stop).
	for _, f := range []*flow{fc, fm} {
		f.do("leave", chromedp.Navigate("about:blank"))
	}
	live := site.App.DB().Live()
	for deadline := time.Now().Add(5 * time.Second); live.Listeners() > 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d live listeners left after both pages were left", live.Listeners())
		}
	}
}

// queueNamesJS defines queueNames(): the names in the queue, in order.
const queueNamesJS = `window.queueNames = () => [...document.querySelectorAll("#queue-region ol.queue-hands > li > strong")].map(s => s.textContent.trim());`

// waitLive waits until queue.js is connected to the event stream.
func waitLive(f *flow) {
	f.t.Helper()
	waitFor(f, `document.getElementById("queue-region").getAttribute("data-live") === "on"`)
}

// markPage leaves a mark on the page that a reload would wipe.
func markPage(f *flow) { f.t.Helper(); f.eval(`window.notReloaded = "yes"; "ok"`) }

func wantSamePage(f *flow) {
	f.t.Helper()
	if f.eval(`String(window.notReloaded)`) != "yes" {
		f.t.Error("the page was reloaded; the change should have come live")
	}
}

// waitFor polls a JavaScript condition until it holds, for up to 5 s, and returns how
// long it took.
func waitFor(f *flow, cond string) time.Duration {
	f.t.Helper()
	start := time.Now()
	for {
		if f.eval(queueNamesJS+` String(!!(`+cond+`))`) == "true" {
			return time.Since(start)
		}
		if time.Since(start) > 5*time.Second {
			f.fatalf("still not true after 5 s: %s (queue: %s)", cond, f.eval(queueNamesJS+` queueNames().join("|")`))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
