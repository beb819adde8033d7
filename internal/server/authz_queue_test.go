package server_test

import (
	"context"
	"net/url"
)

// Speaking queue (issue 4). Everyone with a role in the coalition follows the queue and
// raises or lowers their own hand; facilitators, coordinators and admins run it. Hands are
// named by whose they are, so {user_id} (the observer) names the hand to move or remove.
const (
	//          anon  outsider observer member nonrep facil coord admin
	runQueue = "login 404      403      403    403    ok    ok    ok"
)

// queueOpen opens the speaking queue of the fixture's meeting and raises the observer's
// hand, once per fixture, before a request that needs them. The meeting is made by the
// work fixture, whose setup runs after this file's, so this happens at request time.
func queueOpen(f *fixture) {
	f.once("speaking queue", func() {
		ctx, mid := context.Background(), f.ids["meeting_id"]
		if _, err := f.app.OpenSpeakingQueue(ctx, f.users["coord"], f.a.ID, mid); err != nil {
			panic(err)
		}
		if _, _, err := f.app.RaiseHand(ctx, f.users["observer"], f.a.ID, mid, ""); err != nil {
			panic(err)
		}
	})
}

// withQueue is a body (for a GET, an empty one) sent once the queue is open.
func withQueue(v any) func(*fixture, string) any {
	return func(f *fixture, _ string) any {
		queueOpen(f)
		return v
	}
}

func init() {
	noForm, noJSON := url.Values{}, map[string]any{}
	web := "/coalitions/{id}/meetings/{meeting_id}/queue"
	api := "/api/v1/coalitions/{id}/meetings/{meeting_id}/speaking-queue"
	featureMatrix = append(featureMatrix,
		entry{route: "GET " + web, want: view, body: withQueue(noForm)},
		entry{route: "POST " + web + "/open", want: runQueue}, // a fresh fixture has no queue yet
		entry{route: "POST " + web + "/close", want: runQueue, body: withQueue(noForm)},
		entry{route: "POST " + web + "/hand", want: view, body: withQueue(noForm)},
		entry{route: "POST " + web + "/hand/lower", want: view, body: withQueue(noForm)},
		entry{route: "POST " + web + "/next", want: runQueue, body: withQueue(noForm)},
		entry{route: "POST " + web + "/hands/{user_id}/move", want: runQueue, body: withQueue(url.Values{"position": {"1"}})},
		entry{route: "POST " + web + "/hands/{user_id}/remove", want: runQueue, body: withQueue(noForm)},
		entry{route: "GET " + api, want: view, body: withQueue(noForm)},
		entry{route: "POST " + api, want: runQueue},
		entry{route: "POST " + api + "/close", want: runQueue, body: withQueue(noJSON)},
		entry{route: "PUT " + api + "/hand", want: view, body: withQueue(noJSON)},
		entry{route: "DELETE " + api + "/hand", want: view, body: withQueue(noJSON)},
		entry{route: "POST " + api + "/next", want: runQueue, body: withQueue(noJSON)},
		entry{route: "PUT " + api + "/hands/{user_id}/position", want: runQueue, body: withQueue(map[string]any{"position": 1})},
		entry{route: "DELETE " + api + "/hands/{user_id}", want: runQueue, body: withQueue(noJSON)},
		// once=true: the stream sends the current state and ends, so the cell returns.
		entry{route: "GET " + api + "/events", want: view, query: "?once=true", body: withQueue(noForm)},
		entry{route: "GET /api/v1/coalitions/{id}/meetings/{meeting_id}/speaking-time", want: view},
	)
}
