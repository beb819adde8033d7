package app

import (
	"context"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// Login throttling: after this many failures within the window, sign-in is refused.
const (
	maxFailuresPerEmail = 5
	maxFailuresPerIP    = 30
	failureWindow       = 15 * time.Minute
)

// NewAccount is what a person gives to create an account.
type NewAccount struct {
	Name     string `json:"name"`
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (n *NewAccount) validate(v *domain.Validation) {
	n.Name = strings.TrimSpace(n.Name)
	n.Email = strings.ToLower(strings.TrimSpace(n.Email))
	domain.CheckText(v, "name", n.Name, 1, domain.MaxName)
	if addr, err := mail.ParseAddress(n.Email); err != nil || addr.Address != n.Email || len(n.Email) > 254 {
		v.Add("email", "Enter an email address like name@example.org.")
	}
	if utf8.RuneCountInString(n.Password) < 10 {
		v.Add("password", "Use at least 10 characters.")
	} else if len(n.Password) > 1000 {
		v.Add("password", "This password is too long.")
	}
}

// createAccount creates a user and their person record inside tx.
func (a *App) createAccount(ctx context.Context, tx *store.Tx, n NewAccount, admin bool) (*domain.User, *domain.Person, error) {
	u := &domain.User{Email: n.Email, Name: n.Name, Admin: admin, PasswordHash: a.Passwords.hashPassword(n.Password)}
	if err := tx.CreateUser(ctx, u); err != nil {
		if domain.ErrorCode(err) == domain.ECONFLICT {
			return nil, nil, &domain.Error{Code: domain.ECONFLICT, Message: "An account with this email already exists; sign in instead.",
				Fields: []domain.FieldError{{Field: "email", Message: "An account with this email already exists."}}}
		}
		return nil, nil, err
	}
	p := &domain.Person{Name: n.Name, UserID: u.ID}
	if err := tx.CreatePerson(ctx, p); err != nil {
		return nil, nil, err
	}
	return u, p, nil
}

// CreateUser creates an account from the command line (deployment administration).
func (a *App) CreateUser(ctx context.Context, n NewAccount, admin bool) (*domain.User, error) {
	var v domain.Validation
	n.validate(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var u *domain.User
	err := a.write(ctx, func(tx *store.Tx) error {
		var err error
		u, _, err = a.createAccount(ctx, tx, n, admin)
		if err == nil {
			err = tx.Audit(ctx, "", "", "user.create", "user", u.ID, map[string]any{"email": u.Email, "admin": admin})
		}
		return err
	})
	return u, err
}

// Authenticate checks an email and password. It refuses with ETOOMANY after repeated
// failures for the email or the client address, and counts failures in the database so
// that throttling holds across server processes.
func (a *App) Authenticate(ctx context.Context, email, password, ip string) (*domain.User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	var user *domain.User
	var throttled bool
	err := a.read(ctx, func(tx *store.Tx) error {
		byEmail, byIP, err := tx.CountLoginFailures(ctx, email, ip, tx.Now.Add(-failureWindow))
		if err != nil {
			return err
		}
		throttled = byEmail >= maxFailuresPerEmail || byIP >= maxFailuresPerIP
		if throttled {
			return nil
		}
		user, err = tx.FindUserByEmail(ctx, email)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			user, err = nil, nil
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if throttled {
		return nil, domain.Errorf(domain.ETOOMANY, "Too many failed sign-ins. Wait 15 minutes and try again.")
	}
	hash := dummyHash
	if user != nil {
		hash = user.PasswordHash
	}
	if ok := checkPassword(password, hash); !ok || user == nil {
		if err := a.write(ctx, func(tx *store.Tx) error { return tx.RecordLoginFailure(ctx, email, ip) }); err != nil {
			return nil, err
		}
		return nil, domain.Errorf(domain.EUNAUTHORIZED, "The email or password is not right.")
	}
	err = a.write(ctx, func(tx *store.Tx) error {
		return tx.ClearLoginFailures(ctx, email, tx.Now.Add(-24*time.Hour))
	})
	return user, err
}

// UserByID returns the user with id (sessions store only the id).
func (a *App) UserByID(ctx context.Context, id string) (*domain.User, error) {
	var u *domain.User
	err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		u, err = tx.FindUser(ctx, id)
		return err
	})
	return u, err
}

// SetLocale stores the user's preferred language.
func (a *App) SetLocale(ctx context.Context, actor Actor, locale string) error {
	if actor == nil {
		return domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue.")
	}
	return a.write(ctx, func(tx *store.Tx) error { return tx.SetUserLocale(ctx, actor.ID, locale) })
}

// CreateAPIToken issues a personal API token; the token text is returned only now.
func (a *App) CreateAPIToken(ctx context.Context, actor Actor, name string) (*domain.APIToken, error) {
	if actor == nil {
		return nil, domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue.")
	}
	var v domain.Validation
	name = strings.TrimSpace(name)
	domain.CheckText(&v, "name", name, 1, domain.MaxName)
	if err := v.Err(); err != nil {
		return nil, err
	}
	token, hash := newSecret("brd_")
	t := &domain.APIToken{UserID: actor.ID, Name: name}
	err := a.write(ctx, func(tx *store.Tx) error {
		if err := tx.CreateAPIToken(ctx, t, hash); err != nil {
			return err
		}
		return tx.Audit(ctx, "", actor.ID, "api_token.create", "api_token", t.ID, map[string]any{"name": name})
	})
	t.Token = token
	return t, err
}

// ListAPITokens returns the actor's tokens (without their secrets).
func (a *App) ListAPITokens(ctx context.Context, actor Actor) ([]domain.APIToken, error) {
	if actor == nil {
		return nil, domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue.")
	}
	var out []domain.APIToken
	err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.ListAPITokens(ctx, actor.ID)
		return err
	})
	return out, err
}

// RevokeAPIToken deletes one of the actor's tokens.
func (a *App) RevokeAPIToken(ctx context.Context, actor Actor, id string) error {
	if actor == nil {
		return domain.Errorf(domain.EUNAUTHORIZED, "Sign in to continue.")
	}
	return a.write(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteAPIToken(ctx, actor.ID, id); err != nil {
			return err
		}
		return tx.Audit(ctx, "", actor.ID, "api_token.revoke", "api_token", id, nil)
	})
}

// UserByAPIToken returns the owner of a bearer token (EUNAUTHORIZED when unknown). The
// token's last use is recorded at most once a minute, so that API reads do not each
// need a write.
func (a *App) UserByAPIToken(ctx context.Context, token string) (*domain.User, error) {
	hash := hashSecret(token)
	var u *domain.User
	var stale bool
	err := a.read(ctx, func(tx *store.Tx) error {
		var last *time.Time
		var err error
		u, last, err = tx.FindUserByTokenHash(ctx, hash)
		stale = last == nil || tx.Now.Sub(*last) > time.Minute
		return err
	})
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, domain.Errorf(domain.EUNAUTHORIZED, "This API token is not valid.")
	} else if err != nil {
		return nil, err
	}
	if stale {
		err = a.write(ctx, func(tx *store.Tx) error { return tx.TouchAPIToken(ctx, hash) })
	}
	return u, err
}
