package bundle

import (
	"fmt"

	"github.com/braid-org/braid/internal/domain"
)

// checkNetwork checks the relationships and their history.
func checkNetwork(b *Bundle, ix *index, r *report) {
	ids, pairs := map[string]int{}, map[[2]string]int{}
	for i := range b.Relationships {
		rel := &b.Relationships[i]
		path := fmt.Sprintf("/relationships/%d", i)
		dr := rel.toDomain()
		dr.Normalize()
		r.domainErrors(path, dr.Validate())
		rel.Kind, rel.Since, rel.Note = dr.Kind, dr.Since, dr.Note
		r.unique(ids, rel.ID, i, path, "/relationships")
		okA := r.reference(ix.orgs, rel.OrganizationID, path+"/organization_id", "organization")
		okB := r.reference(ix.orgs, rel.OtherOrganizationID, path+"/other_organization_id", "organization")
		if okA && okB {
			uniqueKey(r, pairs, [2]string{rel.OrganizationID, rel.OtherOrganizationID}, i, path+"/other_organization_id", "/relationships",
				"is the same organization's account of the same relationship")
		}
		r.times(path, map[string]*timeField{"created_at": {t: &rel.CreatedAt}, "updated_at": {t: &rel.UpdatedAt}})
	}
	for i := range b.RelationshipHistory {
		h := &b.RelationshipHistory[i]
		path := fmt.Sprintf("/relationship_history/%d", i)
		if !domain.OneOf(h.Kind, domain.RelationshipKinds) {
			r.addUnlessCovered(path+"/kind", "Choose one of the listed kinds.")
		}
		if h.Depth < 0 || h.Depth > domain.MaxDepth {
			r.addUnlessCovered(path+"/depth", "Depth is a number from 1 to 5, or 0 for a removal.")
		}
		okA := r.reference(ix.orgs, h.OrganizationID, path+"/organization_id", "organization")
		okB := r.reference(ix.orgs, h.OtherOrganizationID, path+"/other_organization_id", "organization")
		if j, ok := ids[h.RelationshipID]; ok && okA && okB {
			if rel := b.Relationships[j]; rel.OrganizationID != h.OrganizationID || rel.OtherOrganizationID != h.OtherOrganizationID {
				r.addUnlessCovered(path+"/relationship_id", fmt.Sprintf("/relationships/%d is between other organizations.", j))
			}
		}
		r.times(path, map[string]*timeField{"at": {t: &h.At}})
	}
}
