package api_test

import (
	"context"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

// A contribution links only to a task, meeting or win of its own coalition, and the
// list filters by organization, period and confirmation.
func TestContributionLinksAndFilters(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	win, err := f.app.CreateWin(ctx, f.users["coord"], f.a.ID, domain.Win{Date: "2025-02-01", Title: "Ours", Kind: "policy", Size: "short_term"})
	if err != nil {
		t.Fatal(err)
	}
	winB, err := f.app.CreateWin(ctx, f.users["coordB"], f.b.ID, domain.Win{Date: "2025-02-01", Title: "Theirs", Kind: "policy", Size: "short_term"})
	if err != nil {
		t.Fatal(err)
	}
	org := f.memberA.OrganizationID
	base := "/api/v1/coalitions/" + f.a.ID + "/contributions"
	body := func(linkType, linkID string) string {
		return `{"organization_id":"` + org + `","date":"2025-02-02","minutes":30,"kind":"research","link_type":"` + linkType + `","link_id":"` + linkID + `"}`
	}
	f.run(t, []scenario{
		{name: "link to another coalition's win", method: "POST", path: base, actor: "rep", body: body("win", winB.ID), status: 422, want: "body.link_id"},
		{name: "link to a missing task", method: "POST", path: base, actor: "rep", body: body("task", "nope"), status: 422, want: "no such task"},
		{name: "link to our win", method: "POST", path: base, actor: "rep", body: body("win", win.ID), status: 201, want: `"link_id":"` + win.ID + `"`},
		{name: "person of no organization", method: "POST", path: base, actor: "rep",
			body: `{"organization_id":"` + org + `","person_id":"nobody","date":"2025-02-02","minutes":30,"kind":"research"}`, status: 422, want: "body.person_id"},
		{name: "filter unconfirmed", method: "GET", path: base + "?confirmed=no&organization_id=" + org, actor: "rep", status: 200, want: win.ID},
		{name: "filter confirmed", method: "GET", path: base + "?confirmed=yes", actor: "rep", status: 200, want: `"contributions":[]`},
		{name: "filter by period", method: "GET", path: base + "?from=2025-03-01", actor: "rep", status: 200, want: `"contributions":[]`},
		{name: "filter by link", method: "GET", path: base + "?link_type=win&link_id=" + win.ID, actor: "rep", status: 200, want: `"link_id":"` + win.ID + `"`},
		{name: "filter by another link", method: "GET", path: base + "?link_type=win&link_id=" + winB.ID, actor: "rep", status: 200, want: `"contributions":[]`},
		{name: "filter by half a link", method: "GET", path: base + "?link_type=win", actor: "rep", status: 422, want: "query.link_id"},
		{name: "filter bad date", method: "GET", path: base + "?from=March", actor: "rep", status: 422},
		{name: "list as outsider", method: "GET", path: base, actor: "outsider", status: 404},
	})
}
