package web

import (
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerTensions(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/tensions", h.tensionsShow)
	r.HandleFunc("POST /coalitions/{id}/tensions", h.tensionRaise)
	r.HandleFunc("GET /coalitions/{id}/tensions/{tension_id}", h.tensionShow)
	r.HandleFunc("POST /coalitions/{id}/tensions/{tension_id}/transitions", h.tensionForm(func(r *http.Request) error {
		_, err := h.app.MoveTension(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("tension_id"), r.PostForm.Get("to"), r.PostForm.Get("reason"))
		return err
	}))
	r.HandleFunc("POST /coalitions/{id}/tensions/{tension_id}/entries", h.tensionForm(func(r *http.Request) error {
		_, err := h.app.AddTensionEntry(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("tension_id"), r.PostForm.Get("kind"), r.PostForm.Get("body"))
		return err
	}))
	r.HandleFunc("POST /coalitions/{id}/tensions/{tension_id}/facilitation", h.tensionForm(func(r *http.Request) error {
		_, err := h.app.SetTensionFacilitation(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("tension_id"),
			app.Facilitation{FacilitatorID: r.PostForm.Get("facilitator_id"), FollowUpOn: r.PostForm.Get("follow_up_on")})
		return err
	}))
	r.HandleFunc("POST /coalitions/{id}/tensions/{tension_id}/widen-agreement", h.tensionForm(func(r *http.Request) error {
		_, err := h.app.AgreeToWiden(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("tension_id"), r.PostForm.Get("agreed") == "yes")
		return err
	}))
	r.HandleFunc("POST /coalitions/{id}/tensions/{tension_id}/visibility", h.tensionForm(func(r *http.Request) error {
		_, err := h.app.SetTensionVisibility(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("tension_id"), r.PostForm.Get("visibility"))
		return err
	}))
}

// tensionsView is the data of the tensions page.
type tensionsView struct {
	Coalition *domain.Coalition
	Tensions  []app.TensionItem
	FollowUps []app.TensionItem // due today or earlier, for the person who facilitates them
	Choices   *app.TensionChoices
	Kinds     []string
	Today     string
	Selected  url.Values // the boxes ticked in a form sent back with an error
}

func (h *Handler) loadTensions(r *http.Request, p *Page) error {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return err
	}
	ts, err := h.app.Tensions(ctx, user, c.ID)
	if err != nil {
		return err
	}
	choices, err := h.app.TensionChoices(ctx, user, c.ID)
	if err != nil {
		return err
	}
	today := time.Now().UTC().Format(time.DateOnly)
	v := &tensionsView{Coalition: c, Tensions: ts, Choices: choices, Kinds: domain.TensionKinds, Today: today}
	for _, t := range ts {
		open := t.State != domain.TensionResolved && t.State != domain.TensionWithdrawn
		if t.Access.Facilitate && open && t.FollowUpOn != nil && t.FollowUpOn.Format(time.DateOnly) <= today {
			v.FollowUps = append(v.FollowUps, t)
		}
	}
	p.Data = v
	p.Title = p.T("tension.list.title_of", "Coalition", c.Name)
	return nil
}

// tensionsShow handles GET /coalitions/{id}/tensions.
func (h *Handler) tensionsShow(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "tension.list.title", nil)
	if err := h.loadTensions(r, p); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "tensions", p)
}

// tensionRaise handles POST /coalitions/{id}/tensions.
func (h *Handler) tensionRaise(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	f := r.PostForm
	t, err := h.app.RaiseTension(r.Context(), httpx.User(r.Context()), r.PathValue("id"), app.NewTension{Title: f.Get("title"),
		Description: f.Get("description"), Kind: f.Get("kind"), OrganizationIDs: f["organization_ids"], PersonIDs: f["person_ids"], PrincipleIDs: f["principle_ids"]})
	if err != nil {
		p := h.page(r, "tension.list.title", nil)
		if lerr := h.loadTensions(r, p); lerr != nil {
			h.fail(w, r, lerr)
			return
		}
		p.Data.(*tensionsView).Selected = r.PostForm
		if !h.formError(w, r, "tensions", p, err) {
			h.fail(w, r, err)
		}
		return
	}
	h.flash(r, h.requestLocalizer(r).T("tension.raised"))
	http.Redirect(w, r, tensionURL(r.PathValue("id"), t.ID), http.StatusSeeOther)
}

// tensionView is the data of one tension's page.
type tensionView struct {
	Coalition  *domain.Coalition
	Tension    *app.TensionItem
	Choices    *app.TensionChoices
	Principles []string // titles of the principles at stake
	Names      map[string]string
	Moves      []string // states a facilitator may move it to
	AllAgreed  bool
	Widened    bool
	NoteKinds  []string
	Next       string // the next step of the process, offered first
	// FollowUpValue is the follow-up date as the date field wants it, "" for none.
	FollowUpValue string
}

func (h *Handler) loadTension(r *http.Request, p *Page) error {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return err
	}
	t, err := h.app.Tension(ctx, user, c.ID, r.PathValue("tension_id"))
	if err != nil {
		return err
	}
	choices, err := h.app.TensionChoices(ctx, user, c.ID)
	if err != nil {
		return err
	}
	v := &tensionView{Coalition: c, Tension: t, Choices: choices, Names: map[string]string{}, AllAgreed: true,
		Widened: t.Visibility == domain.VisibilityCoalition, NoteKinds: []string{domain.EntryNote, domain.EntryAgreement}}
	if t.FollowUpOn != nil {
		v.FollowUpValue = t.FollowUpOn.Format(time.DateOnly)
	}
	for _, ch := range choices.People {
		v.Names[ch.ID] = ch.Name
	}
	for _, pr := range choices.Principles {
		if slices.Contains(t.PrincipleIDs, pr.ID) {
			v.Principles = append(v.Principles, pr.Name)
		}
	}
	if i := domain.StepIndex(t.State); i+1 < len(domain.TensionSteps) {
		v.Next = domain.TensionSteps[i+1]
	}
	for _, s := range domain.TensionStates {
		if s != t.State {
			v.Moves = append(v.Moves, s)
		}
	}
	for _, party := range t.Parties {
		v.AllAgreed = v.AllAgreed && party.AgreedToWiden
	}
	p.Data = v
	p.Title = p.T("tension.title_of", "Title", t.Title)
	return nil
}

// tensionShow handles GET /coalitions/{id}/tensions/{tension_id}.
func (h *Handler) tensionShow(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "tension.title", nil)
	if err := h.loadTension(r, p); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "tension", p)
}

// tensionForm handles the forms of a tension's page: run the change, then back to the
// page, or the page again with the form's error.
func (h *Handler) tensionForm(change func(*http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !h.parseForm(w, r) {
			return
		}
		if err := change(r); err != nil {
			p := h.page(r, "tension.title", nil)
			if lerr := h.loadTension(r, p); lerr != nil {
				h.fail(w, r, lerr)
				return
			}
			if !h.formError(w, r, "tension", p, err) {
				h.fail(w, r, err)
			}
			return
		}
		h.flash(r, h.requestLocalizer(r).T("tension.saved"))
		http.Redirect(w, r, tensionURL(r.PathValue("id"), r.PathValue("tension_id")), http.StatusSeeOther)
	}
}

func tensionURL(coalitionID, tensionID string) string {
	return "/coalitions/" + url.PathEscape(coalitionID) + "/tensions/" + url.PathEscape(tensionID)
}
