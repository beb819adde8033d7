package demo

import (
	"context"
	"fmt"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/health"
	"github.com/braid-org/braid/internal/store"
)

// seedHealth adds coalition health to the first coalition (Rooted Homes): an account for
// the representative of each member organization (they cannot sign in: the demo only
// has two sign-in accounts), two closed check-ins in which BIPOC-led and most impacted
// members rate trust, power sharing, conflict and resources lower than the others (the
// gap narrows in the second), and one tension carried from raised to resolved.
func seedHealth(ctx context.Context, tx *store.Tx, w *world) error {
	c := w.coalitions[0]
	coordinator, member := w.users[0], w.users[1]
	bipoc := map[string]string{}
	for _, o := range w.orgs {
		bipoc[o.ID] = o.BipocLed
	}
	var reps []*domain.User
	var groups []domain.CheckInResponse
	for _, m := range w.memberships {
		if m.CoalitionID != c.ID || !m.Counts() {
			continue
		}
		u := &domain.User{ID: store.NewID(), Email: fmt.Sprintf("rep-%d@demo.braid.example", len(reps)+1),
			Name: fmt.Sprintf("Representative %d", len(reps)+1), PasswordHash: "!no-sign-in", Locale: "en"}
		if err := tx.CreateUser(ctx, u); err != nil {
			return err
		}
		if err := tx.SetAccess(ctx, domain.CoalitionAccess{CoalitionID: c.ID, UserID: u.ID, Role: domain.AccessMember}); err != nil {
			return err
		}
		impacted := "no"
		if m.MostImpacted {
			impacted = "yes"
		}
		reps = append(reps, u)
		groups = append(groups, domain.CheckInResponse{BipocLed: bipoc[m.OrganizationID], MostImpacted: impacted})
	}
	for k := range 2 {
		opened, closed := day(150+180*k), day(164+180*k)
		title := opened.Format("January 2006") + " check-in"
		ci := &domain.CheckIn{CoalitionID: c.ID, Title: title, Instrument: health.InstrumentVersion, OpenedBy: coordinator.ID, OpenedAt: opened, ClosedAt: &closed}
		if err := tx.CreateCheckIn(ctx, ci); err != nil {
			return err
		}
		for i, u := range reps {
			r := groups[i]
			r.Ratings = demoRatings(k, i, r.BipocLed == "yes" || r.MostImpacted == "yes")
			if err := tx.RecordAnswer(ctx, ci.ID, u.ID, &r); err != nil {
				return err
			}
		}
	}
	return seedTension(ctx, tx, c, coordinator, member, w)
}

// demoRatings are respondent i's ratings in check-in k. Centred members (BIPOC-led or most
// impacted) rate the factors about power, trust, conflict and resources 2 points lower
// in the first check-in and 1 lower in the second; momentum rises for everyone.
func demoRatings(k, i int, centred bool) map[string]int {
	out := map[string]int{}
	n := 0
	for _, f := range health.Instrument {
		for _, s := range f.Statements {
			n++
			v := 4
			switch f.Key {
			case "trust", "power", "conflict", "resources":
				if centred {
					v = 2 + k
				}
			case "momentum":
				v = 3 + k
			}
			if (i+n)%3 == 0 {
				v++
			}
			if (i+2*n)%5 == 0 {
				v--
			}
			if (i+n)%7 == 0 {
				continue // "not sure"
			}
			out[s.Key] = min(max(v, health.MinRating), health.MaxRating)
		}
	}
	return out
}

// seedTension records a tension over resources that the member account raised, carried
// by the coordinator as facilitator from raised to resolved.
func seedTension(ctx context.Context, tx *store.Tx, c domain.Coalition, coordinator, member *domain.User, w *world) error {
	var orgs []domain.TensionParty
	for _, m := range w.memberships {
		if m.CoalitionID == c.ID && (m.Role == domain.RoleAnchor || m.MostImpacted) && len(orgs) < 2 {
			orgs = append(orgs, domain.TensionParty{Type: domain.PartyOrganization, ID: m.OrganizationID})
		}
	}
	orgs = append(orgs, domain.TensionParty{Type: domain.PartyPerson, ID: member.ID})
	t := &domain.Tension{CoalitionID: c.ID, Title: "Stipends for tenant leaders were cut without asking them",
		Description: "The anchor organization trimmed the stipend line for tenant leaders in the grant report. The tenant groups learned of it " +
			"at the steering meeting, after the report had gone to the funder.",
		Kind: "resources", State: domain.TensionResolved, Visibility: domain.VisibilityParties, FacilitatorID: coordinator.ID,
		RaisedBy: member.ID, CreatedAt: day(200), Parties: orgs}
	if err := t.Validate(); err != nil {
		return err
	}
	if err := tx.CreateTension(ctx, t); err != nil {
		return err
	}
	entries := []domain.TensionEntry{
		{Kind: domain.EntryState, ToState: domain.TensionRaised, AuthorID: member.ID, CreatedAt: day(200)},
		{Kind: domain.EntryState, FromState: domain.TensionRaised, ToState: domain.TensionAcknowledged, AuthorID: coordinator.ID, CreatedAt: day(202)},
		{Kind: domain.EntryState, FromState: domain.TensionAcknowledged, ToState: domain.TensionInDialogue, AuthorID: coordinator.ID, CreatedAt: day(209)},
		{Kind: domain.EntryNote, Body: "Both sides met with a facilitator; the anchor explained the funder's cap, the tenant groups what the stipends pay for.", AuthorID: coordinator.ID, CreatedAt: day(209)},
		{Kind: domain.EntryState, FromState: domain.TensionInDialogue, ToState: domain.TensionAgreement, AuthorID: coordinator.ID, CreatedAt: day(223)},
		{Kind: domain.EntryAgreement, Body: "Stipends are restored from the anchor's general funds; budget changes go to steering before any report is sent.", AuthorID: coordinator.ID, CreatedAt: day(223)},
		{Kind: domain.EntryState, FromState: domain.TensionAgreement, ToState: domain.TensionResolved, AuthorID: coordinator.ID, CreatedAt: day(260)},
	}
	for i := range entries {
		entries[i].TensionID = t.ID
		if err := tx.AddTensionEntry(ctx, &entries[i]); err != nil {
			return err
		}
	}
	return nil
}
