package server_test

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
)

// Tensions are seen only by their parties, the person who raised them and the
// coalition's facilitators. The fixture's tension was raised by member (representative of
// Org One, its party); facil is a facilitator of A. Everyone else, coordinator and
// administrator included, is told it does not exist.
const (
	//                anon  outsider observer member nonrep facil coord admin
	tensionParty   = "login 404      404      ok     404    ok    404   404"
	tensionFacil   = "login 404      404      403    404    ok    404   404"
	tensionSpeaker = "login 404      404      ok     404    403   404   404" // a party (not the facilitator)
	tensionTitle   = "Tension only parties see"
)

func init() {
	raiseForm := func(f *fixture, _ string) any {
		return url.Values{"title": {"A new tension"}, "description": {"What happened."}, "kind": {"process"}, "organization_ids": {f.m1.OrganizationID}}
	}
	raiseJSON := func(f *fixture, _ string) any {
		return map[string]any{"title": "A new tension", "description": "What happened.", "kind": "process", "organization_ids": []string{f.m1.OrganizationID}}
	}
	facilForm := func(f *fixture, _ string) any {
		return url.Values{"facilitator_id": {f.users["facil"].ID}, "follow_up_on": {"2026-12-01"}}
	}
	facilJSON := func(f *fixture, _ string) any {
		return map[string]any{"facilitator_id": f.users["facil"].ID, "follow_up_on": "2026-12-01"}
	}
	featureMatrix = append(featureMatrix,
		entry{route: "GET /coalitions/{id}/tensions", want: view},
		entry{route: "POST /coalitions/{id}/tensions", want: answerer, body: raiseForm},
		entry{route: "GET /coalitions/{id}/tensions/{tension_id}", want: tensionParty},
		entry{route: "POST /coalitions/{id}/tensions/{tension_id}/transitions", want: tensionFacil, body: form("to", "acknowledged")},
		entry{route: "POST /coalitions/{id}/tensions/{tension_id}/entries", want: tensionParty, body: form("kind", "note", "body", "We met.")},
		entry{route: "POST /coalitions/{id}/tensions/{tension_id}/facilitation", want: tensionFacil, body: facilForm},
		entry{route: "POST /coalitions/{id}/tensions/{tension_id}/widen-agreement", want: tensionSpeaker, body: form("agreed", "yes")},
		entry{route: "POST /coalitions/{id}/tensions/{tension_id}/visibility", want: tensionFacil, body: form("visibility", "parties_and_facilitators")},
		entry{route: "GET /api/v1/coalitions/{id}/tensions", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/tensions", want: answerer, body: raiseJSON},
		entry{route: "GET /api/v1/coalitions/{id}/tensions/{tension_id}", want: tensionParty},
		entry{route: "POST /api/v1/coalitions/{id}/tensions/{tension_id}/transitions", want: tensionFacil, body: jsonBody(map[string]any{"to": "acknowledged"})},
		entry{route: "POST /api/v1/coalitions/{id}/tensions/{tension_id}/entries", want: tensionParty, body: jsonBody(map[string]any{"kind": "note", "body": "We met."})},
		entry{route: "POST /api/v1/coalitions/{id}/tensions/{tension_id}/facilitation", want: tensionFacil, body: facilJSON},
		entry{route: "POST /api/v1/coalitions/{id}/tensions/{tension_id}/widen-agreement", want: tensionSpeaker, body: jsonBody(map[string]any{"agreed": true})},
		entry{route: "POST /api/v1/coalitions/{id}/tensions/{tension_id}/visibility", want: tensionFacil, body: jsonBody(map[string]any{"visibility": "parties_and_facilitators"})},
	)
	fixtureSetups = append(fixtureSetups, func(t testing.TB, f *fixture) {
		tn, err := f.app.RaiseTension(context.Background(), f.users["member"], f.a.ID, app.NewTension{Title: tensionTitle,
			Description: "Org One was left out of the budget talks.", Kind: "resources", OrganizationIDs: []string{f.m1.OrganizationID},
			PrincipleIDs: []string{f.principle.ID}})
		if err != nil {
			t.Fatal(err)
		}
		f.ids["tension_id"] = tn.ID
	})
}

// TestTensionsStayHidden reads every page and API operation of the server (with the
// authorization matrix's requests: lists, details, the audit log, the equity report,
// exports, the public page, the OpenAPI document, every feature's routes) as each person
// who is neither a party nor a facilitator, and checks that no answer names the
// tension, by title or id. Then it checks that the parties and the facilitator do see it.
func TestTensionsStayHidden(t *testing.T) {
	f := newFixture(t)
	id := f.ids["tension_id"]
	reads := 0
	for _, e := range allEntries() {
		if !strings.HasPrefix(e.route, "GET ") {
			continue
		}
		for _, role := range []string{"anon", "outsider", "observer", "nonrep", "coord", "admin"} {
			rec := httptest.NewRecorder()
			f.srv.ServeHTTP(rec, f.request(t, e, role))
			body := rec.Body.String()
			if strings.Contains(e.route, "{tension_id}") {
				// The path names the tension: the answer must be exactly the one for a
				// tension that does not exist.
				f.ids["tension_id"] = "doesnotexist"
				other := httptest.NewRecorder()
				f.srv.ServeHTTP(other, f.request(t, e, role))
				f.ids["tension_id"] = id
				if other.Code != rec.Code || strings.ReplaceAll(body, id, "doesnotexist") != other.Body.String() {
					t.Errorf("%s as %s: status %d differs from a missing tension's (%d), or the page does", e.route, role, rec.Code, other.Code)
				}
				body = strings.ReplaceAll(body, id, "")
			}
			if strings.Contains(body, tensionTitle) || strings.Contains(body, id) {
				t.Errorf("%s as %s (status %d) reveals the tension", e.route, role, rec.Code)
			}
			reads++
		}
	}
	t.Logf("%d reads, none reveals the tension", reads)
	for _, c := range []struct{ role, route string }{
		{"member", "GET /coalitions/{id}/tensions"}, {"facil", "GET /coalitions/{id}/tensions"},
		{"member", "GET /api/v1/coalitions/{id}/tensions"}, {"facil", "GET /api/v1/coalitions/{id}/tensions"},
	} {
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, f.request(t, entry{route: c.route}, c.role))
		if !strings.Contains(rec.Body.String(), tensionTitle) {
			t.Errorf("%s as %s does not list the tension (status %d)", c.route, c.role, rec.Code)
		}
	}
}
