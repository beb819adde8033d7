package app_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// TestSkillMatrixByHand: needs against members' skills, gaps, single points of failure and
// the Shannon evenness of the mix, on each database.
func TestSkillMatrixByHand(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		h := newHealthCoalition(t, a)
		setSkills := func(u *domain.User, skills ...domain.Skill) {
			t.Helper()
			ms, err := a.MyMemberships(ctx, u, h.c.ID)
			if err != nil || len(ms) != 1 {
				t.Fatal(err)
			}
			o := *ms[0].Organization
			o.Skills = skills
			if _, err := a.UpdateOrganization(ctx, u, o, o.Version); err != nil {
				t.Fatal(err)
			}
		}
		setSkills(h.b[0], domain.Skill{Name: "Lobbying", Level: "can_teach"}, domain.Skill{Name: "Legal analysis", Level: "practising"})
		setSkills(h.b[1], domain.Skill{Name: "lobbying", Level: "learning"})
		setSkills(h.n[0], domain.Skill{Name: "Fundraising", Level: "learning"})

		_, err := a.SetSkillNeeds(ctx, h.b[0], h.c.ID, []string{"Lobbying"})
		wantCode(t, err, domain.EFORBIDDEN)
		_, err = a.SetSkillNeeds(ctx, h.coord, h.c.ID, []string{strings.Repeat("x", 201)})
		wantCode(t, err, domain.EINVALID)
		needs, err := a.SetSkillNeeds(ctx, h.coord, h.c.ID, []string{"Lobbying", " legal  analysis", "LOBBYING", "", "Translation and interpretation"})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(needs, []string{"Lobbying", "legal analysis", "Translation and interpretation"}) {
			t.Errorf("needs = %q", needs)
		}
		m, err := a.SkillMatrix(ctx, h.n[1], h.c.ID)
		if err != nil {
			t.Fatal(err)
		}
		// Lobbying: two members, one can teach; legal analysis: one member (a single point
		// of failure); translation: nobody (a gap).
		if r := m.Rows[0]; len(r.Holders) != 2 || r.Teachers != 1 || r.Gap || r.SinglePoint {
			t.Errorf("lobbying = %+v", r)
		}
		if !m.Rows[1].SinglePoint || !m.Rows[2].Gap || m.Gaps != 1 || m.SinglePoints != 1 {
			t.Errorf("rows = %+v, gaps %d, single points %d", m.Rows, m.Gaps, m.SinglePoints)
		}
		// Holdings: lobbying twice, legal analysis and fundraising once: p = ½, ¼, ¼;
		// H = 1.5 ln 2 = 1.039721; J = H / ln 3 = 0.946395.
		if d := m.Diversity; d.Distinct != 3 || math.Abs(d.Shannon-1.5*math.Ln2) > 1e-12 || math.Abs(*d.Evenness-0.946395) > 1e-6 {
			t.Errorf("diversity = %+v", d)
		}
		if m.NeedsFrom != "coalition" {
			t.Errorf("needs from %q", m.NeedsFrom)
		}
	})
}

// TestSkillVocabularyExtends: administrators add terms to the deployment's vocabulary.
func TestSkillVocabularyExtends(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		admin := mustUser(t, a, "admin@example.org", true)
		user := mustUser(t, a, "user@example.org", false)
		wantCode(t, a.AddSkillTerm(ctx, user, "Popular education"), domain.EFORBIDDEN)
		wantCode(t, a.AddSkillTerm(ctx, admin, "  "), domain.EINVALID)
		wantCode(t, a.AddSkillTerm(ctx, admin, "lobbying"), domain.ECONFLICT) // already a default
		if err := a.AddSkillTerm(ctx, admin, "Popular  education"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, a.AddSkillTerm(ctx, admin, "popular education"), domain.ECONFLICT)
		v, err := a.SkillVocabulary(ctx)
		if err != nil || v[len(v)-1] != "Popular education" || !slices.Contains(v, "Grassroots organizing") {
			t.Errorf("vocabulary = %v, %v", v, err)
		}
	})
}
