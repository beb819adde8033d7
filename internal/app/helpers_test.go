package app_test

import (
	"context"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

var ctx = context.Background()

// fastPasswords keeps argon2id cheap in tests; production uses DefaultPasswordParams.
var fastPasswords = app.PasswordParams{Memory: 64, Time: 1, Threads: 1}

func newApp(t testing.TB, db *store.DB) *app.App {
	t.Helper()
	a := app.New(db, nil)
	a.Passwords = fastPasswords
	return a
}

func mustUser(t testing.TB, a *app.App, email string, admin bool) *domain.User {
	t.Helper()
	u, err := a.CreateUser(ctx, app.NewAccount{Name: email, Email: email, Password: "correct horse battery"}, admin)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func mustCoalition(t testing.TB, a *app.App, coordinator *domain.User, name string) *domain.Coalition {
	t.Helper()
	c, err := a.CreateCoalition(ctx, coordinator, domain.Coalition{Name: name, Goal: "Pass the " + name + " ordinance", Public: true})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// join invites an organization and accepts with a new account; it returns the
// representative and the membership.
func join(t testing.TB, a *app.App, coordinator *domain.User, c *domain.Coalition, org, email, role string, mostImpacted bool) (*domain.User, *domain.Membership) {
	t.Helper()
	inv, err := a.Invite(ctx, coordinator, c.ID, domain.Invitation{OrganizationName: org, Role: role, MostImpacted: mostImpacted})
	if err != nil {
		t.Fatal(err)
	}
	m, u, err := a.AcceptInvitation(ctx, nil, inv.Token, app.Acceptance{Account: app.NewAccount{Name: org + " rep", Email: email, Password: "correct horse battery"}})
	if err != nil {
		t.Fatal(err)
	}
	return u, m
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := domain.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func each(t *testing.T, fn func(t *testing.T, a *app.App)) {
	storetest.Each(t, func(t *testing.T, db *store.DB) { fn(t, newApp(t, db)) })
}

// wantFieldError fails unless err is EINVALID with a message for field.
func wantFieldError(t *testing.T, err error, field string) {
	t.Helper()
	wantCode(t, err, domain.EINVALID)
	for _, f := range domain.ErrorFields(err) {
		if f.Field == field {
			return
		}
	}
	t.Fatalf("no error at %q in %v (%+v)", field, err, domain.ErrorFields(err))
}

func storeFilter(kind, tag, linkType, linkID string) store.DocumentFilter {
	return store.DocumentFilter{Kind: kind, Tag: tag, LinkType: linkType, LinkID: linkID}
}
