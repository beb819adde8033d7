package app_test

import (
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// Derived ties (here co-credit on a win) are listed apart and never enter the figures.
func TestEcosystem_DerivedTiesApart(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := mustUser(t, a, "coord@example.org", false)
		c := mustCoalition(t, a, coord, "Transit")
		repA, mA := join(t, a, coord, c, "Alpha", "alpha@example.org", domain.RoleMember, true)
		_, mB := join(t, a, coord, c, "Beta", "beta@example.org", domain.RoleMember, false)
		_, mC := join(t, a, coord, c, "Gamma", "gamma@example.org", domain.RoleMember, false)
		if _, err := a.RecordRelationship(ctx, repA, c.ID, domain.Relationship{OrganizationID: mA.OrganizationID,
			OtherOrganizationID: mB.OrganizationID, Kind: "funding", Depth: 4}); err != nil {
			t.Fatal(err)
		}
		_, err := a.CreateWin(ctx, coord, c.ID, domain.Win{Date: "2026-01-10", Title: "Bus lane", Kind: "policy", Size: "major",
			Credits: []domain.Credit{{OrganizationID: mB.OrganizationID, Weight: 1}, {OrganizationID: mC.OrganizationID, Weight: 1}}})
		if err != nil {
			t.Fatal(err)
		}
		e, err := a.Ecosystem(ctx, repA, app.EcosystemScope{CoalitionIDs: []string{c.ID}})
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Derived) != 1 || e.Derived[0].Source != app.DerivedWin || e.Derived[0].Count != 1 ||
			e.Derived[0].AName == "" || e.Derived[0].BName == "" {
			t.Errorf("derived = %+v", e.Derived)
		}
		// Three organizations, one declared tie: density 2·1/(3·2) = 1/3, two components.
		if e.Figures.Ties != 1 || e.Figures.Density != 1.0/3 || len(e.Figures.Components) != 2 {
			t.Errorf("figures: ties %d density %v components %d", e.Figures.Ties, e.Figures.Density, len(e.Figures.Components))
		}
		for _, n := range e.Nodes {
			if n.Name == "Alpha" && !n.MostImpacted {
				t.Error("Alpha is most impacted in the coalition")
			}
		}
		_, err = a.Ecosystem(ctx, repA, app.EcosystemScope{Deployment: true})
		wantCode(t, err, domain.EFORBIDDEN)
	})
}

