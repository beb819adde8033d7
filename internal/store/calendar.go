package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/braid-org/braid/internal/domain"
)

// CalendarFeed is a person's secret calendar address for one coalition.
type CalendarFeed struct {
	ID          string
	CoalitionID string
	UserID      string
}

// ReplaceCalendarFeed gives a user a new secret feed for a coalition, replacing (and so
// revoking) any earlier one.
func (tx *Tx) ReplaceCalendarFeed(ctx context.Context, coalitionID, userID, tokenHash string) error {
	if err := tx.DeleteCalendarFeed(ctx, coalitionID, userID); err != nil {
		return err
	}
	_, err := tx.exec(ctx, `INSERT INTO calendar_feeds (id, coalition_id, user_id, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)`,
		NewID(), coalitionID, userID, tokenHash, formatTime(tx.Now))
	return err
}

// DeleteCalendarFeed revokes a user's feed for a coalition; revoking none is not an error.
func (tx *Tx) DeleteCalendarFeed(ctx context.Context, coalitionID, userID string) error {
	_, err := tx.exec(ctx, `DELETE FROM calendar_feeds WHERE coalition_id = $1 AND user_id = $2`, coalitionID, userID)
	return err
}

// HasCalendarFeed reports whether a user has a feed for a coalition.
func (tx *Tx) HasCalendarFeed(ctx context.Context, coalitionID, userID string) (bool, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*) FROM calendar_feeds WHERE coalition_id = $1 AND user_id = $2`, coalitionID, userID).Scan(&n)
	return n > 0, err
}

// FindCalendarFeed returns the feed with a token hash (ENOTFOUND).
func (tx *Tx) FindCalendarFeed(ctx context.Context, tokenHash string) (*CalendarFeed, error) {
	var f CalendarFeed
	err := tx.queryRow(ctx, `SELECT id, coalition_id, user_id FROM calendar_feeds WHERE token_hash = $1`, tokenHash).Scan(&f.ID, &f.CoalitionID, &f.UserID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.NotFound("Calendar")
	}
	return &f, err
}
