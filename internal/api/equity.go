package api

import (
	"context"
	"net/http"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/equity"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// EquityReport is the equity report of one dimension, as defined in PRODUCT.md. Shares,
// ratios and concentration are null when the dimension sums to 0.
type EquityReport struct {
	CoalitionID   string               `json:"coalition_id"`
	Dimension     string               `json:"dimension"`
	From          *string              `json:"from" format:"date" doc:"The first day of the period; null when open."`
	To            *string              `json:"to" format:"date" doc:"The last day of the period; null when open."`
	Members       int                  `json:"members" doc:"Memberships counted: not left by the end of the period."`
	Total         float64              `json:"total" doc:"The dimension summed over all members."`
	Groups        []EquityGroup        `json:"groups"`
	Concentration EquityConcentration  `json:"concentration"`
	Organizations []EquityOrganization `json:"organizations" doc:"By quantity, largest first."`
}

// EquityGroup is one value of one attribute with its shares; ratio 1 is parity.
type EquityGroup struct {
	Attribute       string   `json:"attribute" enum:"bipoc_led,most_impacted,budget_band"`
	Value           string   `json:"value"`
	Members         int      `json:"members"`
	MembershipShare float64  `json:"membership_share"`
	Quantity        float64  `json:"quantity"`
	Share           *float64 `json:"share"`
	Ratio           *float64 `json:"ratio"`
	Flag            bool     `json:"flag"`
	FlagReason      string   `json:"flag_reason" enum:",under_represented,over_represented"`
	Centred         bool     `json:"centred"`
}

// EquityConcentration is how unevenly the dimension is spread over members.
type EquityConcentration struct {
	Gini       *float64 `json:"gini"`
	Top20Share *float64 `json:"top20_share" doc:"The share held by the fifth of members with the most."`
}

// EquityOrganization is one member organization's quantity.
type EquityOrganization struct {
	OrganizationID string  `json:"organization_id"`
	Name           string  `json:"name"`
	Quantity       float64 `json:"quantity"`
}

func (x *API) registerEquity() {
	op := operation("get-equity-report", http.MethodGet, "/coalitions/{id}/equity", "Compute the equity report of a dimension", "Equity", signedIn, http.StatusNotFound)
	op.Description = "Groups member organizations by BIPOC leadership, most-impacted status and budget band, and compares each " +
		"group's share of the dimension with its share of members (ratio 1 is parity; flags follow the four-fifths rule)."
	huma.Register(x.huma, op, x.equityReport)
}

func (x *API) equityReport(ctx context.Context, in *struct {
	CoalitionPath
	Dimension dimension `query:"dimension" required:"true" doc:"What to measure."`
	From      string    `query:"from" format:"date" doc:"First day of the period (YYYY-MM-DD)."`
	To        string    `query:"to" format:"date" doc:"Last day of the period (YYYY-MM-DD), included."`
}) (*struct{ Body EquityReport }, error) {
	from, ok1 := parseDay(in.From, 0)
	to, ok2 := parseDay(in.To, 24*time.Hour-time.Nanosecond)
	if !ok1 || !ok2 {
		return nil, huma.Error422UnprocessableEntity("Dates look like 2024-03-31.")
	}
	r, err := x.app.EquityReport(ctx, httpx.User(ctx), in.ID, string(in.Dimension), from, to)
	if err != nil {
		return nil, x.fail(ctx, err, at{"dimension": "query.dimension", "from": "query.from", "to": "query.to"})
	}
	return &struct{ Body EquityReport }{renderEquity(r, in.From, in.To)}, nil
}

// parseDay reads a YYYY-MM-DD query value (already checked against the schema) as a UTC
// instant, offset into the day so that the last day of a period counts whole. "" is an
// open bound.
func parseDay(s string, offset time.Duration) (*time.Time, bool) {
	if s == "" {
		return nil, true
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil, false
	}
	t = t.Add(offset)
	return &t, true
}

func renderEquity(r *app.EquityReport, from, to string) EquityReport {
	out := EquityReport{CoalitionID: r.CoalitionID, Dimension: r.Dimension, Members: r.Members, Total: r.Total,
		Groups: []EquityGroup{}, Organizations: []EquityOrganization{},
		Concentration: EquityConcentration{Gini: r.Concentration.Gini, Top20Share: r.Concentration.Top20Share}}
	if from != "" {
		out.From = &from
	}
	if to != "" {
		out.To = &to
	}
	out.Groups = equityGroups(r.Groups)
	for _, o := range r.Organizations {
		out.Organizations = append(out.Organizations, EquityOrganization{OrganizationID: o.OrganizationID, Name: r.Names[o.OrganizationID], Quantity: o.Quantity})
	}
	return out
}

// equityGroups renders the groups of an equity report, [] when there are none.
func equityGroups(gs []equity.Group) []EquityGroup {
	out := make([]EquityGroup, 0, len(gs))
	for _, g := range gs {
		out = append(out, EquityGroup{Attribute: g.Attribute, Value: g.Value, Members: g.Members, MembershipShare: g.MembershipShare,
			Quantity: g.Quantity, Share: g.Share, Ratio: g.Ratio, Flag: g.Flag, FlagReason: g.FlagReason, Centred: g.Centred})
	}
	return out
}