// Alpha–Beta recorded on 1 March at depth 2 and deepened to 4 on 10 March; Beta–Gamma
// recorded on 10 March. Since 5 March: one gained (Beta–Gamma), one deepened (2 → 4);
// ties 1 → 2.
func TestEcosystemChanges(t *testing.T) {
	db := storetest.MustOpenDB(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	a := newApp(t, db)
	coord := mustUser(t, a, "coord@example.org", false)
	c := mustCoalition(t, a, coord, "Transit")
	repA, mA := join(t, a, coord, c, "Alpha", "alpha@example.org", domain.RoleMember, false)
	repB, mB := join(t, a, coord, c, "Beta", "beta@example.org", domain.RoleMember, false)
	_, mC := join(t, a, coord, c, "Gamma", "gamma@example.org", domain.RoleMember, false)
	ab, err := a.RecordRelationship(ctx, repA, c.ID, domain.Relationship{OrganizationID: mA.OrganizationID, OtherOrganizationID: mB.OrganizationID, Kind: "other", Depth: 2})
	if err != nil {
		t.Fatal(err)
	}
	now = now.AddDate(0, 0, 9)
	if _, err := a.UpdateRelationship(ctx, repA, c.ID, ab.ID, app.RelationshipChange{Kind: "other", Depth: 4}, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := a.RecordRelationship(ctx, repB, c.ID, domain.Relationship{OrganizationID: mB.OrganizationID, OtherOrganizationID: mC.OrganizationID, Kind: "other", Depth: 3}); err != nil {
		t.Fatal(err)
	}
	ch, err := a.EcosystemChanges(ctx, coord, app.EcosystemScope{CoalitionIDs: []string{c.ID}}, time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if ch.Then.Figures.Ties != 1 || ch.Now.Figures.Ties != 2 || len(ch.Gained) != 1 || len(ch.Deepened) != 1 || len(ch.Lost) != 0 {
		t.Fatalf("changes: then %d now %d gained %d deepened %d lost %d", ch.Then.Figures.Ties, ch.Now.Figures.Ties, len(ch.Gained), len(ch.Deepened), len(ch.Lost))
	}
	if d := ch.Deepened[0]; d.DepthThen != 2 || d.Depth != 4 {
		t.Errorf("deepened %+v", d)
	}
	if g := ch.Gained[0]; g.AName+g.BName != "BetaGamma" && g.AName+g.BName != "GammaBeta" {
		t.Errorf("gained %+v", g)
	}
}

// Every derived source counts what the records show: Alpha and Beta share two workstreams,
// a meeting (Gamma was there too) and a letter they both signed; a pending or withdrawn
// signature counts for nothing.
func TestEcosystem_DerivedSources(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := newApp(t, db)
		coord := mustUser(t, a, "coord@example.org", false)
		c := mustCoalition(t, a, coord, "Transit")
		repA, mA := join(t, a, coord, c, "Alpha", "alpha@example.org", domain.RoleMember, true)
		repB, mB := join(t, a, coord, c, "Beta", "beta@example.org", domain.RoleMember, false)
		repC, mC := join(t, a, coord, c, "Gamma", "gamma@example.org", domain.RoleMember, false)
		for _, name := range []string{"Organizing", "Research"} {
			ws, err := a.CreateWorkstream(ctx, coord, c.ID, app.WorkstreamText{Name: name})
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range []*domain.Membership{mA, mB} {
				if _, err := a.AddSeat(ctx, coord, c.ID, ws.ID, app.Seat{OrganizationID: m.OrganizationID, Role: domain.RoleWorkstreamMember}); err != nil {
					t.Fatal(err)
				}
			}
		}
		start := time.Date(2026, 2, 3, 18, 0, 0, 0, time.UTC)
		meeting, err := a.CreateMeeting(ctx, coord, c.ID, app.MeetingInput{Title: "Monthly", Kind: domain.MeetingKindMeeting, StartsAt: start, EndsAt: start.Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range []*domain.Membership{mA, mB, mC} {
			if _, err := a.RecordAttendance(ctx, coord, c.ID, meeting.ID, app.AttendanceInput{OrganizationID: m.OrganizationID}); err != nil {
				t.Fatal(err)
			}
		}
		l, err := a.CreateLetter(ctx, coord, c.ID, app.LetterText{Title: "Fund buses", Body: "We ask."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.OpenLetter(ctx, coord, c.ID, l.ID, 1); err != nil {
			t.Fatal(err)
		}
		for rep, m := range map[*domain.User]*domain.Membership{repA: mA, repB: mB, repC: mC} {
			if _, err := a.SignAsMember(ctx, rep, c.ID, l.ID, m.OrganizationID); err != nil {
				t.Fatal(err)
			}
		}
		sigs, _ := a.Letter(ctx, coord, c.ID, l.ID)
		for _, g := range sigs.Signatures {
			if g.OrganizationID == mC.OrganizationID {
				if err := a.WithdrawSignature(ctx, repC, c.ID, l.ID, g.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
		e, err := a.Ecosystem(ctx, repA, app.EcosystemScope{CoalitionIDs: []string{c.ID}})
		if err != nil {
			t.Fatal(err)
		}
		name := map[string]string{mA.OrganizationID: "Alpha", mB.OrganizationID: "Beta", mC.OrganizationID: "Gamma"}
		got := map[string]int{}
		for _, d := range e.Derived {
			pair := []string{name[d.A], name[d.B]}
			if pair[0] > pair[1] {
				pair[0], pair[1] = pair[1], pair[0]
			}
			got[d.Source+" "+pair[0]+"-"+pair[1]] = d.Count
		}
		want := map[string]int{"workstream Alpha-Beta": 2, "meeting Alpha-Beta": 1, "meeting Alpha-Gamma": 1, "meeting Beta-Gamma": 1, "sign_on Alpha-Beta": 1}
		if len(got) != len(want) {
			t.Errorf("derived = %v, want %v", got, want)
		}
		for k, n := range want {
			if got[k] != n {
				t.Errorf("%s = %d, want %d (all: %v)", k, got[k], n, got)
			}
		}
		if e.Figures.Ties != 0 {
			t.Errorf("derived ties entered the figures: %d ties", e.Figures.Ties)
		}
	})
}
