package app_test

import (
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
)

// TestAsksOffersAndReciprocity posts asks and offers, fulfils them and checks the help
// records, the reciprocity view and the help_given / help_received equity dimensions
// against hand-worked numbers, on each database.
func TestAsksOffersAndReciprocity(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		h := newHealthCoalition(t, a)
		org := func(i int, bipoc bool) string {
			ms, err := a.MyMemberships(ctx, map[bool][]*domain.User{true: h.b, false: h.n}[bipoc][i], h.c.ID)
			if err != nil || len(ms) != 1 {
				t.Fatalf("memberships: %v %v", ms, err)
			}
			return ms[0].OrganizationID
		}
		b0, b1, b2, n0, n1 := org(0, true), org(1, true), org(2, true), org(0, false), org(1, false)
		// exchange: poster posts kind, responder responds, poster fulfils.
		exchange := func(kind string, poster *domain.User, posterOrg string, responder *domain.User, responderOrg string) {
			t.Helper()
			ao, err := a.PostAskOffer(ctx, poster, h.c.ID, app.NewAskOffer{Kind: kind, OrganizationID: posterOrg, Title: "Help with testimony", NeededBy: "2026-12-04"})
			if err != nil {
				t.Fatal(err)
			}
			r, err := a.RespondToAskOffer(ctx, responder, h.c.ID, ao.ID, responderOrg, "We can do it.")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := a.FulfillAskOffer(ctx, poster, h.c.ID, ao.ID, r.ID); err != nil {
				t.Fatal(err)
			}
		}
		exchange(domain.KindAsk, h.b[0], b0, h.n[0], n0)   // n0 → b0
		exchange(domain.KindOffer, h.n[1], n1, h.b[1], b1) // n1 → b1 (an offer taken)
		exchange(domain.KindAsk, h.b[2], b2, h.n[0], n0)   // n0 → b2
		exchange(domain.KindOffer, h.b[0], b0, h.n[0], n0) // b0 → n0

		// Bad input.
		_, err := a.PostAskOffer(ctx, h.b[0], h.c.ID, app.NewAskOffer{Kind: "gift", OrganizationID: b0, Title: "x"})
		wantCode(t, err, domain.EINVALID)
		_, err = a.PostAskOffer(ctx, h.b[0], h.c.ID, app.NewAskOffer{Kind: domain.KindAsk, OrganizationID: n0, Title: "x"})
		wantCode(t, err, domain.EFORBIDDEN) // not b0's to post for
		_, err = a.PostAskOffer(ctx, h.b[0], h.c.ID, app.NewAskOffer{Kind: domain.KindAsk, OrganizationID: b0, Title: "x", NeededBy: "Friday"})
		wantCode(t, err, domain.EINVALID)
		open, err := a.PostAskOffer(ctx, h.b[1], h.c.ID, app.NewAskOffer{Kind: domain.KindAsk, OrganizationID: b1, Title: "Childcare"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = a.RespondToAskOffer(ctx, h.b[1], h.c.ID, open.ID, b1, "Me")
		wantCode(t, err, domain.EINVALID) // its own post
		r, err := a.RespondToAskOffer(ctx, h.n[2], h.c.ID, open.ID, org(2, false), "We can.")
		if err != nil {
			t.Fatal(err)
		}
		_, err = a.RespondToAskOffer(ctx, h.n[2], h.c.ID, open.ID, org(2, false), "Again")
		wantCode(t, err, domain.ECONFLICT)
		_, err = a.FulfillAskOffer(ctx, h.n[2], h.c.ID, open.ID, r.ID)
		wantCode(t, err, domain.EFORBIDDEN) // only the asker marks it fulfilled
		if _, err := a.CloseAskOffer(ctx, h.b[1], h.c.ID, open.ID); err != nil {
			t.Fatal(err)
		}
		_, err = a.FulfillAskOffer(ctx, h.b[1], h.c.ID, open.ID, r.ID)
		wantCode(t, err, domain.ECONFLICT) // withdrawn: no help recorded

		rec, err := a.Reciprocity(ctx, h.n[2], h.c.ID, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		given, received := map[string]int{}, map[string]int{}
		for _, o := range rec.Organizations {
			given[o.OrganizationID], received[o.OrganizationID] = o.Given, o.Received
		}
		// n0 gave twice, n1 and b0 once; b0, b1, b2 and n0 received once each.
		if given[n0] != 2 || given[n1] != 1 || given[b0] != 1 || received[b0] != 1 || received[b1] != 1 || received[b2] != 1 || received[n0] != 1 {
			t.Errorf("given %v received %v", given, received)
		}
		// Flows: n0→b0 (and back once), b0→n0 (and back once), n1→b1 and n0→b2 one way.
		oneWay := 0
		for _, f := range rec.Flows {
			if f.OneWay {
				oneWay++
			}
			if f.From == n0 && f.To == b0 && (f.Count != 1 || f.Back != 1 || f.OneWay) {
				t.Errorf("n0→b0 flow = %+v", f)
			}
		}
		if len(rec.Flows) != 4 || oneWay != 2 {
			t.Errorf("%d flows, %d one way; want 4 and 2", len(rec.Flows), oneWay)
		}

		// Equity, help given: BIPOC-led members (3 of 6, membership share 1/2) gave 1 of 4
		// (share 1/4): ratio (1/4)/(1/2) = 0.5 < 0.8, flagged. Help received: they received
		// 3 of 4: ratio (3/4)/(1/2) = 1.5.
		for dim, want := range map[string]float64{domain.DimensionHelpGiven: 0.5, domain.DimensionHelpReceived: 1.5} {
			rep, err := a.EquityReport(ctx, h.coord, h.c.ID, dim, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Total != 4 {
				t.Errorf("%s total = %v, want 4", dim, rep.Total)
			}
			for _, g := range rep.Groups {
				if g.Attribute == "bipoc_led" && g.Value == "yes" {
					if g.Ratio == nil || *g.Ratio != want || g.Flag != (want < 0.8) {
						t.Errorf("%s BIPOC-led ratio %v flag %v, want %v", dim, g.Ratio, g.Flag, want)
					}
				}
			}
		}
	})
}
