package app_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// TestInvitationFlow follows the foundation's story: a coordinator creates a coalition,
// invites an organization, its representative accepts and fills in the profile, and the
// audit log shows each change.
func TestInvitationFlow(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		coord := mustUser(t, a, "coord@example.org", false)
		c := mustCoalition(t, a, coord, "Northside Housing Justice")
		rep, m := join(t, a, coord, c, "Frogtown Tenants United", "rep@example.org", domain.RoleSteering, true)
		if m.Role != domain.RoleSteering || !m.MostImpacted || m.Status != domain.StatusActive {
			t.Errorf("membership = %+v", m)
		}
		// The representative may now see the coalition as a member and edit the profile.
		_, perm, err := a.Coalition(ctx, rep, c.ID)
		if err != nil || perm.Role != domain.AccessMember {
			t.Fatalf("representative's access: %v %+v", err, perm)
		}
		org, canEdit, err := a.Organization(ctx, rep, m.OrganizationID)
		if err != nil || !canEdit {
			t.Fatalf("organization: %v canEdit=%v", err, canEdit)
		}
		org.BipocLed, org.BudgetBand, org.Languages = "yes", domain.BudgetUnder250k, []string{"Hmong", "English"}
		if _, err := a.UpdateOrganization(ctx, rep, *org, org.Version); err != nil {
			t.Fatal(err)
		}
		// The same stale version a second time is refused and loses nothing.
		org.Mission = "overwrite"
		_, err = a.UpdateOrganization(ctx, rep, *org, org.Version)
		wantCode(t, err, domain.EPRECONDITION)
		got, _, _ := a.Organization(ctx, rep, org.ID)
		if got.Mission == "overwrite" || got.BipocLed != "yes" || got.Version != 2 {
			t.Errorf("after stale write: %+v", got)
		}
		log, err := a.AuditLog(ctx, coord, c.ID, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range log {
			actions = append(actions, e.Action)
		}
		want := "organization.update membership.create organization.create invitation.create coalition.create"
		if strings.Join(actions, " ") != want {
			t.Errorf("audit actions = %v, want %s", actions, want)
		}
		if !strings.Contains(string(log[0].Changes), `"bipoc_led":{"from":"not_said","to":"yes"}`) {
			t.Errorf("audit changes = %s", log[0].Changes)
		}
	})
}

// TestInvitationSingleUse checks that a link works once, even when two people press
// accept at the same moment.
func TestInvitationSingleUse(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		coord := mustUser(t, a, "coord@example.org", false)
		c := mustCoalition(t, a, coord, "Transit for All")
		inv, err := a.Invite(ctx, coord, c.ID, domain.Invitation{OrganizationName: "Riders Union"})
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i := range errs {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				email := []string{"a@example.org", "b@example.org"}[i]
				_, _, errs[i] = a.AcceptInvitation(ctx, nil, inv.Token, app.Acceptance{Account: app.NewAccount{Name: "X", Email: email, Password: "correct horse battery"}})
			}(i)
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
			} else {
				wantCode(t, err, domain.ECONFLICT)
			}
		}
		if ok != 1 {
			t.Fatalf("%d acceptances succeeded, want exactly 1 (%v)", ok, errs)
		}
		page, _ := a.Members(ctx, coord, c.ID, "", 10)
		if len(page.Items) != 1 {
			t.Errorf("members = %d, want 1", len(page.Items))
		}
		// The loser's account was rolled back with the rest, so the email is free.
		if exists, _ := a.UserExists(ctx, "a@example.org"); exists {
			if exists2, _ := a.UserExists(ctx, "b@example.org"); exists2 {
				t.Error("both accounts exist; the losing acceptance was not rolled back")
			}
		}
		_, err = a.InvitationByToken(ctx, inv.Token)
		wantCode(t, err, domain.ECONFLICT)
		_, err = a.InvitationByToken(ctx, "inv_nonsense")
		wantCode(t, err, domain.ENOTFOUND)
	})
}

