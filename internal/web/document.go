package web

import (
	"errors"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/store"
)

func (h *Handler) registerDocuments(r *httpx.Router) {
	const one = "/coalitions/{id}/documents/{document_id}"
	r.HandleFunc("GET /coalitions/{id}/documents", h.documentsShow)
	r.HandleFunc("POST /coalitions/{id}/documents", h.documentForm("documents", func(r *http.Request) (string, error) {
		d, err := h.app.ShareDocument(r.Context(), httpx.User(r.Context()), r.PathValue("id"), documentInput(r))
		if err != nil {
			return "", err
		}
		return d.ID, nil
	}))
	r.HandleFunc("GET "+one, h.documentShow)
	r.HandleFunc("POST "+one+"/edit", h.documentForm("document", func(r *http.Request) (string, error) {
		_, err := h.app.UpdateDocument(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("document_id"), documentInput(r), postedVersion(r))
		return r.PathValue("document_id"), err
	}))
	r.HandleFunc("POST "+one+"/file", h.documentUpload)
	r.HandleFunc("GET "+one+"/file", h.documentDownload)
	r.HandleFunc("POST "+one+"/delete", h.documentDelete)
}

// documentInput reads the share and edit forms: tags are comma-separated, the link is
// "type:id" from one select.
func documentInput(r *http.Request) app.DocumentInput {
	f := r.PostForm
	in := app.DocumentInput{Title: f.Get("title"), Kind: f.Get("kind"), Body: f.Get("body"), OrganizationID: f.Get("organization_id"),
		IssueAreas: strings.Split(f.Get("issue_areas"), ","), Geographies: strings.Split(f.Get("geographies"), ",")}
	if kind, id, ok := strings.Cut(f.Get("link"), ":"); ok {
		in.LinkType, in.LinkID = kind, id
	}
	return in
}

// documentsView is the library: a search, the documents found or listed, and the form
// to share one.
type documentsView struct {
	Coalition *domain.Coalition
	Documents []domain.Document
	Query     string
	Tag       string
	CanShare  bool
	Kinds     []string
	Links     []linkGroup
	Mine      []option // organizations the viewer represents
}

// documentView is one document.
type documentView struct {
	Coalition *domain.Coalition
	Document  *domain.Document
	Body      template.HTML
	CanChange bool
	Kinds     []string
	Links     []linkGroup
	Link      string // the current link as "type:id"
	LinkLabel string
	Mine      []option
}

func (h *Handler) loadDocuments(r *http.Request, p *Page) error {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return err
	}
	v := &documentsView{Coalition: c, Query: r.URL.Query().Get("q"), Tag: r.URL.Query().Get("tag"), CanShare: perm.Can(app.ShareDocuments),
		Kinds: domain.DocumentKinds}
	docs, err := h.app.Documents(ctx, user, c.ID, app.DocumentQuery{Search: v.Query, DocumentFilter: store.DocumentFilter{Tag: v.Tag}})
	if domain.ErrorCode(err) == domain.EINVALID {
		p.Errors["q"], p.Form["q"] = domain.ErrorFields(err)[0].Message, v.Query
		docs, err = nil, nil
	}
	if err != nil {
		return err
	}
	v.Documents = docs
	if v.CanShare {
		if v.Links, err = h.documentLinks(r, c.ID); err != nil {
			return err
		}
		if v.Mine, err = h.myOrganizations(r, c.ID); err != nil {
			return err
		}
	}
	p.Data = v
	p.Title = p.T("document.list_title", "Coalition", c.Name)
	return nil
}

func (h *Handler) loadDocument(r *http.Request, p *Page) error {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return err
	}
	d, err := h.app.Document(ctx, user, c.ID, r.PathValue("document_id"))
	if err != nil {
		return err
	}
	v := &documentView{Coalition: c, Document: d, Body: markdown(d.Body), Kinds: domain.DocumentKinds,
		CanChange: perm.Can(app.ShareDocuments) && (d.CreatedBy == user.ID || perm.Can(app.CurateDocuments))}
	if v.Links, err = h.documentLinks(r, c.ID); err != nil {
		return err
	}
	if d.LinkType != "" {
		v.Link = d.LinkType + ":" + d.LinkID
		for _, g := range v.Links {
			for _, o := range g.Options {
				if o.Value == v.Link {
					v.LinkLabel = o.Label
				}
			}
		}
	}
	if v.CanChange {
		if v.Mine, err = h.myOrganizations(r, c.ID); err != nil {
			return err
		}
	}
	p.Data = v
	p.Title = d.Title
	return nil
}

