package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// TestTensionFlow names a tension through the form, carries it through its states as the
// facilitator, and checks that a member who is not a party cannot see it.
func TestTensionFlow(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "tn")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	w.addMember("Birch", "member", false, "no", "over_5m")
	facil := newTestUser(t, site, "Fatima Facilitator", "fatima@example.org")
	if err := site.App.DB().Write(context.Background(), func(tx *store.Tx) error {
		return tx.SetAccess(context.Background(), domain.CoalitionAccess{CoalitionID: w.coalition.ID, UserID: facil.ID, Role: domain.AccessFacilitator})
	}); err != nil {
		t.Fatal(err)
	}
	base := "/coalitions/" + w.coalition.ID + "/tensions"
	member := w.as("alder@example.org")

	// No party: the form comes back with the typed text.
	res := member.post(base, url.Values{"title": {"Left out of budget talks"}, "description": {"Kept text"}, "kind": {"resources"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-parties"`, "Kept text</textarea>")
	res = member.post(base, url.Values{"title": {"Left out of budget talks"}, "description": {"We heard about the budget after it was decided."},
		"kind": {"resources"}, "organization_ids": {alder.org.ID}})
	wantStatus(t, res, http.StatusSeeOther)
	detail := res.Location
	wantBody(t, member.get(detail), "Left out of budget talks", "Withdraw the tension")

	// Birch's representative and the coordinator do not learn it exists.
	for _, who := range []string{"birch@example.org", "coord-tn@example.org"} {
		c := w.as(who)
		wantStatus(t, c.get(detail), http.StatusNotFound)
		wantNoBody(t, c.get(base), "Left out of budget talks")
	}

	f := w.as("fatima@example.org")
	wantBody(t, f.get(base), "Left out of budget talks")
	wantStatus(t, f.post(detail+"/transitions", url.Values{"to": {"acknowledged"}}), http.StatusSeeOther)
	wantStatus(t, f.post(detail+"/transitions", url.Values{"to": {"in_dialogue"}}), http.StatusSeeOther)
	res = f.post(detail+"/transitions", url.Values{"to": {"raised"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "Going back in the process needs a reason.")
	wantStatus(t, f.post(detail+"/entries", url.Values{"kind": {"agreement"}, "body": {"Budget drafts go to every member."}}), http.StatusSeeOther)
	wantStatus(t, f.post(detail+"/facilitation", url.Values{"facilitator_id": {facil.ID}, "follow_up_on": {"2020-01-01"}}), http.StatusSeeOther)
	page := f.get(base)
	wantBody(t, page, "Follow-ups due")
	page = f.get(detail)
	wantBody(t, page, "in dialogue", "Budget drafts go to every member.", "2020-01-01")
	if !strings.Contains(page.Body, "once every party agrees") {
		t.Error("the facilitator is not told widening waits for the parties")
	}
	wantStatus(t, member.post(detail+"/widen-agreement", url.Values{"agreed": {"yes"}}), http.StatusSeeOther)
	wantStatus(t, f.post(detail+"/visibility", url.Values{"visibility": {"coalition"}}), http.StatusSeeOther)
	wantBody(t, w.as("birch@example.org").get(detail), "Left out of budget talks", "everyone in the coalition")
}

// TestHealthCatalogFamilies: every tension kind and state has a message in English and Spanish.
func TestHealthCatalogFamilies(t *testing.T) {
	en, es := loadCatalog(t, "en"), loadCatalog(t, "es")
	for prefix, values := range map[string][]string{
		"tension.kind.":             domain.TensionKinds,
		"tension.state.":            domain.TensionStates,
		"tension.visibility.":       {domain.VisibilityParties, domain.VisibilityCoalition},
		"tension.entry.visibility.": {domain.VisibilityParties, domain.VisibilityCoalition},
		"tension.party.":            {domain.PartyOrganization, domain.PartyPerson},
		"tension.note.kind.":        {domain.EntryNote, domain.EntryAgreement},
		"tension.entry.widen.":      {"yes", "no"},
	} {
		for _, v := range values {
			if en[prefix+v] == nil || es[prefix+v] == nil {
				t.Errorf("no English or Spanish message for %s%s", prefix, v)
			}
		}
	}
}
