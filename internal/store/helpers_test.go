package store_test

import (
	"sync"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// t0 is the start of every test clock: time in these tests is deterministic.
var t0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// clock is a settable time source installed as db.Now; it is safe for concurrent use.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

// useClock makes db read its time from a clock starting at t0.
func useClock(db *store.DB) *clock {
	c := &clock{now: t0}
	db.Now = c.Now
	return c
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return c.now
}

func mustWrite(t *testing.T, db *store.DB, fn func(tx *store.Tx) error) {
	t.Helper()
	if err := db.Write(t.Context(), fn); err != nil {
		t.Fatalf("write: %v", err)
	}
}

func mustRead(t *testing.T, db *store.DB, fn func(tx *store.Tx) error) {
	t.Helper()
	if err := db.Read(t.Context(), fn); err != nil {
		t.Fatalf("read: %v", err)
	}
}

// wantCode fails the test unless err carries the domain error code want.
func wantCode(t *testing.T, err error, want string) {
	t.Helper()
	if got := domain.ErrorCode(err); got != want {
		t.Fatalf("error = %v (code %q), want code %q", err, got, want)
	}
}

func createUser(t *testing.T, db *store.DB, email, name string) *domain.User {
	t.Helper()
	u := &domain.User{Email: email, Name: name, PasswordHash: "hash-of-" + name, Locale: "en"}
	mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateUser(t.Context(), u) })
	return u
}

func newOrganization(name string) *domain.Organization {
	o := &domain.Organization{Name: name, Mission: "Mission of " + name}
	o.Normalize()
	return o
}

func createOrganization(t *testing.T, db *store.DB, name string) *domain.Organization {
	t.Helper()
	o := newOrganization(name)
	mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateOrganization(t.Context(), o) })
	return o
}

func createCoalition(t *testing.T, db *store.DB, name string) *domain.Coalition {
	t.Helper()
	c := &domain.Coalition{Name: name, Goal: "Goal of " + name, IssueAreas: []string{"housing"}}
	c.Normalize()
	mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateCoalition(t.Context(), c) })
	return c
}

func createMembership(t *testing.T, db *store.DB, coalitionID, orgID string) *domain.Membership {
	t.Helper()
	m := &domain.Membership{CoalitionID: coalitionID, OrganizationID: orgID, Role: domain.RoleMember}
	mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateMembership(t.Context(), m) })
	return m
}