// TestAuthorization checks the policy: an outsider is told coalition B does not exist; a
// member may look but not manage; a coordinator may manage; an admin may do anything.
func TestAuthorization(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		coordA := mustUser(t, a, "a@example.org", false)
		coordB := mustUser(t, a, "b@example.org", false)
		admin := mustUser(t, a, "admin@example.org", true)
		ca := mustCoalition(t, a, coordA, "A")
		cb := mustCoalition(t, a, coordB, "B")
		member, m := join(t, a, coordA, ca, "Org", "m@example.org", domain.RoleMember, false)

		_, _, err := a.Coalition(ctx, coordA, cb.ID)
		wantCode(t, err, domain.ENOTFOUND)
		_, err = a.Invite(ctx, coordA, cb.ID, domain.Invitation{OrganizationName: "X"})
		wantCode(t, err, domain.ENOTFOUND)
		_, err = a.EquityReport(ctx, coordA, cb.ID, "leadership", nil, nil)
		wantCode(t, err, domain.ENOTFOUND)
		_, err = a.UpdateMembership(ctx, coordB, cb.ID, m.ID, app.MembershipChange{Role: "anchor"}, 1)
		wantCode(t, err, domain.ENOTFOUND) // B's coordinator naming A's membership inside B
		_, _, err = a.Organization(ctx, coordB, m.OrganizationID)
		wantCode(t, err, domain.ENOTFOUND)
		_, _, err = a.Coalition(ctx, nil, ca.ID)
		wantCode(t, err, domain.EUNAUTHORIZED)

		_, err = a.Invite(ctx, member, ca.ID, domain.Invitation{OrganizationName: "X"})
		wantCode(t, err, domain.EFORBIDDEN)
		_, err = a.UpdateCoalition(ctx, member, domain.Coalition{ID: ca.ID, Name: "Hijacked", Goal: "x"}, ca.Version)
		wantCode(t, err, domain.EFORBIDDEN)
		_, err = a.CreatePrinciple(ctx, member, ca.ID, app.PrincipleText{Title: "T", Body: "B"})
		wantCode(t, err, domain.EFORBIDDEN)
		if _, err := a.Members(ctx, member, ca.ID, "", 10); err != nil {
			t.Errorf("member cannot list members: %v", err)
		}
		if _, err := a.Invite(ctx, admin, cb.ID, domain.Invitation{OrganizationName: "X"}); err != nil {
			t.Errorf("admin cannot invite: %v", err)
		}
		// The coordinator may manage but not speak for a member organization.
		p, err := a.CreatePrinciple(ctx, coordA, ca.ID, app.PrincipleText{Title: "Centre the most impacted", Body: "..."})
		if err != nil {
			t.Fatal(err)
		}
		_, err = a.Adopt(ctx, coordA, ca.ID, m.ID, p.Current.ID)
		wantCode(t, err, domain.EFORBIDDEN)
	})
}

// TestPrinciplesAndAdoption checks versioning: a revision is a new version, adoptions
// name the version adopted, and adopting the same version twice is a conflict.
func TestPrinciplesAndAdoption(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		coord := mustUser(t, a, "coord@example.org", false)
		c := mustCoalition(t, a, coord, "Econ")
		rep, m := join(t, a, coord, c, "Org", "rep@example.org", domain.RoleMember, true)
		p, err := a.CreatePrinciple(ctx, coord, c.ID, app.PrincipleText{Title: "Reject silos", Body: "Housing and transit are one struggle."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.Adopt(ctx, rep, c.ID, m.ID, p.Current.ID); err != nil {
			t.Fatal(err)
		}
		_, err = a.Adopt(ctx, rep, c.ID, m.ID, p.Current.ID)
		wantCode(t, err, domain.ECONFLICT)
		v2, err := a.RevisePrinciple(ctx, coord, c.ID, p.ID, app.PrincipleText{Title: "Reject silos", Body: "Housing, transit and jobs are one struggle."})
		if err != nil || v2.Version != 2 {
			t.Fatalf("revise: %v %+v", err, v2)
		}
		if _, err := a.Adopt(ctx, rep, c.ID, m.ID, v2.ID); err != nil {
			t.Fatal(err)
		}
		ps, ads, err := a.Principles(ctx, rep, c.ID)
		if err != nil || len(ps) != 1 || len(ps[0].Versions) != 2 || ps[0].Current.Version != 2 || len(ads) != 2 {
			t.Fatalf("principles = %+v, adoptions = %+v, err %v", ps, ads, err)
		}
		if ads[0].PrincipleVersionID != p.Current.ID || ads[1].PrincipleVersionID != v2.ID {
			t.Errorf("adoptions do not name the versions adopted: %+v", ads)
		}
		_, err = a.RevisePrinciple(ctx, coord, c.ID, "nope", app.PrincipleText{Title: "x", Body: "y"})
		wantCode(t, err, domain.ENOTFOUND)
		_, err = a.CreatePrinciple(ctx, coord, c.ID, app.PrincipleText{Title: strings.Repeat("x", 201), Body: "y"})
		wantCode(t, err, domain.EINVALID)
	})
}
