package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// fullProfileForm fills every field of the profile form.
func fullProfileForm(version int) url.Values {
	return url.Values{
		"version":       {strconv.Itoa(version)},
		"name":          {"Alder Tenants Union"},
		"kind":          {"union"},
		"mission":       {"Keep families housed.\nOrganize every building."},
		"website":       {"alder.example.org"},
		"geographies":   {"Phillips, Cedar-Riverside , Phillips"},
		"issue_areas":   {"housing, transit"},
		"languages":     {"Somali, Spanish, English"},
		"skills":        {"Translation: can_teach\n\nCanvassing: practicing\nGrant writing : learning"},
		"budget_band":   {"250k_1m"},
		"staff_size":    {"7"},
		"bipoc_led":     {"yes"},
		"identity":      {"Somali and Latine renters"},
		"listed":        {"1"},
		"public_fields": {"mission", "skills", "bipoc_led"},
	}
}

func TestOrganizationEditSavesEveryAttribute(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "org")
	alder := w.addMember("Alder", "member", true, "not_said", "not_said")
	c := w.as("alder@example.org")
	path := "/organizations/" + alder.org.ID + "/edit"

	res := c.get(path)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<label for="f-name">`, `<legend>Annual budget</legend>`, `value="not_said" checked`,
		`<label for="f-public-mission">`, `name="version" value="`+strconv.Itoa(alder.org.Version)+`"`)

	res = c.post(path, fullProfileForm(alder.org.Version))
	wantStatus(t, res, http.StatusSeeOther)
	if res.Location != "/organizations/"+alder.org.ID {
		t.Errorf("redirect to %q, want the profile", res.Location)
	}
	got, _, err := site.App.Organization(context.Background(), alder.user, alder.org.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := domain.Organization{ID: alder.org.ID, Name: "Alder Tenants Union", Kind: "union",
		Mission: "Keep families housed.\nOrganize every building.", Website: "alder.example.org",
		Geographies: []string{"Phillips", "Cedar-Riverside"}, IssueAreas: []string{"housing", "transit"},
		Languages:  []string{"Somali", "Spanish", "English"},
		Skills:     []domain.Skill{{Name: "Translation", Level: "can_teach"}, {Name: "Canvassing", Level: "practising"}, {Name: "Grant writing", Level: "learning"}},
		BudgetBand: "250k_1m", StaffSize: 7, BipocLed: "yes", Identity: "Somali and Latine renters",
		Visibility: domain.Visibility{Listed: true, Fields: []string{"mission", "skills", "bipoc_led"}}, Version: alder.org.Version + 1}
	if diff := cmp.Diff(want, *got, cmpopts.IgnoreFields(domain.Organization{}, "CreatedAt", "UpdatedAt")); diff != "" {
		t.Errorf("saved profile (-want +got):\n%s", diff)
	}

	res = c.get("/organizations/" + alder.org.ID)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, "Alder Tenants Union", "Union", `href="https://alder.example.org"`, "Cedar-Riverside",
		"Translation (Can teach)", "Canvassing (Practising)", "$250,000 to $1 million", "Somali and Latine renters",
		"Listed by name on the public pages", `href="/organizations/`+alder.org.ID+`/edit"`)
	// Mission, skills and BIPOC-led are public; website is not.
	if got := strings.Count(res.Body, `<span class="tag tag-public">Public</span>`); got != 4 { // 3 fields + the listing note
		t.Errorf("%d public tags, want 4", got)
	}
}

func TestOrganizationEditBadSkillsLine(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "skill")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	form := fullProfileForm(alder.org.Version)
	form.Set("skills", "Translation: can_teach\nGrant writing expert\nFacilitation: guru")
	form.Set("staff_size", "seven")
	res := w.as("alder@example.org").post("/organizations/"+alder.org.ID+"/edit", form)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, "Line 2 (“Grant writing expert”) cannot be read.",
		`id="e-skills"`, `id="e-staff_size"`, "Enter a whole number, 0 or more.",
		"Somali and Latine renters", // typed values are kept
		"Grant writing expert\nFacilitation: guru")
	got, _, _ := site.App.Organization(context.Background(), alder.user, alder.org.ID)
	if got.Version != alder.org.Version {
		t.Error("a rejected form changed the profile")
	}
}

func TestOrganizationEditDomainValidation(t *testing.T) {
	w := newOrgWorld(t, newTestSite(t), "val")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	form := fullProfileForm(alder.org.Version)
	form.Set("name", "  ")
	form.Set("budget_band", "billions")
	res := w.as("alder@example.org").post("/organizations/"+alder.org.ID+"/edit", form)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	wantBody(t, res, `id="e-name"`, `id="e-budget_band"`)
}

func TestOrganizationEditStaleVersion(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "stale")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	// Someone else saves first.
	other := *alder.org
	other.Mission = "Saved by a colleague"
	if _, err := site.App.UpdateOrganization(context.Background(), alder.user, other, other.Version); err != nil {
		t.Fatal(err)
	}
	form := fullProfileForm(alder.org.Version)
	form.Set("mission", "My typed mission")
	c := w.as("alder@example.org")
	res := c.post("/organizations/"+alder.org.ID+"/edit", form)
	wantStatus(t, res, http.StatusPreconditionFailed)
	newVersion := strconv.Itoa(alder.org.Version + 1)
	wantBody(t, res, "Someone else saved this profile", "My typed mission", "Somali and Latine renters",
		`name="version" value="`+newVersion+`"`, "<li>Mission</li>")
	got, _, _ := site.App.Organization(context.Background(), alder.user, alder.org.ID)
	if got.Mission != "Saved by a colleague" {
		t.Errorf("stale save wrote %q", got.Mission)
	}
	// Saving again with the version the page now carries replaces the newer profile.
	form.Set("version", newVersion)
	wantStatus(t, c.post("/organizations/"+alder.org.ID+"/edit", form), http.StatusSeeOther)
}

func TestOrganizationAccess(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "acc")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	w.addMember("Birch", "member", false, "no", "over_5m")
	newOrgWorld(t, site, "outside")
	show := "/organizations/" + alder.org.ID
	edit := show + "/edit"
	form := fullProfileForm(alder.org.Version)

	tests := []struct {
		name, who    string
		method, path string
		status       int
	}{
		{"representative sees profile", "alder@example.org", "GET", show, http.StatusOK},
		{"member of the same coalition sees profile", "birch@example.org", "GET", show, http.StatusOK},
		{"member of the same coalition may not open the form", "birch@example.org", "GET", edit, http.StatusForbidden},
		{"member of the same coalition may not save", "birch@example.org", "POST", edit, http.StatusForbidden},
		{"coordinator sees profile", "coord-acc@example.org", "GET", show, http.StatusOK},
		{"coordinator may not save", "coord-acc@example.org", "POST", edit, http.StatusForbidden},
		{"outsider gets 404 for the profile", "coord-outside@example.org", "GET", show, http.StatusNotFound},
		{"outsider gets 404 for the form", "coord-outside@example.org", "GET", edit, http.StatusNotFound},
		{"outsider gets 404 for a save", "coord-outside@example.org", "POST", edit, http.StatusNotFound},
		{"unknown organization", "alder@example.org", "GET", "/organizations/nope", http.StatusNotFound},
		{"anonymous is sent to sign in", "", "GET", show, http.StatusSeeOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := anonymous(t, site)
			if tt.who != "" {
				c = w.as(tt.who)
			}
			var res *testResponse
			if tt.method == "GET" {
				res = c.get(tt.path)
			} else {
				res = c.post(tt.path, form)
			}
			wantStatus(t, res, tt.status)
			if tt.status == http.StatusOK && tt.who != "alder@example.org" {
				wantNoBody(t, res, edit) // no edit link for someone who may not edit
			}
		})
	}
	got, _, _ := site.App.Organization(context.Background(), alder.user, alder.org.ID)
	if got.Version != alder.org.Version {
		t.Error("a refused save changed the profile")
	}
}

// TestOrganizationBackToCoalition checks the way back from a profile to the member list
// that led to it: the list's links carry ?from=<coalition>, and the profile links back
// only to a coalition the viewer may see.
func TestOrganizationBackToCoalition(t *testing.T) {
	site := newTestSite(t)
	w := newOrgWorld(t, site, "back")
	alder := w.addMember("Alder", "member", true, "yes", "under_250k")
	outside := newOrgWorld(t, site, "outside")
	coord := w.as("coord-back@example.org")
	members := "/coalitions/" + w.coalition.ID + "/members"
	show := "/organizations/" + alder.org.ID

	res := coord.get(members)
	link := show + "?from=" + w.coalition.ID
	wantBody(t, res, `<a href="`+link+`">Alder</a>`)
	res = coord.get(link)
	wantStatus(t, res, http.StatusOK)
	wantBody(t, res, `<p class="back"><a href="`+members+`">← Members of Coalition back</a></p>`)

	// Without ?from, or naming a coalition the viewer has no access to, or none at all,
	// the profile shows no way back rather than an error or another coalition's name.
	for _, path := range []string{show, show + "?from=" + outside.coalition.ID, show + "?from=nope", show + "?from="} {
		res := coord.get(path)
		wantStatus(t, res, http.StatusOK)
		wantNoBody(t, res, `<p class="back">`, "Coalition outside")
	}
	// The representative, too, finds the way back.
	res = w.as("alder@example.org").get(link)
	wantBody(t, res, `<a href="`+members+`">← Members of Coalition back</a>`)
}
