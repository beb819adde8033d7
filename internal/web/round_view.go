package web

import (
	"github.com/braid-org/braid/internal/app"
	"maps"
	"net/http"
	"slices"

	"github.com/braid-org/braid/internal/allocate"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

// roundsView is the data of the rounds page.
type roundsView struct {
	Coalition *domain.Coalition
	CanSteer  bool
	Rounds    []roundRow
	Funds     []option
	Methods   []option
	Members   []option
	// ProposalMethods are the methods a round's proposal may use.
	ProposalMethods []string
}

// roundRow is one round in the list.
type roundRow struct {
	ID, Title, Fund, Amount, Method, Status, Opened string
	Approved                                        bool
}

// allocationRoundView is the data of one round's page.
type allocationRoundView struct {
	Coalition            *domain.Coalition
	Round                domain.AllocationRound
	Fund                 domain.Fund
	Amount, Method       string
	Open, CanApprove     bool
	CanSteer             bool
	Lines                []lineRow
	Formula              bool
	PreviewError         string
	Leftover             int64
	Scale                string
	Period, Bounds       string
	ApprovedBy, Approved string
	Givers               []string // organizations that gave points
	PointForms           []pointsForm
	Compensation         *compensationView
}

// lineRow is one member's amount and its arithmetic, in the fund's currency where money.
type lineRow struct {
	Name, Hours, Weight, Multiplier, Base, EqualPart, WeightPart, Quota, Bound, Bounded, Remainder, Amount string
	ExtraCent                                                                                              bool
}

// pointsForm is the points form of one organization the viewer represents.
type pointsForm struct {
	GiverID, GiverName string
	Others             []pointField
}

type pointField struct{ ID, Name, Value string }

// loadRounds gathers the rounds page.
func (h *Handler) loadRounds(r *http.Request, loc *i18n.Localizer) (*roundsView, error) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	v := &roundsView{Coalition: c, ProposalMethods: app.RoundProposalMethods}
	if v.CanSteer, err = h.app.CanSteer(ctx, user, c.ID); err != nil {
		return nil, err
	}
	funds, err := h.app.Funds(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	fundName := map[string]string{}
	for _, f := range funds {
		fundName[f.ID] = f.Name
		v.Funds = append(v.Funds, option{f.ID, f.Name + " (" + domain.FormatAmount(f.Balance.Pool, f.Currency) + " " + f.Currency + ")"})
	}
	rounds, err := h.app.Rounds(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	for _, rd := range rounds {
		v.Rounds = append(v.Rounds, roundRow{ID: rd.ID, Title: rd.Title, Fund: fundName[rd.FundID],
			Amount: domain.FormatAmount(rd.Amount, rd.Currency) + " " + rd.Currency, Method: loc.T("money.method." + rd.Method),
			Status: loc.T("money.round.status." + rd.Status), Opened: rd.OpenedAt.Format("2006-01-02"), Approved: rd.Status == domain.RoundApproved})
	}
	for _, m := range allocate.Methods {
		v.Methods = append(v.Methods, option{string(m), loc.T("money.method." + string(m))})
	}
	ms, err := h.app.MoneyMembers(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		v.Members = append(v.Members, option{m.OrganizationID, m.Organization.Name})
	}
	return v, nil
}

// loadRound gathers one round's page.
func (h *Handler) loadRound(r *http.Request, loc *i18n.Localizer) (*allocationRoundView, error) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	rv, err := h.app.Round(ctx, user, c.ID, r.PathValue("round_id"))
	if err != nil {
		return nil, err
	}
	rd, cur := rv.Round, rv.Round.Currency
	money := func(x int64) string { return domain.FormatAmount(x, cur) }
	v := &allocationRoundView{Coalition: c, Round: rd, Fund: rv.Fund, Amount: money(rd.Amount) + " " + cur, Method: loc.T("money.method." + rd.Method),
		Open: rd.Status == domain.RoundOpen, CanSteer: rv.CanSteer, Formula: rd.Method == string(allocate.EquityFormula), PreviewError: rv.PreviewError}
	v.CanApprove = v.Open && v.CanSteer && rv.Preview != nil && rv.Round.Decision != app.DecisionProposal
	v.Period = loc.T("money.round.period", "From", orDash(rd.Params.From), "To", orDash(rd.Params.To))
	v.Bounds = loc.T("money.round.bounds", "Min", boundText(loc, rd.Params.Min, money), "Max", boundText(loc, rd.Params.Max, money))
	if rd.ApprovedAt != nil {
		v.ApprovedBy, v.Approved = rv.Names[rd.ApprovedBy], rd.ApprovedAt.Format("2006-01-02 15:04")
		if rd.ProposalID != "" {
			v.ApprovedBy = loc.T("money.round.approved_by_proposal")
		}
	}
	if p := rv.Preview; p != nil {
		v.Leftover, v.Scale = p.Leftover, p.Scale.Fraction
		for _, l := range p.Lines {
			v.Lines = append(v.Lines, lineRow{Name: rv.Names[l.OrganizationID], Hours: domain.FormatMinutes(rv.Minutes[l.OrganizationID]),
				Weight: l.Weight.Decimal, Multiplier: l.Multiplier.Decimal, Base: money(l.Base), EqualPart: l.EqualPart.Decimal,
				WeightPart: l.WeightPart.Decimal, Quota: l.Quota.Decimal, Bound: boundLabel(loc, l.Bound), Bounded: l.Bounded.Decimal,
				Remainder: l.Remainder.Decimal, Amount: money(l.Amount), ExtraCent: l.ExtraCent == 1})
		}
	}
	for _, g := range slices.Sorted(maps.Keys(rv.Points)) {
		v.Givers = append(v.Givers, rv.Names[g])
	}
	if rd.Method == string(allocate.Peer) && v.Open {
		mine, err := h.app.MyMemberships(ctx, user, c.ID)
		if err != nil {
			return nil, err
		}
		for _, m := range mine {
			if !slices.Contains(rd.Members, m.OrganizationID) {
				continue
			}
			form := pointsForm{GiverID: m.OrganizationID, GiverName: m.Organization.Name}
			for _, other := range rd.Members {
				if other != m.OrganizationID {
					val := ""
					if pts, ok := rv.Points[m.OrganizationID][other]; ok {
						val = itoa64(pts)
					}
					form.Others = append(form.Others, pointField{other, rv.Names[other], val})
				}
			}
			v.PointForms = append(v.PointForms, form)
		}
	}
	v.Compensation, err = h.loadCompensation(r, loc, c.ID)
	return v, err
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func boundText(loc *i18n.Localizer, x int64, money func(int64) string) string {
	if x == 0 {
		return loc.T("money.round.no_bound")
	}
	return money(x)
}

func boundLabel(loc *i18n.Localizer, b string) string {
	if b == "" {
		return ""
	}
	return loc.T("money.bound." + b)
}
