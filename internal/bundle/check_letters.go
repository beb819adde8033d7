package bundle

import (
	"fmt"
	"strings"

	"github.com/braid-org/braid/internal/domain"
)

// checkLetters checks the sign-on letters and their signatures: valid text and status,
// unique ids, signatures of member organizations of the bundle or of named organizations
// outside, each signer once per letter.
func checkLetters(b *Bundle, ix *index, r *report) {
	ids, sigIDs := map[string]int{}, map[string]int{}
	for i := range b.SignOnLetters {
		l := &b.SignOnLetters[i]
		path := fmt.Sprintf("/sign_on_letters/%d", i)
		dl := domain.SignOnLetter{Title: l.Title, Body: l.Body}
		r.domainErrors(path, dl.Validate())
		l.Title, l.Body = dl.Title, dl.Body
		if !domain.OneOf(l.Status, domain.LetterStatuses) {
			r.addUnlessCovered(path+"/status", "Choose draft, open or closed.")
		}
		r.unique(ids, l.ID, i, path, "/sign_on_letters")
		r.times(path, map[string]*timeField{"created_at": {t: &l.CreatedAt}, "updated_at": {t: &l.UpdatedAt},
			"opened_at": {p: &l.OpenedAt}, "closed_at": {p: &l.ClosedAt}})
		signers := map[string]int{}
		for j := range l.Signatures {
			checkSignature(l, j, path+"/signatures", ix, r, sigIDs, signers)
		}
	}
}

func checkSignature(l *SignOnLetter, j int, list string, ix *index, r *report, ids, signers map[string]int) {
	g := &l.Signatures[j]
	path := fmt.Sprintf("%s/%d", list, j)
	g.OrganizationName, g.City, g.IssueArea = strings.TrimSpace(g.OrganizationName), strings.TrimSpace(g.City), strings.TrimSpace(g.IssueArea)
	var v domain.Validation
	domain.CheckText(&v, "organization_name", g.OrganizationName, 1, domain.MaxName)
	domain.CheckText(&v, "city", g.City, 0, domain.MaxName)
	domain.CheckText(&v, "issue_area", g.IssueArea, 0, domain.MaxName)
	domain.CheckText(&v, "contact_name", g.ContactName, 0, domain.MaxName)
	domain.CheckText(&v, "contact_email", g.ContactEmail, 0, 254)
	if g.Status != domain.SignatureConfirmed && g.Status != domain.SignatureWithdrawn {
		v.Add("status", "Choose confirmed or withdrawn: pending signatures do not travel in a bundle.")
	}
	if l.Status == domain.LetterDraft {
		v.Add("status", "A draft letter has no signatures.")
	}
	r.domainErrors(path, v.Err())
	r.unique(ids, g.ID, 0, path, "Another signature")
	if g.OrganizationID != "" {
		r.reference(ix.orgs, g.OrganizationID, path+"/organization_id", "organization")
	}
	key := g.toDomain(l.ID).DedupeKey
	uniqueKey(r, signers, key, j, path, list, "is the same signer")
	r.times(path, map[string]*timeField{"created_at": {t: &g.CreatedAt}, "confirmed_at": {p: &g.ConfirmedAt}, "withdrawn_at": {p: &g.WithdrawnAt}})
}
