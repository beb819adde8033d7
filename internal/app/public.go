package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// PublicOrganization is what the public may see of a member organization: its name and
// only the profile fields it chose to show.
type PublicOrganization struct {
	Name        string         `json:"name"`
	Role        string         `json:"role"`
	Fields      map[string]any `json:"fields"`
	fieldsOrder []string
}

// FieldList returns the public fields in a stable order for display.
func (p PublicOrganization) FieldList() []string { return p.fieldsOrder }

// PublicCoalition is a coalition's public page.
type PublicCoalition struct {
	Coalition     *domain.Coalition    `json:"coalition"`
	Members       []PublicOrganization `json:"members"`
	UnlistedCount int                  `json:"unlisted_count"`
	Principles    []domain.Principle   `json:"principles"`
	Wins          []PublicWin          `json:"wins"`
	// Letters are the coalition's sign-on letters that are open or closed, newest first.
	Letters []PublicLetterLink `json:"letters"`
}

// PublicLetterLink is a published sign-on letter as the coalition's public page lists it.
type PublicLetterLink struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Status  string `json:"status"`
	Signers int    `json:"signers"`
}

// PublicCoalitionPage returns what anyone may see of a coalition (ENOTFOUND when the
// coalition is not public). Member organizations appear only when listed, with only the
// fields they made public.
func (a *App) PublicCoalitionPage(ctx context.Context, idOrSlug string) (*PublicCoalition, error) {
	var out PublicCoalition
	err := a.read(ctx, func(tx *store.Tx) error {
		c, err := tx.FindCoalition(ctx, idOrSlug)
		if err != nil {
			return err
		}
		if !c.Public {
			return domain.NotFound("Coalition")
		}
		out.Coalition = c
		ms, err := tx.ListMemberships(ctx, c.ID, "", 0)
		if err != nil {
			return err
		}
		for _, m := range ms {
			if !m.Counts() {
				continue
			}
			if !m.Organization.Visibility.Listed {
				out.UnlistedCount++
				continue
			}
			out.Members = append(out.Members, publicOrganization(m))
		}
		if out.Wins, err = publicWins(ctx, tx, c.ID, ms); err != nil {
			return err
		}
		letters, err := tx.ListLetters(ctx, c.ID)
		if err != nil {
			return err
		}
		out.Letters = []PublicLetterLink{}
		for _, l := range letters {
			if l.Status != domain.LetterDraft {
				out.Letters = append(out.Letters, PublicLetterLink{ID: l.ID, Title: l.Title, Status: l.Status, Signers: l.Signers})
			}
		}
		ps, err := tx.ListPrinciples(ctx, c.ID)
		for i := range ps {
			ps[i].Versions = nil
		}
		out.Principles = ps
		return err
	})
	return &out, err
}

func publicOrganization(m domain.Membership) PublicOrganization {
	o := m.Organization
	all := map[string]any{"mission": o.Mission, "kind": o.Kind, "geographies": o.Geographies, "issue_areas": o.IssueAreas,
		"skills": o.Skills, "languages": o.Languages, "budget_band": o.BudgetBand, "staff_size": o.StaffSize,
		"bipoc_led": o.BipocLed, "identity": o.Identity, "website": o.Website}
	p := PublicOrganization{Name: o.Name, Role: m.Role, Fields: map[string]any{}}
	for _, f := range domain.PublicFields {
		if o.Visibility.Shows(f) {
			p.Fields[f] = all[f]
			p.fieldsOrder = append(p.fieldsOrder, f)
		}
	}
	return p
}
