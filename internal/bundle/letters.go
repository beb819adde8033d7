package bundle

import (
	"cmp"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// The coalition's sign-on letters (issue 4) with their signatures. Confirmed and
// withdrawn signatures travel with their private contacts (a bundle is exported by a
// coordinator, who sees them); pending ones do not, since the emailed link that would
// confirm them cannot travel: their signers sign again on the new deployment.

// SignOnLetter is a position statement organizations sign.
type SignOnLetter struct {
	ID         string      `json:"id"`
	Title      string      `json:"title"`
	Body       string      `json:"body"`
	Status     string      `json:"status"`
	CreatedAt  time.Time   `json:"created_at"`
	UpdatedAt  time.Time   `json:"updated_at"`
	OpenedAt   *time.Time  `json:"opened_at"`
	ClosedAt   *time.Time  `json:"closed_at"`
	Signatures []Signature `json:"signatures"`
}

// Signature is one organization's confirmed or withdrawn signature: a member
// organization of the bundle (organization_id), or one outside the coalition.
type Signature struct {
	ID               string     `json:"id"`
	OrganizationID   string     `json:"organization_id"`
	OrganizationName string     `json:"organization_name"`
	City             string     `json:"city"`
	IssueArea        string     `json:"issue_area"`
	ContactName      string     `json:"contact_name"`
	ContactEmail     string     `json:"contact_email"`
	Status           string     `json:"status"`
	CreatedAt        time.Time  `json:"created_at"`
	ConfirmedAt      *time.Time `json:"confirmed_at"`
	WithdrawnAt      *time.Time `json:"withdrawn_at"`
}

// LetterContents is the coalition's letters as domain values (see Contents).
type LetterContents struct {
	Letters    []domain.SignOnLetter
	Signatures []domain.Signature // of those letters, any order
}

func (b *Bundle) addLetters(c LetterContents) {
	index := map[string]int{}
	for _, l := range c.Letters {
		index[l.ID] = len(b.SignOnLetters)
		b.SignOnLetters = append(b.SignOnLetters, SignOnLetter{ID: l.ID, Title: l.Title, Body: l.Body, Status: l.Status,
			CreatedAt: canonicalTime(l.CreatedAt), UpdatedAt: canonicalTime(l.UpdatedAt), OpenedAt: canonicalTimePtr(l.OpenedAt),
			ClosedAt: canonicalTimePtr(l.ClosedAt), Signatures: []Signature{}})
	}
	for _, g := range c.Signatures {
		i, ok := index[g.LetterID]
		if !ok || g.Status == domain.SignaturePending {
			continue
		}
		b.SignOnLetters[i].Signatures = append(b.SignOnLetters[i].Signatures, Signature{ID: g.ID, OrganizationID: g.OrganizationID,
			OrganizationName: g.OrganizationName, City: g.City, IssueArea: g.IssueArea, ContactName: g.ContactName, ContactEmail: g.ContactEmail,
			Status: g.Status, CreatedAt: canonicalTime(g.CreatedAt), ConfirmedAt: canonicalTimePtr(g.ConfirmedAt), WithdrawnAt: canonicalTimePtr(g.WithdrawnAt)})
	}
}

func (b *Bundle) sortLetters() {
	b.SignOnLetters = orEmpty(b.SignOnLetters)
	slices.SortFunc(b.SignOnLetters, func(x, y SignOnLetter) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.SignOnLetters {
		l := &b.SignOnLetters[i]
		l.Signatures = orEmpty(l.Signatures)
		slices.SortFunc(l.Signatures, func(x, y Signature) int { return cmp.Compare(x.ID, y.ID) })
	}
}

// letters returns the bundle's letters and signatures as domain values; the letters'
// authors and signers' accounts are empty, and each signature gets its dedupe key back.
func (b *Bundle) letters() LetterContents {
	var c LetterContents
	for _, l := range b.SignOnLetters {
		c.Letters = append(c.Letters, domain.SignOnLetter{ID: l.ID, CoalitionID: b.Coalition.ID, Title: l.Title, Body: l.Body, Status: l.Status,
			Version: 1, CreatedAt: l.CreatedAt, UpdatedAt: l.UpdatedAt, OpenedAt: l.OpenedAt, ClosedAt: l.ClosedAt})
		for _, g := range l.Signatures {
			c.Signatures = append(c.Signatures, g.toDomain(l.ID))
		}
	}
	return c
}

func (g Signature) toDomain(letterID string) domain.Signature {
	key := domain.SignerKey(g.OrganizationName, g.City)
	if g.OrganizationID != "" {
		key = domain.MemberSignerKey(g.OrganizationID)
	}
	return domain.Signature{ID: g.ID, LetterID: letterID, OrganizationID: g.OrganizationID, OrganizationName: g.OrganizationName,
		City: g.City, IssueArea: g.IssueArea, ContactName: g.ContactName, ContactEmail: g.ContactEmail, Status: g.Status,
		CreatedAt: g.CreatedAt, ConfirmedAt: g.ConfirmedAt, WithdrawnAt: g.WithdrawnAt, DedupeKey: key}
}
