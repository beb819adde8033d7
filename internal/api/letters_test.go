package api_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/mail"
)

func init() {
	for route, who := range map[string]string{
		"GET /api/v1/coalitions/{id}/sign-on-letters":                                          "member",
		"POST /api/v1/coalitions/{id}/sign-on-letters":                                         "member",
		"GET /api/v1/coalitions/{id}/sign-on-letters/{letter_id}":                              "member",
		"PUT /api/v1/coalitions/{id}/sign-on-letters/{letter_id}":                              "member",
		"POST /api/v1/coalitions/{id}/sign-on-letters/{letter_id}/open":                        "member",
		"POST /api/v1/coalitions/{id}/sign-on-letters/{letter_id}/close":                       "member",
		"POST /api/v1/coalitions/{id}/sign-on-letters/{letter_id}/signatures":                  "member",
		"DELETE /api/v1/coalitions/{id}/sign-on-letters/{letter_id}/signatures/{signature_id}": "member",
		"GET /api/v1/public/sign-on-letters/{letter_id}":                                       "anyone",
		"POST /api/v1/public/sign-on-letters/{letter_id}/signatures":                           "anyone",
		"POST /api/v1/public/signatures/confirm":                                               "anyone",
		"POST /api/v1/public/signatures/withdraw":                                              "anyone",
	} {
		authExpectations[route] = who
	}
}

type mailbox struct{ got []mail.Message }

func (m *mailbox) Send(_ context.Context, msg mail.Message) error {
	m.got = append(m.got, msg)
	return nil
}

var confirmLink = regexp.MustCompile(`(https?://[^/\s]+)/signatures/confirm\?token=(\S+)`)

