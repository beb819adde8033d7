package web

import (
	"net/http"
	"net/url"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerFunds(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/funds", h.fundsShow)
	r.HandleFunc("POST /coalitions/{id}/funds", h.fundCreate)
	r.HandleFunc("GET /coalitions/{id}/funds/{fund_id}", h.fundShow)
	r.HandleFunc("POST /coalitions/{id}/funds/{fund_id}/entries", h.entryCreate)
}

// fundsShow handles GET /coalitions/{id}/funds: every fund with its balance, and the
// form for a new one when the viewer may add funds.
func (h *Handler) fundsShow(w http.ResponseWriter, r *http.Request) {
	h.renderFunds(w, r, http.StatusOK, nil)
}

func (h *Handler) renderFunds(w http.ResponseWriter, r *http.Request, status int, formErr error) {
	p := h.page(r, "money.funds.title", nil)
	view, err := h.loadFunds(r, p.Localizer)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Data = view
	p.Title = p.T("money.funds.title_of", "Coalition", view.Coalition.Name)
	if formErr != nil {
		if !h.formError(w, r, "funds", p, formErr) {
			h.fail(w, r, formErr)
		}
		return
	}
	h.render(w, r, status, "funds", p)
}

// fundCreate handles POST /coalitions/{id}/funds.
func (h *Handler) fundCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	f := r.PostForm
	fund, err := h.app.CreateFund(r.Context(), httpx.User(r.Context()), r.PathValue("id"), app.FundInput{
		Name: f.Get("name"), HolderName: f.Get("holder_name"), Funder: f.Get("funder"),
		Restrictions: f.Get("restrictions"), Currency: f.Get("currency")})
	if err != nil {
		h.renderFunds(w, r, 0, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("money.fund.created", "Name", fund.Name))
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(r.PathValue("id"))+"/funds/"+url.PathEscape(fund.ID), http.StatusSeeOther)
}

// fundShow handles GET /coalitions/{id}/funds/{fund_id}: balance, chain status, every
// entry with who approved it, and the entry form for coordinators.
func (h *Handler) fundShow(w http.ResponseWriter, r *http.Request) {
	h.renderFund(w, r, http.StatusOK, nil)
}

func (h *Handler) renderFund(w http.ResponseWriter, r *http.Request, status int, formErr error) {
	p := h.page(r, "money.fund.title", nil)
	view, err := h.loadFund(r, p.Localizer)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Data = view
	p.Title = view.Fund.Name
	if formErr != nil {
		if !h.formError(w, r, "fund", p, formErr) {
			h.fail(w, r, formErr)
		}
		return
	}
	h.render(w, r, status, "fund", p)
}

// entryCreate handles POST /coalitions/{id}/funds/{fund_id}/entries. The amount is
// typed in the fund's currency ("1250.00") and read exactly as minor units.
func (h *Handler) entryCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ctx, user := r.Context(), httpx.User(r.Context())
	coalitionID, fundID := r.PathValue("id"), r.PathValue("fund_id")
	d, err := h.app.Fund(ctx, user, coalitionID, fundID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f := r.PostForm
	in := app.EntryInput{Kind: f.Get("kind"), Currency: d.Fund.Currency, OrganizationID: f.Get("organization_id"),
		Corrects: f.Get("corrects"), Memo: f.Get("memo")}
	if in.Kind != "correction" || f.Get("amount") != "" {
		amount, err := domain.ParseAmount(f.Get("amount"), d.Fund.Currency)
		if err != nil {
			h.renderFund(w, r, 0, &domain.Error{Code: domain.EINVALID, Message: domain.ErrorMessage(err),
				Fields: []domain.FieldError{{Field: "amount", Message: domain.ErrorMessage(err)}}})
			return
		}
		in.Amount = amount
	}
	e, err := h.app.RecordEntry(ctx, user, coalitionID, fundID, in)
	if err != nil {
		h.renderFund(w, r, 0, err)
		return
	}
	loc := h.requestLocalizer(r)
	h.flash(r, loc.T("money.entry.recorded", "Seq", e.Seq, "Kind", loc.T("money.kind."+e.Kind)))
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(coalitionID)+"/funds/"+url.PathEscape(fundID)+"#entries", http.StatusSeeOther)
}
