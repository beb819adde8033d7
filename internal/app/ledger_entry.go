package app

import (
	"context"
	"errors"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/ledger"
	"github.com/braid-org/braid/internal/store"
)

// EntryInput is a movement of money a coordinator records in a fund's ledger. For a
// correction, Corrects names the entry reversed, and the amount and organization are
// those of that entry (the amount negated); Amount may then be left at 0.
type EntryInput struct {
	Kind           string `json:"kind"`
	Amount         int64  `json:"amount"`
	Currency       string `json:"currency"`
	OrganizationID string `json:"organization_id"`
	Corrects       string `json:"corrects"`
	Memo           string `json:"memo"`
}

// RecordEntry appends one entry to a fund's ledger. The coordinator who records it is
// its approver. It refuses, writing nothing: an unknown kind, an amount of 0 or below,
// a currency other than the fund's, an organization that is not a member, money
// allocated beyond the pool or paid out beyond what is owed, and a correction that
// does not name an earlier, uncorrected entry of the fund.
func (a *App) RecordEntry(ctx context.Context, actor Actor, coalitionID, fundID string, in EntryInput) (*domain.LedgerEntry, error) {
	var v domain.Validation
	domain.CheckText(&v, "memo", in.Memo, 0, domain.MaxShort)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out domain.LedgerEntry
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageFunds)
		if err != nil {
			return err
		}
		f, existing, err := lockLedger(ctx, tx, p.Coalition.ID, fundID)
		if err != nil {
			return err
		}
		e := ledger.Entry{ID: store.NewID(), FundID: f.ID, Kind: in.Kind, Amount: in.Amount, Currency: in.Currency,
			OrganizationID: in.OrganizationID, Corrects: in.Corrects, Memo: in.Memo, ApprovedBy: []string{actor.ID}, At: tx.Now}
		if in.Kind == ledger.KindCorrection {
			if err := fillCorrection(&e, existing, in); err != nil {
				return err
			}
		}
		if e.OrganizationID != "" {
			if _, err := tx.FindMembershipOfOrganization(ctx, p.Coalition.ID, e.OrganizationID); domain.ErrorCode(err) == domain.ENOTFOUND {
				return moneyFieldError("organization_id", "This organization is not a member of the coalition.")
			} else if err != nil {
				return err
			}
		}
		sealed, err := appendToLedger(ctx, tx, f, existing, actor.ID, "", e)
		if err != nil {
			return err
		}
		out = sealed[0]
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "ledger.append", "ledger_entry", out.ID, map[string]any{
			"fund_id": f.ID, "seq": out.Seq, "kind": out.Kind, "amount": out.Amount, "currency": out.Currency,
			"organization_id": out.OrganizationID, "corrects": out.Corrects, "hash": out.Hash})
	})
	return &out, err
}

// fillCorrection takes the amount and organization of the entry a correction reverses.
func fillCorrection(e *ledger.Entry, existing []ledger.Entry, in EntryInput) error {
	i := slices.IndexFunc(existing, func(x ledger.Entry) bool { return x.ID == in.Corrects })
	if in.Corrects == "" || i < 0 {
		return moneyFieldError("corrects", "Name an earlier entry of this fund to correct.")
	}
	target := existing[i]
	if in.Amount != 0 && in.Amount != -target.Amount {
		return moneyFieldError("amount", "A correction reverses the whole entry: leave the amount empty.")
	}
	if in.OrganizationID != "" && in.OrganizationID != target.OrganizationID {
		return moneyFieldError("organization_id", "A correction names the organization of the entry it corrects.")
	}
	e.Amount, e.OrganizationID = -target.Amount, target.OrganizationID
	return nil
}

// lockLedger locks a fund for appending and reads its ledger.
func lockLedger(ctx context.Context, tx *store.Tx, coalitionID, fundID string) (*domain.Fund, []ledger.Entry, error) {
	f, err := tx.LockFund(ctx, coalitionID, fundID)
	if err != nil {
		return nil, nil, err
	}
	stored, err := tx.ListEntries(ctx, f.ID)
	if err != nil {
		return nil, nil, err
	}
	return f, toLedgerAll(stored), nil
}

