package app_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/demo"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
	"github.com/google/go-cmp/cmp"
)

func bundleRowCounts(t *testing.T, db *store.DB) map[string]int {
	t.Helper()
	var n map[string]int
	if err := db.Read(ctx, func(tx *store.Tx) error {
		var err error
		n, err = tx.CountBundleRows(ctx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

// nested returns doc[list][i][sub][j] as an object.
func nested(doc map[string]any, list string, i int, sub string, j int) map[string]any {
	return item(doc, list, i)[sub].([]any)[j].(map[string]any)
}

func TestImportBundle_BadWorkListsProblemsAndWritesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		src, coordinator, ids := bundleSource(t, db)
		raw := exportRaw(t, src, coordinator, ids["Rooted Homes Coalition"])
		dst, admin, dstDB := bundleTarget(t, db)
		before := bundleRowCounts(t, dstDB)
		bad := editBundle(t, raw, func(doc map[string]any) {
			item(doc, "tasks", 0)["workstream_id"] = "nowhere"
			item(doc, "tasks", 1)["status"] = "finished"
			item(doc, "tasks", 3)["id"] = item(doc, "tasks", 2)["id"]
			item(doc, "attendance", 0)["meeting_id"] = "gone"
			nested(doc, "wins", 0, "credits", 0)["weight"] = json.Number("-2")
			nested(doc, "wins", 1, "credits", 0)["organization_id"] = "not-a-member"
			nested(doc, "workstreams", 0, "seats", 0)["role"] = "chair"
			nested(doc, "commitments", 0, "records", 0)["period_end"] = "2001-01-01"
			nested(doc, "proposals", 0, "stances", 0)["position"] = "maybe"
			item(doc, "proposals", 1)["outcome"].(map[string]any)["winner"] = "nope"
			item(doc, "proposals", 2)["principle_ids"] = []any{"gone"}
			doc["targets"] = []any{map[string]any{"id": "tg-1", "campaign": "", "name": "Mayor", "kind": "person", "title": "", "note": "",
				"created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z", "assessments": []any{},
				"access": []any{map[string]any{"organization_id": "nowhere", "strength": 9, "note": "", "updated_at": "2025-01-01T00:00:00Z"}}}}
			doc["skill_needs"] = []any{"translation", "translation"}
		})
		_, err := dst.ImportBundle(ctx, admin, bad)
		wantCode(t, err, domain.EINVALID)
		fields := map[string]string{}
		for _, f := range domain.ErrorFields(err) {
			fields[f.Field] = f.Message
		}
		for path, want := range map[string]string{
			"/tasks/0/workstream_id":              "No workstream",
			"/tasks/1/status":                     "must be one of",
			"/tasks/3/id":                         "/tasks/2 has the same id",
			"/attendance/0/meeting_id":            "No meeting",
			"/wins/0/credits/0/weight":            "at least 0",
			"/wins/1/credits/0/organization_id":   "No organization",
			"/workstreams/0/seats/0/role":         "must be one of",
			"/commitments/0/records/0/period_end": "must not end before it starts",
			"/proposals/0/stances/0/position":     "must be one of",
			"/proposals/1/outcome/winner":         `No option of this proposal has the id "nope"`,
			"/proposals/2/principle_ids/0":        `No principle in this bundle has the id "gone"`,
			"/targets/0/access/0/organization_id": `No organization in this bundle has the id "nowhere"`,
			"/targets/0/access/0/strength":        "at most 5",
			"/skill_needs/1":                      "is the same skill",
		} {
			if !strings.Contains(fields[path], want) {
				t.Errorf("problem at %s = %q, want %q; all: %v", path, fields[path], want, fields)
			}
		}
		if diff := cmp.Diff(before, bundleRowCounts(t, dstDB)); diff != "" {
			t.Errorf("a refused import wrote rows (-before +after):\n%s", diff)
		}
	})
}

func TestImportBundle_WorkIDOfAnotherCoalitionIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		src, coordinator, ids := bundleSource(t, db)
		housing := exportRaw(t, src, coordinator, ids["Rooted Homes Coalition"])
		transit := exportRaw(t, src, coordinator, ids["Riders First Transit Table"])
		dst, admin, dstDB := bundleTarget(t, db)
		if _, err := dst.ImportBundle(ctx, admin, housing); err != nil {
			t.Fatal(err)
		}
		parsed, problems := bundle.Parse(housing)
		if problems != nil {
			t.Fatal(problems)
		}
		// The transit bundle reuses a meeting id and a win id of the housing coalition:
		// renamed everywhere, so that the bundle itself is sound.
		mine, problems := bundle.Parse(transit)
		if problems != nil {
			t.Fatal(problems)
		}
		clash := bytes.ReplaceAll(transit, []byte(`"`+mine.Meetings[0].ID+`"`), []byte(`"`+parsed.Meetings[0].ID+`"`))
		clash = bytes.ReplaceAll(clash, []byte(`"`+mine.Wins[0].ID+`"`), []byte(`"`+parsed.Wins[0].ID+`"`))
		before := bundleRowCounts(t, dstDB)
		_, err := dst.ImportBundle(ctx, admin, clash)
		wantCode(t, err, domain.EINVALID)
		fields := map[string]string{}
		for _, f := range domain.ErrorFields(err) {
			fields[f.Field] = f.Message
		}
		for _, path := range []string{"/meetings/0/id", "/wins/0/id"} {
			if !strings.Contains(fields[path], "already exists in another coalition") {
				t.Errorf("problem at %s = %q; all: %v", path, fields[path], fields)
			}
		}
		if diff := cmp.Diff(before, bundleRowCounts(t, dstDB)); diff != "" {
			t.Errorf("a refused import wrote rows (-before +after):\n%s", diff)
		}
	})
}

