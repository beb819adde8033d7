package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

// accessWorld is a coalition coordinated by Amina, with Bao (member access, as the
// representative of a member organization) and Carmen (observer).
type accessWorld struct {
	site               *testSite
	amina, bao, carmen *domain.User
	co                 *domain.Coalition
	path               string
}

func newAccessWorld(t *testing.T) *accessWorld {
	t.Helper()
	site := newTestSite(t)
	w := &accessWorld{site: site, amina: newTestUser(t, site, "Amina", "amina@example.org"),
		bao: newTestUser(t, site, "Bao", "bao@example.org"), carmen: newTestUser(t, site, "Carmen", "carmen@example.org")}
	w.co = newTestCoalition(t, site, w.amina, "Housing Justice", false)
	addTestMember(t, site, w.amina, w.bao, w.co.ID, "Hmong Tenants United", domain.RoleMember)
	addTestMember(t, site, w.amina, w.carmen, w.co.ID, "Somali Youth Voices", domain.RoleSupporter)
	if err := site.App.SetAccessRole(context.Background(), w.amina, w.co.ID, w.carmen.ID, domain.AccessObserver); err != nil {
		t.Fatal(err)
	}
	w.path = "/coalitions/" + w.co.ID + "/access"
	return w
}

// roleSelect is the start of the role select of a person's form.
func roleSelect(u *domain.User) string { return `<select id="role-` + u.ID + `" name="role"` }

func TestAccessPageForCoordinator(t *testing.T) {
	w := newAccessWorld(t)
	c := signIn(t, w.site, "amina@example.org", testPassword)

	res := c.get("/coalitions/" + w.co.ID)
	wantBody(t, res, `<a href="`+w.path+`">People and access</a>`)

	res = c.get(w.path)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "<title>People with access to Housing Justice · Braid</title>", "<h1>People and access</h1>",
		// What each role may do, in one line each.
		"<dt>Coordinator</dt><dd>Manages the coalition: its settings, members, invitations and who has access.</dd>",
		"<dt>Facilitator</dt><dd>Runs meetings and keeps the principles.</dd>",
		"<dt>Member</dt><dd>Speaks for a member organization.</dd>",
		"<dt>Observer</dt><dd>Can look at the coalition, not change it.</dd>",
		"3 people with access",
		// A form per person, under their name, with the email a coordinator may see.
		`<form method="post" action="`+w.path+`/`+w.bao.ID+`" class="access-role">`, "<legend>Bao</legend>",
		`<span class="email">bao@example.org</span>`, `<label for="role-`+w.bao.ID+`">Role</label>`,
		roleSelect(w.bao)+`>
<option value="coordinator">Coordinator</option>
<option value="facilitator">Facilitator</option>
<option value="member" selected>Member</option>`,
		`<button type="submit">Save<span class="visually-hidden"> the role of Bao</span></button>`,
		`<legend>Carmen</legend>`, `<option value="observer" selected>Observer</option>`,
		`<legend>Amina</legend>`, `<span class="tag">You</span>`)
	if strings.Index(res.Body, "<legend>Amina</legend>") > strings.Index(res.Body, "<legend>Bao</legend>") {
		t.Error("people are not in order of name")
	}

	// Bao becomes a facilitator: back to the page, with a message and the new role.
	res = c.post(w.path+"/"+w.bao.ID, url.Values{"role": {"facilitator"}})
	wantStatus(t, res, http.StatusSeeOther)
	if res.Location != w.path {
		t.Fatalf("redirect to %q, want %q", res.Location, w.path)
	}
	res = c.get(res.Location)
	wantBody(t, res, `<p class="flash" role="status">The role of Bao is now Facilitator.</p>`,
		roleSelect(w.bao)+`>
<option value="coordinator">Coordinator</option>
<option value="facilitator" selected>Facilitator</option>`)
	got, err := w.site.App.Access(context.Background(), w.amina, w.co.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range got {
		if a.UserID == w.bao.ID && a.Role != domain.AccessFacilitator {
			t.Errorf("Bao's role is %q, want facilitator", a.Role)
		}
	}

	// The audit log names the change in words.
	res = c.get("/coalitions/" + w.co.ID + "/audit")
	wantBody(t, res, "Changed someone&#39;s access role", `<strong>Role:</strong> Member <span aria-hidden="true">→</span>`)
}

