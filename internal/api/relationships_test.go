package api_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

func init() {
	for op, who := range map[string]string{
		"GET /api/v1/coalitions/{id}/relationships":                            "member",
		"POST /api/v1/coalitions/{id}/relationships":                           "member",
		"PUT /api/v1/coalitions/{id}/relationships/{relationship_id}":          "member",
		"DELETE /api/v1/coalitions/{id}/relationships/{relationship_id}":       "member",
		"POST /api/v1/coalitions/{id}/relationships/{relationship_id}/confirm": "member",
	} {
		authExpectations[op] = who
	}
}

func TestRelationships(t *testing.T) {
	f := newFixture(t)
	rep2 := f.user("rep2")
	m2 := f.join(f.users["coord"], rep2, f.a, "Eastside Youth", domain.RoleMember, false)
	base := "/api/v1/coalitions/" + f.a.ID + "/relationships"
	body := func(from, to string, depth int) string {
		return `{"organization_id":"` + from + `","other_organization_id":"` + to + `","kind":"mentoring","depth":` + strconv.Itoa(depth) + `,"since":"2022-03-01"}`
	}
	one, two := f.memberA.OrganizationID, m2.OrganizationID
	f.run(t, []scenario{
		{name: "malformed JSON", method: "POST", path: base, actor: "rep", body: `{"organization_id":`, status: 400},
		{name: "depth 0", method: "POST", path: base, actor: "rep", body: body(one, two, 0), status: 422, want: `body.depth`},
		{name: "depth 6", method: "POST", path: base, actor: "rep", body: body(one, two, 6), status: 422, want: `body.depth`},
		{name: "self-tie", method: "POST", path: base, actor: "rep", body: body(one, one, 3), status: 422, want: `body.other_organization_id`},
		{name: "unknown kind", method: "POST", path: base, actor: "rep", body: strings.Replace(body(one, two, 3), "mentoring", "pals", 1), status: 422},
		{name: "bad date", method: "POST", path: base, actor: "rep", body: strings.Replace(body(one, two, 3), "2022-03-01", "2022-13-01", 1), status: 422, want: `body.since`},
		{name: "unknown organization", method: "POST", path: base, actor: "rep", body: body(one, "nope", 3), status: 404},
		{name: "another coalition's organization", method: "POST", path: base, actor: "rep", body: body(one, f.memberB.OrganizationID, 3), status: 404},
		{name: "not its representative", method: "POST", path: base, actor: "rep2", body: body(one, two, 3), status: 403},
		{name: "outsider", method: "POST", path: base, actor: "outsider", body: body(one, two, 3), status: 404},
		{name: "record", method: "POST", path: base, actor: "rep", body: body(one, two, 2), status: 201, want: `"other_organization_name":"Eastside Youth"`,
			header: map[string]string{"ETag": `"1"`, "Location": base + "/"}},
		{name: "duplicate", method: "POST", path: base, actor: "rep", body: body(one, two, 4), status: 409, want: "change that one instead"},
		{name: "list", method: "GET", path: base, actor: "coord", status: 200, want: `"confirmed":false`},
		{name: "list as outsider", method: "GET", path: base, actor: "outsider", status: 404},
		{name: "list wrong coalition", method: "GET", path: "/api/v1/coalitions/nope/relationships", actor: "coord", status: 404},
	})
	var list struct {
		Relationships []domain.Relationship `json:"relationships"`
	}
	if err := json.Unmarshal([]byte(f.get(base, "coord").body), &list); err != nil || len(list.Relationships) != 1 {
		t.Fatalf("list: %v %+v", err, list)
	}
	id := list.Relationships[0].ID
	f.run(t, []scenario{
		{name: "confirm own", method: "POST", path: base + "/" + id + "/confirm", actor: "rep", body: `{}`, status: 403},
		{name: "confirm depth 6", method: "POST", path: base + "/" + id + "/confirm", actor: "rep2", body: `{"depth":6}`, status: 422},
		{name: "confirm wrong id", method: "POST", path: base + "/nope/confirm", actor: "rep2", body: `{}`, status: 404},
		{name: "confirm", method: "POST", path: base + "/" + id + "/confirm", actor: "rep2", body: `{"depth":5}`, status: 201, want: `"depth":5`},
		{name: "confirm twice", method: "POST", path: base + "/" + id + "/confirm", actor: "rep2", body: `{}`, status: 409},
		// Mean of 2 and 5.
		{name: "merged", method: "GET", path: base, actor: "rep", status: 200, want: `"depth":3.5,"depth_a"`},
		{name: "update without If-Match", method: "PUT", path: base + "/" + id, actor: "rep", body: `{"kind":"funding","depth":4}`, status: 428},
		{name: "update stale", method: "PUT", path: base + "/" + id, actor: "rep", body: `{"kind":"funding","depth":4}`, headers: ifMatch(`"7"`), status: 412},
		{name: "update by other side", method: "PUT", path: base + "/" + id, actor: "rep2", body: `{"kind":"funding","depth":4}`, headers: ifMatch(`"1"`), status: 403},
		{name: "update", method: "PUT", path: base + "/" + id, actor: "rep", body: `{"kind":"funding","depth":4}`, headers: ifMatch(`"1"`), status: 200,
			want: `"kind":"funding"`, header: map[string]string{"ETag": `"2"`}},
		{name: "update from another coalition", method: "PUT", path: "/api/v1/coalitions/" + f.b.ID + "/relationships/" + id, actor: "repB",
			body: `{"kind":"funding","depth":4}`, headers: ifMatch(`"2"`), status: 404},
		{name: "delete by other side", method: "DELETE", path: base + "/" + id, actor: "rep2", status: 403},
		{name: "delete", method: "DELETE", path: base + "/" + id, actor: "rep", status: 204},
		{name: "delete again", method: "DELETE", path: base + "/" + id, actor: "rep", status: 404},
	})
}
