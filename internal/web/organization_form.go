package web

import (
	"net/http"
	"net/url"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

// orgEdit is the data of the profile form page.
type orgEdit struct {
	Org    *domain.Organization // as stored
	Form   orgForm
	Kinds  []formChoice
	Bands  []formChoice
	Bipoc  []formChoice
	Fields []formChoice
	// Differs names the fields where the typed profile differs from the one saved
	// meanwhile by someone else (after a stale save).
	Differs []string
}

// organizationEdit handles GET /organizations/{id}/edit.
func (h *Handler) organizationEdit(w http.ResponseWriter, r *http.Request) {
	org, ok := h.editableOrganization(w, r)
	if !ok {
		return
	}
	p := h.page(r, "org.edit_title", nil)
	p.Data = newOrgEdit(p.Localizer, org, formFromOrganization(org))
	h.render(w, r, http.StatusOK, "organization_edit", p)
}

// organizationSave handles POST /organizations/{id}/edit.
func (h *Handler) organizationSave(w http.ResponseWriter, r *http.Request) {
	org, ok := h.editableOrganization(w, r)
	if !ok {
		return
	}
	if !h.parseForm(w, r) {
		return
	}
	p := h.page(r, "org.edit_title", nil)
	f := formFromRequest(r.PostForm)
	edit := newOrgEdit(p.Localizer, org, f)
	p.Data = edit
	typed, err := f.organization(p.Localizer)
	if err == nil {
		typed.ID = org.ID
		_, err = h.app.UpdateOrganization(r.Context(), httpx.User(r.Context()), *typed, f.Version)
	}
	if err != nil {
		if domain.ErrorCode(err) == domain.EPRECONDITION {
			// Keep what was typed, and offer to save it over the newer profile.
			if now, _, ferr := h.app.Organization(r.Context(), httpx.User(r.Context()), org.ID); ferr == nil {
				edit.Org, edit.Form.Version = now, now.Version
				edit.Differs = differingFields(p.Localizer, now, typed)
			}
			err = &domain.Error{Code: domain.EPRECONDITION, Message: p.T("org.error.stale")}
		}
		if !h.formError(w, r, "organization_edit", p, err) {
			h.fail(w, r, err)
		}
		return
	}
	h.flash(r, p.T("org.saved"))
	http.Redirect(w, r, "/organizations/"+url.PathEscape(org.ID), http.StatusSeeOther)
}

// editableOrganization loads the organization for its form; it sends an anonymous
// visitor to sign in, and answers 404 when the viewer may not see the organization and
// 403 when they may see but not edit it (the app decides both).
func (h *Handler) editableOrganization(w http.ResponseWriter, r *http.Request) (*domain.Organization, bool) {
	if !h.requireSignIn(w, r) {
		return nil, false
	}
	org, canEdit, err := h.app.Organization(r.Context(), httpx.User(r.Context()), r.PathValue("id"))
	if err == nil && !canEdit {
		err = domain.Errorf(domain.EFORBIDDEN, "%s", h.requestLocalizer(r).T("org.error.forbidden"))
	}
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	return org, true
}

func newOrgEdit(loc *i18n.Localizer, org *domain.Organization, f orgForm) *orgEdit {
	e := &orgEdit{Org: org, Form: f}
	for _, k := range domain.OrganizationKinds {
		e.Kinds = append(e.Kinds, formChoice{k, loc.T("org.kind." + k), k == f.Kind})
	}
	for _, b := range domain.BudgetBands {
		e.Bands = append(e.Bands, formChoice{b, loc.T("org.band." + b), b == f.BudgetBand})
	}
	for _, b := range domain.BipocLedValues {
		e.Bipoc = append(e.Bipoc, formChoice{b, loc.T("org.bipoc." + b), b == f.BipocLed})
	}
	for _, pf := range domain.PublicFields {
		e.Fields = append(e.Fields, formChoice{pf, loc.T("org.field." + pf), domain.OneOf(pf, f.PublicFields)})
	}
	return e
}