func TestAccessPageErrors(t *testing.T) {
	w := newAccessWorld(t)
	c := signIn(t, w.site, "amina@example.org", testPassword)

	// The last coordinator cannot step down: the page comes back with the error at
	// Amina's form, which keeps the role she chose.
	res := c.post(w.path+"/"+w.amina.ID, url.Values{"role": {"observer"}})
	wantStatus(t, res, http.StatusConflict)
	msg := "A coalition needs at least one coordinator. Make someone else coordinator first, then change this role."
	wantBody(t, res, `<div class="form-error" role="alert"><p>The role of Amina was not changed.</p></div>`,
		roleSelect(w.amina)+` aria-invalid="true" aria-describedby="e-role-`+w.amina.ID+`">`,
		`<small id="e-role-`+w.amina.ID+`" class="error">`+msg+`</small>`,
		`<option value="observer" selected>Observer</option>
</select>
<button type="submit">Save<span class="visually-hidden"> the role of Amina</span>`,
		roleSelect(w.bao)+`>`) // Bao's form is untouched
	wantNoBody(t, res, `class="flash"`, `e-role-`+w.bao.ID)

	// An unknown role is 422, shown at that person's form.
	res = c.post(w.path+"/"+w.bao.ID, url.Values{"role": {"boss"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "The role of Bao was not changed.", roleSelect(w.bao)+` aria-invalid="true" aria-describedby="e-role-`+w.bao.ID+`">`,
		`<small id="e-role-`+w.bao.ID+`" class="error">Choose one of the listed roles.</small>`)
	// ... and for someone without access, there is nobody to change.
	stranger := newTestUser(t, w.site, "Dana", "dana@example.org")
	wantStatus(t, c.post(w.path+"/"+stranger.ID, url.Values{"role": {"boss"}}), http.StatusNotFound)

	// With a second coordinator, Amina may step down.
	wantStatus(t, c.post(w.path+"/"+w.bao.ID, url.Values{"role": {"coordinator"}}), http.StatusSeeOther)
	wantStatus(t, c.post(w.path+"/"+w.amina.ID, url.Values{"role": {"member"}}), http.StatusSeeOther)
	res = c.get(w.path)
	wantStatus(t, res, http.StatusOK)
	wantNoBody(t, res, `<form method="post" action="`+w.path) // now a member, without forms

	// Someone who is not in the coalition has no access to change.
	coordinator := signIn(t, w.site, "bao@example.org", testPassword)
	wantStatus(t, coordinator.post(w.path+"/"+stranger.ID, url.Values{"role": {"member"}}), http.StatusNotFound)
}

func TestAccessPageForOthers(t *testing.T) {
	w := newAccessWorld(t)

	// A member sees who has access and their roles, without emails or forms.
	member := signIn(t, w.site, "bao@example.org", testPassword)
	res := member.get("/coalitions/" + w.co.ID)
	wantBody(t, res, `<a href="`+w.path+`">People and access</a>`)
	res = member.get(w.path)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<p class="who"><strong>Amina</strong><br>Role: Coordinator</p>`,
		`<p class="who"><strong>Bao</strong> <span class="tag">You</span><br>Role: Member</p>`,
		`<p class="who"><strong>Carmen</strong><br>Role: Observer</p>`, "<dt>Observer</dt>")
	wantNoBody(t, res, "@example.org", "<form method=\"post\" action=\""+w.path, "<select id=\"role-")

	// Nor may a member or an observer change a role, even to a role that does not exist.
	for _, email := range []string{"bao@example.org", "carmen@example.org"} {
		c := signIn(t, w.site, email, testPassword)
		wantStatus(t, c.post(w.path+"/"+w.bao.ID, url.Values{"role": {"coordinator"}}), http.StatusForbidden)
		wantStatus(t, c.post(w.path+"/"+w.bao.ID, url.Values{"role": {"boss"}}), http.StatusForbidden)
	}

	// Someone without access is told the coalition does not exist; a visitor must sign in.
	newTestUser(t, w.site, "Dana", "dana@example.org")
	dana := signIn(t, w.site, "dana@example.org", testPassword)
	wantStatus(t, dana.get(w.path), http.StatusNotFound)
	wantStatus(t, dana.post(w.path+"/"+w.bao.ID, url.Values{"role": {"member"}}), http.StatusNotFound)
	wantStatus(t, dana.post(w.path+"/"+w.bao.ID, url.Values{"role": {"boss"}}), http.StatusNotFound)
	wantSignInRedirect(t, anonymous(t, w.site).get(w.path), w.path)
	wantSignInRedirect(t, anonymous(t, w.site).post(w.path+"/"+w.bao.ID, url.Values{"role": {"member"}}), w.path+"/"+w.bao.ID)
	wantSignInRedirect(t, anonymous(t, w.site).post(w.path+"/"+w.bao.ID, url.Values{"role": {"boss"}}), w.path+"/"+w.bao.ID)

	// Nothing changed.
	got, err := w.site.App.Access(context.Background(), w.amina, w.co.ID)
	if err != nil {
		t.Fatal(err)
	}
	roles := map[string]string{}
	for _, a := range got {
		roles[a.UserName] = a.Role
	}
	if roles["Amina"] != "coordinator" || roles["Bao"] != "member" || roles["Carmen"] != "observer" {
		t.Errorf("roles = %v, want them unchanged", roles)
	}
}