// appendToLedger checks added entries against the fund's ledger (held under the fund's
// lock), seals them onto its chain and stores them with the new head. A ledger whose
// chain is broken takes no new entries: appending would hide the break.
func appendToLedger(ctx context.Context, tx *store.Tx, f *domain.Fund, existing []ledger.Entry, recordedBy, roundID string, added ...ledger.Entry) ([]domain.LedgerEntry, error) {
	if s := verifyChain(*f, existing); !s.Intact {
		return nil, domain.Errorf(domain.ECONFLICT, "This fund's ledger fails verification, so nothing more can be recorded until it is repaired from a backup.")
	}
	if err := ledger.CheckAppend(f.ID, f.Currency, existing, added...); err != nil {
		return nil, ledgerError(err)
	}
	var prev *ledger.Entry
	if n := len(existing); n > 0 {
		prev = &existing[n-1]
	}
	out := make([]domain.LedgerEntry, 0, len(added))
	for _, e := range added {
		s := ledger.Seal(prev, e)
		prev = &s
		out = append(out, fromLedger(s, recordedBy, roundID))
	}
	if err := tx.AppendEntries(ctx, f.ID, out); err != nil {
		return nil, err
	}
	return out, nil
}

// ledgerError turns the ledger package's input errors into field errors.
func ledgerError(err error) error {
	var ie *ledger.InputError
	if errors.As(err, &ie) {
		return moneyFieldError(ie.Field, ledgerMessage(ie))
	}
	return err
}

// ledgerMessage is the ledger's message as a sentence.
func ledgerMessage(ie *ledger.InputError) string {
	r, n := utf8.DecodeRuneInString(ie.Message)
	return string(unicode.ToUpper(r)) + ie.Message[n:] + "."
}

func toLedger(e domain.LedgerEntry) ledger.Entry {
	return ledger.Entry{ID: e.ID, FundID: e.FundID, Seq: e.Seq, Kind: e.Kind, Amount: e.Amount, Currency: e.Currency,
		OrganizationID: e.OrganizationID, Corrects: e.Corrects, Memo: e.Memo, ApprovedBy: e.ApprovedBy, At: e.At,
		PrevHash: e.PrevHash, Hash: e.Hash}
}

func toLedgerAll(es []domain.LedgerEntry) []ledger.Entry {
	out := make([]ledger.Entry, len(es))
	for i, e := range es {
		out[i] = toLedger(e)
	}
	return out
}

func fromLedger(e ledger.Entry, recordedBy, roundID string) domain.LedgerEntry {
	return domain.LedgerEntry{ID: e.ID, FundID: e.FundID, Seq: e.Seq, Kind: e.Kind, Amount: e.Amount, Currency: e.Currency,
		OrganizationID: e.OrganizationID, Corrects: e.Corrects, Memo: e.Memo, ApprovedBy: e.ApprovedBy, At: e.At,
		PrevHash: e.PrevHash, Hash: e.Hash, RecordedBy: recordedBy, RoundID: roundID}
}

// LedgerVerification is the chain status of one fund, for `braid ledger verify`.
type LedgerVerification struct {
	Fund  domain.Fund
	Chain ChainStatus
}

// VerifyLedgers checks the hash chain of every fund in the database. It is for the
// command line, which runs with the operator's authority, so it takes no actor.
func (a *App) VerifyLedgers(ctx context.Context) ([]LedgerVerification, error) {
	var out []LedgerVerification
	err := a.read(ctx, func(tx *store.Tx) error {
		funds, err := tx.ListAllFunds(ctx)
		if err != nil {
			return err
		}
		for _, f := range funds {
			entries, err := tx.ListEntries(ctx, f.ID)
			if err != nil {
				return err
			}
			out = append(out, LedgerVerification{Fund: f, Chain: verifyChain(f, toLedgerAll(entries))})
		}
		return nil
	})
	return out, err
}
