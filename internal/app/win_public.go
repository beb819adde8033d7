package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// PublicWin is a win as the public sees it: its credit lines name only the organizations
// that chose to be listed publicly.
type PublicWin struct {
	Date        string         `json:"date"`
	Title       string         `json:"title"`
	Kind        string         `json:"kind"`
	Size        string         `json:"size"`
	Description string         `json:"description"`
	Credits     []PublicCredit `json:"credits"`
}

// PublicCredit is one credit line of a public win. OrganizationName is empty for an
// organization that is not listed publicly: its work is acknowledged without its name.
type PublicCredit struct {
	OrganizationName string `json:"organization_name"`
	Contribution     string `json:"contribution"`
}

// publicWins returns the wins of a coalition marked public, newest first.
func publicWins(ctx context.Context, tx *store.Tx, coalitionID string, ms []domain.Membership) ([]PublicWin, error) {
	wins, err := tx.ListWins(ctx, coalitionID, true)
	if err != nil {
		return nil, err
	}
	listed := map[string]bool{}
	for _, m := range ms {
		listed[m.OrganizationID] = m.Organization != nil && m.Organization.Visibility.Listed
	}
	out := make([]PublicWin, 0, len(wins))
	for _, w := range wins {
		pw := PublicWin{Date: w.Date, Title: w.Title, Kind: w.Kind, Size: w.Size, Description: w.Description,
			Credits: make([]PublicCredit, 0, len(w.Credits))}
		for _, c := range w.Credits {
			pc := PublicCredit{Contribution: c.Contribution}
			if listed[c.OrganizationID] {
				pc.OrganizationName = c.OrganizationName
			}
			pw.Credits = append(pw.Credits, pc)
		}
		out = append(out, pw)
	}
	return out, nil
}
