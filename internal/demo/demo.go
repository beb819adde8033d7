// Package demo loads data to look at and to measure: Seed loads a small, hand-made
// Twin Cities ecosystem of three overlapping coalitions with two sign-in accounts, and
// Generate loads a large synthetic one for benchmarks.
//
// Both write through the store in a few large transactions rather than through
// hundreds of use cases, and both run every record through the domain's Normalize and
// Validate first.
package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// The demo's sign-in accounts. The coordinator coordinates all three coalitions; the
// member represents Cedar Crossing Elders Council, a small BIPOC-led organization in the
// housing and transit coalitions.
const (
	CoordinatorEmail = "coordinator@demo.braid.example"
	MemberEmail      = "member@demo.braid.example"
	DemoPassword     = "braid-demo-2026"
)

// memberOrg is the organization the member account represents.
const memberOrg = "cedar-elders"

// Credentials are the demo's sign-in accounts.
type Credentials struct {
	CoordinatorEmail string
	MemberEmail      string
	Password         string
}

var demoCredentials = Credentials{CoordinatorEmail: CoordinatorEmail, MemberEmail: MemberEmail, Password: DemoPassword}

// base is the time the demo's history is laid out from: the first of the month thirteen
// months before the one the process started in, so that the demo's year of meetings,
// tasks and wins ends shortly before today and the momentum table and recent activity
// show it. Within a month the data is the same on every run apart from ids (and the
// accounts' creation times, which the store sets).
var base = demoBase(time.Now())

// demoBase returns the first of the month thirteen months before now's, at 15:00 UTC.
func demoBase(now time.Time) time.Time {
	now = now.UTC()
	return time.Date(now.Year(), now.Month()-13, 1, 15, 0, 0, 0, time.UTC)
}

func day(n int) time.Time { return base.AddDate(0, 0, n) }

// errSeeded stops the transaction when another process loaded the demo first.
var errSeeded = errors.New("demo already loaded")

// Seed loads the demo ecosystem in one transaction. It is meant for an empty database
// and is idempotent: when the demo coordinator's account exists it does nothing and
// returns the credentials.
func Seed(ctx context.Context, a *app.App) (Credentials, error) {
	db := a.DB()
	if seeded, err := isSeeded(ctx, db); err != nil || seeded {
		return demoCredentials, err
	}
	w, err := buildDemo(a.HashPassword)
	if err != nil {
		return demoCredentials, fmt.Errorf("demo data: %w", err)
	}
	err = db.Write(ctx, func(tx *store.Tx) error {
		if _, err := tx.FindUserByEmail(ctx, CoordinatorEmail); err == nil {
			return errSeeded
		} else if domain.ErrorCode(err) != domain.ENOTFOUND {
			return err
		}
		if err := w.write(ctx, tx); err != nil {
			return err
		}
		if err := seedHealth(ctx, tx, w); err != nil {
			return err
		}
		if err := seedWins(ctx, tx, w); err != nil {
			return err
		}
		if err := seedNetwork(ctx, tx, w); err != nil {
			return err
		}
		if err := seedVoice(ctx, tx, w); err != nil {
			return err
		}
		if err := seedWork(ctx, tx, w); err != nil {
			return err
		}
		if err := seedLetters(ctx, tx, w); err != nil {
			return err
		}
		if err := seedSpeaking(ctx, tx, w); err != nil {
			return err
		}
		if err := seedMoney(ctx, tx, w); err != nil { // links contributions to the work and wins above
			return fmt.Errorf("money: %w", err)
		}
		for _, c := range w.coalitions {
			if err := tx.Audit(ctx, c.ID, w.users[0].ID, "demo.seed", "coalition", c.ID, map[string]any{"name": c.Name}); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errSeeded) {
		return demoCredentials, nil
	}
	if domain.ErrorCode(err) == domain.ECONFLICT {
		// Another process may have won the race on PostgreSQL.
		if seeded, serr := isSeeded(ctx, db); serr == nil && seeded {
			return demoCredentials, nil
		}
	}
	return demoCredentials, err
}

func isSeeded(ctx context.Context, db *store.DB) (bool, error) {
	var found bool
	err := db.Read(ctx, func(tx *store.Tx) error {
		_, err := tx.FindUserByEmail(ctx, CoordinatorEmail)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return nil
		}
		found = err == nil
		return err
	})
	return found, err
}
