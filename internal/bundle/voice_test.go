package bundle

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/google/go-cmp/cmp"
)

func TestNew_NamesVotersThatAreAccountsByPseudonym(t *testing.T) {
	b := sampleBundle()
	var got []string
	for _, p := range b.Proposals {
		got = append(got, p.ID+":"+strings.Join(p.PrincipleIDs, ","))
		for _, s := range p.Stances {
			got = append(got, s.ID+"="+s.VoterID)
		}
	}
	// pp-1 is decided by person: st-3 (u-2) comes first, then st-4 (u-7). pp-3 is decided
	// by organization: its voters are the organizations. Principles are sorted.
	want := []string{"pp-1:", "st-3=voter-1", "st-4=voter-2", "pp-2:", "pp-3:pr-1,pr-2", "st-1=org-a", "st-2=org-c"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("proposals and voters (-want +got):\n%s", diff)
	}
	if b.Proposals[2].Outcome.Blocks[0].VoterID != "org-a" || b.VoiceSettings == nil || b.VoiceSettings.QueueOrder != "first_come" {
		t.Errorf("outcome blocks %+v, voice settings %+v", b.Proposals[2].Outcome.Blocks, b.VoiceSettings)
	}
	raw := string(mustEncode(t, b))
	for _, banned := range []string{`"u-2"`, `"u-7"`, "author_id", "user_id", "created_by", `"ended_by"`} {
		if strings.Contains(raw, banned) {
			t.Errorf("encoded bundle contains %q", banned)
		}
	}
	// New never changes what it was given.
	c := sampleContents()
	New(c, t0)
	if c.Stances[2].VoterID != "u-7" {
		t.Errorf("New changed its input: %+v", c.Stances[2])
	}
	// A coalition that kept the default voice settings has none in its bundle.
	c.VoiceSettings = nil
	if raw := string(mustEncode(t, New(c, t0))); !strings.Contains(raw, `"voice_settings": null,`) {
		t.Errorf("default voice settings not null")
	}
}

func TestParse_ChecksVoiceRecords(t *testing.T) {
	// Sorted by id: proposals pp-1 (ranked poll by person; options opt-b, opt-a;
	// stances st-3, st-4), pp-2 (draft), pp-3 (consent by organization; stances st-1
	// org-a block, st-2 org-c); stepping backs sb-1 (m-3), sb-2 (m-1).
	doc := sampleDoc(t)
	at(doc, "proposals", 0, "stances", 0)["ranking"] = []any{"opt-z"}    // not an option
	at(doc, "proposals", 0, "stances", 1)["voter_id"] = "voter-1"        // the same voter twice
	at(doc, "proposals", 0, "options", 1)["position"] = json.Number("5") // numbering
	at(doc, "proposals", 0, "outcome")["winner"] = "opt-z"               // not an option
	at(doc, "proposals", 1)["stances"] = []any{map[string]any{"id": "st-9", "voter_id": "org-a", "organization_id": "org-a", "position": "agree", "choice": "",
		"ranking": []any{}, "reason": "", "principle_id": "", "comment": "", "created_at": "2024-05-01T00:00:00Z", "updated_at": "2024-05-01T00:00:00Z"}} // a draft with a stance
	at(doc, "proposals", 1)["quorum"] = json.Number("0")               // schema: more than 0
	at(doc, "proposals", 2, "stances", 0)["principle_id"] = ""         // a block cites a principle
	at(doc, "proposals", 2, "stances", 1)["organization_id"] = "org-a" // voter org-c speaks for org-a
	at(doc, "proposals", 2)["principle_ids"] = []any{"pr-1", "pr-9"}   // dangling
	at(doc, "proposals", 2)["outcome"] = nil                           // closed without its outcome
	at(doc, "stepping_backs", 0)["reason"] = "bored"                   // unknown enum
	at(doc, "stepping_backs", 1)["organization_id"] = "org-c"          // m-1 is org-a's
	doc["voice_settings"].(map[string]any)["queue_order"] = "loudest"  // unknown enum
	problems := Validate(marshal(t, doc))
	for path, want := range map[string]string{
		"/proposals/0/stances/0/ranking":      `"opt-z" is not an option`,
		"/proposals/0/stances/1/voter_id":     "/proposals/0/stances/0 is the same voter's stance",
		"/proposals/0/options/1/position":     "should be 2",
		"/proposals/0/outcome/winner":         `No option of this proposal has the id "opt-z"`,
		"/proposals/1/stances":                "A draft takes no stances",
		"/proposals/1/quorum":                 "above 0",
		"/proposals/2/stances/0/principle_id": "must cite a principle",
		"/proposals/2/stances/1/voter_id":     "the voter is the organization the stance speaks for",
		"/proposals/2/principle_ids/1":        `No principle in this bundle has the id "pr-9"`,
		"/proposals/2/outcome":                "has its outcome",
		"/stepping_backs/0/reason":            "must be one of",
		"/stepping_backs/1/organization_id":   `the organization "org-a"`,
		"/voice_settings/queue_order":         "must be one of",
	} {
		if got := problemAt(problems, path); !strings.Contains(got, want) {
			t.Errorf("problem at %s = %q, want it to mention %q (all: %v)", path, got, want, problems)
		}
	}
}

func TestSchemaEnumsMatchDomain_Voice(t *testing.T) {
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
		{"method", enum("proposal", "properties", "method"), domain.ProposalMethods},
		{"status", enum("proposal", "properties", "status"), domain.ProposalStatuses},
		{"stances_by", enum("proposal", "properties", "stances_by"), domain.StancesByValues},
		{"settings stances_by", enum("voice_settings", "properties", "stances_by"), domain.StancesByValues},
		{"queue_order", enum("voice_settings", "properties", "queue_order"), domain.QueueOrders},
		{"position", enum("stance", "properties", "position"), append([]string{""}, domain.StancePositions...)},
		{"result", enum("outcome", "properties", "result"), outcomeResults},
		{"scope", enum("stepping_back", "properties", "scope"), domain.SteppingBackScopes},
		{"reason", enum("stepping_back", "properties", "reason"), domain.SteppingBackReasons},
	} {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("schema enum %s differs from internal/domain (-domain +schema):\n%s", c.name, diff)
		}
	}
}
