package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/api"
	"github.com/braid-org/braid/internal/app"
)

func init() {
	for op, who := range map[string]string{
		"GET /api/v1/coalitions/{id}/funds":                    "member",
		"POST /api/v1/coalitions/{id}/funds":                   "member",
		"GET /api/v1/coalitions/{id}/funds/{fund_id}":          "member",
		"POST /api/v1/coalitions/{id}/funds/{fund_id}/entries": "member",
	} {
		authExpectations[op] = who
	}
}

func TestFunds(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	fund, err := f.app.CreateFund(ctx, f.users["coord"], f.a.ID, app.FundInput{Name: "Tenant grant", HolderName: "Sponsor", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	fundB, err := f.app.CreateFund(ctx, f.users["coordB"], f.b.ID, app.FundInput{Name: "Transit grant", HolderName: "Sponsor", Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	base := "/api/v1/coalitions/" + f.a.ID + "/funds"
	one := base + "/" + fund.ID
	org := f.memberA.OrganizationID
	f.run(t, []scenario{
		{name: "create", method: "POST", path: base, actor: "coord", body: `{"name":"Dues","holder_name":"Riverside","currency":"EUR"}`, status: 201, want: `"head_seq":0`},
		{name: "create as member", method: "POST", path: base, actor: "rep", body: `{"name":"Dues","holder_name":"R","currency":"EUR"}`, status: 403},
		{name: "create bad currency", method: "POST", path: base, actor: "coord", body: `{"name":"Dues","holder_name":"R","currency":"XYZ"}`, status: 422, want: `"location":"body.currency"`},
		{name: "create malformed", method: "POST", path: base, actor: "coord", body: `{"name":`, status: 400},
		{name: "list", method: "GET", path: base, actor: "rep", status: 200, want: `"name":"Tenant grant"`},
		{name: "list as outsider", method: "GET", path: base, actor: "outsider", status: 404},
		{name: "receive", method: "POST", path: one + "/entries", actor: "coord", body: `{"kind":"received","amount":50000,"currency":"USD","memo":"Grant"}`, status: 201, want: `"seq":1`},
		{name: "negative", method: "POST", path: one + "/entries", actor: "coord", body: `{"kind":"received","amount":-1,"currency":"USD"}`, status: 422, want: "body.amount"},
		{name: "fractional cent", method: "POST", path: one + "/entries", actor: "coord", body: `{"kind":"received","amount":10.5,"currency":"USD"}`, status: 422, want: "body.amount"},
		{name: "currency mismatch", method: "POST", path: one + "/entries", actor: "coord", body: `{"kind":"received","amount":5,"currency":"EUR"}`, status: 422, want: "body.currency"},
		{name: "overdraw", method: "POST", path: one + "/entries", actor: "coord", body: `{"kind":"allocated","amount":50001,"currency":"USD","organization_id":"` + org + `"}`, status: 422, want: "body.amount"},
		{name: "allocate", method: "POST", path: one + "/entries", actor: "coord", body: `{"kind":"allocated","amount":20000,"currency":"USD","organization_id":"` + org + `"}`, status: 201, want: `"seq":2`},
		{name: "append as member", method: "POST", path: one + "/entries", actor: "rep", body: `{"kind":"received","amount":5,"currency":"USD"}`, status: 403},
		{name: "append to another coalition's fund", method: "POST", path: base + "/" + fundB.ID + "/entries", actor: "coord", body: `{"kind":"received","amount":5,"currency":"USD"}`, status: 404},
		{name: "get", method: "GET", path: one, actor: "rep", status: 200, want: `"pool":30000`},
		{name: "get shows chain", method: "GET", path: one, actor: "rep", status: 200, want: `"intact":true`},
		{name: "get another coalition's fund", method: "GET", path: base + "/" + fundB.ID, actor: "coord", status: 404},
		{name: "get wrong id", method: "GET", path: base + "/nope", actor: "coord", status: 404},
	})
	d, err := f.app.Fund(ctx, f.users["coord"], f.a.ID, fund.ID)
	if err != nil {
		t.Fatal(err)
	}
	entry := one + "/entries/" + d.Entries[0].ID
	for _, method := range []string{http.MethodPut, http.MethodPatch, http.MethodDelete} {
		for _, path := range []string{entry, one + "/entries", one} {
			if r := f.send(method, path, "coord", `{"amount":1}`, nil); r.status < 400 || r.status >= 500 {
				t.Errorf("%s %s: status %d; no route may edit or delete a ledger entry", method, path, r.status)
			}
		}
	}
	after, _ := f.app.Fund(ctx, f.users["coord"], f.a.ID, fund.ID)
	if len(after.Entries) != 2 || after.Entries[0].Amount != 50000 {
		t.Errorf("ledger changed: %+v", after.Entries)
	}
}

// TestNoOperationEditsLedgerEntries checks the API document itself: no operation may
// change or remove a ledger entry.
func TestNoOperationEditsLedgerEntries(t *testing.T) {
	f := newFixture(t)
	for _, op := range api.New(f.app, discardLog()).Operations() {
		method, path, _ := strings.Cut(op, " ")
		if strings.Contains(path, "/entries") && method != http.MethodGet && !(method == http.MethodPost && strings.HasSuffix(path, "/entries")) {
			t.Errorf("%s can change ledger entries", op)
		}
	}
}

func init() {
	for op, who := range map[string]string{
		"GET /api/v1/coalitions/{id}/allocation-rounds":                        "member",
		"POST /api/v1/coalitions/{id}/allocation-rounds":                       "member",
		"GET /api/v1/coalitions/{id}/allocation-rounds/{round_id}":             "member",
		"POST /api/v1/coalitions/{id}/allocation-rounds/{round_id}/approve":    "member",
		"POST /api/v1/coalitions/{id}/allocation-rounds/{round_id}/points":     "member",
		"GET /api/v1/coalitions/{id}/contributions":                            "member",
		"POST /api/v1/coalitions/{id}/contributions":                           "member",
		"POST /api/v1/coalitions/{id}/contributions/{contribution_id}/confirm": "member",
		"POST /api/v1/coalitions/{id}/contributions/import":                    "member",
	} {
		authExpectations[op] = who
	}
}
