package app

import (
	"context"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// calendarPrefix marks calendar feed secrets, so one found in a log is recognisable.
const calendarPrefix = "cal_"

// CalendarFeedActive reports whether the actor has a secret calendar address for the
// coalition.
func (a *App) CalendarFeedActive(ctx context.Context, actor Actor, coalitionID string) (bool, error) {
	var ok bool
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		ok, err = tx.HasCalendarFeed(ctx, p.Coalition.ID, actor.ID)
		return err
	})
	return ok, err
}

// NewCalendarFeed gives the actor a new secret calendar token for the coalition and
// revokes any earlier one (so it also rotates). The token is returned once; only its
// hash is kept.
func (a *App) NewCalendarFeed(ctx context.Context, actor Actor, coalitionID string) (string, error) {
	token, hash := newSecret(calendarPrefix)
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if err := tx.ReplaceCalendarFeed(ctx, p.Coalition.ID, actor.ID, hash); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "calendar.feed", "user", actor.ID, map[string]any{})
	})
	return token, err
}

// RevokeCalendarFeed removes the actor's calendar address for the coalition; a calendar
// client subscribed to it then gets 404.
func (a *App) RevokeCalendarFeed(ctx context.Context, actor Actor, coalitionID string) error {
	return a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if err := tx.DeleteCalendarFeed(ctx, p.Coalition.ID, actor.ID); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "calendar.revoke", "user", actor.ID, map[string]any{})
	})
}

// CalendarByToken returns the coalition and meetings that a secret calendar token
// opens, and the locale of the token's owner. The token's owner must still have a role in the coalition; an unknown,
// revoked or orphaned token is ENOTFOUND.
func (a *App) CalendarByToken(ctx context.Context, token string) (*domain.Coalition, []domain.Meeting, string, error) {
	if !strings.HasPrefix(token, calendarPrefix) || len(token) > 100 {
		return nil, nil, "", domain.NotFound("Calendar")
	}
	var c *domain.Coalition
	var locale string
	var out []domain.Meeting
	err := a.read(ctx, func(tx *store.Tx) error {
		feed, err := tx.FindCalendarFeed(ctx, hashSecret(token))
		if err != nil {
			return err
		}
		user, err := tx.FindUser(ctx, feed.UserID)
		if err != nil {
			return domain.NotFound("Calendar")
		}
		p, err := authorize(ctx, tx, user, feed.CoalitionID, ViewCoalition)
		if err != nil {
			return domain.NotFound("Calendar")
		}
		c, locale = p.Coalition, user.Locale
		if out, err = tx.ListMeetings(ctx, c.ID, nil, nil); err != nil {
			return err
		}
		for i := range out {
			m, err := tx.FindMeeting(ctx, c.ID, out[i].ID)
			if err != nil {
				return err
			}
			out[i].Agenda = m.Agenda
		}
		return nil
	})
	return c, out, locale, err
}
