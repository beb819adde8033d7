package app_test

import (
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// TestSetAccessRole checks that a coordinator can make a member a facilitator (who may
// then manage principles), that members cannot change roles, that outsiders get 404, and
// that the last coordinator cannot step down.
func TestSetAccessRole(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		coord := mustUser(t, a, "coord@example.org", false)
		c := mustCoalition(t, a, coord, "Housing")
		rep, _ := join(t, a, coord, c, "Org", "rep@example.org", domain.RoleMember, false)
		other := mustUser(t, a, "other@example.org", false)
		mustCoalition(t, a, other, "Elsewhere")

		wantCode(t, a.SetAccessRole(ctx, rep, c.ID, rep.ID, domain.AccessCoordinator), domain.EFORBIDDEN)
		wantCode(t, a.SetAccessRole(ctx, other, c.ID, rep.ID, domain.AccessFacilitator), domain.ENOTFOUND)
		wantCode(t, a.SetAccessRole(ctx, coord, c.ID, other.ID, domain.AccessFacilitator), domain.ENOTFOUND)
		wantCode(t, a.SetAccessRole(ctx, coord, c.ID, rep.ID, "queen"), domain.EINVALID)
		wantCode(t, a.SetAccessRole(ctx, coord, c.ID, coord.ID, domain.AccessMember), domain.ECONFLICT)

		if err := a.SetAccessRole(ctx, coord, c.ID, rep.ID, domain.AccessFacilitator); err != nil {
			t.Fatal(err)
		}
		if _, err := a.CreatePrinciple(ctx, rep, c.ID, app.PrincipleText{Title: "Trust", Body: "Move at the speed of trust."}); err != nil {
			t.Errorf("a facilitator cannot add a principle: %v", err)
		}
		log, _ := a.AuditLog(ctx, coord, c.ID, 0, 5)
		found := false
		for _, e := range log {
			found = found || (e.Action == "access.update" && e.SubjectID == rep.ID)
		}
		if !found {
			t.Error("the role change is not in the audit log")
		}
		// With a second coordinator, the first may step down.
		if err := a.SetAccessRole(ctx, coord, c.ID, rep.ID, domain.AccessCoordinator); err != nil {
			t.Fatal(err)
		}
		if err := a.SetAccessRole(ctx, coord, c.ID, coord.ID, domain.AccessObserver); err != nil {
			t.Errorf("a coordinator could not step down while another remains: %v", err)
		}
	})
}
