package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
)

func TestPrinciplesAddReviseAdopt(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "pr")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	w.addMember("Birch", "member", false, "no", "over_5m")
	coord := w.as("coord-pr@example.org")
	base := "/coalitions/" + w.coalition.ID

	// Add, with a text that tries to inject markup.
	res := coord.post(base+"/principles", url.Values{"form": {"add"}, "title": {"Centre those most impacted"},
		"body": {"Those most affected lead.\n<script>alert(1)</script>"}})
	wantStatus(t, res, http.StatusSeeOther)
	if !strings.HasPrefix(res.Location, base+"/principles#p-") {
		t.Errorf("add redirects to %q", res.Location)
	}
	ps, _, err := site.App.Principles(context.Background(), w.coordinator, w.coalition.ID)
	if err != nil || len(ps) != 1 {
		t.Fatalf("principles = %v, %v", ps, err)
	}
	pr := ps[0]

	// An empty title is refused on the page, with the typed text kept.
	res = coord.post(base+"/principles", url.Values{"form": {"add"}, "title": {""}, "body": {"Kept text"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="new-title-error"`, "Kept text</textarea>")

	// Alder adopts version 1.
	member := w.as("alder@example.org")
	adopt := func(versionID string) *testResponse {
		return member.post(base+"/adoptions", url.Values{"membership_id": {alder.membership.ID}, "principle_version_id": {versionID}})
	}
	wantStatus(t, adopt(pr.Current.ID), http.StatusSeeOther)
	res = member.get(base + "/principles")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Centre those most impacted", "&lt;script&gt;alert(1)&lt;/script&gt;", "Alder has adopted version 1.")
	wantNoBody(t, res, "<script>alert", "Add a principle", "Revise this principle") // escaped; no coordinator forms

	// The coordinator revises it; Alder's adoption of v1 stays, and Alder may adopt v2.
	res = coord.post(base+"/principles/"+pr.ID+"/versions", url.Values{"form": {"revise-" + pr.ID},
		"title": {"Centre those most impacted"}, "body": {"Those most affected lead, and are paid for it."}})
	wantStatus(t, res, http.StatusSeeOther)
	if res.Location != base+"/principles#p-"+pr.ID {
		t.Errorf("revise redirects to %q", res.Location)
	}
	ps, _, _ = site.App.Principles(context.Background(), w.coordinator, w.coalition.ID)
	v2 := ps[0].Current
	if v2.Version != 2 {
		t.Fatalf("current version %d, want 2", v2.Version)
	}
	wantBody(t, member.get(base+"/principles"), "Adopt version 2 for Alder", "Version history (2 versions)",
		"Those most affected lead, and are paid for it.", `Alder <span class="tag">v1</span>`)
	wantStatus(t, adopt(v2.ID), http.StatusSeeOther)
	wantBody(t, member.get(base+"/principles"), `Alder <span class="tag tag-current">v2</span>`, "Alder has adopted version 2.")

	// Adopting the same version again is a conflict, shown as a message.
	res = adopt(v2.ID)
	wantStatus(t, res, http.StatusConflict)
	wantBody(t, res, "This organization has already adopted this version")

	// The coordinator sees the revise form prefilled with the current text.
	wantBody(t, coord.get(base+"/principles"), "Those most affected lead, and are paid for it.</textarea>", "Save as version 3")
}

func TestPrinciplesAccess(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "pa")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	w.addMember("Birch", "member", false, "no", "over_5m")
	newOrgWorld(t, site, "away")
	pr, err := site.App.CreatePrinciple(context.Background(), w.coordinator, w.coalition.ID, app.PrincipleText{Title: "Show up", Body: "For each other."})
	if err != nil {
		t.Fatal(err)
	}
	base := "/coalitions/" + w.coalition.ID
	text := url.Values{"title": {"T"}, "body": {"B"}}
	adoptAlder := url.Values{"membership_id": {alder.membership.ID}, "principle_version_id": {pr.Current.ID}}
	tests := []struct {
		name, who, method, path string
		form                    url.Values
		status                  int
	}{
		{"member reads", "birch@example.org", "GET", base + "/principles", nil, http.StatusOK},
		{"member may not add", "birch@example.org", "POST", base + "/principles", text, http.StatusForbidden},
		{"member may not revise", "birch@example.org", "POST", base + "/principles/" + pr.ID + "/versions", text, http.StatusForbidden},
		{"non-representative may not adopt for another member", "birch@example.org", "POST", base + "/adoptions", adoptAlder, http.StatusForbidden},
		{"revising an unknown principle", "coord-pa@example.org", "POST", base + "/principles/nope/versions", text, http.StatusNotFound},
		{"adopting an unknown version", "alder@example.org", "POST", base + "/adoptions", url.Values{"membership_id": {alder.membership.ID}, "principle_version_id": {"nope"}}, http.StatusNotFound},
		{"outsider reads", "coord-away@example.org", "GET", base + "/principles", nil, http.StatusNotFound},
		{"outsider adds", "coord-away@example.org", "POST", base + "/principles", text, http.StatusNotFound},
		{"outsider adopts", "coord-away@example.org", "POST", base + "/adoptions", adoptAlder, http.StatusNotFound},
		{"anonymous", "", "GET", base + "/principles", nil, http.StatusSeeOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := anonymous(t, site)
			if tt.who != "" {
				c = w.as(tt.who)
			}
			if tt.method == "GET" {
				wantStatus(t, c.get(tt.path), tt.status)
			} else {
				wantStatus(t, c.post(tt.path, tt.form), tt.status)
			}
		})
	}
	_, ads, _ := site.App.Principles(context.Background(), w.coordinator, w.coalition.ID)
	if len(ads) != 0 {
		t.Errorf("refused requests recorded %d adoptions", len(ads))
	}
}
