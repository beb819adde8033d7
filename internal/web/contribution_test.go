package web_test

import (
	"bytes"
	"context"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// postFile submits a multipart form with one file, the way a browser uploads it.
func (c *testClient) postFile(path, field, name, content string, fields url.Values) *testResponse {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range fields {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	fw, err := mw.CreateFormFile(field, name)
	if err != nil {
		c.t.Fatal(err)
	}
	_, _ = fw.Write([]byte(content))
	if err := mw.Close(); err != nil {
		c.t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, c.site.URL+path, &buf)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return c.do(req)
}

func TestContributionsPage(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "co")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	birch := w.addMember("Birch", "member", false, "no", "over_5m")
	coord, rep := w.as("coord-co@example.org"), w.as("alder@example.org")
	base := "/coalitions/" + w.coalition.ID + "/contributions"
	org := alder.membership.OrganizationID

	// The coalition page and the funds page link here.
	wantBody(t, coord.get("/coalitions/"+w.coalition.ID), `href="`+base+`"`)
	wantBody(t, coord.get("/coalitions/"+w.coalition.ID+"/funds"), `href="`+base+`"`)

	// Bad input shows the form again with what was typed and the message at the field.
	form := url.Values{"organization_id": {org}, "date": {"2025-03-01"}, "hours": {"1.333"}, "kind": {"organizing"}, "description": {"Door knocking"}}
	res := rep.post(base, form)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-hours"`, "whole minutes", `value="Door knocking"`, `value="1.333"`)
	form.Set("hours", "1.5")
	form.Set("date", "not a date")
	res = rep.post(base, form)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-date"`, `value="Door knocking"`)
	form.Set("date", "2025-03-01")
	form.Set("kind", "juggling")
	wantBody(t, rep.post(base, form), `id="e-kind"`)
	form.Set("kind", "organizing")

	// The representative logs Alder's time; Birch's is not theirs to log.
	res = rep.post(base, form)
	wantStatus(t, res, http.StatusSeeOther)
	other := url.Values{"organization_id": {birch.membership.OrganizationID}, "date": {"2025-03-02"}, "hours": {"2"}, "kind": {"research"}}
	wantStatus(t, rep.post(base, other), http.StatusForbidden)
	wantStatus(t, coord.post(base, other), http.StatusSeeOther)

	// Everyone in the coalition sees both; the filters narrow the list.
	res = rep.get(base)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Door knocking", "2 contributions: 3.50 hours, of which 0.00 confirmed.")
	wantBody(t, rep.get(base+"?org="+url.QueryEscape(org)), "1 contribution: 1.50 hours")
	wantBody(t, rep.get(base+"?from=2025-03-02&to=2025-03-31"), "1 contribution: 2.00 hours")
	res = rep.get(base + "?from=March")
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-flt-from"`)

	// Alder's representative may confirm Alder's contribution, not Birch's.
	list, err := site.App.Contributions(context.Background(), w.coordinator, w.coalition.ID, app.ContributionQuery{})
	if err != nil || len(list) != 2 {
		t.Fatalf("contributions: %v %v", list, err)
	}
	byOrg := map[string]string{}
	for _, c := range list {
		byOrg[c.OrganizationID] = c.ID
	}
	wantStatus(t, rep.post(base+"/"+byOrg[birch.membership.OrganizationID]+"/confirm", nil), http.StatusForbidden)
	res = rep.post(base+"/"+byOrg[org]+"/confirm", url.Values{"back": {"?status=yes"}})
	wantStatus(t, res, http.StatusSeeOther)
	if !strings.HasPrefix(res.Location, base+"?status=yes#c-") {
		t.Errorf("confirm redirects to %q", res.Location)
	}
	wantStatus(t, rep.post(base+"/"+byOrg[org]+"/confirm", nil), http.StatusConflict)
	wantBody(t, rep.get(base+"?status=yes"), "1 contribution: 1.50 hours, of which 1.50 confirmed.", "Confirmed by Rep of Alder")
	wantBody(t, coord.get(base+"?status=no"), "Birch", `/confirm"`)

	// Someone outside the coalition is told it does not exist.
	newTestUser(t, site, "Outsider", "out-co@example.org")
	outsider := w.as("out-co@example.org")
	wantStatus(t, outsider.get(base), http.StatusNotFound)
	wantStatus(t, outsider.post(base, form), http.StatusNotFound)
	wantStatus(t, outsider.post(base+"/"+byOrg[birch.membership.OrganizationID]+"/confirm", nil), http.StatusNotFound)
}

// A link names a task, meeting or win of this coalition, chosen in the select; another
// coalition's task is refused at the field, with what was typed kept.
func TestContributionLinksOnThePage(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "cl")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	rep := w.as("alder@example.org")
	base := "/coalitions/" + w.coalition.ID + "/contributions"
	org := alder.membership.OrganizationID
	ctx := context.Background()
	win, err := site.App.CreateWin(ctx, w.coordinator, w.coalition.ID, domain.Win{Date: "2025-02-01", Title: "Hearing packed", Kind: "policy", Size: "short_term"})
	if err != nil {
		t.Fatal(err)
	}
	otherCoord := newTestUser(t, site, "Other coordinator", "coord-other@example.org")
	elsewhere := newTestCoalition(t, site, otherCoord, "Other coalition", false)
	ws, err := site.App.CreateWorkstream(ctx, otherCoord, elsewhere.ID, app.WorkstreamText{Name: "Outreach"})
	if err != nil {
		t.Fatal(err)
	}
	otherMember := addTestMember(t, site, otherCoord, newTestUser(t, site, "Rep Oak", "oak@example.org"), elsewhere.ID, "Oak", "member")
	task, err := site.App.CreateTask(ctx, otherCoord, elsewhere.ID, app.TaskInput{WorkstreamID: ws.ID, Title: "Their task", OwnerOrgID: otherMember.OrganizationID})
	if err != nil {
		t.Fatal(err)
	}
	wantBody(t, rep.get(base), `value="win:`+win.ID+`"`, "Hearing packed")
	wantNoBody(t, rep.get(base), task.ID)
	linked := url.Values{"organization_id": {org}, "date": {"2025-03-05"}, "hours": {"1"}, "kind": {"research"}, "description": {"Testimony"}, "link_id": {"task:" + task.ID}}
	res := rep.post(base, linked)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-link_id"`, "no such task", `value="Testimony"`)
	linked.Set("link_id", "win:"+win.ID)
	wantStatus(t, rep.post(base, linked), http.StatusSeeOther)
	wantBody(t, rep.get(base), `href="/coalitions/`+w.coalition.ID+`/wins#w-`+win.ID+`">Hearing packed</a>`)
	// Who contributed to the win: the list of the contributions linked to it.
	res = rep.get(base + "?link=win:" + win.ID)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Only the contributions linked to Hearing packed.", "1 contribution: 1.00 hours", `name="link" value="win:`+win.ID+`"`)
	wantBody(t, rep.get(base+"?link=task:"+task.ID), "No contributions match.")
	wantStatus(t, rep.get(base+"?link=proposal:x"), http.StatusUnprocessableEntity)

}

