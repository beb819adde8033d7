package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

const wwwAuthenticate = `Bearer realm="braid"`

// internalDetail is all a client learns of a server error.
const internalDetail = "Internal error."

// at maps a use case's field names to where they are in the request ("query.cursor",
// "body.account.email"), for the fields that are not at the top of the body.
type at map[string]string

// fail turns an error of a use case into a problem document. It is the one place where
// app errors meet HTTP: the status comes from httpx.Status, field errors become problem
// details located in the body ("body.name", or where says otherwise), and an internal
// error is logged once with the request id while the client sees no detail.
func (x *API) fail(ctx context.Context, err error, where ...at) error {
	code := domain.ErrorCode(err)
	status := httpx.Status(code)
	if status >= http.StatusInternalServerError {
		x.log.ErrorContext(ctx, "api", "request_id", httpx.RequestID(ctx), "err", err)
		return &huma.ErrorModel{Status: status, Title: http.StatusText(status), Detail: internalDetail}
	}
	problem := &huma.ErrorModel{Status: status, Title: http.StatusText(status), Detail: domain.ErrorMessage(err)}
	for _, f := range domain.ErrorFields(err) {
		loc := "body." + f.Field
		if strings.HasPrefix(f.Field, "/") || f.Field == "" {
			loc = "body" + pointerPath(f.Field)
		}
		for _, w := range where {
			if l, ok := w[f.Field]; ok {
				loc = l
			}
		}
		problem.Errors = append(problem.Errors, &huma.ErrorDetail{Location: loc, Message: f.Message})
	}
	switch code {
	case domain.EPRECONDITION:
		if len(problem.Errors) == 0 {
			problem.Errors = []*huma.ErrorDetail{{Location: "header.If-Match", Message: "This is not the current version; read the record again."}}
		}
	case domain.EUNAUTHORIZED:
		h := http.Header{}
		h.Set("WWW-Authenticate", wwwAuthenticate)
		return huma.ErrorWithHeaders(problem, h)
	}
	return problem
}

// sanitizeProblem is a huma transformer for the problems huma writes itself (validation,
// body limits). It drops echoed values that are large, structured or secret, so a
// problem never returns a whole body or a password; and it strips the details of a
// server error, logging them once instead.
func (x *API) sanitizeProblem(ctx huma.Context, status string, v any) (any, error) {
	problem, ok := v.(*huma.ErrorModel)
	if !ok {
		return v, nil
	}
	if problem.Status >= http.StatusInternalServerError {
		if problem.Detail != internalDetail { // not yet logged by fail
			x.log.ErrorContext(ctx.Context(), "api", "request_id", httpx.RequestID(ctx.Context()), "detail", problem.Detail, "errors", problem.Errors)
		}
		problem.Detail, problem.Errors = internalDetail, nil
		return problem, nil
	}
	for _, d := range problem.Errors {
		if d != nil && !safeToEcho(d) {
			d.Value = nil
		}
	}
	return problem, nil
}

// safeToEcho reports whether a problem detail may repeat the value the client sent: a
// short scalar that is not a password.
func safeToEcho(d *huma.ErrorDetail) bool {
	if strings.Contains(d.Location, "password") {
		return false
	}
	switch v := d.Value.(type) {
	case bool, float64, int, int64:
		return true
	case string:
		return len(v) <= 100
	}
	return false
}

// pointerPath turns a JSON pointer into a problem location's path: /memberships/3/role
// becomes .memberships[3].role.
func pointerPath(pointer string) string {
	var b strings.Builder
	for _, token := range strings.Split(pointer, "/")[1:] {
		token = strings.ReplaceAll(strings.ReplaceAll(token, "~1", "/"), "~0", "~")
		if _, err := strconv.Atoi(token); err == nil {
			b.WriteString("[" + token + "]")
		} else {
			b.WriteString("." + token)
		}
	}
	return b.String()
}

// etag is the entity tag of a record at version v.
func etag(v int) string { return `"` + strconv.Itoa(v) + `"` }

// Precondition is the If-Match header of an update; the use case checks the version it
// names in the same transaction as the write.
type Precondition struct {
	IfMatch string `header:"If-Match" required:"false" maxLength:"64" doc:"The ETag of the record as last read, e.g. \"3\". Required: without it the update is refused with 428."`
}

// version returns the version named by If-Match: 428 when the header is missing (or is
// "*", which would overwrite blindly), 412 when it names no version, since it then cannot
// match the current one.
func (m Precondition) version() (int, error) {
	v := strings.TrimSpace(m.IfMatch)
	if v == "" || v == "*" {
		return 0, &huma.ErrorModel{Status: http.StatusPreconditionRequired, Title: http.StatusText(http.StatusPreconditionRequired),
			Detail: "Send the record's ETag in If-Match, so that you do not overwrite someone else's change.",
			Errors: []*huma.ErrorDetail{{Location: "header.If-Match", Message: "This header is required."}}}
	}
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(v, `"`), `"`))
	if err != nil || n < 1 || v != etag(n) {
		return 0, &huma.ErrorModel{Status: http.StatusPreconditionFailed, Title: http.StatusText(http.StatusPreconditionFailed),
			Detail: "If-Match does not name the current version; read the record again.",
			Errors: []*huma.ErrorDetail{{Location: "header.If-Match", Message: "Expected an ETag such as \"3\".", Value: v}}}
	}
	return n, nil
}

// body is the response of an operation that returns one value: v, or the problem
// document of err (see fail). It saves each handler the same three lines.
func body[T any](x *API, ctx context.Context, v T, err error) (*struct{ Body T }, error) {
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body T }{v}, nil
}
