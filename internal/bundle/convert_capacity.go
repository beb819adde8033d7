package bundle

import (
	"cmp"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// CapacityContents is the coalition's power map, asks and offers and skill needs as
// domain values (see Contents).
type CapacityContents struct {
	Targets    []domain.Target   // each with its Assessments and Access
	AsksOffers []domain.AskOffer // each with its Responses and Help
	SkillNeeds []string          // in the coalition's order
}

// addCapacity adds c to b; who recorded or created each record is an account, left out.
func (b *Bundle) addCapacity(c CapacityContents) {
	for _, t := range c.Targets {
		out := Target{ID: t.ID, Campaign: t.Campaign, Name: t.Name, Kind: t.Kind, Title: t.Title, Note: t.Note,
			CreatedAt: canonicalTime(t.CreatedAt), UpdatedAt: canonicalTime(t.UpdatedAt), Assessments: []TargetAssessment{}, Access: []TargetAccess{}}
		for _, a := range t.Assessments {
			out.Assessments = append(out.Assessments, TargetAssessment{a.ID, a.Influence, a.Stance, a.AssessedOn, a.Note, canonicalTime(a.CreatedAt)})
		}
		for _, a := range t.Access {
			out.Access = append(out.Access, TargetAccess{a.OrganizationID, a.Strength, a.Note, canonicalTime(a.UpdatedAt)})
		}
		b.Targets = append(b.Targets, out)
	}
	for _, a := range c.AsksOffers {
		out := AskOffer{ID: a.ID, Kind: a.Kind, OrganizationID: a.OrganizationID, Title: a.Title, Body: a.Body, NeededBy: formatDay(a.NeededBy),
			State: a.State, CreatedAt: canonicalTime(a.CreatedAt), UpdatedAt: canonicalTime(a.UpdatedAt), Responses: []AskResponse{}}
		for _, r := range a.Responses {
			out.Responses = append(out.Responses, AskResponse{r.ID, r.OrganizationID, r.Body, canonicalTime(r.CreatedAt)})
		}
		if h := a.Help; h != nil {
			out.Help = &Help{h.ID, h.FromOrg, h.ToOrg, canonicalTime(h.RecordedAt)}
		}
		b.AsksOffers = append(b.AsksOffers, out)
	}
	b.SkillNeeds = slices.Clone(c.SkillNeeds)
}

// sortCapacity orders targets, their assessments, asks and offers and their responses
// by id, access by organization; skill needs keep the coalition's order.
func (b *Bundle) sortCapacity() {
	b.Targets, b.AsksOffers, b.SkillNeeds = orEmpty(b.Targets), orEmpty(b.AsksOffers), orEmpty(b.SkillNeeds)
	slices.SortFunc(b.Targets, func(x, y Target) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.Targets {
		t := &b.Targets[i]
		t.Assessments, t.Access = orEmpty(t.Assessments), orEmpty(t.Access)
		slices.SortFunc(t.Assessments, func(x, y TargetAssessment) int { return cmp.Compare(x.ID, y.ID) })
		slices.SortFunc(t.Access, func(x, y TargetAccess) int { return cmp.Compare(x.OrganizationID, y.OrganizationID) })
	}
	slices.SortFunc(b.AsksOffers, func(x, y AskOffer) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.AsksOffers {
		a := &b.AsksOffers[i]
		a.Responses = orEmpty(a.Responses)
		slices.SortFunc(a.Responses, func(x, y AskResponse) int { return cmp.Compare(x.ID, y.ID) })
	}
}

// capacity returns the bundle's power map, asks and offers and skill needs as domain
// values; recorders and creators are empty.
func (b *Bundle) capacity() CapacityContents {
	c := CapacityContents{SkillNeeds: slices.Clone(orEmpty(b.SkillNeeds))}
	coalition := b.Coalition.ID
	for _, t := range b.Targets {
		dt := domain.Target{ID: t.ID, CoalitionID: coalition, Campaign: t.Campaign, Name: t.Name, Kind: t.Kind, Title: t.Title, Note: t.Note,
			Version: 1, CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt, Assessments: []domain.TargetAssessment{}, Access: []domain.TargetAccess{}}
		for _, a := range t.Assessments {
			dt.Assessments = append(dt.Assessments, domain.TargetAssessment{ID: a.ID, TargetID: t.ID, Influence: a.Influence, Stance: a.Stance,
				AssessedOn: a.AssessedOn, Note: a.Note, CreatedAt: a.CreatedAt})
		}
		for _, a := range t.Access {
			dt.Access = append(dt.Access, domain.TargetAccess{TargetID: t.ID, OrganizationID: a.OrganizationID, Strength: a.Strength,
				Note: a.Note, UpdatedAt: a.UpdatedAt})
		}
		c.Targets = append(c.Targets, dt)
	}
	for _, a := range b.AsksOffers {
		c.AsksOffers = append(c.AsksOffers, a.toDomain(coalition))
	}
	return c
}

func (a AskOffer) toDomain(coalitionID string) domain.AskOffer {
	out := domain.AskOffer{ID: a.ID, CoalitionID: coalitionID, Kind: a.Kind, OrganizationID: a.OrganizationID, Title: a.Title,
		Body: a.Body, NeededBy: parseDay(a.NeededBy), State: a.State, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt,
		Responses: []domain.AskResponse{}}
	for _, r := range a.Responses {
		out.Responses = append(out.Responses, domain.AskResponse{ID: r.ID, AskOfferID: a.ID, OrganizationID: r.OrganizationID,
			Body: r.Body, CreatedAt: r.CreatedAt})
	}
	if h := a.Help; h != nil {
		out.Help = &domain.HelpRecord{ID: h.ID, CoalitionID: coalitionID, AskOfferID: a.ID, FromOrg: h.FromOrganizationID,
			ToOrg: h.ToOrganizationID, RecordedAt: h.RecordedAt}
	}
	return out
}

// formatDay writes an optional day as YYYY-MM-DD, "" for none.
func formatDay(d *time.Time) string {
	if d == nil {
		return ""
	}
	return d.UTC().Format(time.DateOnly)
}

// parseDay reads an optional day written by formatDay; nil for "" or a malformed day
// (which the checks refuse first).
func parseDay(s string) *time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil
	}
	return &d
}
