package app_test

import (
	"sync"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// confirmed logs and confirms minutes of work for an organization.
func (w *moneyWorld) confirmed(t *testing.T, orgID, day string, minutes int64) {
	t.Helper()
	c, err := w.a.LogContribution(ctx, w.coord, w.c.ID, app.ContributionInput{OrganizationID: orgID, Day: day, Minutes: minutes, Kind: "organizing"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.a.ConfirmContribution(ctx, w.coord, w.c.ID, c.ID); err != nil {
		t.Fatal(err)
	}
}

func (w *moneyWorld) open(t *testing.T, actor *domain.User, in app.RoundInput) *domain.AllocationRound {
	t.Helper()
	in.FundID = w.fund.ID
	if in.Title == "" {
		in.Title = "Spring round"
	}
	r, err := w.a.OpenRound(ctx, actor, w.c.ID, in)
	if err != nil {
		t.Fatalf("open %+v: %v", in, err)
	}
	return r
}

func TestRound_ProportionalApproveWritesLedger(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newMoneyWorld(t, db)
		w.record(t, app.EntryInput{Kind: "received", Amount: 200_000})
		o1, o2 := w.m1.OrganizationID, w.m2.OrganizationID
		w.confirmed(t, o1, "2025-01-10", 90)
		w.confirmed(t, o2, "2025-01-11", 30)
		w.confirmed(t, o2, "2024-12-31", 600) // Before the period: does not count.
		if _, err := w.a.LogContribution(ctx, w.rep2, w.c.ID, app.ContributionInput{OrganizationID: o2, Day: "2025-01-12", Minutes: 999, Kind: "research"}); err != nil {
			t.Fatal(err) // Logged but never confirmed: does not count.
		}
		// A steering member's representative opens the round.
		r := w.open(t, w.rep1, app.RoundInput{Amount: 100_001, Method: "proportional", Members: []string{o1, o2},
			Params: domain.RoundParams{From: "2025-01-01", To: "2025-01-31"}})
		v, err := w.a.Round(ctx, w.rep2, w.c.ID, r.ID)
		if err != nil || v.Preview == nil {
			t.Fatalf("preview: %v %+v", err, v)
		}
		// 90 and 30 confirmed minutes in January: 100,001 × 3/4 = 75,000.75 and
		// 100,001 × 1/4 = 25,000.25; floors 75,000 + 25,000 leave 1 cent, which goes to
		// the larger remainder (.75), so 75,001 and 25,000.
		got := map[string]int64{}
		for _, l := range v.Preview.Lines {
			got[l.OrganizationID] = l.Amount
		}
		if got[o1] != 75_001 || got[o2] != 25_000 {
			t.Errorf("preview = %v; want 75001 and 25000", got)
		}
		approved, err := w.a.ApproveRound(ctx, w.coord, w.c.ID, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if approved.Status != domain.RoundApproved || len(approved.Result) != 2 {
			t.Errorf("approved = %+v", approved)
		}
		_, err = w.a.ApproveRound(ctx, w.coord, w.c.ID, r.ID)
		wantCode(t, err, domain.ECONFLICT)
		d, _ := w.a.Fund(ctx, w.coord, w.c.ID, w.fund.ID)
		// 200,000 received − 100,001 allocated = 99,999 left in the pool.
		if d.Balance.Pool != 99_999 || d.Balance.Allocated != 100_001 || len(d.Entries) != 3 || !d.Chain.Intact {
			t.Errorf("after approval: balance %+v, %d entries, chain %+v", d.Balance, len(d.Entries), d.Chain)
		}
		for _, e := range d.Entries[1:] {
			if e.RoundID != r.ID || e.ApprovedBy[0] != w.coord.ID || e.Kind != "allocated" {
				t.Errorf("allocation entry %+v", e)
			}
		}
	})
}

func TestRound_RefusedInputs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newMoneyWorld(t, db)
		w.record(t, app.EntryInput{Kind: "received", Amount: 10_000})
		o1, o2 := w.m1.OrganizationID, w.m2.OrganizationID
		members := []string{o1, o2}
		cases := []struct {
			name  string
			actor *domain.User
			in    app.RoundInput
			code  string
		}{
			{"more than the pool", w.coord, app.RoundInput{Amount: 10_001, Method: "equal", Members: members}, domain.EINVALID},
			{"negative", w.coord, app.RoundInput{Amount: -1, Method: "equal", Members: members}, domain.EINVALID},
			{"unknown method", w.coord, app.RoundInput{Amount: 100, Method: "lottery", Members: members}, domain.EINVALID},
			{"no members", w.coord, app.RoundInput{Amount: 100, Method: "equal"}, domain.EINVALID},
			{"not a member", w.coord, app.RoundInput{Amount: 100, Method: "equal", Members: []string{"nope"}}, domain.EINVALID},
			{"minimum too high", w.coord, app.RoundInput{Amount: 100, Method: "equal", Members: members, Params: domain.RoundParams{Min: 51}}, domain.EINVALID},
			{"no hours", w.coord, app.RoundInput{Amount: 100, Method: "proportional", Members: members}, domain.EINVALID},
			{"plain member may not open", w.rep2, app.RoundInput{Amount: 100, Method: "equal", Members: members}, domain.EFORBIDDEN},
		}
		for _, tc := range cases {
			tc.in.FundID, tc.in.Title = w.fund.ID, "Round"
			if _, err := w.a.OpenRound(ctx, tc.actor, w.c.ID, tc.in); domain.ErrorCode(err) != tc.code {
				t.Errorf("%s: error %v, want %s", tc.name, err, tc.code)
			}
		}
		// The pool shrinks between opening and approval: approval is refused, nothing written.
		r := w.open(t, w.coord, app.RoundInput{Amount: 8_000, Method: "equal", Members: members})
		w.record(t, app.EntryInput{Kind: "fee", Amount: 3_000})
		_, err := w.a.ApproveRound(ctx, w.coord, w.c.ID, r.ID)
		wantCode(t, err, domain.EINVALID)
		v, _ := w.a.Round(ctx, w.coord, w.c.ID, r.ID)
		d, _ := w.a.Fund(ctx, w.coord, w.c.ID, w.fund.ID)
		if v.Round.Status != domain.RoundOpen || len(d.Entries) != 2 {
			t.Errorf("refused approval changed state: round %s, %d entries", v.Round.Status, len(d.Entries))
		}
		_, err = w.a.ApproveRound(ctx, w.rep2, w.c.ID, r.ID)
		wantCode(t, err, domain.EFORBIDDEN)
	})
}

