package app_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// voiceWorld is a coalition with five member organizations, each with a representative,
// and one principle, over a database whose clock the test sets.
type voiceWorld struct {
	a         *app.App
	db        *store.DB
	now       *time.Time
	coord     *domain.User
	c         *domain.Coalition
	reps      []*domain.User
	members   []*domain.Membership
	principle *domain.Principle
}

var voiceT0 = time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)

func newVoiceWorld(t *testing.T, a *app.App, db *store.DB, orgs int) *voiceWorld {
	t.Helper()
	now := voiceT0
	db.Now = func() time.Time { return now }
	w := &voiceWorld{a: a, db: db, now: &now}
	w.coord = mustUser(t, a, fmt.Sprintf("coord-%d@example.org", time.Now().UnixNano()), false)
	w.c = mustCoalition(t, a, w.coord, "Voice "+w.coord.ID)
	for i := range orgs {
		u, m := join(t, a, w.coord, w.c, fmt.Sprintf("Org %d %s", i+1, w.c.ID), fmt.Sprintf("rep%d-%s@example.org", i+1, w.c.ID), "member", false)
		w.reps, w.members = append(w.reps, u), append(w.members, m)
	}
	var err error
	if w.principle, err = a.CreatePrinciple(ctx, w.coord, w.c.ID, app.PrincipleText{Title: "Those most impacted lead", Body: "…"}); err != nil {
		t.Fatal(err)
	}
	return w
}

// propose opens a proposal closing in one day.
func (w *voiceWorld) propose(t *testing.T, method string, quorum float64, options ...string) *domain.Proposal {
	t.Helper()
	p, err := w.a.CreateProposal(ctx, w.coord, w.c.ID, app.ProposalInput{Title: "Adopt the " + method + " plan", Body: "Text.",
		Method: method, Quorum: quorum, ClosesAt: w.now.Add(24 * time.Hour), Options: options, Open: true})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// optionIDs maps option labels to ids.
func optionIDs(p *domain.Proposal) map[string]string {
	ids := map[string]string{}
	for _, o := range p.Options {
		ids[o.Label] = o.ID
	}
	return ids
}

// stance has representative i take a stance for their organization.
func (w *voiceWorld) stance(t *testing.T, p *domain.Proposal, i int, in app.StanceInput) {
	t.Helper()
	if _, err := w.a.TakeStance(ctx, w.reps[i], w.c.ID, p.ID, in); err != nil {
		t.Fatalf("stance of rep %d: %v", i, err)
	}
}

// closeByClock moves the clock past the closing time and reads the proposal, which
// closes it.
func (w *voiceWorld) closeByClock(t *testing.T, p *domain.Proposal) *domain.Proposal {
	t.Helper()
	*w.now = p.ClosesAt.Add(time.Minute)
	d, err := w.a.Proposal(ctx, w.reps[0], w.c.ID, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Proposal.Status != domain.ProposalClosed || d.Proposal.Outcome == nil {
		t.Fatalf("after the closing time the proposal is %s", d.Proposal.Status)
	}
	if !d.Proposal.ClosedAt.Equal(p.ClosesAt) {
		t.Errorf("closed at %v, want the closing time %v", d.Proposal.ClosedAt, p.ClosesAt)
	}
	return d.Proposal
}

func pos(position string) app.StanceInput { return app.StanceInput{Position: position} }

// TestProposal_Methods counts each method through the application with five member
// organizations; expected results are worked by hand in each case's comment.
func TestProposal_Methods(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newVoiceWorld(t, a, a.DB(), 5)
		block := app.StanceInput{Position: "block", Reason: "It moves money away from tenants.", PrincipleID: w.principle.ID}
		cases := []struct {
			name, method string
			quorum       float64
			stances      []app.StanceInput // by representative; zero value = no stance
			result       string
			arithmetic   string // of the method's line (the second)
		}{
			// Quorum ⌈0.5 × 5⌉ = 3; 5 took part. Consent: 0 blocks, so it passes despite 1 disagree.
			{"consent passes with a concern", "consent", 0.5, []app.StanceInput{pos("agree"), pos("agree"), pos("agree"), pos("disagree"), pos("stand_aside")}, "passed", "0 = 0"},
			// One block stops consent: 1 > 0.
			{"consent blocked", "consent", 0.5, []app.StanceInput{pos("agree"), pos("agree"), pos("agree"), block, pos("agree")}, "blocked", "1 > 0"},
			// Consensus: 0 blocks, 0 disagree, 2 agree ≥ 1; stand-asides and abstentions do not stop it.
			{"consensus with stand-asides", "consensus", 0.5, []app.StanceInput{pos("agree"), pos("agree"), pos("stand_aside"), pos("stand_aside"), pos("abstain")}, "passed", "0 = 0; 0 = 0; 2 > 1"},
			// Consensus: one disagreement means no consensus.
			{"consensus fails on a disagreement", "consensus", 0.5, []app.StanceInput{pos("agree"), pos("agree"), pos("agree"), pos("disagree")}, "failed", "0 = 0; 1 > 0; 3 > 1"},
			// Majority: 2 agree = 2 against (abstention left out), a tie fails.
			{"majority tie fails", "majority", 0.5, []app.StanceInput{pos("agree"), pos("agree"), pos("disagree"), pos("disagree"), pos("abstain")}, "failed", "2 = 2"},
			// Majority: a block counts as disagree: against = 1 + 1 = 2; 3 > 2 passes.
			{"majority with a block", "majority", 0.5, []app.StanceInput{pos("agree"), pos("agree"), pos("agree"), pos("disagree"), block}, "passed", "1 + 1 = 2"},
			// Supermajority: 3 × 4 = 12 ≥ 10 = 2 × (4 + 1).
			{"supermajority passes", "supermajority", 0.5, []app.StanceInput{pos("agree"), pos("agree"), pos("agree"), pos("agree"), pos("disagree")}, "passed", "3 × 4 = 12 > 10 = 2 × (4 + 1)"},
			// Supermajority: 3 × 3 = 9 < 10 = 2 × (3 + 2).
			{"supermajority fails", "supermajority", 0.5, []app.StanceInput{pos("agree"), pos("agree"), pos("agree"), pos("disagree"), pos("disagree")}, "failed", "3 × 3 = 9 < 10 = 2 × (3 + 2)"},
			// Quorum ⌈0.75 × 5⌉ = ⌈3.75⌉ = 4; only 3 took part: 3 < 4.
			{"quorum not met", "consent", 0.75, []app.StanceInput{pos("agree"), pos("agree"), pos("agree")}, "no_quorum", "⌈0.75 × 5⌉ = 4; 3 < 4"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				p := w.propose(t, tc.method, tc.quorum)
				for i, s := range tc.stances {
					w.stance(t, p, i, s)
				}
				closed := w.closeByClock(t, p)
				o := closed.Outcome
				if o.Result != tc.result {
					t.Fatalf("result %s, want %s; explanation: %+v", o.Result, tc.result, o.Explanation)
				}
				line := o.Explanation[1]
				if tc.result == "no_quorum" {
					line = o.Explanation[0]
				}
				if line.Arithmetic != tc.arithmetic {
					t.Errorf("arithmetic %q, want %q", line.Arithmetic, tc.arithmetic)
				}
				*w.now = voiceT0
			})
		}
	})
}

