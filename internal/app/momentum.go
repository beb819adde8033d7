package app

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/momentum"
	"github.com/braid-org/braid/internal/store"
)

// MaxMomentumMonths is the longest stretch the momentum table shows.
const MaxMomentumMonths = 36

// Momentum returns a coalition's momentum over the last months calendar months (12 when
// 0): by month, the meetings held, the organizations attending, the tasks done and the
// wins; and the member organizations that attended none of the last three meetings, to
// reach out to. Organizations stepping back (by membership status or a stepping-back
// record covering the coalition) are not on that list: they said they would be away.
func (a *App) Momentum(ctx context.Context, actor Actor, coalitionID string, months int) (*momentum.Momentum, error) {
	if months == 0 {
		months = 12
	}
	if months < 1 || months > MaxMomentumMonths {
		var v domain.Validation
		v.Add("months", "Choose between 1 and 36 months.")
		return nil, v.Err()
	}
	var out momentum.Momentum
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		now := a.db.Now().UTC()
		in, err := momentumInput(ctx, tx, p.Coalition.ID, now, months)
		if err != nil {
			return err
		}
		out = momentum.Compute(in)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// momentumInput gathers what momentum.Compute needs: every meeting held up to now (the
// reach-out list looks at the last three, however old), the tasks done and wins within the
// window, and the members who could be missed.
func momentumInput(ctx context.Context, tx *store.Tx, coalitionID string, now time.Time, months int) (momentum.Input, error) {
	in := momentum.Input{Now: now, Months: months}
	start := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1-months, 0)
	meetings, err := tx.ListMeetings(ctx, coalitionID, nil, &now)
	if err != nil {
		return in, err
	}
	attendance, err := tx.ListCoalitionAttendance(ctx, coalitionID)
	if err != nil {
		return in, err
	}
	orgs := map[string][]string{}
	for _, at := range attendance {
		orgs[at.MeetingID] = append(orgs[at.MeetingID], at.OrganizationID)
	}
	for _, m := range meetings {
		in.Meetings = append(in.Meetings, momentum.Meeting{StartsAt: m.StartsAt, Organizations: orgs[m.ID]})
	}
	if in.TasksDone, err = tx.TaskDoneTimes(ctx, coalitionID, start); err != nil {
		return in, err
	}
	wins, err := tx.ListWins(ctx, coalitionID, false)
	if err != nil {
		return in, err
	}
	for _, w := range wins {
		in.Wins = append(in.Wins, w.Date)
	}
	away, err := tx.SteppedBackFromCoalition(ctx, coalitionID, now)
	if err != nil {
		return in, err
	}
	members, err := tx.ListMemberships(ctx, coalitionID, "", 0)
	if err != nil {
		return in, err
	}
	for _, m := range members {
		if m.Status != domain.StatusActive || away[m.OrganizationID] {
			continue
		}
		name := m.OrganizationID
		if m.Organization != nil {
			name = m.Organization.Name
		}
		in.Members = append(in.Members, momentum.Member{OrganizationID: m.OrganizationID, Name: name, JoinedAt: m.JoinedAt})
	}
	return in, nil
}
