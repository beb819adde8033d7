package bundle

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/google/go-cmp/cmp"
)

func TestNew_OrdersWorkByID(t *testing.T) {
	b := sampleBundle()
	var ids []string
	for _, w := range b.Workstreams {
		ids = append(ids, w.ID)
		for _, s := range w.Seats {
			ids = append(ids, s.ID)
		}
	}
	for _, x := range b.Tasks {
		ids = append(ids, x.ID)
	}
	for _, m := range b.Meetings {
		ids = append(ids, m.ID)
		for _, a := range m.Agenda {
			ids = append(ids, a.ID)
		}
		for _, d := range m.Decisions {
			ids = append(ids, d.ID)
		}
		for _, a := range m.ActionItems {
			ids = append(ids, a.ID)
		}
		for _, x := range m.Turnout {
			ids = append(ids, x.OrganizationID)
		}
	}
	for _, a := range b.Attendance {
		ids = append(ids, a.ID)
	}
	for _, c := range b.Commitments {
		ids = append(ids, c.ID)
		for _, r := range c.Records {
			ids = append(ids, r.ID)
		}
	}
	for _, w := range b.Wins {
		ids = append(ids, w.ID)
		for _, c := range w.Credits {
			ids = append(ids, c.OrganizationID)
		}
	}
	want := []string{"ws-1", "ws-2", "seat-1", "seat-2", "t-1", "t-2", "mt-1", "mt-2", "ag-2", "ag-1", "d-1", "d-2", "ai-1", "ai-2",
		"org-a", "org-c", "at-1", "at-2", "cm-1", "cr-1", "cr-2", "w-1", "w-2", "org-c", "org-a"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("ids (-want +got); agenda by position, turnout by organization, credits as given:\n%s", diff)
	}
	raw := string(mustEncode(t, b))
	for _, banned := range []string{"u-1", "recorded_by", "created_by", `"coalition_id"`, "null,\n      \"seats\""} {
		if strings.Contains(raw, banned) {
			t.Errorf("encoded bundle contains %q", banned)
		}
	}
	if !strings.Contains(raw, `"done_at": "2024-04-20T19:00:00Z"`) || !strings.Contains(raw, `"weight": 2.5`) {
		t.Errorf("encoded bundle lacks the task's done_at or the credit's weight:\n%s", raw)
	}
}

func TestParse_ChecksWorkRecords(t *testing.T) {
	// Sorted by id: workstreams ws-1, ws-2 (seats seat-1 org-a, seat-2 org-c p-2);
	// tasks t-1, t-2; meetings mt-1, mt-2 (agenda ag-2, ag-1; decisions d-1, d-2; action
	// items ai-1, ai-2; turnout org-a, org-c); attendance at-1, at-2; commitments cm-1
	// (records cr-1, cr-2); phase changes ph-1; wins w-1, w-2 (credits org-c, org-a).
	doc := sampleDoc(t)
	at(doc, "tasks", 0)["workstream_id"] = "ws-gone"                        // dangling reference
	at(doc, "tasks", 1)["status"] = "finished"                              // unknown enum
	at(doc, "tasks", 0)["owner_person_id"] = "p-2"                          // p-2 is not of org-a
	at(doc, "workstreams", 1, "seats", 1)["id"] = "seat-1"                  // duplicate nested id
	at(doc, "workstreams", 0)["name"] = "Tenant organizing"                 // duplicate name
	at(doc, "meetings", 1, "action_items", 0)["task_id"] = "t-2"            // task already taken by ai-2
	at(doc, "meetings", 1, "turnout", 0)["people"] = json.Number("0")       // schema minimum
	at(doc, "meetings", 1, "agenda", 1)["position"] = json.Number("3")      // numbering
	at(doc, "meetings", 0)["ends_at"] = at(doc, "meetings", 0)["starts_at"] // domain: ends after start
	at(doc, "attendance", 0)["meeting_id"] = "mt-9"                         // dangling reference
	at(doc, "commitments", 0, "records", 1)["period_start"] = "2024-05-01"  // cr-1's period…
	at(doc, "commitments", 0, "records", 1)["period_end"] = "2024-05-31"    // …twice
	at(doc, "commitments", 0, "records", 0)["period_end"] = "2024-04-30"    // ends before it starts
	at(doc, "wins", 1, "credits", 0)["weight"] = json.Number("-1")          // negative weight
	at(doc, "wins", 1, "credits", 1)["organization_id"] = "org-z"           // not a member organization
	at(doc, "wins", 0)["title"] = "County adopts tenant protections"        // same title…
	at(doc, "wins", 0)["date"] = "2024-06-01"                               // …on the same day
	at(doc, "phase_changes", 0)["learned"] = "  "                           // retrospective required
	problems := Validate(marshal(t, doc))
	for path, want := range map[string]string{
		"/tasks/0/workstream_id":                `No workstream in this bundle has the id "ws-gone"`,
		"/tasks/1/status":                       "must be one of",
		"/tasks/0/owner_person_id":              "not affiliated",
		"/workstreams/1/seats/1/id":             "Another seat has the same id",
		"/workstreams/1/name":                   "/workstreams/0 has the same name",
		"/meetings/1/action_items/1/task_id":    "already became this task",
		"/meetings/1/turnout/0/people":          "at least 1",
		"/meetings/1/agenda/1/position":         "should be 2",
		"/meetings/0/ends_at":                   "must end after it starts",
		"/attendance/0/meeting_id":              `No meeting in this bundle has the id "mt-9"`,
		"/commitments/0/records/0/period_end":   "must not end before it starts",
		"/commitments/0/records/1/period_start": "/commitments/0/records/0 records the same period",
		"/wins/1/credits/0/weight":              "at least 0",
		"/wins/1/credits/1/organization_id":     `No organization in this bundle has the id "org-z"`,
		"/wins/1/title":                         "/wins/0 has the same title on the same date",
		"/phase_changes/0/learned":              "Say what the coalition learned",
	} {
		if got := problemAt(problems, path); !strings.Contains(got, want) {
			t.Errorf("problem at %s = %q, want it to mention %q (all: %v)", path, got, want, problems)
		}
	}
	if len(problems) != 16 {
		t.Errorf("%d problems, want 16, each reported once: %v", len(problems), problems)
	}
}

