package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/ledger"
	"github.com/braid-org/braid/internal/store"
)

// FundInput is a new fund.
type FundInput struct {
	Name                 string `json:"name"`
	HolderOrganizationID string `json:"holder_organization_id"`
	HolderName           string `json:"holder_name"`
	Funder               string `json:"funder"`
	Restrictions         string `json:"restrictions"`
	Currency             string `json:"currency"`
}

// FundSummary is a fund with what its ledger adds up to.
type FundSummary struct {
	domain.Fund
	Balance Balance `json:"balance"`
}

// Balance is what a fund's ledger adds up to, in minor units, net of corrections:
// pool = received − allocated − fees (what a round may still allocate), owed =
// allocated − paid out, held = pool + owed.
type Balance struct {
	Currency  string `json:"currency"`
	Received  int64  `json:"received"`
	Allocated int64  `json:"allocated"`
	PaidOut   int64  `json:"paid_out"`
	Fees      int64  `json:"fees"`
	Pool      int64  `json:"pool"`
	Owed      int64  `json:"owed"`
	Held      int64  `json:"held"`
}

// ChainBreak is one place where a fund's hash chain does not hold.
type ChainBreak struct {
	Seq     int64  `json:"seq"`
	EntryID string `json:"entry_id"`
	Kind    string `json:"kind" enum:"content_changed,link_broken,sequence_broken,other_fund"`
	Detail  string `json:"detail"`
}

// CreateFund adds a fund to a coalition. Only coordinators may.
func (a *App) CreateFund(ctx context.Context, actor Actor, coalitionID string, in FundInput) (*domain.Fund, error) {
	f := domain.Fund{Name: in.Name, HolderOrganizationID: in.HolderOrganizationID, HolderName: in.HolderName,
		Funder: in.Funder, Restrictions: in.Restrictions, Currency: in.Currency}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if !ledger.IsCurrency(f.Currency) {
		return nil, moneyFieldError("currency", "Enter an ISO 4217 currency code such as USD.")
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageFunds)
		if err != nil {
			return err
		}
		if f.HolderOrganizationID != "" {
			o, err := tx.FindOrganization(ctx, f.HolderOrganizationID)
			if domain.ErrorCode(err) == domain.ENOTFOUND {
				return moneyFieldError("holder_organization_id", "No such organization.")
			} else if err != nil {
				return err
			}
			if f.HolderName == "" {
				f.HolderName = o.Name
			}
		}
		f.CoalitionID, f.CreatedBy = p.Coalition.ID, actor.ID
		if err := tx.CreateFund(ctx, &f, ledger.Genesis); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "fund.create", "fund", f.ID, map[string]any{
			"name": f.Name, "holder_name": f.HolderName, "funder": f.Funder, "currency": f.Currency})
	})
	return &f, err
}

// Funds returns a coalition's funds with their balances; every member may see them.
func (a *App) Funds(ctx context.Context, actor Actor, coalitionID string) ([]FundSummary, error) {
	var out []FundSummary
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		funds, err := tx.ListFunds(ctx, p.Coalition.ID)
		if err != nil {
			return err
		}
		entries, err := tx.ListCoalitionEntries(ctx, p.Coalition.ID)
		if err != nil {
			return err
		}
		byFund := map[string][]ledger.Entry{}
		for _, e := range entries {
			byFund[e.FundID] = append(byFund[e.FundID], toLedger(e))
		}
		out = make([]FundSummary, 0, len(funds))
		for _, f := range funds {
			out = append(out, FundSummary{Fund: f, Balance: balanceOf(f, byFund[f.ID])})
		}
		return nil
	})
	return out, err
}

// balanceOf adds up a fund's entries in its currency. A ledger that does not add up
// (which Verify reports) shows a zero balance rather than a wrong one.
func balanceOf(f domain.Fund, entries []ledger.Entry) Balance {
	bs, err := ledger.Balances(entries)
	if err == nil {
		for _, b := range bs {
			if b.Currency == f.Currency {
				return Balance(b)
			}
		}
	}
	return Balance{Currency: f.Currency}
}

// ChainStatus says whether a fund's hash chain is intact.
type ChainStatus struct {
	Intact bool         `json:"intact"`
	Breaks []ChainBreak `json:"breaks"`
	// HeadMatches is false when the last entry is not the head stored with the fund at
	// the last append: entries were removed from the end, or added behind the app's back.
	HeadMatches bool `json:"head_matches"`
	Entries     int  `json:"entries"`
}

// verifyChain checks a fund's entries against their hashes and the stored head.
func verifyChain(f domain.Fund, entries []ledger.Entry) ChainStatus {
	s := ChainStatus{Breaks: []ChainBreak{}, Entries: len(entries)}
	for _, b := range ledger.Verify(entries) {
		s.Breaks = append(s.Breaks, ChainBreak(b))
	}
	seq, hash := ledger.Head(entries)
	s.HeadMatches = seq == f.HeadSeq && hash == f.HeadHash
	s.Intact = len(s.Breaks) == 0 && s.HeadMatches
	return s
}

// FundDetail is a fund, its ledger, balance and chain status, and the names of the
// people and organizations its entries name.
type FundDetail struct {
	Fund    domain.Fund          `json:"fund"`
	Balance Balance              `json:"balance"`
	Entries []domain.LedgerEntry `json:"entries"`
	Chain   ChainStatus          `json:"chain"`
	// Names maps user and organization ids to names, for display.
	Names map[string]string `json:"names"`
}

// Fund returns one fund with its whole ledger; every member may see it.
func (a *App) Fund(ctx context.Context, actor Actor, coalitionID, fundID string) (*FundDetail, error) {
	var d FundDetail
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		f, err := tx.FindFund(ctx, p.Coalition.ID, fundID)
		if err != nil {
			return err
		}
		if d.Entries, err = tx.ListEntries(ctx, f.ID); err != nil {
			return err
		}
		entries := toLedgerAll(d.Entries)
		d.Fund, d.Balance, d.Chain = *f, balanceOf(*f, entries), verifyChain(*f, entries)
		d.Names, err = entryNames(ctx, tx, p.Coalition.ID, d.Entries)
		return err
	})
	return &d, err
}

// entryNames maps the organizations and approvers of entries to their names.
func entryNames(ctx context.Context, tx *store.Tx, coalitionID string, entries []domain.LedgerEntry) (map[string]string, error) {
	names := map[string]string{}
	ms, err := tx.ListMemberships(ctx, coalitionID, "", 0)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		names[m.OrganizationID] = m.Organization.Name
	}
	for _, e := range entries {
		for _, id := range append([]string{e.RecordedBy}, e.ApprovedBy...) {
			if _, ok := names[id]; ok || id == "" {
				continue
			}
			if u, err := tx.FindUser(ctx, id); err == nil {
				names[id] = u.Name
			}
		}
	}
	return names, nil
}

// fieldError is an EINVALID error about one field.
func moneyFieldError(field, message string) error {
	return &domain.Error{Code: domain.EINVALID, Message: message, Fields: []domain.FieldError{{Field: field, Message: message}}}
}

// MoneyMembers returns the coalition's memberships that have not left, with their
// organizations, ordered by name: the organizations money may be allocated to.
func (a *App) MoneyMembers(ctx context.Context, actor Actor, coalitionID string) ([]domain.Membership, error) {
	var out []domain.Membership
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		all, err := tx.ListMemberships(ctx, p.Coalition.ID, "", 0)
		for _, m := range all {
			if m.Counts() {
				out = append(out, m)
			}
		}
		return err
	})
	return out, err
}
