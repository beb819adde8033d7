// Package httpx holds what the HTML UI and the JSON API share: the route registry used by
// the authorization-matrix test, the signed-in user in the request context, the one
// table from error codes to HTTP statuses, and small request helpers.
package httpx

import (
	"context"
	"net"
	"net/http"
	"sort"
	"strings"

	"github.com/braid-org/braid/internal/domain"
)

// Router wraps a ServeMux and remembers every pattern registered, so that tests can
// check that each route has an authorization expectation.
type Router struct {
	mux      *http.ServeMux
	patterns []string
}

// NewRouter returns a router over mux.
func NewRouter(mux *http.ServeMux) *Router { return &Router{mux: mux} }

// Handle registers h for pattern ("GET /path/{id}").
func (r *Router) Handle(pattern string, h http.Handler) {
	r.patterns = append(r.patterns, pattern)
	r.mux.Handle(pattern, h)
}

// HandleFunc registers f for pattern.
func (r *Router) HandleFunc(pattern string, f http.HandlerFunc) { r.Handle(pattern, f) }

// Mux returns the underlying ServeMux (for adapters that register themselves).
func (r *Router) Mux() *http.ServeMux { return r.mux }

// Patterns returns the registered patterns, sorted.
func (r *Router) Patterns() []string {
	out := append([]string(nil), r.patterns...)
	sort.Strings(out)
	return out
}

type ctxKey int

const (
	userKey ctxKey = iota
	requestIDKey
	originKey
)

// WithOrigin returns a context carrying the public address links to Braid start with.
func WithOrigin(ctx context.Context, origin string) context.Context {
	return context.WithValue(ctx, originKey, origin)
}

// Origin returns the public address ("https://braid.example.org", no trailing slash) for
// links sent outside Braid, such as in emails; "" outside a request.
func Origin(ctx context.Context) string {
	o, _ := ctx.Value(originKey).(string)
	return o
}

// WithUser returns a context carrying the signed-in user.
func WithUser(ctx context.Context, u *domain.User) context.Context {
	return context.WithValue(ctx, userKey, u)
}

// User returns the signed-in user, nil for an anonymous visitor.
func User(ctx context.Context) *domain.User {
	u, _ := ctx.Value(userKey).(*domain.User)
	return u
}

// WithRequestID returns a context carrying the request id.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey, id)
}

// RequestID returns the request id, "" outside a request.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// Status maps a domain error code to its HTTP status. It is the only such table.
func Status(code string) int {
	switch code {
	case domain.EINVALID:
		return http.StatusUnprocessableEntity
	case domain.ENOTFOUND:
		return http.StatusNotFound
	case domain.ECONFLICT:
		return http.StatusConflict
	case domain.EPRECONDITION:
		return http.StatusPreconditionFailed
	case domain.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case domain.EFORBIDDEN:
		return http.StatusForbidden
	case domain.ETOOMANY:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// ClientIP returns the address of the client (the direct peer; Braid does not trust
// forwarding headers unless a proxy is configured in front and strips them).
func ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// BearerToken returns the token of an "Authorization: Bearer" header, "" if absent.
func BearerToken(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}
