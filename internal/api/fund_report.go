package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// FundReport is a fund's report for a funder: the balance before and after a period,
// the movements in it, and the period's allocations by member and by group.
type FundReport struct {
	Fund    domain.Fund            `json:"fund"`
	From    *string                `json:"from" format:"date" doc:"The first day of the period; null when open."`
	To      *string                `json:"to" format:"date" doc:"The last day of the period; null when open."`
	Opening app.Balance            `json:"opening" doc:"The balance before the period."`
	Period  app.Balance            `json:"period" doc:"What moved in the period (closing minus opening, figure by figure)."`
	Closing app.Balance            `json:"closing" doc:"The balance at the end of the period."`
	Members []app.FundReportMember `json:"members"`
	Groups  []EquityGroup          `json:"groups" doc:"The period's allocations by group of current members, as in the equity report (quantity in minor units)."`
	// GroupsNote says why groups is empty when it cannot be computed.
	GroupsNote  string `json:"groups_note,omitempty"`
	ChainIntact bool   `json:"chain_intact" doc:"Whether the fund's hash chain verifies."`
}

func (x *API) registerFundReport() {
	op := operation("get-fund-report", http.MethodGet, "/coalitions/{id}/funds/{fund_id}/report", "A fund's report for a period", "Money", signedIn,
		http.StatusNotFound)
	op.Description = "Received, allocated (by member and by group), paid out, fees and the balance before and after the period, in minor units."
	huma.Register(x.huma, op, x.fundReport)
}

func (x *API) fundReport(ctx context.Context, in *struct {
	FundPath
	From string `query:"from" format:"date" doc:"First day of the period (YYYY-MM-DD)."`
	To   string `query:"to" format:"date" doc:"Last day of the period (YYYY-MM-DD), included."`
}) (*struct{ Body FundReport }, error) {
	r, err := x.app.FundReport(ctx, httpx.User(ctx), in.ID, in.FundID, in.From, in.To)
	if err != nil {
		return nil, x.fail(ctx, err, at{"from": "query.from", "to": "query.to"})
	}
	out := FundReport{Fund: r.Fund, Opening: r.Opening, Period: r.Period, Closing: r.Closing, Members: r.Members,
		Groups: equityGroups(r.Groups), GroupsNote: r.GroupsNote, ChainIntact: r.ChainIntact}
	if in.From != "" {
		out.From = &in.From
	}
	if in.To != "" {
		out.To = &in.To
	}
	return &struct{ Body FundReport }{out}, nil
}
