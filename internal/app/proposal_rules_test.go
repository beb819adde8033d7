package app_test

import (
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/decide"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// TestProposal_BadStances checks that refused stances write nothing.
func TestProposal_BadStances(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newVoiceWorld(t, a, a.DB(), 3)
		p := w.propose(t, "consent", 0.5)
		take := func(u *domain.User, in app.StanceInput) error {
			_, err := a.TakeStance(ctx, u, w.c.ID, p.ID, in)
			return err
		}
		wantCode(t, take(w.reps[0], app.StanceInput{Position: "block", PrincipleID: w.principle.ID}), domain.EINVALID)
		err := take(w.reps[0], app.StanceInput{Position: "block", Reason: "No."})
		wantCode(t, err, domain.EINVALID)
		if f := domain.ErrorFields(err); len(f) != 1 || f[0].Field != "principle_id" {
			t.Errorf("fields %+v, want principle_id", f)
		}
		wantCode(t, take(w.reps[0], app.StanceInput{Position: "block", Reason: "No.", PrincipleID: "elsewhere"}), domain.EINVALID)
		wantCode(t, take(w.reps[0], pos("maybe")), domain.EINVALID)
		wantCode(t, take(w.reps[0], app.StanceInput{Position: "agree", OrganizationID: w.members[1].OrganizationID}), domain.EFORBIDDEN)
		wantCode(t, take(w.coord, pos("agree")), domain.EFORBIDDEN) // represents no organization
		outsider := mustUser(t, a, "outsider-"+w.c.ID+"@example.org", false)
		wantCode(t, take(outsider, pos("agree")), domain.ENOTFOUND)
		_, err = a.TakeStance(ctx, w.reps[0], w.c.ID, "nope", pos("agree"))
		wantCode(t, err, domain.ENOTFOUND)

		ranked := w.propose(t, "poll_ranked", 0.5, "A", "B")
		id := optionIDs(ranked)
		_, err = a.TakeStance(ctx, w.reps[0], w.c.ID, ranked.ID, app.StanceInput{Ranking: []string{id["A"], id["A"]}})
		wantCode(t, err, domain.EINVALID)
		if f := domain.ErrorFields(err); len(f) != 1 || f[0].Field != "ranking" {
			t.Errorf("fields %+v, want ranking", f)
		}
		d, err := a.Proposal(ctx, w.reps[0], w.c.ID, p.ID)
		if err != nil || len(d.Stances) != 0 {
			t.Fatalf("refused stances wrote %d stances (%v)", len(d.Stances), err)
		}
	})
}

// TestProposal_Lifecycle: drafts, changing a stance, closing early, and nothing after.
func TestProposal_Lifecycle(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newVoiceWorld(t, a, a.DB(), 3)
		in := app.ProposalInput{Title: "Draft", Body: "Text", Method: "majority", Quorum: 0.5, ClosesAt: w.now.Add(time.Hour)}
		draft, err := a.CreateProposal(ctx, w.reps[0], w.c.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if draft.AuthorOrganizationID != w.members[0].OrganizationID {
			t.Errorf("author organization %q, want the one the author represents", draft.AuthorOrganizationID)
		}
		_, err = a.TakeStance(ctx, w.reps[1], w.c.ID, draft.ID, pos("agree"))
		wantCode(t, err, domain.ECONFLICT)
		_, err = a.OpenProposal(ctx, w.reps[1], w.c.ID, draft.ID)
		wantCode(t, err, domain.EFORBIDDEN)
		in.Title = "Draft, revised"
		if _, err := a.UpdateProposal(ctx, w.reps[0], w.c.ID, draft.ID, in, 2); domain.ErrorCode(err) != domain.EPRECONDITION {
			t.Fatalf("stale version: %v", err)
		}
		if _, err := a.UpdateProposal(ctx, w.reps[0], w.c.ID, draft.ID, in, 1); err != nil {
			t.Fatal(err)
		}
		in.ClosesAt = w.now.Add(-time.Minute)
		_, err = a.CreateProposal(ctx, w.reps[0], w.c.ID, in)
		wantCode(t, err, domain.EINVALID)
		p, err := a.OpenProposal(ctx, w.reps[0], w.c.ID, draft.ID)
		if err != nil || p.Status != domain.ProposalOpen || p.StancesBy != domain.StancesByOrganization {
			t.Fatalf("open: %+v %v", p, err)
		}
		w.stance(t, p, 0, pos("agree"))
		w.stance(t, p, 1, pos("disagree"))
		w.stance(t, p, 1, app.StanceInput{Position: "agree", Comment: "Persuaded."}) // changed
		_, err = a.CloseProposal(ctx, w.reps[0], w.c.ID, p.ID)
		wantCode(t, err, domain.EFORBIDDEN)
		closed, err := a.CloseProposal(ctx, w.coord, w.c.ID, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		// 2 agree > 0 against; quorum ⌈0.5 × 3⌉ = 2, and 2 took part.
		if o := closed.Outcome; o.Result != "passed" || o.Counts.Agree != 2 || o.Counts.Participants != 2 {
			t.Fatalf("outcome %+v", o)
		}
		_, err = a.TakeStance(ctx, w.reps[2], w.c.ID, p.ID, pos("disagree"))
		wantCode(t, err, domain.ECONFLICT)
		_, err = a.CloseProposal(ctx, w.coord, w.c.ID, p.ID)
		wantCode(t, err, domain.ECONFLICT)
		_, err = a.UpdateProposal(ctx, w.coord, w.c.ID, p.ID, in, closed.Version)
		wantCode(t, err, domain.ECONFLICT)
		// Behind the application's back the database refuses too.
		err = a.DB().Write(ctx, func(tx *store.Tx) error {
			return tx.CloseProposal(ctx, closed, time.Now())
		})
		if err == nil {
			t.Fatal("a closed proposal was closed again")
		}
	})
}