// TestProposal_Polls counts a single-choice tie and a ranked-choice count worked by hand.
func TestProposal_Polls(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newVoiceWorld(t, a, a.DB(), 5)

		// Single choice: Library 2, Park 2, Clinic 0, one abstention: a tie between the two.
		p := w.propose(t, "poll_single", 0.5, "Library", "Park", "Clinic")
		id := optionIDs(p)
		w.stance(t, p, 0, app.StanceInput{Choice: id["Library"]})
		w.stance(t, p, 1, app.StanceInput{Choice: id["Park"]})
		w.stance(t, p, 2, app.StanceInput{Choice: id["Library"]})
		w.stance(t, p, 3, app.StanceInput{Choice: id["Park"]})
		w.stance(t, p, 4, pos("abstain"))
		o := w.closeByClock(t, p).Outcome
		tied := []string{id["Library"], id["Park"]}
		slices.Sort(tied)
		if o.Result != "tie" || !slices.Equal(o.Tied, tied) {
			t.Fatalf("single choice: %s %v, want tie %v", o.Result, o.Tied, tied)
		}
		*w.now = voiceT0

		// Ranked, by hand. Ballots: A>B, A>C, B>C, C>B, C>A.
		// Round 1: A 2, C 2, B 1 of 5 continuing; a majority needs 3. B has the fewest
		// and is eliminated; its one ballot (B>C) moves to C.
		// Round 2: C 3, A 2; 2 × 3 = 6 > 5, so C wins.
		p = w.propose(t, "poll_ranked", 0.5, "A", "B", "C")
		id = optionIDs(p)
		ballots := [][]string{{"A", "B"}, {"A", "C"}, {"B", "C"}, {"C", "B"}, {"C", "A"}}
		for i, b := range ballots {
			var ranking []string
			for _, label := range b {
				ranking = append(ranking, id[label])
			}
			w.stance(t, p, i, app.StanceInput{Ranking: ranking})
		}
		o = w.closeByClock(t, p).Outcome
		if o.Result != "winner" || o.Winner != id["C"] || len(o.Rounds) != 2 {
			t.Fatalf("ranked: %s winner %s after %d rounds, want C after 2", o.Result, o.Winner, len(o.Rounds))
		}
		r1, r2 := o.Rounds[0], o.Rounds[1]
		if r1.Eliminated != id["B"] || r1.Continuing != 5 || len(r1.Transfers) != 1 || r1.Transfers[0] != (domain.OptionTally{Option: id["C"], Votes: 1}) {
			t.Errorf("round 1: %+v", r1)
		}
		if r2.Tallies[0] != (domain.OptionTally{Option: id["C"], Votes: 3}) || r2.Tallies[1] != (domain.OptionTally{Option: id["A"], Votes: 2}) {
			t.Errorf("round 2 tallies: %+v", r2.Tallies)
		}
	})
}
