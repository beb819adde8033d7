package app_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// benchMembers is the size of the coalitions the round benchmark allocates among.
const benchMembers = 1000

// benchCoalition makes a coalition of benchMembers member organizations with rows
// contributions spread over them and over two years (nine in ten confirmed), written
// straight through the store.
func benchCoalition(b *testing.B, a *app.App, coord *domain.User, name string, rows int) (*domain.Coalition, []string) {
	b.Helper()
	c := mustCoalition(b, a, coord, name)
	rng := rand.New(rand.NewPCG(uint64(rows), 7))
	orgs := make([]domain.Organization, benchMembers)
	ms := make([]domain.Membership, benchMembers)
	ids := make([]string, benchMembers)
	for i := range orgs {
		orgs[i] = domain.Organization{ID: store.NewID(), Name: fmt.Sprintf("%s org %04d", name, i), Kind: "community_group",
			BudgetBand: domain.BudgetBands[i%len(domain.BudgetBands)], BipocLed: []string{"yes", "no", "not_said"}[i%3]}
		ms[i] = domain.Membership{CoalitionID: c.ID, OrganizationID: orgs[i].ID, Role: domain.RoleMember, MostImpacted: i%2 == 0}
		ids[i] = orgs[i].ID
	}
	ctx := context.Background()
	err := a.DB().Write(ctx, func(tx *store.Tx) error {
		if err := tx.InsertOrganizations(ctx, orgs); err != nil {
			return err
		}
		return tx.InsertMemberships(ctx, ms)
	})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	const batch = 50_000
	for done := 0; done < rows; done += batch {
		cs := make([]domain.Contribution, min(batch, rows-done))
		for i := range cs {
			on := start.AddDate(0, 0, rng.IntN(730))
			cs[i] = domain.Contribution{CoalitionID: c.ID, OrganizationID: ids[rng.IntN(benchMembers)], Day: on.Format(domain.DateLayout),
				Minutes: int64(15 * (1 + rng.IntN(16))), Kind: domain.ContributionKinds[rng.IntN(len(domain.ContributionKinds))],
				Description: "Benchmark work", CreatedBy: coord.ID, CreatedAt: on}
			if rng.IntN(10) > 0 {
				cs[i].ConfirmedBy, cs[i].ConfirmedAt = coord.ID, &on
			}
		}
		if err := a.DB().Write(ctx, func(tx *store.Tx) error { return tx.InsertContributions(ctx, cs) }); err != nil {
			b.Fatal(err)
		}
	}
	return c, ids
}

// BenchmarkRound measures one allocation round the way a coordinator runs it, through
// the use cases on SQLite: open a proportional round of a year's confirmed hours among
// 1,000 members, preview it (the round page), and approve it, which writes 1,000
// ledger entries. A fresh fund per round keeps the ledger the same size each time. The
// baseline is the same round in a coalition with 10,000 contribution rows, measured in
// the same run and database; the 1,000,000-row case reports its time as a multiple of
// it (x_baseline).
func BenchmarkRound(b *testing.B) {
	a := newApp(b, storetest.MustOpenDB(b))
	coord := mustUser(b, a, "coord@example.org", false)
	var baseline float64
	for _, rows := range []int{10_000, 1_000_000} {
		c, ids := benchCoalition(b, a, coord, fmt.Sprintf("Rows %d", rows), rows)
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				fund, err := a.CreateFund(ctx, coord, c.ID, app.FundInput{Name: fmt.Sprintf("Fund %d", i), HolderName: "Sponsor", Currency: "USD"})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := a.RecordEntry(ctx, coord, c.ID, fund.ID, app.EntryInput{Kind: "received", Amount: 100_000_000, Currency: "USD"}); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				runRound(b, a, coord, c.ID, fund.ID, ids)
			}
			b.StopTimer()
			perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			if rows == 10_000 {
				baseline = perOp
			} else if baseline > 0 {
				b.ReportMetric(perOp/baseline, "x_baseline")
			}
		})
	}
}

// runRound opens, previews and approves one round.
func runRound(b *testing.B, a *app.App, coord *domain.User, coalitionID, fundID string, ids []string) {
	ctx := context.Background()
	r, err := a.OpenRound(ctx, coord, coalitionID, app.RoundInput{FundID: fundID, Title: "Stipends", Amount: 50_000_000,
		Method: "proportional", Members: ids, Params: domain.RoundParams{From: "2025-01-01", To: "2025-12-31"}})
	if err != nil {
		b.Fatal(err)
	}
	v, err := a.Round(ctx, coord, coalitionID, r.ID)
	if err != nil || v.Preview == nil {
		b.Fatalf("preview: %v %s", err, v.PreviewError)
	}
	if _, err := a.ApproveRound(ctx, coord, coalitionID, r.ID); err != nil {
		b.Fatal(err)
	}
}
