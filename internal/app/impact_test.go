package app_test

import (
	"math"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// TestImpact_HandComputed builds a coalition's year on a fixed clock and checks every
// figure of the impact page against values counted by hand.
//
// Members (all active): A (most impacted; St. Paul, housing), B (st. paul and
// Minneapolis, Transit), C, D. Pairs: 4·3/2 = 6.
// Relationships: A–B depth 4 recorded 2025-08-01, B–C depth 2 recorded 2025-12-01.
// Trend at 2025-01-01, 04-01, 07-01, 10-01 and now (2026-01-01): 0, 0, 0, 1 (mean 4),
// 2 (mean (4+2)/2 = 3); one tie touches A (most impacted); none confirmed by both sides.
// Alignment: A and B signed the letter (co-signed {A,B}); on the December proposal A
// and C agreed, B abstained, D disagreed (co-voted {A,C}); aligned 2 of 6 = 1/3, both
// pairs include A. Power: 4 members, 1 most impacted, geographies St. Paul and
// Minneapolis (2, case folded), issue areas housing and Transit (2), one organization
// outside signed. Wins: 2025-11-15 (A and B, equal credit: A's share 0.5) and 2025-03-01
// (C) in the last twelve months, 2024-06-01 before: 2 and 1; most-impacted credit
// 0.5 / 2 = 0.25.
func TestImpact_HandComputed(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		now := time.Date(2025, 8, 1, 12, 0, 0, 0, time.UTC)
		a.DB().Now = func() time.Time { return now }
		coord := mustUser(t, a, "coord@example.org", false)
		c := mustCoalition(t, a, coord, "Impact")
		repA, mA := join(t, a, coord, c, "A", "a@example.org", domain.RoleMember, true)
		repB, mB := join(t, a, coord, c, "B", "b@example.org", domain.RoleMember, false)
		repC, mC := join(t, a, coord, c, "C", "c@example.org", domain.RoleMember, false)
		repD, _ := join(t, a, coord, c, "D", "d@example.org", domain.RoleMember, false)
		for rep, m := range map[*domain.User]*domain.Membership{repA: mA, repB: mB} {
			o := *m.Organization
			if m == mA {
				o.Geographies, o.IssueAreas = []string{"St. Paul"}, []string{"housing"}
			} else {
				o.Geographies, o.IssueAreas = []string{"st. paul", "Minneapolis"}, []string{"Transit"}
			}
			if _, err := a.UpdateOrganization(ctx, rep, o, o.Version); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := a.RecordRelationship(ctx, repA, c.ID, domain.Relationship{OrganizationID: mA.OrganizationID,
			OtherOrganizationID: mB.OrganizationID, Kind: "worked_together", Depth: 4}); err != nil {
			t.Fatal(err)
		}
		now = time.Date(2025, 12, 1, 12, 0, 0, 0, time.UTC)
		if _, err := a.RecordRelationship(ctx, repB, c.ID, domain.Relationship{OrganizationID: mB.OrganizationID,
			OtherOrganizationID: mC.OrganizationID, Kind: "mentoring", Depth: 2}); err != nil {
			t.Fatal(err)
		}
		now = time.Date(2025, 12, 10, 12, 0, 0, 0, time.UTC)
		p, err := a.CreateProposal(ctx, coord, c.ID, app.ProposalInput{Title: "Endorse", Body: "Text.", Method: "majority", Quorum: 0.5,
			ClosesAt: now.Add(24 * time.Hour), Open: true})
		if err != nil {
			t.Fatal(err)
		}
		for rep, position := range map[*domain.User]string{repA: "agree", repC: "agree", repB: "abstain", repD: "disagree"} {
			if _, err := a.TakeStance(ctx, rep, c.ID, p.ID, app.StanceInput{Position: position}); err != nil {
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
		for rep, m := range map[*domain.User]*domain.Membership{repA: mA, repB: mB} {
			if _, err := a.SignAsMember(ctx, rep, c.ID, l.ID, m.OrganizationID); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := a.SignFromOutside(ctx, l.ID, domain.Signature{OrganizationName: "Riders", City: "Duluth", ContactName: "Lee",
			ContactEmail: "lee@example.org"}, "http://braid.test"); err != nil {
			t.Fatal(err)
		}
		box := &outbox{}
		if _, err := a.DeliverMail(ctx, box, 10); err != nil || len(box.sent) != 1 {
			t.Fatalf("mail: %v %+v", err, box.sent)
		}
		if _, err := a.ConfirmSignature(ctx, tokenInLink.FindStringSubmatch(box.sent[0].Body)[1]); err != nil {
			t.Fatal(err)
		}
		for _, w := range []domain.Win{
			{Date: "2025-11-15", Title: "Bus lane", Kind: "policy", Size: "major", Credits: []domain.Credit{{OrganizationID: mA.OrganizationID, Weight: 1}, {OrganizationID: mB.OrganizationID, Weight: 1}}},
			{Date: "2025-03-01", Title: "Op-ed", Kind: "narrative", Size: "short_term", Credits: []domain.Credit{{OrganizationID: mC.OrganizationID, Weight: 1}}},
			{Date: "2024-06-01", Title: "First meeting", Kind: "relationship", Size: "short_term"},
		} {
			if _, err := a.CreateWin(ctx, coord, c.ID, w); err != nil {
				t.Fatal(err)
			}
		}

		now = time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
		got, err := a.Impact(ctx, repD, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantTrend := []app.RelationshipPoint{{"2025-01-01", 0, 0}, {"2025-04-01", 0, 0}, {"2025-07-01", 0, 0}, {"2025-10-01", 1, 4}, {"2026-01-01", 2, 3}}
		if len(got.Relationships.Trend) != len(wantTrend) {
			t.Fatalf("trend = %+v", got.Relationships.Trend)
		}
		for i, w := range wantTrend {
			if got.Relationships.Trend[i] != w {
				t.Errorf("trend[%d] = %+v, want %+v", i, got.Relationships.Trend[i], w)
			}
		}
		if r := got.Relationships; r.TouchingMostImpacted != 1 || r.Confirmed != 0 {
			t.Errorf("relationships = %+v", r)
		}
		al := got.Alignment
		if al.Pairs != 6 || al.CoSigned != 1 || al.CoVoted != 1 || al.Aligned != 2 || math.Abs(al.Share-1.0/3) > 1e-12 ||
			al.Proposals != 1 || al.Letters != 1 || al.AlignedWithMostImpacted != 2 {
			t.Errorf("alignment = %+v", al)
		}
		pw := got.Power
		if pw.Members != 4 || pw.MostImpacted != 1 || len(pw.Geographies) != 2 || len(pw.IssueAreas) != 2 || pw.OutsideSigners != 1 {
			t.Errorf("power = %+v", pw)
		}
		wn := got.Wins
		if wn.LastTwelveMonths != 2 || wn.PreviousTwelve != 1 || wn.ByKind["policy"] != 1 || wn.ByKind["narrative"] != 1 || wn.CreditMostImpacted != 0.25 {
			t.Errorf("wins = %+v", wn)
		}
		_, err = a.Impact(ctx, mustUser(t, a, "stranger@example.org", false), c.ID)
		wantCode(t, err, domain.ENOTFOUND)
	})
}