func TestParse_ReadsVersion1WithEmptyWork(t *testing.T) {
	doc := sampleDoc(t)
	doc["version"] = json.Number("1")
	for _, list := range []string{"workstreams", "tasks", "meetings", "attendance", "commitments", "phase_changes", "wins", "voice_settings", "proposals", "stepping_backs", "targets", "asks_offers", "skill_needs", "relationships", "relationship_history", "sign_on_letters", "check_ins", "tensions", "funds", "contributions", "allocation_rounds", "speaking_turns"} {
		delete(doc, list)
	}
	b, problems := Parse(marshal(t, doc))
	if problems != nil {
		t.Fatalf("Parse of a version 1 bundle: %v", problems)
	}
	if b.Version != Version || len(b.Memberships) != 3 || b.Workstreams == nil || len(b.Workstreams)+len(b.Tasks)+len(b.Meetings)+
		len(b.Attendance)+len(b.Commitments)+len(b.PhaseChanges)+len(b.Wins) != 0 {
		t.Errorf("version 1 read as version %d with %d memberships and work %+v; want version 2, 3 memberships, empty work lists", b.Version, len(b.Memberships), b.Contents().WorkContents)
	}
	// What it becomes is a version 2 bundle that reads again, unchanged.
	raw := mustEncode(t, b)
	if !strings.Contains(string(raw), `"workstreams": [],`) {
		t.Errorf("upgraded bundle does not show empty lists:\n%s", raw)
	}
	if b2, problems := Parse(raw); problems != nil || string(mustEncode(t, b2)) != string(raw) {
		t.Errorf("upgraded bundle re-read: %v", problems)
	}
	// A version 1 bundle holds only what version 1 knew.
	doc["wins"] = []any{}
	if got := problemAt(Validate(marshal(t, doc)), "/wins"); !strings.Contains(got, "not part of the bundle format") {
		t.Errorf("version 1 with wins: problem %q, want not part of the format", got)
	}
}

func TestSchemaEnumsMatchDomain_Work(t *testing.T) {
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
		{"seat role", enum("seat", "properties", "role"), domain.WorkstreamRoles},
		{"task status", enum("task", "properties", "status"), domain.TaskStatuses},
		{"meeting kind", enum("meeting", "properties", "kind"), domain.MeetingKinds},
		{"from_phase", enum("phase_change", "properties", "from_phase"), domain.Phases},
		{"to_phase", enum("phase_change", "properties", "to_phase"), domain.Phases},
		{"win kind", enum("win", "properties", "kind"), domain.WinKinds},
		{"win size", enum("win", "properties", "size"), domain.WinSizes},
	} {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("schema enum %s differs from internal/domain (-domain +schema):\n%s", c.name, diff)
		}
	}
	if at(doc, "credit", "properties", "weight")["maximum"].(float64) != domain.MaxWeight ||
		at(doc, "win", "properties", "credits")["maxItems"].(float64) != domain.MaxCredits {
		t.Errorf("schema credit limits differ from domain.MaxWeight/MaxCredits")
	}
}
