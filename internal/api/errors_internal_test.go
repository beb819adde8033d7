package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

func problemOf(t *testing.T, err error) *huma.ErrorModel {
	t.Helper()
	var p *huma.ErrorModel
	if !errors.As(err, &p) {
		t.Fatalf("%T is not a problem", err)
	}
	return p
}

func TestFailMapsEveryCode(t *testing.T) {
	x := New(nil, slog.New(slog.DiscardHandler))
	for _, code := range []string{domain.EINVALID, domain.ENOTFOUND, domain.ECONFLICT, domain.EPRECONDITION, domain.EUNAUTHORIZED,
		domain.EFORBIDDEN, domain.ETOOMANY, domain.EINTERNAL} {
		p := problemOf(t, x.fail(context.Background(), domain.Errorf(code, "Message for %s.", code)))
		if p.Status != httpx.Status(code) || p.Title != http.StatusText(p.Status) {
			t.Errorf("%s: status %d %q", code, p.Status, p.Title)
		}
	}
}

func TestFailNamesFields(t *testing.T) {
	x := New(nil, slog.New(slog.DiscardHandler))
	err := &domain.Error{Code: domain.EINVALID, Message: "Some fields need attention.",
		Fields: []domain.FieldError{{Field: "name", Message: "This field is required."}, {Field: "cursor", Message: "Unknown cursor."}}}
	p := problemOf(t, x.fail(context.Background(), err, pagingFields))
	if p.Status != 422 || p.Detail != "Some fields need attention." || len(p.Errors) != 2 ||
		p.Errors[0].Location != "body.name" || p.Errors[1].Location != "query.cursor" {
		t.Errorf("problem = %+v %+v", p, p.Errors)
	}
	stale := x.fail(context.Background(), domain.Errorf(domain.EPRECONDITION, "Someone else changed this."))
	if p := problemOf(t, stale); p.Status != 412 || len(p.Errors) != 1 || p.Errors[0].Location != "header.If-Match" {
		t.Errorf("stale: %+v", p)
	}
	var he huma.HeadersError
	if !errors.As(x.fail(context.Background(), domain.Errorf(domain.EUNAUTHORIZED, "Sign in.")), &he) || he.GetHeaders().Get("WWW-Authenticate") == "" {
		t.Error("401 without WWW-Authenticate")
	}
}

// TestFailHidesInternalErrors checks that an internal error is logged once with the
// request id and that its text never reaches the client.
func TestFailHidesInternalErrors(t *testing.T) {
	var logs bytes.Buffer
	x := New(nil, slog.New(slog.NewJSONHandler(&logs, nil)))
	ctx := httpx.WithRequestID(context.Background(), "req-42")
	p := problemOf(t, x.fail(ctx, errors.New(`pq: relation "secret_table" does not exist`)))
	body, _ := json.Marshal(p)
	if p.Status != 500 || strings.Contains(string(body), "secret") {
		t.Errorf("client sees %s", body)
	}
	if n := strings.Count(logs.String(), "secret_table"); n != 1 || !strings.Contains(logs.String(), `"request_id":"req-42"`) {
		t.Errorf("logged %d times: %s", n, logs.String())
	}
}

func TestPreconditionVersion(t *testing.T) {
	for _, tc := range []struct {
		header  string
		version int
		status  int
	}{
		{"", 0, 428}, {"*", 0, 428}, {` "7" `, 7, 0}, {`"12"`, 12, 0}, {`W/"7"`, 0, 412}, {`7`, 0, 412},
		{`"0"`, 0, 412}, {`"-1"`, 0, 412}, {`"1", "2"`, 0, 412}, {`"+3"`, 0, 412}, {`"007"`, 0, 412},
	} {
		v, err := Precondition{IfMatch: tc.header}.version()
		if tc.status == 0 {
			if err != nil || v != tc.version {
				t.Errorf("If-Match %q: %d, %v; want %d", tc.header, v, err, tc.version)
			}
			continue
		}
		if err == nil || problemOf(t, err).Status != tc.status {
			t.Errorf("If-Match %q: %d, %v; want status %d", tc.header, v, err, tc.status)
		}
	}
}
