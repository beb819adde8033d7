package app_test

import (
	"fmt"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/health"
)

// healthCoalition is a coalition with three BIPOC-led, most impacted members (b0–b2) and
// three members that are neither (n0–n2), each represented by its own account.
type healthCoalition struct {
	coord *domain.User
	c     *domain.Coalition
	b, n  []*domain.User
	bm    []*domain.Membership
}

func newHealthCoalition(t *testing.T, a *app.App) *healthCoalition {
	t.Helper()
	h := &healthCoalition{coord: mustUser(t, a, "coord@example.org", false)}
	h.c = mustCoalition(t, a, h.coord, "Health")
	for i := range 3 {
		u, m := join(t, a, h.coord, h.c, fmt.Sprintf("BIPOC-led %d", i), fmt.Sprintf("b%d@example.org", i), domain.RoleMember, true)
		setBipocLed(t, a, u, m, "yes")
		h.b, h.bm = append(h.b, u), append(h.bm, m)
		u, m = join(t, a, h.coord, h.c, fmt.Sprintf("Other %d", i), fmt.Sprintf("n%d@example.org", i), domain.RoleMember, false)
		setBipocLed(t, a, u, m, "no")
		h.n = append(h.n, u)
	}
	return h
}

func setBipocLed(t *testing.T, a *app.App, rep *domain.User, m *domain.Membership, v string) {
	t.Helper()
	o, _, err := a.Organization(ctx, rep, m.OrganizationID)
	if err != nil {
		t.Fatal(err)
	}
	o.BipocLed = v
	if _, err := a.UpdateOrganization(ctx, rep, *o, o.Version); err != nil {
		t.Fatal(err)
	}
}

func mustAnswer(t *testing.T, a *app.App, u *domain.User, coalitionID, id string, ratings map[string]int) {
	t.Helper()
	if err := a.AnswerCheckIn(ctx, u, coalitionID, id, app.Answer{Ratings: ratings}); err != nil {
		t.Fatalf("answer by %s: %v", u.Email, err)
	}
}

func factorScore(t *testing.T, fs []health.FactorScore, key string) health.FactorScore {
	t.Helper()
	for _, f := range fs {
		if f.Factor == key {
			return f
		}
	}
	t.Fatalf("no factor %s", key)
	return health.FactorScore{}
}

// TestCheckInScoresByHand runs a check-in end to end on each database and checks the
// scores against hand-worked means.
func TestCheckInScoresByHand(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		h := newHealthCoalition(t, a)
		ci, err := a.OpenCheckIn(ctx, h.coord, h.c.ID, "Spring check-in")
		if err != nil {
			t.Fatal(err)
		}
		_, err = a.OpenCheckIn(ctx, h.b[0], h.c.ID, "By a member")
		wantCode(t, err, domain.EFORBIDDEN)

		// trust.honest, trust.follow, goal.explain per respondent:
		//   BIPOC-led, most impacted: (5,4,4) (4,4,4) (4,4,4)
		//   neither:                  (3,4,4) (3,3,4) (2,3,4)
		//   coordinator, no org:      (4,–,4)  (not sure about trust.follow)
		bRatings := [][2]int{{5, 4}, {4, 4}, {4, 4}}
		nRatings := [][2]int{{3, 4}, {3, 3}, {2, 3}}
		for i := range 3 {
			mustAnswer(t, a, h.b[i], h.c.ID, ci.ID, map[string]int{"trust.honest": bRatings[i][0], "trust.follow": bRatings[i][1], "goal.explain": 4})
			mustAnswer(t, a, h.n[i], h.c.ID, ci.ID, map[string]int{"trust.honest": nRatings[i][0], "trust.follow": nRatings[i][1], "goal.explain": 4})
		}
		mustAnswer(t, a, h.coord, h.c.ID, ci.ID, map[string]int{"trust.honest": 4, "goal.explain": 4})

		// Bad input: a second answer, ratings outside 1–5, an unknown statement.
		err = a.AnswerCheckIn(ctx, h.b[0], h.c.ID, ci.ID, app.Answer{Ratings: map[string]int{"trust.honest": 1}})
		wantCode(t, err, domain.ECONFLICT)
		for _, bad := range []map[string]int{{"trust.honest": 0}, {"trust.honest": 6}, {"nope": 3}, {}} {
			err = a.AnswerCheckIn(ctx, h.coord, h.c.ID, ci.ID, app.Answer{Ratings: bad})
			wantCode(t, err, domain.EINVALID)
		}

		// While open, nothing is shown.
		r, err := a.CheckInResults(ctx, h.n[0], h.c.ID, ci.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.Shown || r.Withheld != app.WithheldOpen || len(r.Factors) != 0 {
			t.Fatalf("open check-in results = %+v, want withheld", r)
		}
		if _, err := a.CloseCheckIn(ctx, h.coord, h.c.ID, ci.ID); err != nil {
			t.Fatal(err)
		}
		err = a.AnswerCheckIn(ctx, h.coord, h.c.ID, ci.ID, app.Answer{Ratings: map[string]int{"goal.explain": 3}})
		wantCode(t, err, domain.ECONFLICT) // closed

		r, err = a.CheckInResults(ctx, h.n[0], h.c.ID, ci.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Shown || r.Respondents != 7 {
			t.Fatalf("results shown %v with %d respondents, want 7", r.Shown, r.Respondents)
		}
		// trust: honest (5+4+4+3+3+2+4)/7 = 25/7; follow (4+4+4+4+3+3)/6 = 11/3;
		// factor (25/7 + 11/3)/2 = 152/42 = 3.619 → 3.62, worth discussing.
		tr := factorScore(t, r.Factors, "trust")
		if *tr.Mean != 3.62 || tr.Band != health.BandDiscuss || tr.Ratings != 13 {
			t.Errorf("trust = %v %s %d, want 3.62 discuss 13", *tr.Mean, tr.Band, tr.Ratings)
		}
		if g := factorScore(t, r.Factors, "goal"); *g.Mean != 4 || g.Band != health.BandStrength {
			t.Errorf("goal = %v %s, want 4.00 strength", *g.Mean, g.Band)
		}
		// BIPOC-led: honest 13/3, follow 4 → 25/6 = 4.167 → 4.17. Not BIPOC-led: honest
		// 8/3, follow 10/3 → 3.00. Gap 1.17, highlighted. The coordinator answered for no
		// organization and is in neither group. Most impacted splits the same way here.
		for _, b := range r.Breakdowns {
			if !b.Shown || b.Yes != 3 || b.No != 3 {
				t.Fatalf("%s breakdown = %+v", b.Attribute, b)
			}
			for _, g := range b.Factors {
				if g.Factor == "trust" && (*g.Yes != 4.17 || *g.No != 3 || *g.Gap != 1.17 || !g.Highlight) {
					t.Errorf("%s trust gap = %v %v %v %v", b.Attribute, *g.Yes, *g.No, *g.Gap, g.Highlight)
				}
			}
		}
		trends, err := a.CheckInTrends(ctx, h.b[1], h.c.ID)
		if err != nil || len(trends) != 1 {
			t.Fatalf("trends = %v, %v", trends, err)
		}
	})
}

