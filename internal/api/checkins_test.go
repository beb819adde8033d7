package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
)

func init() {
	for op, who := range map[string]string{
		"GET /api/v1/coalitions/{id}/check-ins":                       "member",
		"POST /api/v1/coalitions/{id}/check-ins":                      "member",
		"GET /api/v1/coalitions/{id}/check-ins/{checkin_id}":          "member",
		"POST /api/v1/coalitions/{id}/check-ins/{checkin_id}/answers": "member",
		"POST /api/v1/coalitions/{id}/check-ins/{checkin_id}/close":   "member",
		"GET /api/v1/coalitions/{id}/check-ins/{checkin_id}/results":  "member",
		"GET /api/v1/coalitions/{id}/check-in-trends":                 "member",
	} {
		authExpectations[op] = who
	}
}

// TestCheckIns drives a check-in through the API: open, answer (and the bad inputs),
// results withheld while open, close, results with hand-worked scores.
func TestCheckIns(t *testing.T) {
	e := newEnv(t)
	coord := e.user("coord")
	c := e.coalition(coord, "Health", false)
	for i := range 3 {
		e.join(coord, e.user(fmt.Sprintf("m%d", i)), c, fmt.Sprintf("Org %d", i), "member", false)
	}
	e.user("outsider")
	base := "/api/v1/coalitions/" + c.ID + "/check-ins"

	r := e.send(http.MethodPost, base, "m0", `{"title":"Spring"}`, nil)
	if r.status != http.StatusForbidden {
		t.Fatalf("member opens: %d %s", r.status, r.body)
	}
	r = e.send(http.MethodPost, base, "coord", `{"title":""}`, nil)
	if r.status != http.StatusUnprocessableEntity {
		t.Errorf("empty title: %d", r.status)
	}
	r = e.send(http.MethodPost, base, "coord", `{"title":"Spring"}`, nil)
	if r.status != http.StatusCreated {
		t.Fatalf("open: %d %s", r.status, r.body)
	}
	var ci struct {
		ID string `json:"id"`
	}
	r.json(t, &ci)
	one := base + "/" + ci.ID

	var detail struct {
		Instrument  []struct{ Key string } `json:"instrument"`
		HasAnswered bool                   `json:"has_answered"`
	}
	e.get(one, "m0").json(t, &detail)
	if len(detail.Instrument) != 10 || detail.HasAnswered {
		t.Errorf("detail = %+v", detail)
	}

	// goal.explain: 5, 4, 2 → 11/3 = 3.67 (worth discussing).
	for i, v := range []int{5, 4, 2} {
		body := fmt.Sprintf(`{"ratings":{"goal.explain":%d}}`, v)
		if r := e.send(http.MethodPost, one+"/answers", fmt.Sprintf("m%d", i), body, nil); r.status != http.StatusCreated {
			t.Fatalf("answer %d: %d %s", i, r.status, r.body)
		}
	}
	for _, c := range []struct {
		name, actor, body string
		status            int
		fragment          string
	}{
		{"second answer", "m0", `{"ratings":{"goal.explain":3}}`, http.StatusConflict, "already answered"},
		{"rating 0", "coord", `{"ratings":{"goal.explain":0}}`, http.StatusUnprocessableEntity, "ratings.goal.explain"},
		{"rating 6", "coord", `{"ratings":{"goal.explain":6}}`, http.StatusUnprocessableEntity, "from 1 to 5"},
		{"unknown statement", "coord", `{"ratings":{"goal.nope":3}}`, http.StatusUnprocessableEntity, "ratings.goal.nope"},
		{"nothing rated", "coord", `{"ratings":{}}`, http.StatusUnprocessableEntity, "at least one"},
		{"rating as text", "coord", `{"ratings":{"goal.explain":"high"}}`, http.StatusUnprocessableEntity, ""},
		{"malformed JSON", "coord", `{"ratings":`, http.StatusBadRequest, ""},
		{"outsider", "outsider", `{"ratings":{"goal.explain":3}}`, http.StatusNotFound, ""},
	} {
		r := e.send(http.MethodPost, one+"/answers", c.actor, c.body, nil)
		if r.status != c.status || !strings.Contains(r.body, c.fragment) {
			t.Errorf("%s: %d %.200s, want %d with %q", c.name, r.status, r.body, c.status, c.fragment)
		}
	}
	if r := e.send(http.MethodPost, base+"/nope/answers", "m0", `{"ratings":{"goal.explain":3}}`, nil); r.status != http.StatusNotFound {
		t.Errorf("wrong check-in id: %d", r.status)
	}

	var res app.CheckInResults
	e.get(one+"/results", "m1").json(t, &res)
	if res.Shown || res.Withheld != "open" {
		t.Errorf("open results = %+v", res)
	}
	if r := e.send(http.MethodPost, one+"/close", "m1", "", nil); r.status != http.StatusForbidden {
		t.Errorf("member closes: %d", r.status)
	}
	if r := e.send(http.MethodPost, one+"/close", "coord", "", nil); r.status != http.StatusCreated && r.status != http.StatusOK {
		t.Fatalf("close: %d %s", r.status, r.body)
	}
	if r := e.send(http.MethodPost, one+"/close", "coord", "", nil); r.status != http.StatusConflict {
		t.Errorf("close twice: %d", r.status)
	}
	if r := e.send(http.MethodPost, one+"/answers", "coord", `{"ratings":{"goal.explain":3}}`, nil); r.status != http.StatusConflict {
		t.Errorf("answer a closed check-in: %d", r.status)
	}
	res = app.CheckInResults{}
	e.get(one+"/results", "m1").json(t, &res)
	if !res.Shown || res.Respondents != 3 || *res.Factors[0].Mean != 3.67 || res.Factors[0].Band != "discuss" {
		t.Errorf("results = %+v", res)
	}
	var trends struct {
		CheckIns []app.CheckInResults `json:"check_ins"`
	}
	e.get("/api/v1/coalitions/"+c.ID+"/check-in-trends", "m2").json(t, &trends)
	if len(trends.CheckIns) != 1 {
		t.Errorf("trends = %d check-ins", len(trends.CheckIns))
	}
	if r := e.get(one+"/results", "outsider"); r.status != http.StatusNotFound {
		t.Errorf("outsider reads results: %d", r.status)
	}
}