func TestImportBundle_Version1ImportsWithoutWork(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		src, coordinator, ids := bundleSource(t, db)
		raw := exportRaw(t, src, coordinator, ids["Riders First Transit Table"])
		v1 := editBundle(t, raw, func(doc map[string]any) {
			doc["version"] = json.Number("1")
			for _, list := range []string{"workstreams", "tasks", "meetings", "attendance", "commitments", "phase_changes", "wins", "voice_settings", "proposals", "stepping_backs", "targets", "asks_offers", "skill_needs", "relationships", "relationship_history", "sign_on_letters", "check_ins", "tensions", "funds", "contributions", "allocation_rounds", "speaking_turns"} {
				delete(doc, list)
			}
		})
		dst, admin, dstDB := bundleTarget(t, db)
		c, err := dst.ImportBundle(ctx, admin, v1)
		if err != nil {
			t.Fatalf("import of a version 1 bundle: %v", err)
		}
		n := bundleRowCounts(t, dstDB)
		if n["memberships"] == 0 || n["workstreams"]+n["tasks"]+n["meetings"]+n["wins"]+n["commitments"] != 0 {
			t.Errorf("rows after a version 1 import = %v; want memberships and no work", n)
		}
		b, err := dst.ExportCoalition(ctx, admin, c.ID)
		if err != nil || b.Version != bundle.Version || b.Workstreams == nil || len(b.Workstreams) != 0 {
			t.Errorf("export after a version 1 import: version %d, workstreams %v, %v", b.Version, b.Workstreams, err)
		}
	})
}

