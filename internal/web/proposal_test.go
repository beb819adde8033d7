package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
)

// TestProposalsPages drafts, opens, takes stances with bad and good input, closes and
// reads the outcome with its arithmetic, in English and Spanish.
func TestProposalsPages(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "vote")
	w.addMember("Alder", "member", true, "yes", "under_250k")
	w.addMember("Birch", "member", false, "no", "over_5m")
	ctx := context.Background()
	pr, err := site.App.CreatePrinciple(ctx, w.coordinator, w.coalition.ID, app.PrincipleText{Title: "Centre those most impacted", Body: "…"})
	if err != nil {
		t.Fatal(err)
	}
	coord, alder, birch := w.as("coord-vote@example.org"), w.as("alder@example.org"), w.as("birch@example.org")
	base := "/coalitions/" + w.coalition.ID + "/proposals"

	wantStatus(t, alder.get(base), http.StatusOK)
	res := alder.get(base + "/new")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `name="method" value="consent" checked`, "Centre those most impacted")

	closes := time.Now().UTC().Add(48 * time.Hour).Format("2006-01-02T15:04")
	draft := url.Values{"title": {"Rent freeze <b>now</b>"}, "body": {"We support it."}, "method": {"consent"}, "quorum": {"50"},
		"closes_at": {closes}, "principle_ids": {pr.ID}}
	bad := url.Values{"title": {""}, "body": {"Kept body"}, "method": {"consent"}, "quorum": {"half"}, "closes_at": {closes}}
	res = alder.post(base, bad)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "Kept body</textarea>", `id="e-quorum"`)

	res = alder.post(base, draft)
	wantStatus(t, res, http.StatusSeeOther)
	page := res.Location
	if !strings.HasPrefix(page, base+"/") {
		t.Fatalf("create redirects to %q", page)
	}
	res = alder.get(page)
	wantBody(t, res, "Rent freeze &lt;b&gt;now&lt;/b&gt;", "Draft", "Open for stances")
	wantNoBody(t, birch.get(page), "Open for stances</button>") // not the author
	wantStatus(t, birch.post(page+"/open", nil), http.StatusForbidden)
	wantStatus(t, alder.post(page+"/open", nil), http.StatusSeeOther)

	// A block without a reason is refused on the page; nothing is recorded.
	res = birch.post(page+"/stance", url.Values{"position": {"block"}, "principle_id": {pr.ID}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "A block must give a reason.", "0 stances")
	wantStatus(t, birch.post(page+"/stance", url.Values{"position": {"disagree"}, "comment": {"Too slow"}}), http.StatusSeeOther)
	wantStatus(t, alder.post(page+"/stance", url.Values{"position": {"agree"}}), http.StatusSeeOther)
	res = birch.get(page)
	wantBody(t, res, "Change your stance", `value="disagree" checked`, "Too slow", "2 stances")

	wantStatus(t, alder.post(page+"/close", nil), http.StatusForbidden)
	wantStatus(t, coord.post(page+"/close", nil), http.StatusSeeOther)
	res = alder.get(page)
	// Quorum ⌈0.5 × 2⌉ = 1, 2 took part; consent: no block, so it passes despite Birch's concern.
	wantBody(t, res, "Passed.", "⌈0.5 × 2⌉ = 1; 2 &gt; 1", "Consent passes unless someone blocks: nobody blocked", "This outcome is final.")
	wantNoBody(t, res, "Record my stance")
	res = birch.post(page+"/stance", url.Values{"position": {"agree"}})
	wantStatus(t, res, http.StatusConflict)
	wantBody(t, withLanguage(alder, "es").get(page), "Aprobada.", "nadie bloqueó")
	wantBody(t, coord.get(base), "Rent freeze", "passed")

	// A ranked poll: two options with the same rank are refused.
	poll := url.Values{"title": {"Where to meet"}, "body": {"Pick"}, "method": {"poll_ranked"}, "quorum": {"50"},
		"closes_at": {closes}, "options": {"Library\nPark"}, "open": {"1"}}
	res = coord.post(base, poll)
	wantStatus(t, res, http.StatusSeeOther)
	d, err := site.App.Proposals(ctx, w.coordinator, w.coalition.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := d[0]
	res = alder.post(res.Location+"/stance", url.Values{"rank_" + p.Options[0].ID: {"1"}, "rank_" + p.Options[1].ID: {"1"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "Give each rank to one option only.")

	// Settings: coordinators only.
	wantStatus(t, alder.post("/coalitions/"+w.coalition.ID+"/voice-settings", url.Values{"stances_by": {"person"}, "queue_order": {"first_come"}}), http.StatusForbidden)
	wantStatus(t, coord.post("/coalitions/"+w.coalition.ID+"/voice-settings", url.Values{"stances_by": {"person"}, "queue_order": {"first_come"}}), http.StatusSeeOther)
	wantBody(t, coord.get(base), `value="person" checked`)
}
