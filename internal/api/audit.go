package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

func (x *API) registerAudit() {
	huma.Register(x.huma, operation("list-audit-log", http.MethodGet, "/coalitions/{id}/audit-log", "List a coalition's audit log, newest first", "Audit", signedIn,
		http.StatusNotFound), x.auditLog)
}

func (x *API) auditLog(ctx context.Context, in *struct {
	CoalitionPath
	Cursor string `query:"cursor" maxLength:"20" pattern:"^[0-9]*$" doc:"The next_cursor of the previous page (an entry id)."`
	Limit  int    `query:"limit" minimum:"1" maximum:"200" default:"50" doc:"Entries per page."`
}) (*pageOutput[domain.AuditEntry], error) {
	var before int64
	if in.Cursor != "" {
		var err error
		if before, err = strconv.ParseInt(in.Cursor, 10, 64); err != nil || before < 1 {
			return nil, x.fail(ctx, &domain.Error{Code: domain.EINVALID, Message: "The cursor is not valid.",
				Fields: []domain.FieldError{{Field: "cursor", Message: "Unknown cursor."}}}, pagingFields)
		}
	}
	entries, err := x.app.AuditLog(ctx, httpx.User(ctx), in.ID, before, in.Limit)
	if err != nil {
		return nil, x.fail(ctx, err, pagingFields)
	}
	// A full page may be followed by more; the use case does not say, so the next page
	// may turn out empty.
	next := ""
	if len(entries) > 0 && len(entries) == in.Limit {
		next = strconv.FormatInt(entries[len(entries)-1].ID, 10)
	}
	return newPage(entries, next, "/coalitions/"+url.PathEscape(in.ID)+"/audit-log", in.Limit), nil
}