// TestCheckInThreeRespondentRule: a closed check-in with two respondents shows nothing.
func TestCheckInThreeRespondentRule(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		h := newHealthCoalition(t, a)
		ci, err := a.OpenCheckIn(ctx, h.coord, h.c.ID, "Small")
		if err != nil {
			t.Fatal(err)
		}
		mustAnswer(t, a, h.b[0], h.c.ID, ci.ID, map[string]int{"trust.honest": 5})
		mustAnswer(t, a, h.n[0], h.c.ID, ci.ID, map[string]int{"trust.honest": 1})
		if _, err := a.CloseCheckIn(ctx, h.coord, h.c.ID, ci.ID); err != nil {
			t.Fatal(err)
		}
		r, err := a.CheckInResults(ctx, h.coord, h.c.ID, ci.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.Shown || r.Withheld != app.WithheldTooFew || len(r.Factors) != 0 || len(r.Breakdowns) != 0 {
			t.Errorf("results with 2 respondents = %+v, want withheld", r)
		}
		if trends, _ := a.CheckInTrends(ctx, h.coord, h.c.ID); len(trends) != 0 {
			t.Errorf("trends include a withheld check-in")
		}
	})
}

// TestCheckInAnswerFor: someone representing two member organizations says which one
// they answer for; an organization they do not represent is refused.
func TestCheckInAnswerFor(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		h := newHealthCoalition(t, a)
		inv, err := a.Invite(ctx, h.coord, h.c.ID, domain.Invitation{OrganizationName: "Second org"})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := a.AcceptInvitation(ctx, h.b[0], inv.Token, app.Acceptance{}); err != nil {
			t.Fatal(err)
		}
		ci, err := a.OpenCheckIn(ctx, h.coord, h.c.ID, "Who for")
		if err != nil {
			t.Fatal(err)
		}
		f, err := a.CheckIn(ctx, h.b[0], h.c.ID, ci.ID)
		if err != nil || len(f.AnswerFor) != 2 || f.HasAnswered || !f.CanAnswer {
			t.Fatalf("form = %+v, %v", f, err)
		}
		ratings := map[string]int{"goal.agree": 3}
		err = a.AnswerCheckIn(ctx, h.b[0], h.c.ID, ci.ID, app.Answer{Ratings: ratings})
		wantCode(t, err, domain.EINVALID)
		err = a.AnswerCheckIn(ctx, h.b[0], h.c.ID, ci.ID, app.Answer{Ratings: ratings, MembershipID: h.bm[1].ID})
		wantCode(t, err, domain.EINVALID) // b1's organization, not b0's
		if err := a.AnswerCheckIn(ctx, h.b[0], h.c.ID, ci.ID, app.Answer{Ratings: ratings, MembershipID: h.bm[0].ID}); err != nil {
			t.Fatal(err)
		}
		if f, _ := a.CheckIn(ctx, h.b[0], h.c.ID, ci.ID); !f.HasAnswered {
			t.Error("has answered not recorded")
		}
		// Another coalition's check-in id is not found through this coalition.
		other := mustCoalition(t, a, h.coord, "Other")
		_, err = a.CheckInResults(ctx, h.coord, other.ID, ci.ID)
		wantCode(t, err, domain.ENOTFOUND)
	})
}