// TestProposal_LateStanceClosesInstead: the first stance after the closing time closes the
// proposal, is refused, and the outcome counts only earlier stances.
func TestProposal_LateStanceClosesInstead(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newVoiceWorld(t, a, a.DB(), 3)
		p := w.propose(t, "consent", 0.5)
		w.stance(t, p, 0, pos("agree"))
		w.stance(t, p, 1, pos("agree"))
		*w.now = p.ClosesAt
		_, err := a.TakeStance(ctx, w.reps[2], w.c.ID, p.ID, app.StanceInput{Position: "block", Reason: "Late", PrincipleID: w.principle.ID})
		wantCode(t, err, domain.ECONFLICT)
		d, err := a.Proposal(ctx, w.reps[2], w.c.ID, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if o := d.Proposal.Outcome; d.Proposal.Status != domain.ProposalClosed || o.Result != "passed" || o.Counts.Participants != 2 {
			t.Fatalf("%s %+v", d.Proposal.Status, o)
		}
	})
}

// TestProposal_EligibilityLeavesOutSteppingBackAndObservers: a member stepping back and
// an observer organization are not eligible, and a stance taken before stepping back is
// left out of the count.
func TestProposal_EligibilityLeavesOutSteppingBackAndObservers(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newVoiceWorld(t, a, a.DB(), 4)
		p := w.propose(t, "majority", 1)
		w.stance(t, p, 0, pos("agree"))
		w.stance(t, p, 1, pos("agree"))
		w.stance(t, p, 2, pos("disagree"))
		setMembership(t, a, w, 2, domain.RoleMember, domain.StatusSteppingBack)
		setMembership(t, a, w, 3, domain.RoleObserver, domain.StatusActive)
		o := w.closeByClock(t, p).Outcome
		// Eligible: orgs 1 and 2; both agreed: quorum ⌈1 × 2⌉ = 2 met, 2 > 0.
		if o.Result != "passed" || o.Counts.Eligible != 2 || o.Excluded != 1 {
			t.Fatalf("%+v", o)
		}
	})
}

func setMembership(t *testing.T, a *app.App, w *voiceWorld, i int, role, status string) {
	t.Helper()
	m, err := a.Membership(ctx, w.coord, w.c.ID, w.members[i].ID)
	if err != nil {
		t.Fatal(err)
	}
	err = a.DB().Write(ctx, func(tx *store.Tx) error {
		m.Role, m.Status = role, status
		return tx.UpdateMembership(ctx, m, m.Version)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestProposal_ConcurrentStances: twelve representatives change their stances from
// goroutines while a coordinator closes the proposal. The stored outcome must equal a
// recount of the stored stances, and every stance accepted must be the one stored.
func TestProposal_ConcurrentStances(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		const orgs, changes = 12, 15
		w := newVoiceWorld(t, a, a.DB(), orgs)
		a.DB().Now = time.Now
		p, err := a.CreateProposal(ctx, w.coord, w.c.ID, app.ProposalInput{Title: "Race", Body: "Text", Method: "majority",
			Quorum: 0.5, ClosesAt: time.Now().Add(time.Hour), Open: true})
		if err != nil {
			t.Fatal(err)
		}
		positions := []string{"agree", "disagree", "abstain", "stand_aside"}
		last := make([]string, orgs) // the last position accepted per organization
		var wg sync.WaitGroup
		for i := range orgs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := rand.New(rand.NewPCG(uint64(i), 7))
				for range changes {
					position := positions[r.IntN(len(positions))]
					_, err := a.TakeStance(ctx, w.reps[i], w.c.ID, p.ID, pos(position))
					switch domain.ErrorCode(err) {
					case "":
						last[i] = position
					case domain.ECONFLICT: // closed meanwhile
						return
					default:
						t.Errorf("stance: %v", err)
						return
					}
				}
			}()
		}
		time.Sleep(20 * time.Millisecond)
		closed, err := a.CloseProposal(ctx, w.coord, w.c.ID, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		wg.Wait()
		d, err := a.Proposal(ctx, w.coord, w.c.ID, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		in := decide.Proposal{Method: decide.Majority, Quorum: 0.5}
		for _, m := range w.members {
			in.Eligible = append(in.Eligible, m.OrganizationID)
		}
		stored := map[string]string{}
		for _, s := range d.Stances {
			in.Stances = append(in.Stances, decide.Stance{VoterID: s.VoterID, Position: decide.Position(s.Position)})
			stored[s.VoterID] = s.Position
		}
		recount, err := decide.Decide(in)
		if err != nil {
			t.Fatal(err)
		}
		c := closed.Outcome.Counts
		if string(recount.Result) != closed.Outcome.Result || recount.Counts.Agree != c.Agree || recount.Counts.Disagree != c.Disagree ||
			recount.Counts.Participants != c.Participants || recount.Counts.Abstain != c.Abstain {
			t.Fatalf("stored outcome %+v, recount of stored stances %+v", c, recount.Counts)
		}
		for i, m := range w.members {
			if stored[m.OrganizationID] != last[i] {
				t.Errorf("org %d: stored %q, last accepted %q", i, stored[m.OrganizationID], last[i])
			}
		}
		t.Logf("%d of %d organizations had taken a stance when the proposal closed: %s", c.Participants, orgs, closed.Outcome.Result)
	})
}
