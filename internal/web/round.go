package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerRounds(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/allocation-rounds", h.roundsShow)
	r.HandleFunc("POST /coalitions/{id}/allocation-rounds", h.roundOpen)
	r.HandleFunc("GET /coalitions/{id}/allocation-rounds/{round_id}", h.roundShow)
	r.HandleFunc("POST /coalitions/{id}/allocation-rounds/{round_id}/approve", h.roundApprove)
	r.HandleFunc("POST /coalitions/{id}/allocation-rounds/{round_id}/points", h.roundPoints)
}

// roundsShow handles GET /coalitions/{id}/allocation-rounds: past and open rounds, and
// the form to open one for coordinators and steering members' representatives.
func (h *Handler) roundsShow(w http.ResponseWriter, r *http.Request) { h.renderRounds(w, r, nil) }

func (h *Handler) renderRounds(w http.ResponseWriter, r *http.Request, formErr error) {
	p := h.page(r, "money.rounds.title", nil)
	view, err := h.loadRounds(r, p.Localizer)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Data = view
	p.Title = p.T("money.rounds.title_of", "Coalition", view.Coalition.Name)
	if formErr != nil {
		if !h.formError(w, r, "rounds", p, formErr) {
			h.fail(w, r, formErr)
		}
		return
	}
	h.render(w, r, http.StatusOK, "rounds", p)
}

// roundOpen handles POST /coalitions/{id}/allocation-rounds. Amounts are typed in the
// fund's currency and read exactly; multipliers and the percentage as decimals.
func (h *Handler) roundOpen(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ctx, user, id := r.Context(), httpx.User(r.Context()), r.PathValue("id")
	in, err := h.roundForm(r)
	if err == nil {
		var round *domain.AllocationRound
		round, err = h.app.OpenRound(ctx, user, id, in)
		if err == nil {
			h.flash(r, h.requestLocalizer(r).T("money.round.opened", "Title", round.Title))
			http.Redirect(w, r, "/coalitions/"+url.PathEscape(id)+"/allocation-rounds/"+url.PathEscape(round.ID), http.StatusSeeOther)
			return
		}
	}
	h.renderRounds(w, r, err)
}

// roundForm reads the open-round form. The fund's currency decides how amounts read.
func (h *Handler) roundForm(r *http.Request) (app.RoundInput, error) {
	f := r.PostForm
	in := app.RoundInput{FundID: f.Get("fund_id"), Title: f.Get("title"), Method: f.Get("method"), Members: f["members"],
		Params: domain.RoundParams{From: f.Get("from"), To: f.Get("to")}, Decision: f.Get("decision"), ProposalMethod: f.Get("proposal_method")}
	currency := "USD"
	if funds, err := h.app.Funds(r.Context(), httpx.User(r.Context()), r.PathValue("id")); err == nil {
		for _, fu := range funds {
			if fu.ID == in.FundID {
				currency = fu.Currency
			}
		}
	}
	var v domain.Validation
	amount := func(field string, required bool) int64 {
		s := strings.TrimSpace(f.Get(field))
		if s == "" && !required {
			return 0
		}
		x, err := domain.ParseAmount(s, currency)
		if err != nil {
			v.Add(field, domain.ErrorMessage(err))
		}
		return x
	}
	number := func(field string) float64 {
		s := strings.TrimSpace(f.Get(field))
		if s == "" {
			return 0
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			v.Add(field, "Enter a number such as 1.5.")
		}
		return x
	}
	if in.Decision == app.DecisionProposal {
		closes, err := time.ParseInLocation("2006-01-02T15:04", f.Get("proposal_closes_at"), time.UTC)
		if err != nil {
			v.Add("proposal_closes_at", "Choose when the proposal closes.")
		}
		in.ProposalClosesAt = closes
	}
	in.Amount = amount("amount", true)
	in.Params.Min, in.Params.Max, in.Params.Base = amount("min", false), amount("max", false), amount("base", false)
	in.Params.EqualPercent = number("equal_percent")
	in.Params.BipocLedWeight, in.Params.MostImpactedWeight, in.Params.SmallBudgetWeight =
		number("bipoc_led_weight"), number("most_impacted_weight"), number("small_budget_weight")
	return in, v.Err()
}

// roundShow handles GET /coalitions/{id}/allocation-rounds/{round_id}.
func (h *Handler) roundShow(w http.ResponseWriter, r *http.Request) { h.renderRound(w, r, nil) }

func (h *Handler) renderRound(w http.ResponseWriter, r *http.Request, formErr error) {
	p := h.page(r, "money.round.title", nil)
	view, err := h.loadRound(r, p.Localizer)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Data = view
	p.Title = view.Round.Title
	if formErr != nil {
		if !h.formError(w, r, "round", p, formErr) {
			h.fail(w, r, formErr)
		}
		return
	}
	h.render(w, r, http.StatusOK, "round", p)
}

// roundApprove handles POST .../approve.
func (h *Handler) roundApprove(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	round, err := h.app.ApproveRound(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("round_id"))
	if err != nil {
		h.renderRound(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("money.round.approved", "Title", round.Title))
	http.Redirect(w, r, r.URL.Path[:len(r.URL.Path)-len("/approve")], http.StatusSeeOther)
}

// roundPoints handles POST .../points: fields points.<organization id>.
func (h *Handler) roundPoints(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	in := domain.PeerPoints{Giver: r.PostForm.Get("giver_organization_id"), Points: map[string]int64{}}
	for k, vs := range r.PostForm {
		to, ok := strings.CutPrefix(k, "points.")
		if !ok || len(vs) == 0 || strings.TrimSpace(vs[0]) == "" {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(vs[0]), 10, 64)
		if err != nil {
			h.renderRound(w, r, &domain.Error{Code: domain.EINVALID, Message: "Enter whole points, from 0 to 100.",
				Fields: []domain.FieldError{{Field: "points", Message: "Enter whole points, from 0 to 100."}}})
			return
		}
		in.Points[to] = n
	}
	if err := h.app.GivePoints(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("round_id"), in); err != nil {
		h.renderRound(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("money.round.points_saved"))
	http.Redirect(w, r, r.URL.Path[:len(r.URL.Path)-len("/points")], http.StatusSeeOther)
}
