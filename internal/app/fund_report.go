package app

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/equity"
	"github.com/braid-org/braid/internal/ledger"
	"github.com/braid-org/braid/internal/store"
)

// FundReport is what a funder asks of a fund for a period: the balance when it began,
// what was received, allocated, paid out and charged in it, the balance when it ended,
// and who the money was allocated to, member by member and group by group. Amounts are
// minor units net of corrections; a correction counts in the period it was recorded.
type FundReport struct {
	Fund domain.Fund `json:"fund"`
	From string      `json:"from,omitempty" doc:"First day of the period (YYYY-MM-DD); empty for the fund's beginning."`
	To   string      `json:"to,omitempty" doc:"Last day of the period (YYYY-MM-DD), included; empty for today."`
	// Opening is the balance before the period, Closing at its end; Period holds the
	// movements in it (Closing minus Opening, figure by figure).
	Opening Balance            `json:"opening"`
	Period  Balance            `json:"period"`
	Closing Balance            `json:"closing"`
	Members []FundReportMember `json:"members"`
	// Groups share out the period's allocations among groups of current members as the
	// equity report does (BIPOC-led, most impacted, budget band), with its flags. It is
	// empty, and GroupsNote says why, when a correction in the period reverses more than
	// a member was allocated in it.
	Groups      []equity.Group `json:"-"`
	GroupsNote  string         `json:"groups_note,omitempty"`
	ChainIntact bool           `json:"chain_intact"`
}

// FundReportMember is one organization's part of the fund in the period.
type FundReportMember struct {
	OrganizationID string `json:"organization_id"`
	Name           string `json:"name"`
	BipocLed       string `json:"bipoc_led"`
	MostImpacted   bool   `json:"most_impacted"`
	BudgetBand     string `json:"budget_band"`
	Current        bool   `json:"current" doc:"A current member (not left)."`
	Allocated      int64  `json:"allocated" doc:"Allocated in the period."`
	PaidOut        int64  `json:"paid_out" doc:"Paid out in the period."`
	Owed           int64  `json:"owed" doc:"Allocated and not yet paid at the end of the period."`
}

// FundReport returns a fund's report for a period of days (inclusive; "" for open
// ends). Every member of the coalition may see it.
func (a *App) FundReport(ctx context.Context, actor Actor, coalitionID, fundID, from, to string) (*FundReport, error) {
	start, end, err := reportPeriod(from, to)
	if err != nil {
		return nil, err
	}
	out := FundReport{From: from, To: to}
	err = a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		f, err := tx.FindFund(ctx, p.Coalition.ID, fundID)
		if err != nil {
			return err
		}
		stored, err := tx.ListEntries(ctx, f.ID)
		if err != nil {
			return err
		}
		ms, err := tx.ListMemberships(ctx, p.Coalition.ID, "", 0)
		if err != nil {
			return err
		}
		entries := toLedgerAll(stored)
		out.Fund, out.ChainIntact = *f, verifyChain(*f, entries).Intact
		before, through := entriesBefore(entries, start), entriesBefore(entries, end)
		out.Opening, out.Closing = balanceOf(*f, before), balanceOf(*f, through)
		out.Period = balanceDiff(out.Closing, out.Opening)
		out.Members = reportMembers(ms, memberSums(before), memberSums(through))
		out.Groups, out.GroupsNote = reportGroups(out.Members)
		return nil
	})
	return &out, err
}

// reportPeriod reads the period's days as instants: the start of from and the start of
// the day after to, in UTC (the zero time and the far future for open ends).
func reportPeriod(from, to string) (time.Time, time.Time, error) {
	var v domain.Validation
	start, end := time.Time{}, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	if from != "" {
		d, err := time.Parse(time.DateOnly, from)
		if err != nil {
			v.Add("from", "Enter the date as YYYY-MM-DD.")
		}
		start = d
	}
	if to != "" {
		d, err := time.Parse(time.DateOnly, to)
		if err != nil {
			v.Add("to", "Enter the date as YYYY-MM-DD.")
		} else if from != "" && d.Before(start) {
			v.Add("to", "The end of the period comes before its start.")
		}
		end = d.AddDate(0, 0, 1)
	}
	return start, end, v.Err()
}

// entriesBefore is the ledger up to the first entry at or after t, in chain order: a
// prefix of the chain, so that every correction in it follows the entry it corrects.
func entriesBefore(entries []ledger.Entry, t time.Time) []ledger.Entry {
	for i, e := range entries {
		if !e.At.Before(t) {
			return entries[:i]
		}
	}
	return entries
}

func balanceDiff(a, b Balance) Balance {
	return Balance{Currency: a.Currency, Received: a.Received - b.Received, Allocated: a.Allocated - b.Allocated,
		PaidOut: a.PaidOut - b.PaidOut, Fees: a.Fees - b.Fees, Pool: a.Pool - b.Pool, Owed: a.Owed - b.Owed, Held: a.Held - b.Held}
}

// orgSums are one organization's allocations and payments, net of corrections.
type orgSums struct{ allocated, paid int64 }

// memberSums adds up each organization's allocations and payments in a ledger; a
// correction counts against the kind of the entry it reverses.
func memberSums(entries []ledger.Entry) map[string]orgSums {
	kind := map[string]string{}
	out := map[string]orgSums{}
	for _, e := range entries {
		kind[e.ID] = e.Kind
		k := e.Kind
		if k == ledger.KindCorrection {
			k = kind[e.Corrects]
		}
		s := out[e.OrganizationID]
		switch k {
		case ledger.KindAllocated:
			s.allocated += e.Amount
		case ledger.KindPaidOut:
			s.paid += e.Amount
		default:
			continue
		}
		out[e.OrganizationID] = s
	}
	return out
}

// reportMembers lists every current member, and every former member the fund's ledger
// names, with its period's figures.
func reportMembers(ms []domain.Membership, before, through map[string]orgSums) []FundReportMember {
	out := []FundReportMember{}
	for _, m := range ms {
		t, named := through[m.OrganizationID]
		if !m.Counts() && !named {
			continue
		}
		b := before[m.OrganizationID]
		out = append(out, FundReportMember{OrganizationID: m.OrganizationID, Name: m.Organization.Name, BipocLed: orNotSaid(m.Organization.BipocLed),
			MostImpacted: m.MostImpacted, BudgetBand: orNotSaid(m.Organization.BudgetBand), Current: m.Counts(),
			Allocated: t.allocated - b.allocated, PaidOut: t.paid - b.paid, Owed: t.allocated - t.paid})
	}
	return out
}

func orNotSaid(s string) string {
	if s == "" {
		return equity.ValueNotSaid
	}
	return s
}

// reportGroups shares out the period's allocations among groups of current members.
func reportGroups(members []FundReportMember) ([]equity.Group, string) {
	var in []equity.Member
	for _, m := range members {
		if !m.Current {
			continue
		}
		if m.Allocated < 0 {
			return []equity.Group{}, "A correction in this period reverses an allocation made before it, so the period's allocations cannot be shared out by group."
		}
		in = append(in, equity.Member{OrganizationID: m.OrganizationID, BipocLed: m.BipocLed, MostImpacted: m.MostImpacted,
			BudgetBand: m.BudgetBand, Quantity: float64(m.Allocated)})
	}
	rep, err := equity.Compute(in)
	if err != nil {
		return []equity.Group{}, "The groups could not be computed: " + err.Error()
	}
	return rep.Groups, ""
}