// documentLinks lists the coalition's tasks, meetings and proposals a document can be
// linked from.
func (h *Handler) documentLinks(r *http.Request, coalitionID string) ([]linkGroup, error) {
	ctx, user := r.Context(), httpx.User(r.Context())
	tasks, err := h.app.Tasks(ctx, user, coalitionID, app.TaskQuery{})
	if err != nil {
		return nil, err
	}
	meetings, err := h.app.Meetings(ctx, user, coalitionID, nil, nil)
	if err != nil {
		return nil, err
	}
	proposals, err := h.app.Proposals(ctx, user, coalitionID)
	if err != nil {
		return nil, err
	}
	loc := h.requestLocalizer(r)
	groups := []linkGroup{{Label: loc.T("document.link.task")}, {Label: loc.T("document.link.meeting")}, {Label: loc.T("document.link.proposal")}}
	for _, t := range tasks {
		groups[0].Options = append(groups[0].Options, option{"task:" + t.ID, t.Title})
	}
	for _, m := range meetings {
		groups[1].Options = append(groups[1].Options, option{"meeting:" + m.ID, m.StartsAt.Format("2006-01-02") + " · " + m.Title})
	}
	for _, pr := range proposals {
		groups[2].Options = append(groups[2].Options, option{"proposal:" + pr.ID, pr.Title})
	}
	return groups, nil
}

// myOrganizations lists the member organizations the viewer represents in the coalition.
func (h *Handler) myOrganizations(r *http.Request, coalitionID string) ([]option, error) {
	ms, err := h.app.MyMemberships(r.Context(), httpx.User(r.Context()), coalitionID)
	var out []option
	for _, m := range ms {
		if m.Counts() && m.Organization != nil {
			out = append(out, option{m.OrganizationID, m.Organization.Name})
		}
	}
	return out, err
}

func (h *Handler) documentsShow(w http.ResponseWriter, r *http.Request) {
	h.showLoaded(w, r, "documents", "document.title", h.loadDocuments)
}

func (h *Handler) documentShow(w http.ResponseWriter, r *http.Request) {
	h.showLoaded(w, r, "document", "document.title", h.loadDocument)
}

// documentForm handles the share and edit forms: run the change, then the document's
// page, or the page again with the error and what was typed.
func (h *Handler) documentForm(page string, change func(*http.Request) (string, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !h.parseForm(w, r) {
			return
		}
		id, err := change(r)
		if err != nil {
			h.documentFormError(w, r, page, err)
			return
		}
		h.flash(r, h.requestLocalizer(r).T("document.saved"))
		http.Redirect(w, r, "/coalitions/"+url.PathEscape(r.PathValue("id"))+"/documents/"+url.PathEscape(id), http.StatusSeeOther)
	}
}

func (h *Handler) documentFormError(w http.ResponseWriter, r *http.Request, page string, err error) {
	load := h.loadDocuments
	if page == "document" {
		load = h.loadDocument
	}
	h.refuseForm(w, r, page, "document.title", load, err)
}

// documentUpload handles the file form (multipart). The server caps the body a little
// above the 10 MB limit; a larger body is refused with 413 before it is read.
func (h *Handler) documentUpload(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("file")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		h.documentFormError(w, r, "document", fieldError("file", h.requestLocalizer(r).T("document.too_big")))
		return
	case err != nil:
		h.documentFormError(w, r, "document", fieldError("file", h.requestLocalizer(r).T("document.choose_file")))
		return
	}
	defer file.Close()
	content, err := io.ReadAll(io.LimitReader(file, domain.MaxUploadBytes+1))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	ctx := r.Context()
	if _, err := h.app.AttachFile(ctx, httpx.User(ctx), r.PathValue("id"), r.PathValue("document_id"), header.Filename, content); err != nil {
		h.documentFormError(w, r, "document", err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("document.file_saved"))
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(r.PathValue("id"))+"/documents/"+url.PathEscape(r.PathValue("document_id")), http.StatusSeeOther)
}

func fieldError(field, message string) error {
	return &domain.Error{Code: domain.EINVALID, Message: message, Fields: []domain.FieldError{{Field: field, Message: message}}}
}

// documentDownload serves a document's file as an attachment, never inline.
func (h *Handler) documentDownload(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d, content, err := h.app.DocumentFile(ctx, httpx.User(ctx), r.PathValue("id"), r.PathValue("document_id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", d.FileType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+d.FileName+`"`)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(content)
}

func (h *Handler) documentDelete(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ctx := r.Context()
	if err := h.app.DeleteDocument(ctx, httpx.User(ctx), r.PathValue("id"), r.PathValue("document_id")); err != nil {
		h.fail(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("document.deleted"))
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(r.PathValue("id"))+"/documents", http.StatusSeeOther)
}
