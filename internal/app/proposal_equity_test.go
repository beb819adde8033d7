package app_test

import (
	"math"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// TestVoiceDimensions checks the proposals_authored and stances dimensions against counts
// worked by hand. Four member organizations; org 1 is flagged most impacted.
//
//	org  proposes        stances (on p1, p2)
//	1    p1              p1, p2 (changed twice on p2: still one stance)
//	2    p2              p1
//	3    a draft only    p2
//	4    –               –
//
// proposals_authored: [1, 1, 0, 0], total 2 (the draft never opened does not count).
// stances: [2, 1, 1, 0], total 4. most_impacted=yes (org 1): share 2/4 = 0.5, membership
// share 1/4, ratio 2. Gini of [2,1,1,0]: Σ|xi−xj| over ordered pairs = 2·(1+1+2+0+1+1) = 12,
// 2·n²·mean = 2·16·1 = 32 → 0.375.
func TestVoiceDimensions(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newVoiceWorld(t, a, a.DB(), 4)
		m := w.members[0]
		m, err := a.Membership(ctx, w.coord, w.c.ID, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		m.MostImpacted = true
		if err := a.DB().Write(ctx, func(tx *store.Tx) error { return tx.UpdateMembership(ctx, m, m.Version) }); err != nil {
			t.Fatal(err)
		}
		propose := func(i int, open bool) *domain.Proposal {
			p, err := a.CreateProposal(ctx, w.reps[i], w.c.ID, app.ProposalInput{Title: "P", Body: "B", Method: "consent", Quorum: 0.5,
				ClosesAt: w.now.Add(time.Hour), Open: open})
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		p1, p2 := propose(0, true), propose(1, true)
		propose(2, false)
		w.stance(t, p1, 0, pos("agree"))
		w.stance(t, p2, 0, pos("agree"))
		w.stance(t, p2, 0, pos("disagree"))
		w.stance(t, p2, 0, pos("stand_aside"))
		w.stance(t, p1, 1, pos("agree"))
		w.stance(t, p2, 2, pos("abstain"))

		authored, err := a.EquityReport(ctx, w.coord, w.c.ID, domain.DimensionProposalsAuthored, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if authored.Total != 2 || authored.Members != 4 {
			t.Errorf("proposals_authored: total %v of %d members, want 2 of 4", authored.Total, authored.Members)
		}
		stances, err := a.EquityReport(ctx, w.coord, w.c.ID, domain.DimensionStances, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if stances.Total != 4 {
			t.Fatalf("stances total %v, want 4", stances.Total)
		}
		for _, g := range stances.Groups {
			if g.Attribute == "most_impacted" && g.Value == "yes" && (g.Share == nil || *g.Share != 0.5 || *g.Ratio != 2) {
				t.Errorf("most_impacted=yes: share %v ratio %v, want 0.5 and 2", g.Share, g.Ratio)
			}
		}
		if g := stances.Concentration.Gini; g == nil || math.Abs(*g-0.375) > 1e-12 {
			t.Errorf("Gini %v, want 0.375", g)
		}
		// A period that ends before the proposals opened has none of them.
		before := voiceT0.Add(-time.Hour)
		early, err := a.EquityReport(ctx, w.coord, w.c.ID, domain.DimensionStances, nil, &before)
		if err != nil || early.Total != 0 {
			t.Errorf("before they opened: total %v (%v), want 0", early.Total, err)
		}
	})
}
