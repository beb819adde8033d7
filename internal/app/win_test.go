package app_test

import (
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// winWorld is a coalition with two member organizations and a stranger organization that
// belongs only to another coalition.
type winWorld struct {
	coord, rep   *domain.User
	c, other     *domain.Coalition
	one, two     *domain.Membership
	strangerOrg  string
	strangerUser *domain.User
}

func newWinWorld(t *testing.T, a *app.App) winWorld {
	t.Helper()
	var w winWorld
	w.coord = mustUser(t, a, "coord@example.org", false)
	w.c = mustCoalition(t, a, w.coord, "Clean Air")
	w.rep, w.one = join(t, a, w.coord, w.c, "Org One", "one@example.org", domain.RoleMember, true)
	_, w.two = join(t, a, w.coord, w.c, "Org Two", "two@example.org", domain.RoleMember, false)
	w.strangerUser = mustUser(t, a, "b@example.org", false)
	w.other = mustCoalition(t, a, w.strangerUser, "Other")
	_, m := join(t, a, w.strangerUser, w.other, "Org B", "orgb@example.org", domain.RoleMember, false)
	w.strangerOrg = m.OrganizationID
	return w
}

func (w winWorld) win(credits ...domain.Credit) domain.Win {
	return domain.Win{Date: "2025-02-10", Title: "Ordinance passed", Kind: "policy", Size: "major", Description: "7–2", Credits: credits}
}

func TestWin_CreateWithTwoCredits(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWinWorld(t, a)
		got, err := a.CreateWin(ctx, w.rep, w.c.ID, w.win(
			domain.Credit{OrganizationID: w.one.OrganizationID, Contribution: "Drafted it", Weight: 3},
			domain.Credit{OrganizationID: w.two.OrganizationID, Contribution: "Turned out people", Weight: 1}))
		if err != nil {
			t.Fatal(err)
		}
		if got.CreatedBy != w.rep.ID || got.Version != 1 || len(got.Credits) != 2 || got.Credits[0].OrganizationName != "Org One" {
			t.Errorf("created %+v", got)
		}
		// Shares: 3/(3+1) = 0.75 and 1/4 = 0.25.
		if s := got.Share(); s[w.one.OrganizationID] != 0.75 || s[w.two.OrganizationID] != 0.25 {
			t.Errorf("shares %v, want 0.75 and 0.25", s)
		}
		// The same win again (a double submit) is refused and writes nothing.
		_, err = a.CreateWin(ctx, w.coord, w.c.ID, w.win())
		wantCode(t, err, domain.ECONFLICT)
		wins, err := a.Wins(ctx, w.coord, w.c.ID)
		if err != nil || len(wins) != 1 {
			t.Fatalf("wins %v, %v; want one", wins, err)
		}
		// Another coalition's coordinator cannot see it, even by its id.
		_, err = a.Win(ctx, w.strangerUser, w.c.ID, got.ID)
		wantCode(t, err, domain.ENOTFOUND)
		_, err = a.Win(ctx, w.strangerUser, w.other.ID, got.ID)
		wantCode(t, err, domain.ENOTFOUND)
	})
}

