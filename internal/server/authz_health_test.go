package server_test

import (
	"context"
	"testing"
)

// Coalition health: who may do what with check-ins. Anyone with a role in A answers a
// check-in once (a deployment administrator without a role does not: 403); coordinators
// open and close them; everyone with a role sees results.
const answerer = "login 404      ok       ok     ok     ok    ok    403"

func init() {
	ratings := form("r.goal.explain", "4", "r.trust.honest", "2")
	ratingsJSON := jsonBody(map[string]any{"ratings": map[string]int{"goal.explain": 4}})
	featureMatrix = append(featureMatrix,
		entry{route: "GET /coalitions/{id}/check-ins", want: view},
		entry{route: "POST /coalitions/{id}/check-ins", want: manage, body: form("title", "Autumn check-in")},
		entry{route: "GET /coalitions/{id}/check-ins/{checkin_id}", want: view},
		entry{route: "POST /coalitions/{id}/check-ins/{checkin_id}/answers", want: answerer, body: ratings},
		entry{route: "POST /coalitions/{id}/check-ins/{checkin_id}/close", want: manage},
		entry{route: "GET /coalitions/{id}/check-ins/{checkin_id}/results", want: view},
		entry{route: "GET /coalitions/{id}/check-ins/{checkin_id}/results.csv", want: view},
		entry{route: "GET /api/v1/coalitions/{id}/check-ins", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/check-ins", want: manage, body: jsonBody(map[string]any{"title": "Autumn check-in"})},
		entry{route: "GET /api/v1/coalitions/{id}/check-ins/{checkin_id}", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/check-ins/{checkin_id}/answers", want: answerer, body: ratingsJSON},
		entry{route: "POST /api/v1/coalitions/{id}/check-ins/{checkin_id}/close", want: manage},
		entry{route: "GET /api/v1/coalitions/{id}/check-ins/{checkin_id}/results", want: view},
		entry{route: "GET /api/v1/coalitions/{id}/check-in-trends", want: view},
	)
	fixtureSetups = append(fixtureSetups, func(t testing.TB, f *fixture) {
		c, err := f.app.OpenCheckIn(context.Background(), f.users["coord"], f.a.ID, "Spring check-in")
		if err != nil {
			t.Fatal(err)
		}
		f.ids["checkin_id"] = c.ID
	})
}
