package app_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/demo"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
	"github.com/google/go-cmp/cmp"
)

// bundleSource loads the demo ecosystem and returns the app, its coordinator and the
// coalitions by name.
func bundleSource(t *testing.T, db *store.DB) (*app.App, *domain.User, map[string]string) {
	t.Helper()
	a := newApp(t, db)
	if _, err := demo.Seed(ctx, a); err != nil {
		t.Fatal(err)
	}
	u, err := a.Authenticate(ctx, demo.CoordinatorEmail, demo.DemoPassword, "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	page, err := a.Coalitions(ctx, u, "", 50)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, c := range page.Items {
		ids[c.Name] = c.ID
	}
	return a, u, ids
}

// bundleTarget opens an empty database of the same kind with an admin account.
func bundleTarget(t *testing.T, like *store.DB) (*app.App, *domain.User, *store.DB) {
	t.Helper()
	db := storetest.Open(t, like.Dialect())
	a := newApp(t, db)
	return a, mustUser(t, a, "admin@example.org", true), db
}

func exportRaw(t *testing.T, a *app.App, actor *domain.User, coalitionID string) []byte {
	t.Helper()
	b, err := a.ExportCoalition(ctx, actor, coalitionID)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := bundle.Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func rowCounts(t *testing.T, db *store.DB) map[string]int {
	t.Helper()
	var n map[string]int
	if err := db.Read(ctx, func(tx *store.Tx) error {
		var err error
		n, err = tx.CountRows(ctx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

// editBundle decodes raw, lets edit change it and encodes it again.
func editBundle(t *testing.T, raw []byte, edit func(doc map[string]any)) []byte {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	edit(doc)
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// item returns doc[list][i] as an object.
func item(doc map[string]any, list string, i int) map[string]any {
	return doc[list].([]any)[i].(map[string]any)
}

var exportedAtLine = regexp.MustCompile(`(?m)^  "exported_at": ".*",$`)

func TestBundle_ExportImportExportIsIdentical(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		src, coordinator, ids := bundleSource(t, db)
		addVoiceRecords(t, src, coordinator, ids["Rooted Homes Coalition"])
		addCapacityRecords(t, src, db, coordinator, ids["Rooted Homes Coalition"])
		dst, admin, dstDB := bundleTarget(t, db)
		for _, name := range []string{"Rooted Homes Coalition", "Riders First Transit Table"} {
			first := exportRaw(t, src, coordinator, ids[name])
			if name == "Rooted Homes Coalition" {
				checkEveryKindPresent(t, first)
			}
			c, err := dst.ImportBundle(ctx, admin, first)
			if err != nil {
				t.Fatalf("import %s: %v", name, err)
			}
			second := exportRaw(t, dst, admin, c.ID)
			if len(exportedAtLine.FindAll(first, -1)) != 1 {
				t.Fatalf("no exported_at line in the bundle")
			}
			// exported_at is the only field that may differ.
			a, b := exportedAtLine.ReplaceAll(first, nil), exportedAtLine.ReplaceAll(second, nil)
			if !bytes.Equal(a, b) {
				t.Errorf("%s: export → import → export differs (-first +second):\n%s", name, cmp.Diff(string(a), string(b)))
			}
			if p, err := dst.Authorize(ctx, admin, c.ID, app.ManageMembers); err != nil || p.Role != domain.AccessCoordinator {
				t.Errorf("importer's role = %+v, %v; want coordinator", p, err)
			}
			log, err := dst.AuditLog(ctx, admin, c.ID, 0, 5)
			if err != nil || len(log) == 0 || log[0].Action != "coalition.import" {
				t.Errorf("audit log = %+v, %v; want coalition.import", log, err)
			}
		}
		// Riders First shares three organizations (and their people) with Rooted Homes:
		// they are reused, not copied. 13 + 10 - 3 = 20 organizations. So are the
		// relationships among the three: each declaration once.
		n := rowCounts(t, dstDB)
		if n["organizations"] != 20 {
			t.Errorf("organizations = %d, want 20", n["organizations"])
		}
		relationships := map[string]bool{}
		for _, name := range []string{"Rooted Homes Coalition", "Riders First Transit Table"} {
			b, err := src.ExportCoalition(ctx, coordinator, ids[name])
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range b.Relationships {
				relationships[r.ID] = true
			}
		}
		if got := bundleRowCounts(t, dstDB)["relationships"]; got != len(relationships) || got == 0 {
			t.Errorf("relationships = %d, want %d: each declaration once", got, len(relationships))
		}
		var accounts int
		if err := dstDB.Read(ctx, func(tx *store.Tx) error {
			var err error
			accounts, err = tx.CountUsers(ctx)
			return err
		}); err != nil || accounts != 1 {
			t.Errorf("accounts = %d (%v), want only the admin: accounts are not exported", accounts, err)
		}
	})
}

// checkEveryKindPresent fails unless the bundle holds at least one record of every kind,
// so that the round trip covers them all.
func checkEveryKindPresent(t *testing.T, raw []byte) {
	t.Helper()
	b, problems := bundle.Parse(raw)
	if problems != nil {
		t.Fatal(problems)
	}
	var seats, agenda, decisions, actions, turnout, records, credits, person, draft, open, closed, stances int
	for _, w := range b.Workstreams {
		seats += len(w.Seats)
	}
	for _, m := range b.Meetings {
		agenda, decisions, actions, turnout = agenda+len(m.Agenda), decisions+len(m.Decisions), actions+len(m.ActionItems), turnout+len(m.Turnout)
	}
	for _, c := range b.Commitments {
		records += len(c.Records)
	}
	for _, w := range b.Wins {
		credits += len(w.Credits)
	}
	for _, p := range b.Proposals {
		stances += len(p.Stances)
		switch {
		case p.Status == domain.ProposalDraft:
			draft++
		case p.Status == domain.ProposalOpen:
			open++
		case p.Status == domain.ProposalClosed:
			closed++
		}
		if p.StancesBy == domain.StancesByPerson && len(p.Stances) > 0 && p.Stances[0].VoterID == "voter-1" {
			person++
		}
	}
	counts := map[string]int{"organizations": len(b.Organizations), "people": len(b.People), "memberships": len(b.Memberships),
		"principles": len(b.Principles), "adoptions": len(b.Adoptions), "workstreams": len(b.Workstreams), "seats": seats,
		"tasks": len(b.Tasks), "meetings": len(b.Meetings), "agenda": agenda, "decisions": decisions, "action items": actions,
		"turnout": turnout, "attendance": len(b.Attendance), "commitments": len(b.Commitments), "commitment records": records,
		"phase changes": len(b.PhaseChanges), "wins": len(b.Wins), "credits": credits, "draft proposals": draft,
		"open proposals": open, "closed proposals": closed, "stances": stances, "pseudonymous voters": person,
		"stepping backs": len(b.SteppingBacks), "targets": len(b.Targets), "asks and offers": len(b.AsksOffers),
		"skill needs": len(b.SkillNeeds), "relationships": len(b.Relationships), "relationship history": len(b.RelationshipHistory),
		"sign-on letters": len(b.SignOnLetters), "speaking turns": len(b.SpeakingTurns)}
	for _, l := range b.SignOnLetters {
		counts["signatures"] += len(l.Signatures)
	}
	var assessments, access, responses, help int
	for _, x := range b.Targets {
		assessments, access = assessments+len(x.Assessments), access+len(x.Access)
	}
	for _, x := range b.AsksOffers {
		responses += len(x.Responses)
		if x.Help != nil {
			help++
		}
	}
	counts["target assessments"], counts["target access"], counts["responses"], counts["help records"] = assessments, access, responses, help
	if b.VoiceSettings == nil {
		counts["voice settings"] = 0
	}
	for kind, n := range counts {
		if n == 0 {
			t.Errorf("the bundle holds no %s; the round trip would not cover them", kind)
		}
	}
}

func TestImportBundle_BadBundleListsProblemsAndWritesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		src, coordinator, ids := bundleSource(t, db)
		raw := exportRaw(t, src, coordinator, ids["Rooted Homes Coalition"])
		dst, admin, dstDB := bundleTarget(t, db)
		before := rowCounts(t, dstDB)

		bad := editBundle(t, raw, func(doc map[string]any) {
			item(doc, "memberships", 3)["role"] = "boss"
			item(doc, "memberships", 5)["organization_id"] = "nowhere"
			item(doc, "adoptions", 0)["principle_version_id"] = "gone"
			item(doc, "people", 2)["name"] = " "
			item(doc, "organizations", 4)["budget_band"] = "huge"
		})
		_, err := dst.ImportBundle(ctx, admin, bad)
		wantCode(t, err, domain.EINVALID)
		fields := map[string]string{}
		for _, f := range domain.ErrorFields(err) {
			fields[f.Field] = f.Message
		}
		for _, path := range []string{"/memberships/3/role", "/memberships/5/organization_id", "/adoptions/0/principle_version_id",
			"/people/2/name", "/organizations/4/budget_band"} {
			if fields[path] == "" {
				t.Errorf("no problem at %s; got %v", path, fields)
			}
		}

		// An organization with the same id but another name is here already: a clash
		// found in the database, reported by path too.
		parsed, problems := bundle.Parse(raw)
		if problems != nil {
			t.Fatal(problems)
		}
		clash := &domain.Organization{ID: parsed.Organizations[0].ID, Name: "Somebody Else"}
		clash.Normalize()
		if err := dstDB.Write(ctx, func(tx *store.Tx) error { return tx.CreateOrganization(ctx, clash) }); err != nil {
			t.Fatal(err)
		}
		before = rowCounts(t, dstDB)
		_, err = dst.ImportBundle(ctx, admin, raw)
		wantCode(t, err, domain.EINVALID)
		if f := domain.ErrorFields(err); len(f) != 1 || f[0].Field != "/organizations/0/name" || !strings.Contains(f[0].Message, "Somebody Else") {
			t.Errorf("fields = %v, want /organizations/0/name", f)
		}
		if diff := cmp.Diff(before, rowCounts(t, dstDB)); diff != "" {
			t.Errorf("a refused import wrote rows (-before +after):\n%s", diff)
		}
	})
}

func TestImportBundle_RefusesUnknownFieldsAndTrailingData(t *testing.T) {
	src, coordinator, ids := bundleSource(t, storetest.MustOpenDB(t))
	raw := exportRaw(t, src, coordinator, ids["Riders First Transit Table"])
	dst, admin, dstDB := bundleTarget(t, storetest.MustOpenDB(t))
	before := rowCounts(t, dstDB)
	for name, bad := range map[string][]byte{
		"/memberships/0/colour": editBundle(t, raw, func(doc map[string]any) { item(doc, "memberships", 0)["colour"] = "red" }),
		"":                      append(bytes.Clone(raw), []byte(`{"format": "braid.bundle"}`)...),
	} {
		_, err := dst.ImportBundle(ctx, admin, bad)
		wantCode(t, err, domain.EINVALID)
		if f := domain.ErrorFields(err); len(f) != 1 || f[0].Field != name {
			t.Errorf("fields = %v, want one at %q", f, name)
		}
	}
	if diff := cmp.Diff(before, rowCounts(t, dstDB)); diff != "" {
		t.Errorf("a refused import wrote rows (-before +after):\n%s", diff)
	}
}

func TestImportBundle_TwiceIsConflict(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		src, coordinator, ids := bundleSource(t, db)
		raw := exportRaw(t, src, coordinator, ids["Shared Ground Economic Development Network"])
		dst, admin, dstDB := bundleTarget(t, db)
		if _, err := dst.ImportBundle(ctx, admin, raw); err != nil {
			t.Fatal(err)
		}
		before := rowCounts(t, dstDB)
		_, err := dst.ImportBundle(ctx, admin, raw)
		wantCode(t, err, domain.ECONFLICT)
		if diff := cmp.Diff(before, rowCounts(t, dstDB)); diff != "" {
			t.Errorf("the second import wrote rows (-before +after):\n%s", diff)
		}
		// Into the database it came from, too: the coalition is there.
		_, err = src.ImportBundleAsSystem(ctx, raw)
		wantCode(t, err, domain.ECONFLICT)
	})
}

