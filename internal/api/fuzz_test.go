package api_test

import (
	"bytes"
	"testing"

	"github.com/braid-org/braid/internal/domain"
)

// FuzzDecodeRequest posts arbitrary bytes as the body of the two operations with the
// richest bodies; whatever the bytes, the answer is never a server error.
func FuzzDecodeRequest(f *testing.F) {
	e := newEnv(f)
	coord, rep := e.user("coord"), e.user("rep")
	c := e.coalition(coord, "Fuzzed", false)
	m := e.join(coord, rep, c, "Fuzz Org", domain.RoleMember, true)
	org := "/api/v1/organizations/" + m.OrganizationID

	for _, seed := range []string{
		`{"name":"Clean Air","goal":"Breathe","issue_areas":["air"],"phase":"campaign","public":true}`,
		`{"name":"Riverside","kind":"union","mission":"","website":"","geographies":[],"issue_areas":null,"skills":[{"name":"x","level":"learning"}],` +
			`"languages":[],"budget_band":"not_said","staff_size":0,"bipoc_led":"yes","identity":"","visibility":{"listed":false,"fields":["mission"]}}`,
		`{"name":"\u0000","goal":"\ud800"}`, `{"staff_size":1e400}`, `{"staff_size":9007199254740993}`, `[]`, `null`, `"x"`, `{`, ``,
		`{"name":"a","goal":"b","name":"c"}`, `{"skills":[{"name":"","level":"x"}]}`, "\xff\xfe{}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, req := range []struct{ method, path string }{{"POST", "/api/v1/coalitions"}, {"PUT", org}} {
			r := e.inProcessWith(req.method, req.path, "rep", bytes.NewReader(body), map[string]string{"If-Match": `"1"`})
			if r.status >= 500 {
				t.Fatalf("%s %s with %q: status %d: %s", req.method, req.path, body, r.status, r.body)
			}
		}
	})
}
