package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/ledger"
	"github.com/braid-org/braid/internal/web/i18n"
)

func TestFundsPages(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "fu")
	alder := w.addMember("Alder", "steering", true, "yes", "under_250k")
	coord := w.as("coord-fu@example.org")
	base := "/coalitions/" + w.coalition.ID

	// The coordinator adds a fund; a bad currency is refused with the typed values kept.
	res := coord.post(base+"/funds", url.Values{"name": {"Tenant grant"}, "holder_name": {"Sponsor"}, "currency": {"usd"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-currency"`, `value="Tenant grant"`)
	res = coord.post(base+"/funds", url.Values{"name": {"Tenant grant"}, "holder_name": {"Sponsor"}, "funder": {"Foundation"}, "currency": {"USD"}})
	wantStatus(t, res, http.StatusSeeOther)
	fundURL := res.Location
	if !strings.HasPrefix(fundURL, base+"/funds/") {
		t.Fatalf("created fund redirects to %q", fundURL)
	}
	entries := fundURL + "/entries"

	// Money received, typed in dollars and read exactly as cents.
	wantStatus(t, coord.post(entries, url.Values{"kind": {"received"}, "amount": {"1,250.50"}, "memo": {"First tranche"}}), http.StatusSeeOther)
	for _, bad := range []struct{ amount, want string }{
		{"12.345", "no fractions of a cent"},
		{"-5", "cannot be negative"},
		{"abc", "Enter the amount as digits"},
		{"2000", "more than the pool"},
	} {
		kind := "received"
		form := url.Values{"kind": {kind}, "amount": {bad.amount}}
		if bad.amount == "2000" {
			form = url.Values{"kind": {"allocated"}, "amount": {bad.amount}, "organization_id": {alder.membership.OrganizationID}}
		}
		res := coord.post(entries, form)
		wantStatus(t, res, http.StatusUnprocessableEntity)
		wantBody(t, res, bad.want)
	}
	wantStatus(t, coord.post(entries, url.Values{"kind": {"allocated"}, "amount": {"250.50"}, "organization_id": {alder.membership.OrganizationID}}), http.StatusSeeOther)
	res = coord.get(fundURL)
	wantStatus(t, res, http.StatusOK)
	// 1,250.50 received − 250.50 allocated = 1,000.00 not yet allocated.
	wantBody(t, res, "<strong>1,000.00 USD</strong>", "First tranche", "Coordinator fu", "Intact: all 2 entries", "Record the entry")

	// A member sees the ledger but no form; an outsider is told it does not exist.
	member := w.as("alder@example.org")
	res = member.get(fundURL)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "First tranche", "250.50")
	wantNoBody(t, res, "Record the entry")
	wantStatus(t, member.post(entries, url.Values{"kind": {"received"}, "amount": {"5"}}), http.StatusForbidden)
	wantBody(t, member.get(base+"/funds"), "Tenant grant", "1,000.00 USD")
	newTestUser(t, site, "Outsider", "out-fu@example.org")
	outsider := w.as("out-fu@example.org")
	wantStatus(t, outsider.get(fundURL), http.StatusNotFound)
	wantStatus(t, outsider.get(base+"/funds"), http.StatusNotFound)
	wantStatus(t, coord.get(base+"/funds/nope"), http.StatusNotFound)

	// A correction reverses an entry; both stay.
	d, err := site.App.Fund(context.Background(), w.coordinator, w.coalition.ID, fundURL[strings.LastIndex(fundURL, "/")+1:])
	if err != nil {
		t.Fatal(err)
	}
	wantStatus(t, coord.post(entries, url.Values{"kind": {"correction"}, "corrects": {d.Entries[1].ID}}), http.StatusSeeOther)
	wantBody(t, coord.get(fundURL), "(reverses entry 2)", "(reversed by entry 3)", "<strong>1,250.50 USD</strong>")
}

// TestMoneyCatalogFamilies checks the ids the money pages build at run time.
func TestMoneyCatalogFamilies(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "es"} {
		loc := cat.For(lang)
		ids := []string{}
		for _, k := range ledger.Kinds {
			ids = append(ids, "money.kind."+k)
		}
		for _, k := range []string{ledger.BreakContent, ledger.BreakLink, ledger.BreakSequence, ledger.BreakFund} {
			ids = append(ids, "money.chain.break."+k)
		}
		for _, id := range ids {
			if got := loc.T(id, "Seq", 1); got == id || got == "" {
				t.Errorf("%s: no message for %s", lang, id)
			}
		}
	}
}
