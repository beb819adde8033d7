package store

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// Reads and bulk writes of relationships for bundle export and import. A declaration
// belongs to its two organizations; a coalition's bundle holds those between two of
// its organizations (members, whatever their status).

// RelationshipChange is one row of a declaration's history: its kind and depth from At
// on, depth 0 for its removal.
type RelationshipChange struct {
	RelationshipID, OrganizationID, OtherOrganizationID, Kind string
	Depth                                                     int
	At                                                        time.Time
}

// inCoalition is the condition that organization column col has a membership, of any
// status, in the coalition $1.
func inCoalition(col string) string {
	return `EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = ` + col + ` AND m.coalition_id = $1)`
}

// ListCoalitionRelationships returns the declarations between organizations of a
// coalition, by id.
func (tx *Tx) ListCoalitionRelationships(ctx context.Context, coalitionID string) ([]domain.Relationship, error) {
	return tx.listRelationships(ctx, `SELECT `+relationshipColumns+relationshipFrom+` WHERE `+inCoalition("r.organization_id")+
		` AND `+inCoalition("r.other_organization_id")+` ORDER BY r.id`, coalitionID)
}

// ListCoalitionRelationshipHistory returns the history of every declaration, removed
// ones included, between organizations of a coalition, in the order it was recorded.
func (tx *Tx) ListCoalitionRelationshipHistory(ctx context.Context, coalitionID string) ([]RelationshipChange, error) {
	out := []RelationshipChange{}
	err := tx.scanAll(ctx, `SELECT h.relationship_id, h.organization_id, h.other_organization_id, h.kind, h.depth, h.at
		FROM relationship_history h WHERE `+inCoalition("h.organization_id")+` AND `+inCoalition("h.other_organization_id")+
		` ORDER BY h.id`, coalitionID, func(scan func(...any) error) error {
		var c RelationshipChange
		err := scan(&c.RelationshipID, &c.OrganizationID, &c.OtherOrganizationID, &c.Kind, &c.Depth, timeCol{&c.At})
		out = append(out, c)
		return err
	})
	return out, err
}

// RelationshipsTouching returns every declaration of which one of orgIDs is the
// declaring organization, by id, for an import to find what the deployment already
// holds.
func (tx *Tx) RelationshipsTouching(ctx context.Context, orgIDs []string) (map[string]domain.Relationship, error) {
	out := map[string]domain.Relationship{}
	for start := 0; start < len(orgIDs); start += 500 {
		chunk := orgIDs[start:min(len(orgIDs), start+500)]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		list, err := tx.listRelationships(ctx, `SELECT `+relationshipColumns+relationshipFrom+` WHERE r.organization_id IN (`+
			placeholders(1, len(chunk))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for _, r := range list {
			out[r.ID] = r
		}
	}
	return out, nil
}

// RelationshipsWithHistory returns which of ids already have history rows.
func (tx *Tx) RelationshipsWithHistory(ctx context.Context, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(len(ids), start+500)]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := tx.query(ctx, `SELECT DISTINCT relationship_id FROM relationship_history WHERE relationship_id IN (`+
			placeholders(1, len(chunk))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = true
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// InsertRelationships inserts declarations as given, versions included.
func (tx *Tx) InsertRelationships(ctx context.Context, rs []domain.Relationship) error {
	return tx.insertAll(ctx, relationshipInsert, len(rs), func(i int) []any { return relationshipRow(&rs[i]) })
}

// InsertRelationshipHistory appends history rows in the order given.
func (tx *Tx) InsertRelationshipHistory(ctx context.Context, cs []RelationshipChange) error {
	return tx.insertAll(ctx, historyInsert, len(cs), func(i int) []any {
		c := cs[i]
		return historyRow(c.RelationshipID, c.OrganizationID, c.OtherOrganizationID, c.Kind, c.Depth, c.At)
	})
}
