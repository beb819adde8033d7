package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

func (h *Handler) registerRelationships(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/relationships", h.relationshipsShow)
	r.HandleFunc("POST /coalitions/{id}/relationships", h.relationshipRecord)
	r.HandleFunc("POST /coalitions/{id}/relationships/{relationship_id}", h.relationshipUpdate)
	r.HandleFunc("POST /coalitions/{id}/relationships/{relationship_id}/delete", h.relationshipDelete)
	r.HandleFunc("POST /coalitions/{id}/relationships/{relationship_id}/confirm", h.relationshipConfirm)
	h.registerNetwork(r)
}

// relationshipsPage is the data of the relationships page.
type relationshipsPage struct {
	Coalition *domain.Coalition
	Ties      []app.Tie
	// Mine are the member organizations the reader may record for; Members all of them.
	Mine, Members []formChoice
	// Pending are other organizations' accounts about one of Mine that it has not
	// answered; Own are Mine's own accounts.
	Pending, Own []domain.Relationship
	Kinds        []string
	Depths       []formChoice
}

// relationshipsShow handles GET /coalitions/{id}/relationships.
func (h *Handler) relationshipsShow(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "network.relationships_title", nil)
	if err := h.loadRelationships(r, p); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "relationships", p)
}

func (h *Handler) loadRelationships(r *http.Request, p *Page) error {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return err
	}
	decls, err := h.app.Relationships(ctx, user, c.ID)
	if err != nil {
		return err
	}
	members, err := h.app.Members(ctx, user, c.ID, "", 0)
	if err != nil {
		return err
	}
	mine, err := h.app.MyOrganizations(ctx, user)
	if err != nil {
		return err
	}
	d := &relationshipsPage{Coalition: c, Ties: app.MergeTies(decls), Kinds: domain.RelationshipKinds, Depths: depthChoices(p.Localizer)}
	represents := map[string]bool{}
	for _, o := range mine {
		represents[o.ID] = true
	}
	for _, m := range members.Items {
		if !m.Counts() {
			continue
		}
		choice := formChoice{Value: m.OrganizationID, Label: m.Organization.Name}
		d.Members = append(d.Members, choice)
		if represents[m.OrganizationID] || user.Admin {
			d.Mine = append(d.Mine, choice)
			represents[m.OrganizationID] = true
		}
	}
	answered := map[string]bool{}
	for _, rel := range decls {
		answered[rel.OrganizationID+" "+rel.OtherOrganizationID] = true
	}
	for _, rel := range decls {
		if represents[rel.OrganizationID] {
			d.Own = append(d.Own, rel)
		}
		if represents[rel.OtherOrganizationID] && !answered[rel.OtherOrganizationID+" "+rel.OrganizationID] {
			d.Pending = append(d.Pending, rel)
		}
	}
	p.Data = d
	p.Title = p.T("network.relationships_title_of", "Coalition", c.Name)
	return nil
}

// relationshipRecord handles POST /coalitions/{id}/relationships.
func (h *Handler) relationshipRecord(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	f := r.PostForm
	rel := domain.Relationship{OrganizationID: f.Get("organization_id"), OtherOrganizationID: f.Get("other_organization_id"),
		Kind: f.Get("kind"), Depth: formInt(f.Get("depth")), Since: f.Get("since"), Note: f.Get("note")}
	if _, err := h.app.RecordRelationship(r.Context(), httpx.User(r.Context()), r.PathValue("id"), rel); err != nil {
		h.relationshipsError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("network.recorded"))
	h.backToRelationships(w, r)
}

// relationshipUpdate handles POST /coalitions/{id}/relationships/{relationship_id}.
func (h *Handler) relationshipUpdate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	f := r.PostForm
	ch := app.RelationshipChange{Kind: f.Get("kind"), Depth: formInt(f.Get("depth")), Since: f.Get("since"), Note: f.Get("note")}
	_, err := h.app.UpdateRelationship(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("relationship_id"), ch, formInt(f.Get("version")))
	if err != nil {
		h.relationshipsError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("network.updated"))
	h.backToRelationships(w, r)
}

// relationshipDelete handles POST /coalitions/{id}/relationships/{relationship_id}/delete.
func (h *Handler) relationshipDelete(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	if err := h.app.DeleteRelationship(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("relationship_id")); err != nil {
		h.relationshipsError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("network.deleted"))
	h.backToRelationships(w, r)
}

// relationshipConfirm handles POST /coalitions/{id}/relationships/{relationship_id}/confirm.
func (h *Handler) relationshipConfirm(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	_, err := h.app.ConfirmRelationship(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("relationship_id"), formInt(r.PostForm.Get("depth")))
	if err != nil {
		h.relationshipsError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("network.confirmed"))
	h.backToRelationships(w, r)
}

// relationshipsError shows the page again with the message of a failed form (422, 403,
// 409, 412), or fails the request (404 and the rest).
func (h *Handler) relationshipsError(w http.ResponseWriter, r *http.Request, err error) {
	p := h.page(r, "network.relationships_title", nil)
	if lerr := h.loadRelationships(r, p); lerr != nil {
		h.fail(w, r, lerr)
		return
	}
	if !h.formError(w, r, "relationships", p, err) {
		h.fail(w, r, err)
	}
}

func (h *Handler) backToRelationships(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(r.PathValue("id"))+"/relationships", http.StatusSeeOther)
}

// formInt reads a whole number from a form field; anything else is 0, which every use
// case here refuses as out of range (or, for a confirmation, takes as "the same depth").
func formInt(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}

// depthChoices are the depths 1–5 with what each means ("3 — work together often").
func depthChoices(l *i18n.Localizer) []formChoice {
	out := make([]formChoice, 0, domain.MaxDepth)
	for d := domain.MinDepth; d <= domain.MaxDepth; d++ {
		v := strconv.Itoa(d)
		out = append(out, formChoice{Value: v, Label: v + " — " + l.T("network.depth."+v)})
	}
	return out
}