func TestImportBundle_TakenSlugAndShortIDs(t *testing.T) {
	src, coordinator, ids := bundleSource(t, storetest.MustOpenDB(t))
	raw := exportRaw(t, src, coordinator, ids["Rooted Homes Coalition"])
	raw = editBundle(t, raw, func(doc map[string]any) { doc["coalition"].(map[string]any)["id"] = "c1" })
	dst, admin, _ := bundleTarget(t, storetest.MustOpenDB(t))
	mustCoalition(t, dst, admin, "Rooted Homes Coalition") // takes the slug rooted-homes-coalition
	c, err := dst.ImportBundleAsSystem(ctx, raw)
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "c1" || !strings.HasPrefix(c.Slug, "rooted-homes-coalition-") {
		t.Errorf("imported coalition %q with slug %q, want id c1 and a new slug", c.ID, c.Slug)
	}
	access, err := dst.Access(ctx, admin, c.ID)
	if err != nil || len(access) != 0 {
		t.Errorf("access after a system import = %v, %v; want nobody", access, err)
	}
}

func TestImportBundle_Authorization(t *testing.T) {
	src, coordinator, ids := bundleSource(t, storetest.MustOpenDB(t))
	raw := exportRaw(t, src, coordinator, ids["Riders First Transit Table"])
	dst, _, _ := bundleTarget(t, storetest.MustOpenDB(t))
	_, err := dst.ImportBundle(ctx, nil, raw)
	wantCode(t, err, domain.EUNAUTHORIZED)
	_, err = dst.ImportBundle(ctx, mustUser(t, dst, "someone@example.org", false), raw)
	wantCode(t, err, domain.EFORBIDDEN)
}