func TestSignOnLetters(t *testing.T) {
	f := newFixture(t)
	letters := "/api/v1/coalitions/" + f.a.ID + "/sign-on-letters"
	draft := `{"title":"Fund the tenant hotline","body":"We, the undersigned, ask the council…"}`
	f.run(t, []scenario{
		{name: "draft as a member", method: "POST", path: letters, actor: "rep", body: draft, status: 403},
		{name: "draft without a body", method: "POST", path: letters, actor: "coord", body: `{"title":"x"}`, status: 422, want: "body"},
		{name: "draft malformed", method: "POST", path: letters, actor: "coord", body: `{"title":`, status: 400},
		{name: "draft in another coalition", method: "POST", path: "/api/v1/coalitions/" + f.b.ID + "/sign-on-letters", actor: "coord", body: draft, status: 404},
		{name: "draft", method: "POST", path: letters, actor: "coord", body: draft, status: 201, want: `"status":"draft"`,
			header: map[string]string{"ETag": `"1"`, "Location": letters + "/"}},
		{name: "members do not see drafts", method: "GET", path: letters, actor: "rep", status: 200, want: `"sign_on_letters":[]`},
	})
	var list struct {
		SignOnLetters []domain.SignOnLetter `json:"sign_on_letters"`
	}
	f.get(letters, "coord").json(t, &list)
	if len(list.SignOnLetters) != 1 {
		t.Fatalf("letters = %+v", list)
	}
	id := list.SignOnLetters[0].ID
	letter := letters + "/" + id
	public := "/api/v1/public/sign-on-letters/" + id
	outside := `{"organization_name":"Youth Voice","city":"St. Paul","issue_area":"housing","contact_name":"Ana","contact_email":"ana@example.org"}`
	f.run(t, []scenario{
		{name: "draft not public", method: "GET", path: public, status: 404},
		{name: "draft not signable from outside", method: "POST", path: public + "/signatures", body: outside, status: 404},
		{name: "edit without If-Match", method: "PUT", path: letter, actor: "coord", body: draft, status: 428},
		{name: "edit", method: "PUT", path: letter, actor: "coord", body: draft, headers: ifMatch(`"1"`), status: 200, header: map[string]string{"ETag": `"2"`}},
		{name: "open stale", method: "POST", path: letter + "/open", actor: "coord", headers: ifMatch(`"1"`), status: 412},
		{name: "open as a member", method: "POST", path: letter + "/open", actor: "rep", headers: ifMatch(`"2"`), status: 403},
		{name: "open", method: "POST", path: letter + "/open", actor: "coord", headers: ifMatch(`"2"`), status: 200, want: `"status":"open"`},
		{name: "edit once open", method: "PUT", path: letter, actor: "coord", body: draft, headers: ifMatch(`"3"`), status: 409},
		{name: "sign for own organization", method: "POST", path: letter + "/signatures", actor: "rep",
			body: `{"organization_id":"` + f.memberA.OrganizationID + `"}`, status: 201, want: `"status":"confirmed"`},
		{name: "sign again", method: "POST", path: letter + "/signatures", actor: "rep",
			body: `{"organization_id":"` + f.memberA.OrganizationID + `"}`, status: 409, want: "already signed"},
		{name: "sign for another coalition's organization", method: "POST", path: letter + "/signatures", actor: "repB",
			body: `{"organization_id":"` + f.memberB.OrganizationID + `"}`, status: 404},
		{name: "sign from outside, bad email", method: "POST", path: public + "/signatures",
			body: `{"organization_name":"Y","city":"Z","contact_name":"A","contact_email":"nope"}`, status: 422, want: "contact_email"},
		{name: "sign from outside, missing city", method: "POST", path: public + "/signatures",
			body: `{"organization_name":"Y","contact_name":"A","contact_email":"a@example.org"}`, status: 422, want: "city"},
		{name: "sign from outside", method: "POST", path: public + "/signatures", body: outside, status: 202, want: `"status":"pending"`, absent: "ana@example.org"},
		{name: "public before confirmation", method: "GET", path: public, status: 200, want: `"organization_name":"Riverside Tenants"`, absent: "Youth Voice"},
		{name: "confirm with a wrong token", method: "POST", path: "/api/v1/public/signatures/confirm", body: `{"token":"sig_nope"}`, status: 404},
	})
	box := &mailbox{}
	if n, err := f.app.DeliverMail(context.Background(), box, 10); err != nil || n != 1 {
		t.Fatalf("delivered %d, %v", n, err)
	}
	m := confirmLink.FindStringSubmatch(box.got[0].Body)
	if m == nil || m[1] != f.http.URL {
		t.Fatalf("no confirmation link to this server (%s) in %q", f.http.URL, box.got[0].Body)
	}
	token := `{"token":"` + m[2] + `"}`
	f.run(t, []scenario{
		{name: "confirm", method: "POST", path: "/api/v1/public/signatures/confirm", body: token, status: 200, want: `"status":"confirmed"`},
		{name: "public lists both", method: "GET", path: public, status: 200, want: `"by_issue_area":[{"value":"","count":1},{"value":"housing","count":1}]`,
			absent: "ana@example.org"},
		{name: "the same organization again", method: "POST", path: public + "/signatures", body: outside, status: 409},
		{name: "members see no contacts", method: "GET", path: letter, actor: "rep", status: 200, want: `"organization_name":"Youth Voice"`, absent: "ana@example.org"},
		{name: "organizers see contacts", method: "GET", path: letter, actor: "coord", status: 200, want: `"contact_email":"ana@example.org"`},
		{name: "withdraw by link", method: "POST", path: "/api/v1/public/signatures/withdraw", body: token, status: 200, want: `"status":"withdrawn"`},
		{name: "confirm after withdrawing", method: "POST", path: "/api/v1/public/signatures/confirm", body: token, status: 409},
		{name: "close", method: "POST", path: letter + "/close", actor: "coord", headers: ifMatch(`"3"`), status: 200, want: `"status":"closed"`},
		{name: "closed to outside signatures", method: "POST", path: public + "/signatures", body: outside, status: 409},
		{name: "closed letter still public", method: "GET", path: public, status: 200, want: `"status":"closed"`},
		{name: "another coalition's letter", method: "GET", path: "/api/v1/coalitions/" + f.b.ID + "/sign-on-letters/" + id, actor: "coordB", status: 404},
	})
}
