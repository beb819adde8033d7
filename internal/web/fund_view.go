package web

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/ledger"
	"github.com/braid-org/braid/internal/web/i18n"
)

// fundsView is the data of the funds page.
type fundsView struct {
	Coalition *domain.Coalition
	CanManage bool
	Funds     []fundRow
}

// fundRow is one fund in the list, its figures formatted in its currency.
type fundRow struct {
	ID, Name, Holder, Funder, Currency string
	Received, Pool, Owed, Held         string
}

// option is a value and its label for a select.
type option struct{ Value, Label string }

// fundView is the data of one fund's page.
type fundView struct {
	Coalition   *domain.Coalition
	Fund        domain.Fund
	CanManage   bool
	Balance     balanceView
	Intact      bool
	Breaks      []string
	HeadMatches bool
	Entries     []entryRow
	Kinds       []option
	Members     []option
	Correctable []option
	// MemberOptions and CorrectOptions are the entry form's choices, each led by "none".
	MemberOptions, CorrectOptions []option
	Compensation                  *compensationView
}

// balanceView is a balance formatted in its currency.
type balanceView struct{ Received, Allocated, PaidOut, Fees, Pool, Owed, Held string }

// entryRow is one ledger entry ready to show.
type entryRow struct {
	ID, Kind, Amount, Organization, Memo, Approvers, At, Hash, PrevHash string
	Seq                                                                 int64
	Negative                                                            bool
	Corrects                                                            int64 // seq of the entry a correction reverses
	CorrectedBy                                                         int64 // seq of the correction that reversed this entry
	Round                                                               string
}

func formatBalance(b app.Balance, currency string) balanceView {
	f := func(x int64) string { return domain.FormatAmount(x, currency) }
	return balanceView{f(b.Received), f(b.Allocated), f(b.PaidOut), f(b.Fees), f(b.Pool), f(b.Owed), f(b.Held)}
}

// loadFunds gathers the funds page through the use cases, which authorize.
func (h *Handler) loadFunds(r *http.Request, _ *i18n.Localizer) (*fundsView, error) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	funds, err := h.app.Funds(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	v := &fundsView{Coalition: c, CanManage: perm.Can(app.ManageFunds)}
	for _, f := range funds {
		b := formatBalance(f.Balance, f.Currency)
		v.Funds = append(v.Funds, fundRow{ID: f.ID, Name: f.Name, Holder: f.HolderName, Funder: f.Funder, Currency: f.Currency,
			Received: b.Received, Pool: b.Pool, Owed: b.Owed, Held: b.Held})
	}
	return v, nil
}

// loadFund gathers one fund's page.
func (h *Handler) loadFund(r *http.Request, loc *i18n.Localizer) (*fundView, error) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	d, err := h.app.Fund(ctx, user, c.ID, r.PathValue("fund_id"))
	if err != nil {
		return nil, err
	}
	v := &fundView{Coalition: c, Fund: d.Fund, CanManage: perm.Can(app.ManageFunds), Balance: formatBalance(d.Balance, d.Fund.Currency),
		Intact: d.Chain.Intact, HeadMatches: d.Chain.HeadMatches}
	for _, b := range d.Chain.Breaks {
		v.Breaks = append(v.Breaks, loc.T("money.chain.break."+b.Kind, "Seq", b.Seq))
	}
	v.Entries, v.Correctable = entryRows(loc, d)
	for _, k := range ledger.Kinds {
		v.Kinds = append(v.Kinds, option{k, loc.T("money.kind." + k)})
	}
	ms, err := h.app.MoneyMembers(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		v.Members = append(v.Members, option{m.OrganizationID, m.Organization.Name})
	}
	v.MemberOptions = append([]option{{"", loc.T("money.entry.no_organization")}}, v.Members...)
	v.CorrectOptions = append([]option{{"", loc.T("money.entry.corrects_none")}}, v.Correctable...)
	v.Compensation, err = h.loadCompensation(r, loc, c.ID)
	return v, err
}

// entryRows formats a ledger newest first, and lists the entries a correction may
// still reverse.
func entryRows(loc *i18n.Localizer, d *app.FundDetail) ([]entryRow, []option) {
	seqOf := map[string]int64{}
	corrected := map[string]int64{}
	for _, e := range d.Entries {
		seqOf[e.ID] = e.Seq
		if e.Corrects != "" {
			corrected[e.Corrects] = e.Seq
		}
	}
	var rows []entryRow
	var correctable []option
	for _, e := range d.Entries {
		approvers := make([]string, 0, len(e.ApprovedBy))
		for _, id := range e.ApprovedBy {
			approvers = append(approvers, cmp.Or(d.Names[id], id))
		}
		slices.Sort(approvers)
		row := entryRow{ID: e.ID, Seq: e.Seq, Kind: loc.T("money.kind." + e.Kind), Amount: domain.FormatAmount(e.Amount, e.Currency),
			Organization: d.Names[e.OrganizationID], Memo: e.Memo, Approvers: strings.Join(approvers, ", "),
			At: e.At.UTC().Format("2006-01-02 15:04"), Hash: e.Hash[:12], PrevHash: e.PrevHash[:12], Negative: e.Amount < 0,
			Corrects: seqOf[e.Corrects], CorrectedBy: corrected[e.ID], Round: e.RoundID}
		rows = append(rows, row)
		if e.Kind != ledger.KindCorrection && corrected[e.ID] == 0 {
			label := loc.T("money.entry.correct_option", "Seq", e.Seq, "Kind", row.Kind, "Amount", row.Amount)
			correctable = append(correctable, option{e.ID, label})
		}
	}
	slices.Reverse(rows)
	slices.Reverse(correctable)
	return rows, correctable
}
