package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/mail"
)

type letterMailbox struct{ got []mail.Message }

func (m *letterMailbox) Send(_ context.Context, msg mail.Message) error {
	m.got = append(m.got, msg)
	return nil
}

var letterConfirm = regexp.MustCompile(`https?://[^/\s]+(/signatures/confirm\?token=\S+)`)
var letterWithdraw = regexp.MustCompile(`https?://[^/\s]+(/signatures/withdraw\?token=\S+)`)

// A coordinator drafts and opens a letter; a member organization signs from the coalition
// page; an organization outside signs on the public page and confirms by the emailed link;
// the public page and CSV list both, never contacts; the link withdraws it again.
func TestSignOnLetterPages(t *testing.T) {
	s := newWinSite(t)
	c := signIn(t, s.site, "amina@example.org", testPassword)
	anon := anonymous(t, s.site)
	letters := "/coalitions/" + s.co.ID + "/sign-on-letters"

	wantBody(t, c.get("/coalitions/"+s.co.ID), `href="`+letters+`"`)
	res := c.post(letters, url.Values{"title": {"Fund the tenant hotline"}, "body": {""}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `value="Fund the tenant hotline"`, `id="e-body"`)
	res = c.post(letters, url.Values{"title": {"Fund the tenant hotline"}, "body": {"We, the **undersigned**, ask the council."}})
	wantStatus(t, res, http.StatusSeeOther)
	letter := res.Location
	id := letter[strings.LastIndex(letter, "/")+1:]
	res = c.get(letter)
	wantBody(t, res, "<strong>undersigned</strong>", "Draft", "Open for signatures")
	wantStatus(t, anon.get("/sign-on-letters/"+id), http.StatusNotFound)

	wantStatus(t, c.post(letter+"/open", url.Values{"version": {"1"}}), http.StatusSeeOther)
	wantStatus(t, c.post(letter+"/open", url.Values{"version": {"1"}}), http.StatusPreconditionFailed)
	wantBody(t, anon.get("/c/"+s.co.Slug), `<a href="/sign-on-letters/`+id+`">Fund the tenant hotline</a>`)
	res = c.get(letter)
	wantBody(t, res, "/sign-on-letters/"+id+"</a>", "Sign for Hmong Tenants United", "Sign for Somali Youth Voices")
	res = c.post(letter+"/signatures", url.Values{"organization_id": {s.hmong.OrganizationID}})
	wantStatus(t, res, http.StatusSeeOther)
	res = c.post(letter+"/signatures", url.Values{"organization_id": {s.hmong.OrganizationID}})
	wantStatus(t, res, http.StatusConflict)
	wantBody(t, res, "Hmong Tenants United has already signed this letter.")

	// Outside: a missing city keeps what was typed; then a real signature.
	public := "/sign-on-letters/" + id
	form := url.Values{"organization_name": {"Youth Voice"}, "city": {""}, "issue_area": {"housing"}, "contact_name": {"Ana"}, "contact_email": {"ana@example.org"}}
	res = anon.post(public+"/signatures", form)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `value="Youth Voice"`, `id="e-city"`)
	form.Set("city", "St. Paul")
	res = anon.post(public+"/signatures", form)
	wantStatus(t, res, http.StatusSeeOther)
	wantBody(t, anon.get(res.Location), "We sent a link to the email address you gave")
	res = anon.get(public)
	wantBody(t, res, "Hmong Tenants United", "1 signer")
	wantNoBody(t, res, "Youth Voice</strong>")

	box := &letterMailbox{}
	if n, err := s.site.App.DeliverMail(context.Background(), box, 10); err != nil || n != 1 {
		t.Fatalf("delivered %d, %v", n, err)
	}
	confirm := letterConfirm.FindStringSubmatch(box.got[0].Body)
	withdraw := letterWithdraw.FindStringSubmatch(box.got[0].Body)
	if confirm == nil || withdraw == nil {
		t.Fatalf("no links in %q", box.got[0].Body)
	}
	// Opening the link changes nothing; the button confirms.
	res = anon.get(confirm[1])
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Youth Voice (St. Paul) on “Fund the tenant hotline”", "Confirm the signature")
	wantNoBody(t, anon.get(public), "Youth Voice</strong>")
	token, _ := url.ParseQuery(strings.SplitN(confirm[1], "?", 2)[1])
	res = anon.post("/signatures/confirm", url.Values{"token": {token.Get("token")}})
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "The signature is confirmed.")
	res = anon.get(public)
	wantBody(t, res, "2 signers", "<strong>Youth Voice</strong>, St. Paul", "<th scope=\"row\">housing</th><td>1</td>")
	wantNoBody(t, res, "ana@example.org")
	csv := anon.get(public + "/signers.csv")
	wantStatus(t, csv, http.StatusOK)
	wantBody(t, csv, "organization,city,issue_area,signed_on,coalition_member", "Hmong Tenants United,", "Youth Voice,St. Paul,housing,")
	wantNoBody(t, csv, "ana@example.org")
	// Organizers see the contact on the coalition's page.
	wantBody(t, c.get(letter), "ana@example.org")

	// The withdraw link.
	res = anon.post("/signatures/withdraw", url.Values{"token": {token.Get("token")}})
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "The signature is withdrawn.")
	res = anon.post("/signatures/confirm", url.Values{"token": {token.Get("token")}})
	wantStatus(t, res, http.StatusConflict)
	wantBody(t, res, "This signature was withdrawn")
	wantStatus(t, anon.get("/signatures/confirm?token=sig_nope"), http.StatusNotFound)
	wantBody(t, anon.get(public), "1 signer")

	// Closing: still public, no form; another coalition's letter is not found.
	wantStatus(t, c.post(letter+"/close", url.Values{"version": {"2"}}), http.StatusSeeOther)
	res = anon.get(public)
	wantBody(t, res, "closed to new signatures")
	wantNoBody(t, res, `action="/sign-on-letters/`+id+`/signatures"`)
	wantStatus(t, anon.post(public+"/signatures", form), http.StatusConflict)
	other := newTestCoalition(t, s.site, s.coord, "Transit", false)
	wantStatus(t, c.get("/coalitions/"+other.ID+"/sign-on-letters/"+id), http.StatusNotFound)
}