// addVoiceRecords gives a coalition of the demo what the demo lacks: voice settings, a
// proposal decided by person (voters are accounts) that is still open, a draft, and a
// stepping back that ended.
func addVoiceRecords(t *testing.T, a *app.App, coordinator *domain.User, coalitionID string) {
	t.Helper()
	member, err := a.Authenticate(ctx, demo.MemberEmail, demo.DemoPassword, "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.SetVoice(ctx, coordinator, coalitionID, domain.VoiceSettings{StancesBy: domain.StancesByPerson, QueueOrder: domain.QueueFirstCome}); err != nil {
		t.Fatal(err)
	}
	closes := time.Now().Add(30 * 24 * time.Hour)
	open, err := a.CreateProposal(ctx, coordinator, coalitionID, app.ProposalInput{Title: "Pick a slogan", Body: "Rank them.",
		Method: "poll_ranked", Quorum: 0.5, ClosesAt: closes, Options: []string{"Homes for all", "Rooted here"}, Open: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []*domain.User{coordinator, member} {
		if _, err := a.TakeStance(ctx, u, coalitionID, open.ID, app.StanceInput{Ranking: []string{open.Options[1].ID, open.Options[0].ID}}); err != nil {
			t.Fatalf("stance of %s: %v", u.Email, err)
		}
	}
	if _, err := a.CreateProposal(ctx, coordinator, coalitionID, app.ProposalInput{Title: "Dues", Body: "Should members pay dues?",
		Method: "consent", Quorum: 0.6, ClosesAt: closes}); err != nil {
		t.Fatal(err)
	}
	s, err := a.StepBack(ctx, member, coalitionID, app.SteppingBackInput{Scope: "role", Reason: "capacity", Note: "Harvest season"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.ComeBack(ctx, member, coalitionID, s.ID); err != nil {
		t.Fatal(err)
	}
	// And one from a workstream, still lasting.
	mine, err := a.MyMemberships(ctx, member, coalitionID)
	if err != nil || len(mine) == 0 {
		t.Fatalf("member's memberships: %v, %v", mine, err)
	}
	streams, err := a.Workstreams(ctx, coordinator, coalitionID)
	if err != nil || len(streams) == 0 {
		t.Fatalf("workstreams: %v, %v", streams, err)
	}
	org := mine[0].OrganizationID
	if _, err := a.AddSeat(ctx, coordinator, coalitionID, streams[0].ID, app.Seat{OrganizationID: org, Role: domain.RoleWorkstreamMember}); err != nil &&
		domain.ErrorCode(err) != domain.ECONFLICT {
		t.Fatal(err)
	}
	if _, err := a.StepBack(ctx, member, coalitionID, app.SteppingBackInput{OrganizationID: org, Scope: "workstream", WorkstreamID: streams[0].ID,
		Reason: "resources"}); err != nil {
		t.Fatal(err)
	}
	// A speaking queue with one finished turn, and a turn still under way (left behind).
	meetings, err := a.Meetings(ctx, coordinator, coalitionID, nil, nil)
	if err != nil || len(meetings) == 0 {
		t.Fatalf("meetings: %v, %v", meetings, err)
	}
	m := meetings[0].ID
	if _, err := a.OpenSpeakingQueue(ctx, coordinator, coalitionID, m); err != nil {
		t.Fatal(err)
	}
	for _, u := range []*domain.User{member, coordinator} {
		orgID := ""
		if u == member {
			orgID = org
		}
		if _, _, err := a.RaiseHand(ctx, u, coalitionID, m, orgID); err != nil {
			t.Fatal(err)
		}
	}
	for range 2 {
		if _, err := a.CallNextSpeaker(ctx, coordinator, coalitionID, m); err != nil {
			t.Fatal(err)
		}
	}
}

// addCapacityRecords gives a coalition of the demo a power map target with two
// assessments and access, an ask answered and fulfilled, an open offer, and skill needs.
func addCapacityRecords(t *testing.T, a *app.App, db *store.DB, coordinator *domain.User, coalitionID string) {
	t.Helper()
	b, err := a.ExportCoalition(ctx, coordinator, coalitionID)
	if err != nil {
		t.Fatal(err)
	}
	var orgs []string
	for _, m := range b.Memberships {
		if m.Status == domain.StatusActive && m.Role != "observer" {
			orgs = append(orgs, m.OrganizationID)
		}
	}
	target, err := a.CreateTarget(ctx, coordinator, coalitionID, domain.Target{Campaign: "Tenant protections", Name: "County Board", Kind: "institution"},
		domain.TargetAssessment{Influence: 5, Stance: -1, AssessedOn: "2025-01-10"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AssessTarget(ctx, coordinator, coalitionID, target.ID, domain.TargetAssessment{Influence: 4, Stance: 1, AssessedOn: "2025-03-01", Note: "Moving."}); err != nil {
		t.Fatal(err)
	}
	// Only a representative records an organization's access: the demo member, Hodan Abdi.
	member, err := a.Authenticate(ctx, demo.MemberEmail, demo.DemoPassword, "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	var memberOrg string
	for _, p := range b.People {
		for _, af := range p.Affiliations {
			if p.Name == member.Name && af.Representative {
				memberOrg = af.OrganizationID
			}
		}
	}
	if _, err := a.SetTargetAccess(ctx, member, coalitionID, target.ID, domain.TargetAccess{OrganizationID: memberOrg, Strength: 3}); err != nil {
		t.Fatalf("access of %q: %v", memberOrg, err)
	}
	// Asks and offers between two members need a representative of each; the demo has
	// one, so they are written through the store, as the demo writes its history.
	needed := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	err = db.Write(ctx, func(tx *store.Tx) error {
		ask := domain.AskOffer{CoalitionID: coalitionID, Kind: "ask", OrganizationID: orgs[0], Title: "Legal review", NeededBy: &needed, State: "fulfilled"}
		if err := tx.CreateAskOffer(ctx, &ask); err != nil {
			return err
		}
		resp := domain.AskResponse{AskOfferID: ask.ID, OrganizationID: orgs[1], Body: "We can.", CreatedBy: coordinator.ID}
		if err := tx.AddAskResponse(ctx, &resp); err != nil {
			return err
		}
		help := domain.HelpRecord{CoalitionID: coalitionID, AskOfferID: ask.ID, FromOrg: orgs[1], ToOrg: orgs[0], RecordedBy: coordinator.ID}
		if err := tx.CreateHelpRecord(ctx, &help); err != nil {
			return err
		}
		offer := domain.AskOffer{CoalitionID: coalitionID, Kind: "offer", OrganizationID: orgs[1], Title: "Meeting space", State: "open"}
		return tx.CreateAskOffer(ctx, &offer)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.SetSkillNeeds(ctx, coordinator, coalitionID, []string{"translation", "legal research"}); err != nil {
		t.Fatal(err)
	}
}

func TestImportBundle_RelationshipIDBetweenOtherOrganizationsIsRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		src, coordinator, ids := bundleSource(t, db)
		housing := exportRaw(t, src, coordinator, ids["Rooted Homes Coalition"])
		transit := exportRaw(t, src, coordinator, ids["Riders First Transit Table"])
		dst, admin, dstDB := bundleTarget(t, db)
		if _, err := dst.ImportBundle(ctx, admin, housing); err != nil {
			t.Fatal(err)
		}
		h, _ := bundle.Parse(housing)
		tr, _ := bundle.Parse(transit)
		if len(tr.Relationships) == 0 {
			t.Fatal("the transit bundle has no relationships")
		}
		// Give the transit bundle's first declaration the id of a housing declaration
		// between other organizations.
		mine := tr.Relationships[0]
		var theirs string
		for _, r := range h.Relationships {
			if r.OrganizationID != mine.OrganizationID || r.OtherOrganizationID != mine.OtherOrganizationID {
				theirs = r.ID
				break
			}
		}
		clash := bytes.ReplaceAll(transit, []byte(`"`+mine.ID+`"`), []byte(`"`+theirs+`"`))
		before := bundleRowCounts(t, dstDB)
		_, err := dst.ImportBundle(ctx, admin, clash)
		wantCode(t, err, domain.EINVALID)
		if f := domain.ErrorFields(err); len(f) != 1 || f[0].Field != "/relationships/0/id" || !strings.Contains(f[0].Message, "between other organizations") {
			t.Errorf("fields = %v, want /relationships/0/id", f)
		}
		if diff := cmp.Diff(before, bundleRowCounts(t, dstDB)); diff != "" {
			t.Errorf("a refused import wrote rows (-before +after):\n%s", diff)
		}
	})
}