func TestWin_BadInputWritesNothing(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWinWorld(t, a)
		one, two := w.one.OrganizationID, w.two.OrganizationID
		cases := []struct {
			name  string
			win   domain.Win
			field string
		}{
			{"negative weight", w.win(domain.Credit{OrganizationID: one, Weight: 2}, domain.Credit{OrganizationID: two, Weight: -1}), "/credits/1/weight"},
			{"all weights zero", w.win(domain.Credit{OrganizationID: one, Weight: 0}, domain.Credit{OrganizationID: two, Weight: 0}), "credits"},
			{"credit to a non-member", w.win(domain.Credit{OrganizationID: w.strangerOrg, Weight: 1}), "/credits/0/organization_id"},
			{"credit to no organization", w.win(domain.Credit{OrganizationID: "nope", Weight: 1}), "/credits/0/organization_id"},
			{"same organization twice", w.win(domain.Credit{OrganizationID: one, Weight: 1}, domain.Credit{OrganizationID: one, Weight: 1}), "/credits/1/organization_id"},
			{"weight too large", w.win(domain.Credit{OrganizationID: one, Weight: 1e9}), "/credits/0/weight"},
			{"no title", domain.Win{Date: "2025-01-01", Kind: "policy", Size: "major"}, "title"},
			{"bad date", domain.Win{Date: "2025-13-01", Title: "x", Kind: "policy", Size: "major"}, "date"},
			{"unknown kind", domain.Win{Date: "2025-01-01", Title: "x", Kind: "vibes", Size: "major"}, "kind"},
			{"unknown size", domain.Win{Date: "2025-01-01", Title: "x", Kind: "policy", Size: "huge"}, "size"},
		}
		for _, tc := range cases {
			_, err := a.CreateWin(ctx, w.coord, w.c.ID, tc.win)
			wantCode(t, err, domain.EINVALID)
			found := false
			for _, f := range domain.ErrorFields(err) {
				found = found || f.Field == tc.field
			}
			if !found {
				t.Errorf("%s: fields %v, want %s", tc.name, domain.ErrorFields(err), tc.field)
			}
		}
		wins, err := a.Wins(ctx, w.coord, w.c.ID)
		if err != nil || len(wins) != 0 {
			t.Errorf("after refused input: %d wins, %v", len(wins), err)
		}
	})
}

func TestWin_WhoMayRecord(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWinWorld(t, a)
		_, err := a.CreateWin(ctx, w.strangerUser, w.c.ID, w.win())
		wantCode(t, err, domain.ENOTFOUND)
		_, err = a.CreateWin(ctx, nil, w.c.ID, w.win())
		wantCode(t, err, domain.EUNAUTHORIZED)
		observer := w.rep // Org One's representative, made an observer
		if err := a.SetAccessRole(ctx, w.coord, w.c.ID, observer.ID, domain.AccessObserver); err != nil {
			t.Fatalf("make an observer: %v", err)
		}
		_, err = a.CreateWin(ctx, observer, w.c.ID, w.win())
		wantCode(t, err, domain.EFORBIDDEN)
	})
}

func TestWin_Update(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWinWorld(t, a)
		one, two := w.one.OrganizationID, w.two.OrganizationID
		created, err := a.CreateWin(ctx, w.coord, w.c.ID, w.win(domain.Credit{OrganizationID: one, Weight: 1}))
		if err != nil {
			t.Fatal(err)
		}
		change := w.win(domain.Credit{OrganizationID: one, Weight: 1}, domain.Credit{OrganizationID: two, Contribution: "Testified"})
		change.ID, change.Public = created.ID, true
		change.Credits[1].Weight = 1
		got, err := a.UpdateWin(ctx, w.rep, w.c.ID, change, 1)
		if err != nil {
			t.Fatal(err)
		}
		if got.Version != 2 || !got.Public || len(got.Credits) != 2 {
			t.Errorf("updated %+v", got)
		}
		_, err = a.UpdateWin(ctx, w.rep, w.c.ID, change, 1)
		wantCode(t, err, domain.EPRECONDITION)
		bad := change
		bad.Credits = []domain.Credit{{OrganizationID: one, Weight: -2}}
		_, err = a.UpdateWin(ctx, w.rep, w.c.ID, bad, 2)
		wantCode(t, err, domain.EINVALID)
		missing := change
		missing.ID = "nope"
		_, err = a.UpdateWin(ctx, w.rep, w.c.ID, missing, 2)
		wantCode(t, err, domain.ENOTFOUND)
		_, err = a.UpdateWin(ctx, w.strangerUser, w.other.ID, change, 2)
		wantCode(t, err, domain.ENOTFOUND)
		still, err := a.Win(ctx, w.coord, w.c.ID, created.ID)
		if err != nil || still.Version != 2 || len(still.Credits) != 2 {
			t.Errorf("after refused updates: %+v, %v", still, err)
		}
	})
}

