package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// NewFund is the body of a new fund.
type NewFund struct {
	Name                 string `json:"name" minLength:"1" maxLength:"200"`
	HolderOrganizationID string `json:"holder_organization_id,omitempty" maxLength:"64" doc:"The organization holding the money, if it is in Braid; else give holder_name."`
	HolderName           string `json:"holder_name,omitempty" maxLength:"200" doc:"Who holds the money, often a fiscal sponsor."`
	Funder               string `json:"funder,omitempty" maxLength:"200"`
	Restrictions         string `json:"restrictions,omitempty" maxLength:"20000"`
	Currency             string `json:"currency" minLength:"3" maxLength:"3" doc:"ISO 4217 code, e.g. USD."`
}

// NewLedgerEntry is a movement of money to append to a fund's ledger. Entries cannot
// be edited or deleted; record a correction naming the entry instead.
type NewLedgerEntry struct {
	Kind           string `json:"kind" enum:"received,allocated,paid_out,fee,correction"`
	Amount         int64  `json:"amount,omitempty" minimum:"0" doc:"In minor units (cents), above 0; leave out for a correction, which reverses the whole entry."`
	Currency       string `json:"currency" minLength:"3" maxLength:"3" doc:"Must be the fund's currency."`
	OrganizationID string `json:"organization_id,omitempty" maxLength:"64" doc:"The member organization, for allocated and paid_out."`
	Corrects       string `json:"corrects,omitempty" maxLength:"64" doc:"For a correction: the id of the entry it reverses."`
	Memo           string `json:"memo,omitempty" maxLength:"500"`
}

// FundList is a coalition's funds with their balances.
type FundList struct {
	Funds []app.FundSummary `json:"funds"`
}

// FundPath names a fund of a coalition.
type FundPath struct {
	CoalitionPath
	FundID string `path:"fund_id" maxLength:"64"`
}

func (x *API) registerFunds() {
	huma.Register(x.huma, operation("list-funds", http.MethodGet, "/coalitions/{id}/funds", "List funds with their balances", "Money", signedIn,
		http.StatusNotFound), x.listFunds)
	huma.Register(x.huma, operation("create-fund", http.MethodPost, "/coalitions/{id}/funds", "Add a fund", "Money", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.createFund)
	huma.Register(x.huma, operation("get-fund", http.MethodGet, "/coalitions/{id}/funds/{fund_id}", "A fund with its whole ledger, balance and chain status", "Money", signedIn,
		http.StatusNotFound), x.getFund)
	huma.Register(x.huma, operation("append-ledger-entry", http.MethodPost, "/coalitions/{id}/funds/{fund_id}/entries", "Append an entry to a fund's ledger", "Money", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.appendEntry)
}

func (x *API) listFunds(ctx context.Context, in *CoalitionPath) (*struct{ Body FundList }, error) {
	fs, err := x.app.Funds(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body FundList }{FundList{Funds: orEmpty(fs)}}, nil
}

func (x *API) createFund(ctx context.Context, in *struct {
	CoalitionPath
	Body NewFund
}) (*struct{ Body *domain.Fund }, error) {
	b := in.Body
	f, err := x.app.CreateFund(ctx, httpx.User(ctx), in.ID, app.FundInput{Name: b.Name, HolderOrganizationID: b.HolderOrganizationID,
		HolderName: b.HolderName, Funder: b.Funder, Restrictions: b.Restrictions, Currency: b.Currency})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.Fund }{f}, nil
}

func (x *API) getFund(ctx context.Context, in *FundPath) (*struct{ Body *app.FundDetail }, error) {
	d, err := x.app.Fund(ctx, httpx.User(ctx), in.ID, in.FundID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *app.FundDetail }{d}, nil
}

func (x *API) appendEntry(ctx context.Context, in *struct {
	FundPath
	Body NewLedgerEntry
}) (*struct{ Body *domain.LedgerEntry }, error) {
	b := in.Body
	e, err := x.app.RecordEntry(ctx, httpx.User(ctx), in.ID, in.FundID, app.EntryInput{Kind: b.Kind, Amount: b.Amount,
		Currency: b.Currency, OrganizationID: b.OrganizationID, Corrects: b.Corrects, Memo: b.Memo})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body *domain.LedgerEntry }{e}, nil
}