func TestContributionImportPages(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "ci")
	w.addMember("Alder", "member", true, "yes", "under_250k")
	coord, rep := w.as("coord-ci@example.org"), w.as("alder@example.org")
	base := "/coalitions/" + w.coalition.ID + "/contributions"

	res := coord.get(base + "/import")
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `enctype="multipart/form-data"`, "Check the file")
	wantStatus(t, rep.get(base+"/import"), http.StatusForbidden)

	// A file with bad rows: every row's errors, nothing written.
	bad := "organization,date,hours,kind,description\nAlder,2025-01-05,2,organizing,Canvass\nNobody,2025-01-06,x,juggling,\n"
	res = coord.postFile(base+"/import", "file", "hours.csv", bad, nil)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "The file has 3 problems. Nothing was written.", "is not a member organization", "Enter the hours as a number", "Choose one of the listed kinds")
	if list, _ := site.App.Contributions(context.Background(), w.coordinator, w.coalition.ID, app.ContributionQuery{}); len(list) != 0 {
		t.Fatalf("a refused import wrote %d contributions", len(list))
	}

	// A good file: the preview, still nothing written, then the confirm step writes it.
	good := "organization,date,hours,kind,description\nAlder,2025-01-05,2,organizing,Canvass\nalder,2025-01-06,0.25,childcare,\n"
	res = coord.postFile(base+"/import", "file", "hours.csv", good, nil)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "2 rows are ready to import", "Import 2 contributions", "Canvass", `name="write" value="yes"`)
	if list, _ := site.App.Contributions(context.Background(), w.coordinator, w.coalition.ID, app.ContributionQuery{}); len(list) != 0 {
		t.Fatalf("a preview wrote %d contributions", len(list))
	}
	// The confirm form carries the file's text; submit it as the browser would.
	i := strings.Index(res.Body, `name="csv" value="`)
	raw := res.Body[i+len(`name="csv" value="`):]
	carried := html.UnescapeString(raw[:strings.Index(raw, `"`)])
	if carried != good {
		t.Fatalf("the confirm form carries %q", carried)
	}
	wantStatus(t, rep.post(base+"/import", url.Values{"csv": {carried}, "write": {"yes"}}), http.StatusForbidden)
	res = coord.post(base+"/import", url.Values{"csv": {carried}, "write": {"yes"}})
	wantStatus(t, res, http.StatusSeeOther)
	wantBody(t, coord.get(base), "2 contributions were imported and confirmed.", "2 contributions: 2.25 hours, of which 2.25 confirmed.")

	// Pasted text works too; an empty paste is a header error, not a 500.
	res = coord.post(base+"/import", url.Values{"csv": {""}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "The first row must be")
	res = coord.post(base+"/import", url.Values{"csv": {"organization,date,hours,kind,description\n"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "no rows below the header")

	newTestUser(t, site, "Outsider", "out-ci@example.org")
	outsider := w.as("out-ci@example.org")
	wantStatus(t, outsider.get(base+"/import"), http.StatusNotFound)
	wantStatus(t, outsider.post(base+"/import", url.Values{"csv": {good}}), http.StatusNotFound)
}