func TestWin_Delete(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWinWorld(t, a)
		one, two := w.one.OrganizationID, w.two.OrganizationID
		created, err := a.CreateWin(ctx, w.coord, w.c.ID, w.win(domain.Credit{OrganizationID: one, Weight: 1}, domain.Credit{OrganizationID: two, Weight: 3}))
		if err != nil {
			t.Fatal(err)
		}
		wantCode(t, a.DeleteWin(ctx, w.rep, w.c.ID, created.ID, 2), domain.EPRECONDITION)
		wantCode(t, a.DeleteWin(ctx, w.strangerUser, w.c.ID, created.ID, 1), domain.ENOTFOUND)
		wantCode(t, a.DeleteWin(ctx, w.strangerUser, w.other.ID, created.ID, 1), domain.ENOTFOUND)
		wantCode(t, a.DeleteWin(ctx, nil, w.c.ID, created.ID, 1), domain.EUNAUTHORIZED)
		if _, err := a.Win(ctx, w.coord, w.c.ID, created.ID); err != nil {
			t.Fatalf("refused deletes removed the win: %v", err)
		}
		if err := a.DeleteWin(ctx, w.rep, w.c.ID, created.ID, 1); err != nil {
			t.Fatal(err)
		}
		_, err = a.Win(ctx, w.coord, w.c.ID, created.ID)
		wantCode(t, err, domain.ENOTFOUND)
		wantCode(t, a.DeleteWin(ctx, w.rep, w.c.ID, created.ID, 1), domain.ENOTFOUND)
		// Its credits went with it: the credit dimension has nothing left to count.
		r, err := a.EquityReport(ctx, w.coord, w.c.ID, "credit", nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != 0 {
			t.Errorf("credit total after delete = %v, want 0", r.Total)
		}
	})
}

func TestPublicWins_NameOnlyListedOrganizations(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWinWorld(t, a)
		// Org One chooses to be listed; Org Two stays unlisted (the default).
		org, _, err := a.Organization(ctx, w.rep, w.one.OrganizationID)
		if err != nil {
			t.Fatal(err)
		}
		org.Visibility.Listed = true
		if _, err := a.UpdateOrganization(ctx, w.rep, *org, org.Version); err != nil {
			t.Fatal(err)
		}
		pub := w.win(domain.Credit{OrganizationID: w.one.OrganizationID, Contribution: "Drafted it", Weight: 1},
			domain.Credit{OrganizationID: w.two.OrganizationID, Contribution: "Turned out people", Weight: 1})
		pub.Public = true
		if _, err := a.CreateWin(ctx, w.coord, w.c.ID, pub); err != nil {
			t.Fatal(err)
		}
		private := w.win()
		private.Title = "Internal milestone"
		if _, err := a.CreateWin(ctx, w.coord, w.c.ID, private); err != nil {
			t.Fatal(err)
		}
		page, err := a.PublicCoalitionPage(ctx, w.c.Slug)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Wins) != 1 || page.Wins[0].Title != "Ordinance passed" {
			t.Fatalf("public wins %+v, want only the ordinance", page.Wins)
		}
		want := []app.PublicCredit{{OrganizationName: "Org One", Contribution: "Drafted it"}, {OrganizationName: "", Contribution: "Turned out people"}}
		if got := page.Wins[0].Credits; len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("credit lines %+v, want %+v", got, want)
		}
	})
}

