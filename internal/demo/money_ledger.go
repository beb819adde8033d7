package demo

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/ledger"
	"github.com/braid-org/braid/internal/store"
)

// demoLedger builds a fund's ledger in memory, checking each entry as the application
// does (ledger.CheckAppend: no overdraft, one currency) and sealing it onto the chain,
// then writes it with the fund's head in one call. The first error sticks.
type demoLedger struct {
	tx      *store.Tx
	fund    *domain.Fund
	actor   string
	entries []ledger.Entry
	rounds  map[string]string // entry id → round id
	err     error
}

func (s *moneySeeder) newLedger(ctx context.Context, f domain.Fund) (*demoLedger, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if err := s.tx.CreateFund(ctx, &f, ledger.Genesis); err != nil {
		return nil, err
	}
	return &demoLedger{tx: s.tx, fund: &f, actor: s.actor, rounds: map[string]string{}}, nil
}

// add appends an entry approved by the coordinator on the day at.
func (l *demoLedger) add(kind string, amount int64, orgID, memo string, at time.Time) {
	l.append(ledger.Entry{ID: store.NewID(), FundID: l.fund.ID, Kind: kind, Amount: amount, Currency: l.fund.Currency,
		OrganizationID: orgID, Memo: memo, ApprovedBy: []string{l.actor}, At: at})
}

// addRound appends an allocation of an approved round.
func (l *demoLedger) addRound(amount int64, orgID string, r *domain.AllocationRound, at time.Time) {
	id := store.NewID()
	l.rounds[id] = r.ID
	l.append(ledger.Entry{ID: id, FundID: l.fund.ID, Kind: ledger.KindAllocated, Amount: amount, Currency: l.fund.Currency,
		OrganizationID: orgID, Memo: r.Title, ApprovedBy: []string{r.ApprovedBy}, At: at})
}

func (l *demoLedger) append(e ledger.Entry) {
	if l.err != nil {
		return
	}
	if l.err = ledger.CheckAppend(l.fund.ID, l.fund.Currency, l.entries, e); l.err != nil {
		return
	}
	var prev *ledger.Entry
	if n := len(l.entries); n > 0 {
		prev = &l.entries[n-1]
	}
	l.entries = append(l.entries, ledger.Seal(prev, e))
}

// write stores the entries and the fund's new head.
func (l *demoLedger) write(ctx context.Context) error {
	if l.err != nil {
		return l.err
	}
	out := make([]domain.LedgerEntry, len(l.entries))
	for i, e := range l.entries {
		out[i] = domain.LedgerEntry{ID: e.ID, FundID: e.FundID, Seq: e.Seq, Kind: e.Kind, Amount: e.Amount, Currency: e.Currency,
			OrganizationID: e.OrganizationID, Corrects: e.Corrects, Memo: e.Memo, ApprovedBy: e.ApprovedBy, At: e.At,
			PrevHash: e.PrevHash, Hash: e.Hash, RecordedBy: l.actor, RoundID: l.rounds[e.ID]}
	}
	return l.tx.AppendEntries(ctx, l.fund.ID, out)
}
