package server_test

import (
	"context"
	"net/url"
	"regexp"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/mail"
)

// Sign-on letters: coordinators and facilitators organize them; a representative signs
// for its own organization (Org One for member, Org Two for nonrep); the signature of Org
// Two may be withdrawn by its representative and by organizers; the public side needs no
// account.
const (
	signLetter     = "login 404      403      ok     ok     403   403   ok"
	withdrawLetter = "login 404      403      403    ok     ok    ok    ok"
)

type captured struct{ body string }

func (c *captured) Send(_ context.Context, m mail.Message) error { c.body = m.Body; return nil }

var signatureToken = regexp.MustCompile(`confirm\?token=(\S+)`)

func init() {
	draft := func(f *fixture) map[string]string { return map[string]string{"letter_id": f.ids["draft_letter_id"]} }
	unsigned := func(f *fixture) map[string]string { return map[string]string{"letter_id": f.ids["unsigned_letter_id"]} }
	signForm := func(f *fixture, role string) any {
		org := f.m1.OrganizationID
		if role == "nonrep" {
			org = f.ids["org_two"]
		}
		return url.Values{"organization_id": {org}}
	}
	signJSON := func(f *fixture, role string) any {
		return map[string]any{"organization_id": signForm(f, role).(url.Values).Get("organization_id")}
	}
	outsideForm := form("organization_name", "Riders United", "city", "Duluth", "contact_name", "Lee", "contact_email", "lee@example.org")
	outsideJSON := jsonBody(map[string]any{"organization_name": "Riders United", "city": "Duluth", "contact_name": "Lee", "contact_email": "lee@example.org"})
	tokenForm := func(f *fixture, _ string) any { return url.Values{"token": {f.ids["sig_token"]}} }
	tokenJSON := func(f *fixture, _ string) any { return map[string]any{"token": f.ids["sig_token"]} }
	const letter = "/coalitions/{id}/sign-on-letters/{letter_id}"
	featureMatrix = append(featureMatrix,
		entry{route: "GET /coalitions/{id}/sign-on-letters", want: view},
		entry{route: "POST /coalitions/{id}/sign-on-letters", want: principle, body: form("title", "Fund transit", "body", "We ask.")},
		entry{route: "GET " + letter, want: view},
		entry{route: "POST " + letter + "/edit", want: principle, params: draft, body: form("title", "Fund transit", "body", "We ask.", "version", "1")},
		entry{route: "POST " + letter + "/open", want: principle, params: draft, body: form("version", "1")},
		entry{route: "POST " + letter + "/close", want: principle, body: form("version", "2")},
		entry{route: "POST " + letter + "/signatures", want: signLetter, params: unsigned, body: signForm},
		entry{route: "POST " + letter + "/signatures/{signature_id}/withdraw", want: withdrawLetter},
		entry{route: "GET /sign-on-letters/{letter_id}", want: public},
		entry{route: "POST /sign-on-letters/{letter_id}/signatures", want: public, body: outsideForm},
		entry{route: "GET /sign-on-letters/{letter_id}/signers.csv", want: public},
		entry{route: "GET /signatures/confirm", want: public, query: "?token={sig_token}"},
		entry{route: "POST /signatures/confirm", want: public, body: tokenForm},
		entry{route: "GET /signatures/withdraw", want: public, query: "?token={sig_token}"},
		entry{route: "POST /signatures/withdraw", want: public, body: tokenForm},
		// API.
		entry{route: "GET /api/v1/coalitions/{id}/sign-on-letters", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/sign-on-letters", want: principle, body: jsonBody(map[string]any{"title": "Fund transit", "body": "We ask."})},
		entry{route: "GET /api/v1" + letter, want: view},
		entry{route: "PUT /api/v1" + letter, want: principle, params: draft, etag: func(*fixture) int { return 1 },
			body: jsonBody(map[string]any{"title": "Fund transit", "body": "We ask."})},
		entry{route: "POST /api/v1" + letter + "/open", want: principle, params: draft, etag: func(*fixture) int { return 1 }},
		entry{route: "POST /api/v1" + letter + "/close", want: principle, etag: func(*fixture) int { return 2 }},
		entry{route: "POST /api/v1" + letter + "/signatures", want: signLetter, params: unsigned, body: signJSON},
		entry{route: "DELETE /api/v1" + letter + "/signatures/{signature_id}", want: withdrawLetter},
		entry{route: "GET /api/v1/public/sign-on-letters/{letter_id}", want: public},
		entry{route: "POST /api/v1/public/sign-on-letters/{letter_id}/signatures", want: public, body: outsideJSON},
		entry{route: "POST /api/v1/public/signatures/confirm", want: public, body: tokenJSON},
		entry{route: "POST /api/v1/public/signatures/withdraw", want: public, body: tokenJSON},
	)
	fixtureSetups = append(fixtureSetups, setupLetters)
}

// setupLetters adds to A: a draft letter; an open letter signed by Org Two and by an
// organization outside (pending, whose emailed token is sig_token); and an open letter
// nobody signed. B gets an open letter of its own.
func setupLetters(t testing.TB, f *fixture) {
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	newLetter := func(c *domain.Coalition, by string, open bool) string {
		l, err := f.app.CreateLetter(ctx, f.users[by], c.ID, app.LetterText{Title: "Letter of " + c.Name, Body: "We ask."})
		must(err)
		if open {
			_, err = f.app.OpenLetter(ctx, f.users[by], c.ID, l.ID, 1)
			must(err)
		}
		return l.ID
	}
	f.ids["draft_letter_id"] = newLetter(f.a, "coord", false)
	f.ids["letter_id"] = newLetter(f.a, "coord", true)
	f.ids["unsigned_letter_id"] = newLetter(f.a, "coord", true)
	newLetter(f.b, "outsider", true)
	ms, err := f.app.MyMemberships(ctx, f.users["nonrep"], f.a.ID)
	must(err)
	f.ids["org_two"] = ms[0].OrganizationID
	g, err := f.app.SignAsMember(ctx, f.users["nonrep"], f.a.ID, f.ids["letter_id"], f.ids["org_two"])
	must(err)
	f.ids["signature_id"] = g.ID
	_, err = f.app.SignFromOutside(ctx, f.ids["letter_id"], domain.Signature{OrganizationName: "Youth Voice", City: "St. Paul",
		ContactName: "Ana", ContactEmail: "ana@example.org"}, "http://braid.test")
	must(err)
	box := &captured{}
	_, err = f.app.DeliverMail(ctx, box, 10)
	must(err)
	m := signatureToken.FindStringSubmatch(box.body)
	if m == nil {
		t.Fatalf("no token in %q", box.body)
	}
	f.ids["sig_token"] = m[1]
}
