package bundle

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/google/go-cmp/cmp"
)

func TestNew_OrdersByIDAndLeavesOutAccounts(t *testing.T) {
	b := sampleBundle()
	var ids []string
	for _, o := range b.Organizations {
		ids = append(ids, o.ID)
	}
	for _, p := range b.People {
		ids = append(ids, p.ID)
	}
	for _, m := range b.Memberships {
		ids = append(ids, m.ID)
	}
	for _, p := range b.Principles {
		ids = append(ids, p.ID)
	}
	for _, a := range b.Adoptions {
		ids = append(ids, a.ID)
	}
	want := []string{"org-a", "org-b", "org-c", "p-1", "p-2", "m-1", "m-2", "m-3", "pr-1", "pr-2", "a-1", "a-2", "a-3"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if got := b.People[0].Affiliations; len(got) != 2 || got[0].OrganizationID != "org-a" || got[1].OrganizationID != "org-b" {
		t.Errorf("affiliations of p-1 = %+v, want org-a then org-b", got)
	}
	raw := string(mustEncode(t, b))
	for _, banned := range []string{"u-1", "user_id", "created_by", "adopted_by", "org-elsewhere", "Nobody Here", `"version": 1,` + "\n  \"exported_at\": null"} {
		if strings.Contains(raw, banned) {
			t.Errorf("encoded bundle contains %q", banned)
		}
	}
}

func TestEncodeParse_RoundTripsByteForByte(t *testing.T) {
	raw := mustEncode(t, sampleBundle())
	b, problems := Parse(raw)
	if problems != nil {
		t.Fatalf("Parse: %v", problems)
	}
	if again := mustEncode(t, b); !bytes.Equal(raw, again) {
		t.Errorf("re-encoded bundle differs:\n%s", cmp.Diff(string(raw), string(again)))
	}
	// Contents and back gives the same bundle too: nothing is lost on the way to the store.
	if again := mustEncode(t, New(b.Contents(), b.ExportedAt)); !bytes.Equal(raw, again) {
		t.Errorf("bundle → contents → bundle differs:\n%s", cmp.Diff(string(raw), string(again)))
	}
}

func TestParse_NormalizesAsTheDomainDoes(t *testing.T) {
	doc := sampleDoc(t)
	at(doc, "organizations", 0)["name"] = "  Metro Housing Futures Institute  "
	at(doc, "organizations", 0)["languages"] = []any{"English", " english ", ""}
	at(doc, "memberships", 0)["joined_at"] = "2024-03-22T12:30:00.1234567-05:00"
	b, problems := Parse(marshal(t, doc))
	if problems != nil {
		t.Fatalf("Parse: %v", problems)
	}
	o := b.Organizations[0]
	if o.Name != "Metro Housing Futures Institute" || !slices.Equal(o.Languages, []string{"English"}) {
		t.Errorf("organization = %q %q, want trimmed name and one language", o.Name, o.Languages)
	}
	if got := b.Memberships[0].JoinedAt.Format("2006-01-02T15:04:05.000000Z07:00"); got != "2024-03-22T17:30:00.123456Z" {
		t.Errorf("joined_at = %s, want UTC to the microsecond", got)
	}
}

func TestSchemaEnumsMatchDomain(t *testing.T) {
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
		{"phase", enum("coalition", "properties", "phase"), domain.Phases},
		{"kind", enum("organization", "properties", "kind"), domain.OrganizationKinds},
		{"budget_band", enum("organization", "properties", "budget_band"), domain.BudgetBands},
		{"bipoc_led", enum("organization", "properties", "bipoc_led"), domain.BipocLedValues},
		{"skill level", enum("skill", "properties", "level"), domain.SkillLevels},
		{"visibility field", enum("visibility", "properties", "fields", "items"), domain.PublicFields},
		{"role", enum("membership", "properties", "role"), domain.MembershipRoles},
		{"status", enum("membership", "properties", "status"), domain.MembershipStatuses},
	} {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("schema enum %s differs from internal/domain (-domain +schema):\n%s", c.name, diff)
		}
	}
	name := at(doc, "name")
	if name["maxLength"].(float64) != domain.MaxName || at(doc, "text")["maxLength"].(float64) != domain.MaxText ||
		at(doc, "short")["maxLength"].(float64) != domain.MaxShort || at(doc, "labels")["maxItems"].(float64) != domain.MaxList {
		t.Errorf("schema text limits differ from domain.MaxName/MaxShort/MaxText/MaxList")
	}
}
