// Package app holds Braid's use cases. Every use case authorizes its actor through the one
// policy in policy.go, runs in one store transaction and writes its audit entry there.
package app

import (
	"context"
	"log/slog"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// App is the set of use cases over one database.
type App struct {
	db  *store.DB
	log *slog.Logger
	// Passwords holds the argon2id parameters; tests lower them.
	Passwords PasswordParams
	// InvitationTTL is how long an invitation link stays valid.
	InvitationTTL time.Duration
}

// New returns the use cases over db.
func New(db *store.DB, log *slog.Logger) *App {
	if log == nil {
		log = slog.Default()
	}
	return &App{db: db, log: log, Passwords: DefaultPasswordParams, InvitationTTL: 30 * 24 * time.Hour}
}

// DB returns the underlying database (for operations such as backup and health checks).
func (a *App) DB() *store.DB { return a.db }

// Actor is who performs a use case; nil means an anonymous visitor.
type Actor = *domain.User

func actorID(u Actor) string {
	if u == nil {
		return ""
	}
	return u.ID
}

// read and write are short names for the store's transaction helpers.
func (a *App) read(ctx context.Context, fn func(*store.Tx) error) error  { return a.db.Read(ctx, fn) }
func (a *App) write(ctx context.Context, fn func(*store.Tx) error) error { return a.db.Write(ctx, fn) }

// Change is one field's before and after, as written to the audit log.
type Change struct {
	From any `json:"from"`
	To   any `json:"to"`
}

// diff returns the changed fields between two flat maps of field values.
func diff(before, after map[string]any) map[string]Change {
	out := map[string]Change{}
	for k, v := range after {
		if !equalJSON(before[k], v) {
			out[k] = Change{From: before[k], To: v}
		}
	}
	return out
}