func TestExportCoalition_Authorization(t *testing.T) {
	a, coordinator, ids := bundleSource(t, storetest.MustOpenDB(t))
	housing := ids["Rooted Homes Coalition"]
	member, err := a.Authenticate(ctx, demo.MemberEmail, demo.DemoPassword, "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	elsewhere := mustUser(t, a, "elsewhere@example.org", false)
	mustCoalition(t, a, elsewhere, "Another Coalition")
	admin := mustUser(t, a, "admin@example.org", true)
	for _, c := range []struct {
		name        string
		actor       *domain.User
		coalitionID string
		code        string
	}{
		{"coordinator", coordinator, housing, ""},
		{"admin without a role", admin, housing, ""},
		{"coordinator of another coalition", elsewhere, housing, domain.ENOTFOUND},
		{"member of the coalition", member, housing, domain.EFORBIDDEN},
		{"member, coalition without them", member, ids["Shared Ground Economic Development Network"], domain.ENOTFOUND},
		{"anonymous", nil, housing, domain.EUNAUTHORIZED},
		{"unknown coalition", coordinator, "no-such-coalition", domain.ENOTFOUND},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := a.ExportCoalition(ctx, c.actor, c.coalitionID)
			if got := domain.ErrorCode(err); got != c.code {
				t.Fatalf("error = %v, want code %q", err, c.code)
			}
			if c.code == "" && (b == nil || b.Coalition.ID != housing) {
				t.Errorf("bundle = %+v", b)
			}
		})
	}
	if b, err := a.ExportCoalitionAsSystem(ctx, housing); err != nil || b.Coalition.ID != housing {
		t.Errorf("ExportCoalitionAsSystem = %v", err)
	}
}
