package demo

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// outsideSigners are organizations outside the housing coalition that signed its letter:
// name, city, issue area.
var outsideSigners = [][3]string{
	{"Duluth Tenants Together", "Duluth", "housing"},
	{"Rochester Renters Alliance", "Rochester", "housing"},
	{"Frogtown Neighborhood Association", "St. Paul", "neighborhood"},
	{"Northside Food Justice", "Minneapolis", "food"},
	{"Minnesota Disability Justice Network", "St. Paul", "disability"},
	{"Lake Street Workers Center", "Minneapolis", "labor"},
	{"Mankato Housing Coalition", "Mankato", "housing"},
	{"Twin Cities Faith in Action", "Minneapolis", "faith"},
	{"St. Cloud Somali Parents Network", "St. Cloud", "education"},
	{"Phillips Community Clinic", "Minneapolis", "health"},
	{"Bemidji Native Housing Circle", "Bemidji", "housing"},
	{"East Side Youth Council", "St. Paul", "youth"},
}

// seedLetters writes an open sign-on letter of the housing coalition, signed by most of
// its active member organizations and by organizations across the state.
func seedLetters(ctx context.Context, tx *store.Tx, w *world) error {
	c := w.coalitions[0]
	l := &domain.SignOnLetter{CoalitionID: c.ID, Status: domain.LetterDraft, CreatedBy: w.users[0].ID,
		Title: "Renters across Minnesota support tenant opportunity to purchase",
		Body: "To the members of the Minneapolis and St. Paul city councils:\n\n" +
			"We, the undersigned organizations, ask you to pass a **tenant opportunity to purchase** ordinance this year. " +
			"When a rental building is sold, its tenants, or a land trust or nonprofit working with them, should have the first chance to buy it.\n\n" +
			"- Displacement falls hardest on Black, Indigenous, immigrant and disabled renters.\n" +
			"- Ownership by tenants and land trusts keeps rents within reach for generations.\n" +
			"- Cities that passed these laws kept thousands of homes affordable.\n\n" +
			"Our organizations will testify, turn out and stand with the tenants who lead this campaign."}
	if err := l.Validate(); err != nil {
		return err
	}
	if err := tx.CreateLetter(ctx, l); err != nil {
		return err
	}
	opened := day(300)
	l.Status, l.OpenedAt = domain.LetterOpen, &opened
	if err := tx.UpdateLetter(ctx, l, 1); err != nil {
		return err
	}
	orgs := map[string]domain.Organization{}
	for _, o := range w.orgs {
		orgs[o.ID] = o
	}
	n := 0
	for _, m := range w.memberships {
		if m.CoalitionID != c.ID || m.Status != domain.StatusActive || n >= 9 {
			continue
		}
		o := orgs[m.OrganizationID]
		signed := day(301 + n)
		g := &domain.Signature{LetterID: l.ID, OrganizationID: o.ID, OrganizationName: o.Name, City: firstOf(o.Geographies),
			IssueArea: firstOf(o.IssueAreas), Status: domain.SignatureConfirmed, ConfirmedAt: &signed, DedupeKey: domain.MemberSignerKey(o.ID)}
		if err := tx.SaveSignature(ctx, g, ""); err != nil {
			return err
		}
		n++
	}
	for i, s := range outsideSigners {
		signed := day(303 + i)
		g := &domain.Signature{LetterID: l.ID, OrganizationName: s[0], City: s[1], IssueArea: s[2], ContactName: "Organizer",
			ContactEmail: "organizer@example.org", Status: domain.SignatureConfirmed, ConfirmedAt: &signed}
		if err := g.ValidateOutside(); err != nil {
			return err
		}
		g.Status, g.ConfirmedAt = domain.SignatureConfirmed, &signed
		if err := tx.SaveSignature(ctx, g, ""); err != nil {
			return err
		}
	}
	return nil
}

func firstOf(list []string) string {
	if len(list) > 0 {
		return list[0]
	}
	return ""
}
