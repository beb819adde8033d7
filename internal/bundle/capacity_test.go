package bundle

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/google/go-cmp/cmp"
)

func TestNew_OrdersCapacityByID(t *testing.T) {
	b := sampleBundle()
	var got []string
	for _, x := range b.Targets {
		got = append(got, x.ID)
		for _, a := range x.Assessments {
			got = append(got, a.ID)
		}
		for _, a := range x.Access {
			got = append(got, a.OrganizationID)
		}
	}
	for _, a := range b.AsksOffers {
		got = append(got, a.ID+":"+a.NeededBy)
		for _, r := range a.Responses {
			got = append(got, r.ID)
		}
	}
	got = append(got, b.SkillNeeds...)
	want := []string{"tg-1", "tg-2", "as-1", "as-2", "org-a", "org-c", "ao-1:", "ao-2:2024-05-10", "rs-1", "translation", "legal research"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got); access by organization, skill needs in the coalition's order:\n%s", diff)
	}
	if h := b.AsksOffers[1].Help; h == nil || h.FromOrganizationID != "org-a" || b.AsksOffers[0].Help != nil {
		t.Errorf("help = %+v / %+v, want org-a's help on ao-2 only", b.AsksOffers[1].Help, b.AsksOffers[0].Help)
	}
}

func TestParse_ChecksCapacityRecords(t *testing.T) {
	// Sorted: targets tg-1, tg-2 (assessments as-1, as-2; access org-a, org-c); asks and
	// offers ao-1 (open offer), ao-2 (fulfilled ask, response rs-1, help hp-1).
	doc := sampleDoc(t)
	at(doc, "targets", 1, "assessments", 0)["stance"] = json.Number("3")      // schema maximum
	at(doc, "targets", 1, "assessments", 1)["assessed_on"] = "2024-13-01"     // no such month
	at(doc, "targets", 1, "access", 1)["organization_id"] = "org-a"           // the same organization twice
	at(doc, "targets", 0)["kind"] = "committee"                               // unknown enum
	at(doc, "asks_offers", 0)["help"] = at(doc, "asks_offers", 1)["help"]     // help on an open offer, same id
	at(doc, "asks_offers", 1, "responses", 0)["organization_id"] = "org-gone" // dangling
	at(doc, "asks_offers", 1)["title"] = " "                                  // required
	doc["skill_needs"] = []any{"translation", " translation ", ""}            // repeated, empty
	problems := Validate(marshal(t, doc))
	for path, want := range map[string]string{
		"/targets/1/assessments/0/stance":            "at most 2",
		"/targets/1/assessments/1/assessed_on":       "YYYY-MM-DD",
		"/targets/1/access/1/organization_id":        "/targets/1/access/0 is the same organization's access",
		"/targets/0/kind":                            "must be one of",
		"/asks_offers/0/help":                        "Only a fulfilled ask or offer has help",
		"/asks_offers/1/help/id":                     "Another help record has the same id",
		"/asks_offers/1/responses/0/organization_id": `No organization in this bundle has the id "org-gone"`,
		"/asks_offers/1/title":                       "required",
		"/skill_needs/1":                             "/skill_needs/0 is the same skill",
		"/skill_needs/2":                             "required",
	} {
		if got := problemAt(problems, path); !strings.Contains(got, want) {
			t.Errorf("problem at %s = %q, want it to mention %q (all: %v)", path, got, want, problems)
		}
	}
	if len(problems) != 10 {
		t.Errorf("%d problems, want 10: %v", len(problems), problems)
	}
}

func TestSchemaEnumsMatchDomain_Capacity(t *testing.T) {
	doc := at(decodeSchema(t), "$defs")
	enum := func(path ...any) []string {
		var out []string
		for _, v := range at(doc, path...)["enum"].([]any) {
			out = append(out, v.(string))
		}
		return out
	}
	for _, c := range []struct {
		name      string
		got, want []string
	}{
		{"target kind", enum("target", "properties", "kind"), domain.TargetKinds},
		{"ask kind", enum("ask_offer", "properties", "kind"), []string{domain.KindAsk, domain.KindOffer}},
		{"ask state", enum("ask_offer", "properties", "state"), askStates},
	} {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("schema enum %s differs from internal/domain (-domain +schema):\n%s", c.name, diff)
		}
	}
	stance := at(doc, "target_assessment", "properties", "stance")
	if stance["minimum"].(float64) != domain.MinStance || stance["maximum"].(float64) != domain.MaxStance {
		t.Errorf("schema stance bounds differ from domain.MinStance/MaxStance")
	}
}