func TestPhase_MoveNeedsRetrospective(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWinWorld(t, a)
		today := time.Now().UTC().Format(time.DateOnly)
		bad := []struct {
			name  string
			move  app.PhaseMove
			code  string
			field string
		}{
			{"no retrospective", app.PhaseMove{ToPhase: "campaign"}, domain.EINVALID, "learned"},
			{"nothing carried forward", app.PhaseMove{ToPhase: "campaign", Learned: "Much"}, domain.EINVALID, "carry_forward"},
			{"blank retrospective", app.PhaseMove{ToPhase: "campaign", Learned: "  ", CarryForward: "\n"}, domain.EINVALID, "learned"},
			{"unknown phase", app.PhaseMove{ToPhase: "victory", Learned: "x", CarryForward: "y"}, domain.EINVALID, "to_phase"},
			{"same phase", app.PhaseMove{ToPhase: "forming", Learned: "x", CarryForward: "y"}, domain.ECONFLICT, "to_phase"},
			{"in the future", app.PhaseMove{ToPhase: "campaign", On: "2999-01-01", Learned: "x", CarryForward: "y"}, domain.EINVALID, "on"},
			{"bad day", app.PhaseMove{ToPhase: "campaign", On: "yesterday", Learned: "x", CarryForward: "y"}, domain.EINVALID, "on"},
		}
		for _, tc := range bad {
			_, err := a.MovePhase(ctx, w.coord, w.c.ID, tc.move)
			if domain.ErrorCode(err) != tc.code || len(domain.ErrorFields(err)) == 0 || domain.ErrorFields(err)[0].Field != tc.field {
				t.Errorf("%s: %v (fields %v), want %s on %s", tc.name, err, domain.ErrorFields(err), tc.code, tc.field)
			}
		}
		// Only coordinators move phases.
		_, err := a.MovePhase(ctx, w.rep, w.c.ID, app.PhaseMove{ToPhase: "campaign", Learned: "x", CarryForward: "y"})
		wantCode(t, err, domain.EFORBIDDEN)
		_, err = a.MovePhase(ctx, w.strangerUser, w.c.ID, app.PhaseMove{ToPhase: "campaign", Learned: "x", CarryForward: "y"})
		wantCode(t, err, domain.ENOTFOUND)
		if moves, _ := a.PhaseChanges(ctx, w.coord, w.c.ID); len(moves) != 0 {
			t.Fatalf("refused moves were stored: %+v", moves)
		}

		move := app.PhaseMove{ToPhase: "campaign", On: "2025-01-15", Learned: "Trust takes time", CarryForward: "Monthly meals"}
		pc, err := a.MovePhase(ctx, w.coord, w.c.ID, move)
		if err != nil {
			t.Fatal(err)
		}
		if pc.FromPhase != "forming" || pc.ToPhase != "campaign" || pc.CreatedBy != w.coord.ID {
			t.Errorf("move %+v", pc)
		}
		// Submitting the same move again changes nothing.
		_, err = a.MovePhase(ctx, w.coord, w.c.ID, move)
		wantCode(t, err, domain.ECONFLICT)
		_, err = a.MovePhase(ctx, w.coord, w.c.ID, app.PhaseMove{ToPhase: "movement", On: "2025-01-01", Learned: "x", CarryForward: "y"})
		wantCode(t, err, domain.EINVALID)
		pc2, err := a.MovePhase(ctx, w.coord, w.c.ID, app.PhaseMove{ToPhase: "movement", Learned: "Wins build trust", CarryForward: "The base"})
		if err != nil {
			t.Fatal(err)
		}
		if pc2.On != today || pc2.FromPhase != "campaign" {
			t.Errorf("second move %+v, want from campaign on %s", pc2, today)
		}
		c, _, err := a.Coalition(ctx, w.coord, w.c.ID)
		if err != nil || c.Phase != "movement" {
			t.Fatalf("coalition phase %q, %v", c.Phase, err)
		}
		moves, err := a.PhaseChanges(ctx, w.coord, w.c.ID)
		if err != nil || len(moves) != 2 {
			t.Fatalf("moves %+v, %v", moves, err)
		}
		log, err := a.AuditLog(ctx, w.coord, w.c.ID, 0, 10)
		if err != nil || log[0].Action != "phase.move" {
			t.Errorf("audit %+v, %v", log, err)
		}
	})
}

// Editing a coalition keeps its phase; a different phase is refused, not applied.
func TestPhase_EditDoesNotMove(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWinWorld(t, a)
		edit := *w.c
		edit.Goal, edit.Phase = "A new goal", ""
		c, err := a.UpdateCoalition(ctx, w.coord, edit, w.c.Version)
		if err != nil || c.Phase != "forming" || c.Goal != "A new goal" {
			t.Fatalf("edit without phase: %+v, %v", c, err)
		}
		edit.Phase = "campaign"
		_, err = a.UpdateCoalition(ctx, w.coord, edit, c.Version)
		wantCode(t, err, domain.EINVALID)
		if f := domain.ErrorFields(err); len(f) != 1 || f[0].Field != "phase" {
			t.Errorf("fields %v, want phase", f)
		}
		edit.Phase = "forming"
		if _, err := a.UpdateCoalition(ctx, w.coord, edit, c.Version); err != nil {
			t.Errorf("edit naming the current phase: %v", err)
		}
	})
}

