package demo

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/allocate"
	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/ledger"
	"github.com/braid-org/braid/internal/store"
)

// Rooted Homes' money: a foundation grant held by a fiscal sponsor and a fund of
// donations from its events, each with a hash-chained ledger; a year of contributions
// (contributions.go); and two past rounds, both approved and on the ledger: an equity
// formula round of the grant over the first half year's confirmed hours, and a peer
// round of the donations among the grassroots members who ran the events. Most of the
// first round is paid out; the rest is still owed.

// seedMoney writes the money records of the first coalition (Rooted Homes).
func seedMoney(ctx context.Context, tx *store.Tx, w *world) error {
	c := w.coalitions[0]
	coordinator := w.users[0].ID
	var members []domain.Membership
	for _, m := range w.memberships {
		if m.CoalitionID == c.ID && m.Counts() && m.Role != domain.RoleObserver {
			members = append(members, m)
		}
	}
	contributions, err := seedContributions(ctx, tx, w, c, members, coordinator)
	if err != nil {
		return err
	}
	s := &moneySeeder{tx: tx, c: c, actor: coordinator, orgs: orgsByID(w), members: members, contributions: contributions}
	if err := s.grant(ctx); err != nil {
		return fmt.Errorf("grant fund: %w", err)
	}
	if err := s.donations(ctx, w); err != nil {
		return fmt.Errorf("donations fund: %w", err)
	}
	return nil
}

type moneySeeder struct {
	tx            *store.Tx
	c             domain.Coalition
	actor         string
	orgs          map[string]domain.Organization
	members       []domain.Membership
	contributions []domain.Contribution
}

// grant: two tranches with the fiscal sponsor's fee, an equity formula round between
// them, and most of the round paid out.
func (s *moneySeeder) grant(ctx context.Context) error {
	f := domain.Fund{CoalitionID: s.c.ID, Name: "Tenant Power Grant", HolderName: "Northside Fiscal Sponsorship Collaborative",
		Funder: "Midway Civic Foundation", Currency: "USD", CreatedBy: s.actor, CreatedAt: day(35),
		Restrictions: "Organizing, interpretation, childcare and food for tenant campaigns. No lobbying expenditures from this grant."}
	l, err := s.newLedger(ctx, f)
	if err != nil {
		return err
	}
	l.add(ledger.KindReceived, 6_000_000, "", "Grant, first tranche", day(40))
	l.add(ledger.KindFee, 180_000, "", "Fiscal sponsor fee, 3%", day(45))
	ids := make([]string, len(s.members))
	for i, m := range s.members {
		ids[i] = m.OrganizationID
	}
	r := domain.AllocationRound{Title: "Stipends for the first half year", Amount: 4_800_000, Method: string(allocate.EquityFormula), Members: ids,
		Params: domain.RoundParams{From: day(0).Format(domain.DateLayout), To: day(180).Format(domain.DateLayout), Base: 100_000,
			EqualPercent: 20, BipocLedWeight: 1.5, MostImpactedWeight: 1.5, SmallBudgetWeight: 1.25}}
	result, err := s.round(ctx, l, &r, day(188), day(196), nil)
	if err != nil {
		return err
	}
	l.add(ledger.KindReceived, 6_000_000, "", "Grant, second tranche", day(200))
	l.add(ledger.KindFee, 180_000, "", "Fiscal sponsor fee, 3%", day(205))
	for i, ra := range result {
		if i%4 == 3 || ra.Amount == 0 { // a few members not paid yet
			continue
		}
		l.add(ledger.KindPaidOut, ra.Amount, ra.OrganizationID, "Stipend paid", day(212+i))
	}
	return l.write(ctx)
}

