package demo

import (
	"context"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// seedSpeaking writes the speaking turns of the housing coalition's last four meetings
// held, from the organizations that attended: the pattern the speaking_time dimension
// and each meeting's page are there to show — organizations with larger budgets speak
// longer than their share of the room.
func seedSpeaking(ctx context.Context, tx *store.Tx, w *world) error {
	c := w.coalitions[0]
	rng := rand.New(rand.NewPCG(2026, 11))
	now := tx.Now
	meetings, err := tx.ListMeetings(ctx, c.ID, nil, &now)
	if err != nil {
		return err
	}
	if len(meetings) > 4 {
		meetings = meetings[len(meetings)-4:]
	}
	attendance, err := tx.ListCoalitionAttendance(ctx, c.ID)
	if err != nil {
		return err
	}
	budget := map[string]string{}
	for _, o := range w.orgs {
		budget[o.ID] = o.BudgetBand
	}
	// Mean seconds a turn lasts by budget band.
	length := map[string]int{domain.BudgetUnder250k: 70, domain.Budget250kTo1m: 95, domain.Budget1mTo5m: 150, domain.BudgetOver5m: 190}
	turns := map[string][]domain.SpeakingTurn{}
	for _, m := range meetings {
		var orgs []string
		for _, a := range attendance {
			if a.MeetingID == m.ID && !slices.Contains(orgs, a.OrganizationID) {
				orgs = append(orgs, a.OrganizationID)
			}
		}
		at := m.StartsAt.Add(10 * time.Minute)
		for round := range 3 {
			for _, o := range orgs {
				if round > 0 && rng.IntN(3) == 0 {
					continue // not everyone speaks every round
				}
				mean := length[budget[o]]
				if mean == 0 {
					mean = 90
				}
				seconds := mean/2 + rng.IntN(mean)
				ended := at.Add(time.Duration(seconds) * time.Second)
				turns[m.ID] = append(turns[m.ID], domain.SpeakingTurn{ID: store.NewID(), OrganizationID: o, StartedAt: at, EndedAt: &ended, Seconds: seconds})
				at = ended.Add(20 * time.Second)
			}
		}
	}
	return tx.InsertSpeakingTurns(ctx, c.ID, turns)
}