func TestRound_PeerPoints(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newMoneyWorld(t, db)
		rep3, m3 := join(t, w.a, w.coord, w.c, "Org Three", "three@example.org", domain.RoleMember, false)
		w.record(t, app.EntryInput{Kind: "received", Amount: 10_000})
		o1, o2, o3 := w.m1.OrganizationID, w.m2.OrganizationID, m3.OrganizationID
		r := w.open(t, w.coord, app.RoundInput{Amount: 9_000, Method: "peer", Members: []string{o1, o2, o3}})
		v, _ := w.a.Round(ctx, w.coord, w.c.ID, r.ID)
		if v.Preview != nil || v.PreviewError == "" {
			t.Errorf("a peer round without points previews: %+v", v.Preview)
		}
		give := func(u *domain.User, giver string, pts map[string]int64) error {
			return w.a.GivePoints(ctx, u, w.c.ID, r.ID, domain.PeerPoints{Giver: giver, Points: pts})
		}
		wantCode(t, give(w.rep1, o1, map[string]int64{o2: 60, o3: 30}), domain.EINVALID)   // 90, not 100
		wantCode(t, give(w.rep1, o1, map[string]int64{o1: 50, o2: 50}), domain.EINVALID)   // to itself
		wantCode(t, give(w.rep1, o2, map[string]int64{o1: 100}), domain.EFORBIDDEN)        // not its organization
		wantCode(t, give(w.rep1, o1, map[string]int64{o2: 120, o3: -20}), domain.EINVALID) // out of range
		if err := give(w.rep1, o1, map[string]int64{o2: 75, o3: 25}); err != nil {
			t.Fatal(err)
		}
		if err := give(rep3, o3, map[string]int64{o1: 50, o2: 50}); err != nil {
			t.Fatal(err)
		}
		// Org Two gives nothing and is still allocated. Received: o1 50, o2 75 + 50 = 125,
		// o3 25, of 200 points: 9,000 × 50/200 = 2,250; × 125/200 = 5,625; × 25/200 = 1,125.
		v, _ = w.a.Round(ctx, w.coord, w.c.ID, r.ID)
		if v.Preview == nil {
			t.Fatalf("no preview: %s", v.PreviewError)
		}
		want := []int64{2_250, 5_625, 1_125}
		for i, l := range v.Preview.Lines {
			if l.Amount != want[i] {
				t.Errorf("%s: %d, want %d", l.OrganizationID, l.Amount, want[i])
			}
		}
	})
}

// TestRound_RacingApprovals approves one round from many goroutines at once: exactly
// one approval wins, and the allocations are written once.
func TestRound_RacingApprovals(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newMoneyWorld(t, db)
		w.record(t, app.EntryInput{Kind: "received", Amount: 10_000})
		r := w.open(t, w.coord, app.RoundInput{Amount: 10_000, Method: "equal", Members: []string{w.m1.OrganizationID, w.m2.OrganizationID}})
		const n = 8
		var wg sync.WaitGroup
		var mu sync.Mutex
		wins, conflicts := 0, 0
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				actor := w.coord
				if i%2 == 1 {
					actor = w.rep1 // A steering member's representative races the coordinator.
				}
				_, err := w.a.ApproveRound(ctx, actor, w.c.ID, r.ID)
				mu.Lock()
				defer mu.Unlock()
				switch domain.ErrorCode(err) {
				case "":
					wins++
				case domain.ECONFLICT:
					conflicts++
				default:
					t.Errorf("approval: %v", err)
				}
			}()
		}
		close(start)
		wg.Wait()
		if wins != 1 || conflicts != n-1 {
			t.Errorf("%d approvals won and %d conflicted; want 1 and %d", wins, conflicts, n-1)
		}
		d, _ := w.a.Fund(ctx, w.coord, w.c.ID, w.fund.ID)
		if len(d.Entries) != 3 || d.Balance.Allocated != 10_000 || !d.Chain.Intact {
			t.Errorf("after racing approvals: %d entries, allocated %d, chain %+v", len(d.Entries), d.Balance.Allocated, d.Chain)
		}
	})
}
