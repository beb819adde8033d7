package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerContributions(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/contributions", h.contributionsShow)
	r.HandleFunc("POST /coalitions/{id}/contributions", h.contributionLog)
	r.HandleFunc("POST /coalitions/{id}/contributions/{contribution_id}/confirm", h.contributionConfirm)
	r.HandleFunc("GET /coalitions/{id}/contributions/import", h.contributionImportShow)
	r.HandleFunc("POST /coalitions/{id}/contributions/import", h.contributionImport)
}

// contributionsShow handles GET /coalitions/{id}/contributions: the contributions that
// match the filter (organization, period, confirmed or not), with confirm buttons where
// the viewer may confirm, and the form to log one.
func (h *Handler) contributionsShow(w http.ResponseWriter, r *http.Request) {
	h.renderContributions(w, r, http.StatusOK, nil)
}

func (h *Handler) renderContributions(w http.ResponseWriter, r *http.Request, status int, formErr error) {
	p := h.page(r, "money.contributions.title", nil)
	view, err := h.loadContributions(r, p)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Data = view
	p.Title = p.T("money.contributions.title_of", "Coalition", view.Coalition.Name)
	if formErr != nil {
		if !h.formError(w, r, "contributions", p, formErr) {
			h.fail(w, r, formErr)
		}
		return
	}
	if view.FilterInvalid {
		status = http.StatusUnprocessableEntity
	}
	h.render(w, r, status, "contributions", p)
}

// contributionLog handles POST /coalitions/{id}/contributions. Time is typed in hours
// ("1.5") and kept in whole minutes; the link is one select whose values read
// "task:<id>", "meeting:<id>" or "win:<id>".
func (h *Handler) contributionLog(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	f := r.PostForm
	in := app.ContributionInput{OrganizationID: f.Get("organization_id"), PersonID: f.Get("person_id"), Day: f.Get("date"),
		Kind: f.Get("kind"), Description: f.Get("description")}
	if link := strings.TrimSpace(f.Get("link_id")); link != "" {
		in.LinkType, in.LinkID, _ = strings.Cut(link, ":")
	}
	minutes, err := app.ParseHours(f.Get("hours"))
	if err != nil {
		h.renderContributions(w, r, 0, &domain.Error{Code: domain.EINVALID, Message: "Some fields need attention.",
			Fields: []domain.FieldError{{Field: "hours", Message: err.Error()}}})
		return
	}
	in.Minutes = minutes
	id := r.PathValue("id")
	c, err := h.app.LogContribution(r.Context(), httpx.User(r.Context()), id, in)
	if err != nil {
		h.renderContributions(w, r, 0, webContributionError(err))
		return
	}
	h.flash(r, h.requestLocalizer(r).T("money.contribution.logged", "Date", c.Day))
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(id)+"/contributions#c-"+url.PathEscape(c.ID), http.StatusSeeOther)
}

// webContributionError names the form's fields in an error from the use case: time is
// typed as hours, and the link is one select.
func webContributionError(err error) error {
	var e *domain.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return err
	}
	out := *e
	out.Fields = make([]domain.FieldError, len(e.Fields))
	for i, f := range e.Fields {
		switch f.Field {
		case "minutes":
			f.Field = "hours"
		case "link_type":
			f.Field = "link_id"
		}
		out.Fields[i] = f
	}
	return &out
}

// contributionConfirm handles POST .../contributions/{contribution_id}/confirm.
func (h *Handler) contributionConfirm(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	id := r.PathValue("id")
	c, err := h.app.ConfirmContribution(r.Context(), httpx.User(r.Context()), id, r.PathValue("contribution_id"))
	if err != nil {
		h.renderContributions(w, r, 0, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("money.contribution.confirmed_flash", "Date", c.Day))
	back := "/coalitions/" + url.PathEscape(id) + "/contributions"
	if q := r.PostForm.Get("back"); strings.HasPrefix(q, "?") && !strings.ContainsAny(q, "\r\n#") {
		back += q
	}
	http.Redirect(w, r, back+"#c-"+url.PathEscape(c.ID), http.StatusSeeOther)
}
