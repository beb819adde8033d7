package server_test

func init() {
	featureMatrix = append(featureMatrix,
		entry{route: "GET /coalitions/{id}/skills", want: view},
		entry{route: "POST /coalitions/{id}/skill-needs", want: manage, body: form("skills", "Lobbying", "others", "Popular education")},
		entry{route: "GET /api/v1/coalitions/{id}/skills", want: view},
		entry{route: "POST /api/v1/coalitions/{id}/skill-needs", want: manage, body: jsonBody(map[string]any{"skills": []string{"Lobbying"}})},
		entry{route: "GET /api/v1/skill-vocabulary", want: signedIn},
		entry{route: "POST /api/v1/skill-vocabulary", want: adminOnly, body: jsonBody(map[string]any{"name": "Popular education"})},
		entry{route: "GET /skill-vocabulary", want: signedIn},
		entry{route: "POST /skill-vocabulary", want: adminOnly, body: form("name", "Popular education")},
	)
}
