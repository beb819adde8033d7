package web

import (
	"net/http"
	"net/url"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerAsks(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/asks-offers", h.asksShow)
	r.HandleFunc("POST /coalitions/{id}/asks-offers", h.askForm(func(r *http.Request) error {
		f := r.PostForm
		_, err := h.app.PostAskOffer(r.Context(), httpx.User(r.Context()), r.PathValue("id"), app.NewAskOffer{Kind: f.Get("kind"),
			OrganizationID: f.Get("organization_id"), Title: f.Get("title"), Body: f.Get("body"), NeededBy: f.Get("needed_by")})
		return err
	}))
	r.HandleFunc("POST /coalitions/{id}/asks-offers/{ask_offer_id}/responses", h.askForm(func(r *http.Request) error {
		_, err := h.app.RespondToAskOffer(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("ask_offer_id"),
			r.PostForm.Get("organization_id"), r.PostForm.Get("body"))
		return err
	}))
	r.HandleFunc("POST /coalitions/{id}/asks-offers/{ask_offer_id}/fulfil", h.askForm(func(r *http.Request) error {
		_, err := h.app.FulfillAskOffer(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("ask_offer_id"), r.PostForm.Get("response_id"))
		return err
	}))
	r.HandleFunc("POST /coalitions/{id}/asks-offers/{ask_offer_id}/close", h.askForm(func(r *http.Request) error {
		_, err := h.app.CloseAskOffer(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("ask_offer_id"))
		return err
	}))
}

// asksView is the data of the asks and offers page.
type asksView struct {
	Coalition   *domain.Coalition
	Posts       []domain.AskOffer
	Names       map[string]string // organization id → name
	Mine        []formChoice      // organizations the viewer represents here
	MineSet     map[string]bool
	Kinds       []string
	Reciprocity *app.Reciprocity
	OneWay      int
}

func (h *Handler) loadAsks(r *http.Request, p *Page) error {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return err
	}
	posts, err := h.app.AsksOffers(ctx, user, c.ID)
	if err != nil {
		return err
	}
	rec, err := h.app.Reciprocity(ctx, user, c.ID, nil, nil)
	if err != nil {
		return err
	}
	mine, err := h.app.MyMemberships(ctx, user, c.ID)
	if err != nil {
		return err
	}
	v := &asksView{Coalition: c, Posts: posts, Names: map[string]string{}, MineSet: map[string]bool{}, Reciprocity: rec,
		Kinds: []string{domain.KindAsk, domain.KindOffer}}
	for _, o := range rec.Organizations {
		v.Names[o.OrganizationID] = o.Name
	}
	for _, f := range rec.Flows {
		v.Names[f.From], v.Names[f.To] = f.FromName, f.ToName
		if f.OneWay {
			v.OneWay++
		}
	}
	for _, m := range mine {
		if m.Counts() && m.Organization != nil {
			v.Mine = append(v.Mine, formChoice{Value: m.OrganizationID, Label: m.Organization.Name})
			v.MineSet[m.OrganizationID] = true
		}
	}
	p.Data = v
	p.Title = p.T("ask.title_of", "Coalition", c.Name)
	return nil
}

// asksShow handles GET /coalitions/{id}/asks-offers.
func (h *Handler) asksShow(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "ask.title", nil)
	if err := h.loadAsks(r, p); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "asks", p)
}

// askForm handles the page's forms: run the change, then back to the page, or the page
// again with the error.
func (h *Handler) askForm(change func(*http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !h.parseForm(w, r) {
			return
		}
		if err := change(r); err != nil {
			p := h.page(r, "ask.title", nil)
			if lerr := h.loadAsks(r, p); lerr != nil {
				h.fail(w, r, lerr)
				return
			}
			if !h.formError(w, r, "asks", p, err) {
				h.fail(w, r, err)
			}
			return
		}
		h.flash(r, h.requestLocalizer(r).T("ask.saved"))
		http.Redirect(w, r, "/coalitions/"+url.PathEscape(r.PathValue("id"))+"/asks-offers", http.StatusSeeOther)
	}
}