// donations: three events' donations and a peer round among the members who ran them.
func (s *moneySeeder) donations(ctx context.Context, w *world) error {
	f := domain.Fund{CoalitionID: s.c.ID, Name: "Renters' events donations", Funder: "Individual donors at the coalition's events",
		Currency: "USD", CreatedBy: s.actor, CreatedAt: day(95)}
	for _, o := range w.orgs {
		if o.Name == "Phillips Porch Organizers" {
			f.HolderOrganizationID, f.HolderName = o.ID, o.Name
		}
	}
	l, err := s.newLedger(ctx, f)
	if err != nil {
		return err
	}
	l.add(ledger.KindReceived, 245_000, "", "Donations at the community forum", day(100))
	l.add(ledger.KindReceived, 391_050, "", "Donations at the hearing potluck", day(186))
	l.add(ledger.KindReceived, 187_525, "", "Raffle at the tenant leader training", day(301))
	var ids []string
	for _, m := range s.members {
		if o := s.orgs[m.OrganizationID]; o.BudgetBand == domain.BudgetUnder250k && m.Status == domain.StatusActive {
			ids = append(ids, m.OrganizationID)
		}
	}
	r := domain.AllocationRound{Title: "Thank-you shares from the events", Amount: 600_000, Method: string(allocate.Peer), Members: ids}
	if _, err := s.round(ctx, l, &r, day(318), day(334), peerPoints(ids)); err != nil {
		return err
	}
	return l.write(ctx)
}

// peerPoints has every member but the last spread 100 points over the others; the
// last does not take part, and is still allocated by what the others gave it.
func peerPoints(ids []string) map[string]map[string]int64 {
	rng := rand.New(rand.NewPCG(2024, 6))
	out := map[string]map[string]int64{}
	for _, giver := range ids[:len(ids)-1] {
		given, left := map[string]int64{}, int64(100)
		var others []string
		for _, id := range ids {
			if id != giver {
				others = append(others, id)
			}
		}
		for i, to := range others {
			p := left
			if i < len(others)-1 {
				p = min(left, int64(5+rng.IntN(30)))
			}
			given[to], left = p, left-p
		}
		out[giver] = given
	}
	return out
}

// round computes an approved round as the application would, stores it with its
// points, and adds its allocations to the ledger on the day it was approved.
func (s *moneySeeder) round(ctx context.Context, l *demoLedger, r *domain.AllocationRound, opened, approved time.Time,
	points map[string]map[string]int64) ([]domain.RoundAmount, error) {
	in := allocate.Round{Pool: r.Amount, Method: allocate.Method(r.Method), Min: r.Params.Min, Max: r.Params.Max, Points: points,
		Formula: allocate.Formula{Base: r.Params.Base, EqualPercent: r.Params.EqualPercent, BipocLedWeight: r.Params.BipocLedWeight,
			MostImpactedWeight: r.Params.MostImpactedWeight, SmallBudgetWeight: r.Params.SmallBudgetWeight}}
	minutes := minutesBetween(s.contributions, r.Params.From, cmpOr(r.Params.To, "9999-99-99"))
	for _, id := range r.Members {
		m := s.membership(id)
		o := s.orgs[id]
		in.Members = append(in.Members, allocate.Member{OrganizationID: id, Hours: float64(minutes[id]), BipocLed: o.BipocLed == "yes",
			MostImpacted: m.MostImpacted, SmallBudget: o.BudgetBand == domain.BudgetUnder250k || o.BudgetBand == domain.Budget250kTo1m})
	}
	res, err := allocate.Allocate(in)
	if err != nil {
		return nil, err
	}
	r.ID, r.CoalitionID, r.FundID, r.Currency = store.NewID(), s.c.ID, l.fund.ID, l.fund.Currency
	r.Status, r.Decision, r.OpenedBy, r.OpenedAt = domain.RoundApproved, app.DecisionSteering, s.actor, opened
	r.ApprovedBy, r.ApprovedAt = s.actor, &approved
	for _, line := range res.Lines {
		r.Result = append(r.Result, domain.RoundAmount{OrganizationID: line.OrganizationID, Amount: line.Amount})
		if line.Amount > 0 {
			l.addRound(line.Amount, line.OrganizationID, r, approved)
		}
	}
	if err := s.tx.CreateRound(ctx, r); err != nil {
		return nil, err
	}
	for _, giver := range slices.Sorted(maps.Keys(points)) {
		if err := s.tx.SetPoints(ctx, r.ID, giver, s.actor, points[giver]); err != nil {
			return nil, err
		}
	}
	return r.Result, nil
}

func (s *moneySeeder) membership(orgID string) domain.Membership {
	for _, m := range s.members {
		if m.OrganizationID == orgID {
			return m
		}
	}
	return domain.Membership{}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