func init() {
	for _, op := range []string{
		"GET /api/v1/coalitions/{id}/tensions", "POST /api/v1/coalitions/{id}/tensions",
		"GET /api/v1/coalitions/{id}/tensions/{tension_id}",
		"POST /api/v1/coalitions/{id}/tensions/{tension_id}/transitions",
		"POST /api/v1/coalitions/{id}/tensions/{tension_id}/entries",
		"POST /api/v1/coalitions/{id}/tensions/{tension_id}/facilitation",
		"POST /api/v1/coalitions/{id}/tensions/{tension_id}/widen-agreement",
		"POST /api/v1/coalitions/{id}/tensions/{tension_id}/visibility",
	} {
		authExpectations[op] = "member"
	}
}

func init() {
	for _, op := range []string{
		"GET /api/v1/coalitions/{id}/asks-offers", "POST /api/v1/coalitions/{id}/asks-offers",
		"POST /api/v1/coalitions/{id}/asks-offers/{ask_offer_id}/responses",
		"POST /api/v1/coalitions/{id}/asks-offers/{ask_offer_id}/fulfil",
		"POST /api/v1/coalitions/{id}/asks-offers/{ask_offer_id}/close",
		"GET /api/v1/coalitions/{id}/reciprocity",
	} {
		authExpectations[op] = "member"
	}
}

func init() {
	authExpectations["GET /api/v1/coalitions/{id}/skills"] = "member"
	authExpectations["POST /api/v1/coalitions/{id}/skill-needs"] = "member"
	authExpectations["GET /api/v1/skill-vocabulary"] = "user"
	authExpectations["POST /api/v1/skill-vocabulary"] = "user"
}
