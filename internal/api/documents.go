package api

import (
	"context"
	"net/http"
	"net/url"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/store"
	"github.com/danielgtaylor/huma/v2"
)

type (
	documentKind string
	documentLink string
)

func (documentKind) Schema(huma.Registry) *huma.Schema { return enum(domain.DocumentKinds) }
func (documentLink) Schema(huma.Registry) *huma.Schema {
	return enum(append([]string{""}, domain.DocumentLinkTypes...))
}

// NewDocument is a document shared in the coalition's analysis library.
type NewDocument struct {
	Title          string       `json:"title" minLength:"1" maxLength:"200"`
	Kind           documentKind `json:"kind"`
	Body           string       `json:"body,omitempty" maxLength:"20000" doc:"Markdown."`
	IssueAreas     []string     `json:"issue_areas,omitempty" maxItems:"50" doc:"Tags: issue areas."`
	Geographies    []string     `json:"geographies,omitempty" maxItems:"50" doc:"Tags: geographies."`
	OrganizationID string       `json:"organization_id,omitempty" maxLength:"64" doc:"The member organization sharing it."`
	LinkType       documentLink `json:"link_type,omitempty" doc:"The kind of record it is linked from."`
	LinkID         string       `json:"link_id,omitempty" maxLength:"64" doc:"The task, meeting or proposal of this coalition."`
}

func (n NewDocument) input() app.DocumentInput {
	return app.DocumentInput{Title: n.Title, Kind: string(n.Kind), Body: n.Body, IssueAreas: n.IssueAreas, Geographies: n.Geographies,
		OrganizationID: n.OrganizationID, LinkType: string(n.LinkType), LinkID: n.LinkID}
}

// DocumentList is a list of documents: search results best first, otherwise newest first.
type DocumentList struct {
	Documents []domain.Document `json:"documents"`
}

// DocumentPath names a document of a coalition.
type DocumentPath struct {
	CoalitionPath
	DocumentID string `path:"document_id" maxLength:"64"`
}

type documentOutput struct {
	ETag string `header:"ETag" doc:"The version, for If-Match."`
	Body *domain.Document
}

func (x *API) registerDocuments() {
	const tag = "Analysis library"
	base := "/coalitions/{id}/documents"
	huma.Register(x.huma, operation("list-documents", http.MethodGet, base, "Search or list the coalition's analysis library", tag, signedIn,
		http.StatusNotFound), x.listDocuments)
	huma.Register(x.huma, operation("share-document", http.MethodPost, base, "Share a brief, testimony, data or notes", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound), x.shareDocument)
	huma.Register(x.huma, operation("get-document", http.MethodGet, base+"/{document_id}", "Get a document", tag, signedIn,
		http.StatusNotFound), x.getDocument)
	huma.Register(x.huma, operation("update-document", http.MethodPut, base+"/{document_id}", "Change a document", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusPreconditionFailed, http.StatusPreconditionRequired), x.updateDocument)
	huma.Register(x.huma, operation("delete-document", http.MethodDelete, base+"/{document_id}", "Remove a document and its file", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound), x.deleteDocument)
	put := operation("put-document-file", http.MethodPut, base+"/{document_id}/file",
		"Attach (or replace) the document's file: PDF, PNG, JPEG, text, CSV or an office document, at most 10 MB", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusRequestEntityTooLarge)
	put.MaxBodyBytes = domain.MaxUploadBytes + 1
	huma.Register(x.huma, put, x.putDocumentFile)
	huma.Register(x.huma, operation("get-document-file", http.MethodGet, base+"/{document_id}/file", "Download the document's file", tag, signedIn,
		http.StatusNotFound), x.getDocumentFile)
}

func (x *API) listDocuments(ctx context.Context, in *struct {
	CoalitionPath
	Q        string       `query:"q" maxLength:"200" doc:"Words to search for (each must appear, as a word or the start of one)."`
	Kind     string       `query:"kind" enum:"brief,testimony,data,notes,other," doc:"Only this kind."`
	Tag      string       `query:"tag" maxLength:"200" doc:"Only documents with this issue area or geography."`
	LinkType documentLink `query:"link_type" doc:"Only documents linked from this kind of record…"`
	LinkID   string       `query:"link_id" maxLength:"64" doc:"…with this id."`
}) (*struct{ Body DocumentList }, error) {
	docs, err := x.app.Documents(ctx, httpx.User(ctx), in.ID, app.DocumentQuery{Search: in.Q,
		DocumentFilter: store.DocumentFilter{Kind: in.Kind, Tag: in.Tag, LinkType: string(in.LinkType), LinkID: in.LinkID}})
	if err != nil {
		return nil, x.fail(ctx, err, at{"q": "query.q"})
	}
	return &struct{ Body DocumentList }{DocumentList{Documents: orEmpty(docs)}}, nil
}

func (x *API) shareDocument(ctx context.Context, in *struct {
	CoalitionPath
	Body NewDocument
}) (*struct {
	ETag     string `header:"ETag"`
	Location string `header:"Location"`
	Body     *domain.Document
}, error) {
	d, err := x.app.ShareDocument(ctx, httpx.User(ctx), in.ID, in.Body.input())
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct {
		ETag     string `header:"ETag"`
		Location string `header:"Location"`
		Body     *domain.Document
	}{etag(d.Version), Prefix + "/coalitions/" + url.PathEscape(d.CoalitionID) + "/documents/" + url.PathEscape(d.ID), d}, nil
}

func (x *API) getDocument(ctx context.Context, in *DocumentPath) (*documentOutput, error) {
	d, err := x.app.Document(ctx, httpx.User(ctx), in.ID, in.DocumentID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &documentOutput{ETag: etag(d.Version), Body: d}, nil
}

func (x *API) updateDocument(ctx context.Context, in *struct {
	DocumentPath
	Precondition
	Body NewDocument
}) (*documentOutput, error) {
	v, err := in.version()
	if err != nil {
		return nil, err
	}
	d, err := x.app.UpdateDocument(ctx, httpx.User(ctx), in.ID, in.DocumentID, in.Body.input(), v)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &documentOutput{ETag: etag(d.Version), Body: d}, nil
}

func (x *API) deleteDocument(ctx context.Context, in *DocumentPath) (*struct{}, error) {
	if err := x.app.DeleteDocument(ctx, httpx.User(ctx), in.ID, in.DocumentID); err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{}{}, nil
}

func (x *API) putDocumentFile(ctx context.Context, in *struct {
	DocumentPath
	Name    string `query:"name" required:"true" minLength:"1" maxLength:"200" doc:"The file's name, with its extension (brief.pdf)."`
	RawBody []byte `contentType:"application/octet-stream"`
}) (*documentOutput, error) {
	d, err := x.app.AttachFile(ctx, httpx.User(ctx), in.ID, in.DocumentID, in.Name, in.RawBody)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &documentOutput{ETag: etag(d.Version), Body: d}, nil
}

func (x *API) getDocumentFile(ctx context.Context, in *DocumentPath) (*struct {
	ContentType        string `header:"Content-Type"`
	ContentDisposition string `header:"Content-Disposition"`
	NoSniff            string `header:"X-Content-Type-Options"`
	Body               []byte
}, error) {
	d, content, err := x.app.DocumentFile(ctx, httpx.User(ctx), in.ID, in.DocumentID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct {
		ContentType        string `header:"Content-Type"`
		ContentDisposition string `header:"Content-Disposition"`
		NoSniff            string `header:"X-Content-Type-Options"`
		Body               []byte
	}{d.FileType, `attachment; filename="` + d.FileName + `"`, "nosniff", content}, nil
}
