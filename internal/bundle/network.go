package bundle

import (
	"cmp"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// Relationships between organizations (issue 6). A declaration belongs to its two
// organizations, not to a coalition; a bundle holds the declarations between two of its
// organizations, and the history of every such declaration, removed ones included, so
// that the ecosystem as it was on a date survives the journey.

// Relationship is one organization's own account of its relationship with another.
type Relationship struct {
	ID                  string    `json:"id"`
	OrganizationID      string    `json:"organization_id"`
	OtherOrganizationID string    `json:"other_organization_id"`
	Kind                string    `json:"kind"`
	Depth               int       `json:"depth"`
	Since               string    `json:"since"`
	Note                string    `json:"note"`
	CreatedAt           time.Time `json:"created_at"`
	UpdatedAt           time.Time `json:"updated_at"`
}

// RelationshipChange is one change of a declaration: its kind and depth from At on;
// depth 0 records its removal.
type RelationshipChange struct {
	RelationshipID      string    `json:"relationship_id"`
	OrganizationID      string    `json:"organization_id"`
	OtherOrganizationID string    `json:"other_organization_id"`
	Kind                string    `json:"kind"`
	Depth               int       `json:"depth"`
	At                  time.Time `json:"at"`
}

// NetworkContents is the relationships among the bundle's organizations (see Contents).
type NetworkContents struct {
	Relationships []domain.Relationship
	// RelationshipHistory is in the order it was recorded.
	RelationshipHistory []RelationshipChange
}

// addNetwork adds the declarations and history of c between organizations of b.
func (b *Bundle) addNetwork(c NetworkContents) {
	orgs := map[string]bool{}
	for _, o := range b.Organizations {
		orgs[o.ID] = true
	}
	for _, r := range c.Relationships {
		if orgs[r.OrganizationID] && orgs[r.OtherOrganizationID] {
			b.Relationships = append(b.Relationships, Relationship{ID: r.ID, OrganizationID: r.OrganizationID,
				OtherOrganizationID: r.OtherOrganizationID, Kind: r.Kind, Depth: r.Depth, Since: r.Since, Note: r.Note,
				CreatedAt: canonicalTime(r.CreatedAt), UpdatedAt: canonicalTime(r.UpdatedAt)})
		}
	}
	for _, h := range c.RelationshipHistory {
		if orgs[h.OrganizationID] && orgs[h.OtherOrganizationID] {
			h.At = canonicalTime(h.At)
			b.RelationshipHistory = append(b.RelationshipHistory, h)
		}
	}
}

// sortNetwork orders relationships by id and their history by relationship, then time,
// keeping the recorded order of changes at the same time.
func (b *Bundle) sortNetwork() {
	b.Relationships, b.RelationshipHistory = orEmpty(b.Relationships), orEmpty(b.RelationshipHistory)
	slices.SortFunc(b.Relationships, func(x, y Relationship) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortStableFunc(b.RelationshipHistory, func(x, y RelationshipChange) int {
		return cmp.Or(cmp.Compare(x.RelationshipID, y.RelationshipID), x.At.Compare(y.At))
	})
}

// network returns the bundle's relationships as domain values and its history.
func (b *Bundle) network() NetworkContents {
	c := NetworkContents{RelationshipHistory: slices.Clone(orEmpty(b.RelationshipHistory))}
	for _, r := range b.Relationships {
		c.Relationships = append(c.Relationships, r.toDomain())
	}
	return c
}

func (r Relationship) toDomain() domain.Relationship {
	return domain.Relationship{ID: r.ID, OrganizationID: r.OrganizationID, OtherOrganizationID: r.OtherOrganizationID, Kind: r.Kind,
		Depth: r.Depth, Since: r.Since, Note: r.Note, Version: 1, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}