func TestTimeline_PhasesWithTheirWins(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWinWorld(t, a)
		for _, win := range []domain.Win{
			{Date: "2024-12-01", Title: "First gathering", Kind: "relationship", Size: "short_term"},
			{Date: "2025-01-15", Title: "Press coverage", Kind: "narrative", Size: "short_term"},
			{Date: "2025-03-01", Title: "Hearing scheduled", Kind: "policy", Size: "milestone"},
		} {
			if _, err := a.CreateWin(ctx, w.coord, w.c.ID, win); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range []app.PhaseMove{
			{ToPhase: "campaign", On: "2025-01-15", Learned: "Trust", CarryForward: "Meals"},
			{ToPhase: "movement", On: "2025-02-20", Learned: "Power", CarryForward: "Base"},
		} {
			if _, err := a.MovePhase(ctx, w.coord, w.c.ID, m); err != nil {
				t.Fatal(err)
			}
		}
		tl, err := a.Timeline(ctx, w.rep, w.c.ID)
		if err != nil {
			t.Fatal(err)
		}
		type period struct{ phase, from, to, left string }
		want := []struct {
			period
			wins []string
		}{
			{period{"forming", "", "2025-01-15", "Trust"}, []string{"First gathering"}},
			// A win on the day of a move belongs to the phase entered that day.
			{period{"campaign", "2025-01-15", "2025-02-20", "Power"}, []string{"Press coverage"}},
			{period{"movement", "2025-02-20", "", ""}, []string{"Hearing scheduled"}},
		}
		if len(tl.Periods) != len(want) {
			t.Fatalf("%d periods, want %d: %+v", len(tl.Periods), len(want), tl.Periods)
		}
		for i, p := range tl.Periods {
			left := ""
			if p.Left != nil {
				left = p.Left.Learned
			}
			got := period{p.Phase, p.From, p.To, left}
			var titles []string
			for _, win := range p.Wins {
				titles = append(titles, win.Title)
			}
			if got != want[i].period || len(titles) != len(want[i].wins) || (len(titles) > 0 && titles[0] != want[i].wins[0]) {
				t.Errorf("period %d = %+v %v, want %+v %v", i, got, titles, want[i].period, want[i].wins)
			}
		}
		if nf := tl.NewestFirst(); nf[0].Phase != "movement" {
			t.Errorf("NewestFirst starts with %s", nf[0].Phase)
		}
	})
}

func TestThanks_VisibleToThoseWhoShareACoalition(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWinWorld(t, a)
		win, err := a.CreateWin(ctx, w.coord, w.c.ID, w.win(domain.Credit{OrganizationID: w.one.OrganizationID, Weight: 1}))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.SendThanks(ctx, w.rep, w.c.ID, win.ID, w.two.OrganizationID, "Thank you for the turnout."); err != nil {
			t.Fatal(err)
		}
		_, err = a.SendThanks(ctx, w.rep, w.c.ID, win.ID, w.strangerOrg, "x")
		wantFieldError(t, err, "organization_id")
		_, err = a.SendThanks(ctx, w.rep, w.c.ID, win.ID, w.two.OrganizationID, "   ")
		wantFieldError(t, err, "message")
		_, err = a.SendThanks(ctx, w.strangerUser, w.c.ID, win.ID, w.two.OrganizationID, "x")
		wantCode(t, err, domain.ENOTFOUND)
		seen, err := a.ThanksReceived(ctx, w.rep, w.two.OrganizationID)
		if err != nil || len(seen) != 1 || seen[0].WinTitle != win.Title || seen[0].CoalitionName != "Clean Air" {
			t.Errorf("member sees %+v, %v", seen, err)
		}
		if seen, _ := a.ThanksReceived(ctx, w.strangerUser, w.two.OrganizationID); len(seen) != 0 {
			t.Errorf("a stranger sees %+v", seen)
		}
		// Deleting the win keeps the thanks, without its win.
		if err := a.DeleteWin(ctx, w.coord, w.c.ID, win.ID, 1); err != nil {
			t.Fatal(err)
		}
		if seen, _ := a.ThanksReceived(ctx, w.rep, w.two.OrganizationID); len(seen) != 1 || seen[0].WinID != "" {
			t.Errorf("after the win's deletion: %+v", seen)
		}
	})
}
