package bundle

import (
	"cmp"
	"maps"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// The coalition's money (issue 5): funds with their whole hash-chained ledger, so that an
// exported ledger can be verified anywhere with the published canonical form
// (internal/ledger), contributions of time, and allocation rounds with the peer points
// given in them. The ledger's approvers are opaque account ids that its hashes cover: the
// one place a bundle keeps account ids, because leaving them out would break the chain;
// they carry no name or address. Who recorded an entry, opened or approved a round,
// confirmed a contribution or gave points is left out, as everywhere.

// Fund is a pot of money with its ledger.
type Fund struct {
	ID                   string        `json:"id"`
	Name                 string        `json:"name"`
	HolderOrganizationID string        `json:"holder_organization_id"`
	HolderName           string        `json:"holder_name"`
	Funder               string        `json:"funder"`
	Restrictions         string        `json:"restrictions"`
	Currency             string        `json:"currency"`
	HeadSeq              int64         `json:"head_seq"`
	HeadHash             string        `json:"head_hash"`
	CreatedAt            time.Time     `json:"created_at"`
	Entries              []LedgerEntry `json:"entries"`
}

// LedgerEntry is one sealed movement of a fund, in chain order.
type LedgerEntry struct {
	ID             string    `json:"id"`
	Seq            int64     `json:"seq"`
	Kind           string    `json:"kind"`
	Amount         int64     `json:"amount"`
	Currency       string    `json:"currency"`
	OrganizationID string    `json:"organization_id"`
	Corrects       string    `json:"corrects"`
	Memo           string    `json:"memo"`
	ApprovedBy     []string  `json:"approved_by"`
	At             time.Time `json:"at"`
	PrevHash       string    `json:"prev_hash"`
	Hash           string    `json:"hash"`
	RoundID        string    `json:"round_id"`
}

// Contribution is time a member organization gave.
type Contribution struct {
	ID             string     `json:"id"`
	OrganizationID string     `json:"organization_id"`
	PersonID       string     `json:"person_id"`
	Day            string     `json:"day"`
	Minutes        int64      `json:"minutes"`
	Kind           string     `json:"kind"`
	Description    string     `json:"description"`
	LinkType       string     `json:"link_type"`
	LinkID         string     `json:"link_id"`
	ConfirmedAt    *time.Time `json:"confirmed_at"`
	CreatedAt      time.Time  `json:"created_at"`
}

// AllocationRound is a round with its method, members, result and peer points.
type AllocationRound struct {
	ID         string                      `json:"id"`
	FundID     string                      `json:"fund_id"`
	Title      string                      `json:"title"`
	Amount     int64                       `json:"amount"`
	Currency   string                      `json:"currency"`
	Method     string                      `json:"method"`
	Params     domain.RoundParams          `json:"params"`
	Members    []string                    `json:"members"`
	Status     string                      `json:"status"`
	Decision   string                      `json:"decision"`
	ProposalID string                      `json:"proposal_id"` // the proposal that decides it, if any
	OpenedAt   time.Time                   `json:"opened_at"`
	ApprovedAt *time.Time                  `json:"approved_at"`
	Result     []domain.RoundAmount        `json:"result"`
	Points     map[string]map[string]int64 `json:"points"` // giver → receiver → points
}

// MoneyContents is the coalition's money as domain values (see Contents).
type MoneyContents struct {
	Funds         []domain.Fund
	Entries       []domain.LedgerEntry // of those funds, any order
	Contributions []domain.Contribution
	Rounds        []domain.AllocationRound
	Points        map[string]map[string]map[string]int64 // round → giver → receiver → points
}

func (b *Bundle) addMoney(c MoneyContents) {
	index := map[string]int{}
	for _, f := range c.Funds {
		index[f.ID] = len(b.Funds)
		b.Funds = append(b.Funds, Fund{ID: f.ID, Name: f.Name, HolderOrganizationID: f.HolderOrganizationID, HolderName: f.HolderName,
			Funder: f.Funder, Restrictions: f.Restrictions, Currency: f.Currency, HeadSeq: f.HeadSeq, HeadHash: f.HeadHash,
			CreatedAt: canonicalTime(f.CreatedAt), Entries: []LedgerEntry{}})
	}
	for _, e := range c.Entries {
		if i, ok := index[e.FundID]; ok {
			b.Funds[i].Entries = append(b.Funds[i].Entries, LedgerEntry{ID: e.ID, Seq: e.Seq, Kind: e.Kind, Amount: e.Amount, Currency: e.Currency,
				OrganizationID: e.OrganizationID, Corrects: e.Corrects, Memo: e.Memo, ApprovedBy: orEmpty(slices.Clone(e.ApprovedBy)),
				At: canonicalTime(e.At), PrevHash: e.PrevHash, Hash: e.Hash, RoundID: e.RoundID})
		}
	}
	for _, x := range c.Contributions {
		b.Contributions = append(b.Contributions, Contribution{ID: x.ID, OrganizationID: x.OrganizationID, PersonID: x.PersonID, Day: x.Day,
			Minutes: x.Minutes, Kind: x.Kind, Description: x.Description, LinkType: x.LinkType, LinkID: x.LinkID,
			ConfirmedAt: canonicalTimePtr(x.ConfirmedAt), CreatedAt: canonicalTime(x.CreatedAt)})
	}
	for _, r := range c.Rounds {
		points := map[string]map[string]int64{}
		for giver, to := range c.Points[r.ID] {
			points[giver] = maps.Clone(to)
		}
		b.AllocationRounds = append(b.AllocationRounds, AllocationRound{ID: r.ID, FundID: r.FundID, Title: r.Title, Amount: r.Amount,
			Currency: r.Currency, Method: r.Method, Params: r.Params, Members: orEmpty(slices.Clone(r.Members)), Status: r.Status,
			Decision: r.Decision, ProposalID: r.ProposalID, OpenedAt: canonicalTime(r.OpenedAt), ApprovedAt: canonicalTimePtr(r.ApprovedAt),
			Result: orEmpty(slices.Clone(r.Result)), Points: points})
	}
}

// sortMoney orders funds, contributions and rounds by id, and each ledger by sequence.
func (b *Bundle) sortMoney() {
	b.Funds, b.Contributions, b.AllocationRounds = orEmpty(b.Funds), orEmpty(b.Contributions), orEmpty(b.AllocationRounds)
	slices.SortFunc(b.Funds, func(x, y Fund) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.Funds {
		b.Funds[i].Entries = orEmpty(b.Funds[i].Entries)
		slices.SortFunc(b.Funds[i].Entries, func(x, y LedgerEntry) int { return cmp.Compare(x.Seq, y.Seq) })
	}
	slices.SortFunc(b.Contributions, func(x, y Contribution) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(b.AllocationRounds, func(x, y AllocationRound) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.AllocationRounds {
		r := &b.AllocationRounds[i]
		if r.Points == nil {
			r.Points = map[string]map[string]int64{}
		}
		r.Members, r.Result = orEmpty(r.Members), orEmpty(r.Result)
	}
}

// money returns the bundle's money as domain values; accounts are empty.
func (b *Bundle) money() MoneyContents {
	c := MoneyContents{Points: map[string]map[string]map[string]int64{}}
	coalition := b.Coalition.ID
	for _, f := range b.Funds {
		c.Funds = append(c.Funds, domain.Fund{ID: f.ID, CoalitionID: coalition, Name: f.Name, HolderOrganizationID: f.HolderOrganizationID,
			HolderName: f.HolderName, Funder: f.Funder, Restrictions: f.Restrictions, Currency: f.Currency, HeadSeq: f.HeadSeq,
			HeadHash: f.HeadHash, CreatedAt: f.CreatedAt})
		for _, e := range f.Entries {
			c.Entries = append(c.Entries, domain.LedgerEntry{ID: e.ID, FundID: f.ID, Seq: e.Seq, Kind: e.Kind, Amount: e.Amount,
				Currency: e.Currency, OrganizationID: e.OrganizationID, Corrects: e.Corrects, Memo: e.Memo,
				ApprovedBy: slices.Clone(orEmpty(e.ApprovedBy)), At: e.At, PrevHash: e.PrevHash, Hash: e.Hash, RoundID: e.RoundID})
		}
	}
	for _, x := range b.Contributions {
		c.Contributions = append(c.Contributions, domain.Contribution{ID: x.ID, CoalitionID: coalition, OrganizationID: x.OrganizationID,
			PersonID: x.PersonID, Day: x.Day, Minutes: x.Minutes, Kind: x.Kind, Description: x.Description, LinkType: x.LinkType,
			LinkID: x.LinkID, ConfirmedAt: x.ConfirmedAt, CreatedAt: x.CreatedAt})
	}
	for _, r := range b.AllocationRounds {
		c.Rounds = append(c.Rounds, domain.AllocationRound{ID: r.ID, CoalitionID: coalition, FundID: r.FundID, Title: r.Title, Amount: r.Amount,
			Currency: r.Currency, Method: r.Method, Params: r.Params, Members: slices.Clone(orEmpty(r.Members)), Status: r.Status,
			Decision: r.Decision, ProposalID: r.ProposalID, OpenedAt: r.OpenedAt, ApprovedAt: r.ApprovedAt, Result: slices.Clone(orEmpty(r.Result))})
		c.Points[r.ID] = r.Points
	}
	return c
}
