package store

import (
	"context"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

const userCols = `id, email, name, password_hash, admin, locale, created_at`

func scanUser(row interface{ Scan(...any) error }) (*domain.User, error) {
	var u domain.User
	err := row.Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.Admin, &u.Locale, timeCol{&u.CreatedAt})
	return &u, err
}

// CreateUser inserts a user; the email must be unused (ECONFLICT otherwise).
func (tx *Tx) CreateUser(ctx context.Context, u *domain.User) error {
	if u.ID == "" {
		u.ID = NewID()
	}
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	u.CreatedAt = tx.Now
	_, err := tx.exec(ctx, `INSERT INTO users (`+userCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		u.ID, u.Email, u.Name, u.PasswordHash, u.Admin, u.Locale, formatTime(u.CreatedAt))
	return err
}

// FindUser returns a user by id (ENOTFOUND).
func (tx *Tx) FindUser(ctx context.Context, id string) (*domain.User, error) {
	u, err := scanUser(tx.queryRow(ctx, `SELECT `+userCols+` FROM users WHERE id = $1`, id))
	return u, notFound(err, "User")
}

// FindUserByEmail returns a user by email, case-insensitively (ENOTFOUND).
func (tx *Tx) FindUserByEmail(ctx context.Context, email string) (*domain.User, error) {
	u, err := scanUser(tx.queryRow(ctx, `SELECT `+userCols+` FROM users WHERE email = $1`, strings.ToLower(strings.TrimSpace(email))))
	return u, notFound(err, "User")
}

// UpdateUserPassword replaces a user's password hash.
func (tx *Tx) UpdateUserPassword(ctx context.Context, id, hash string) error {
	res, err := tx.exec(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`, hash, id)
	return mustAffect(res, err, "User")
}

// SetUserLocale stores a user's preferred language.
func (tx *Tx) SetUserLocale(ctx context.Context, id, locale string) error {
	res, err := tx.exec(ctx, `UPDATE users SET locale = $1 WHERE id = $2`, locale, id)
	return mustAffect(res, err, "User")
}

// CountUsers returns the number of accounts.
func (tx *Tx) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := tx.queryRow(ctx, `SELECT COUNT(*) FROM users`).Scan(&n)
	return n, err
}

// CreateAPIToken stores a token by its hash.
func (tx *Tx) CreateAPIToken(ctx context.Context, t *domain.APIToken, hash string) error {
	t.ID = NewID()
	t.CreatedAt = tx.Now
	_, err := tx.exec(ctx, `INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)`,
		t.ID, t.UserID, t.Name, hash, formatTime(t.CreatedAt))
	return err
}

// FindUserByTokenHash returns the owner of a token and when the token was last used
// (ENOTFOUND); TouchAPIToken marks it used.
func (tx *Tx) FindUserByTokenHash(ctx context.Context, hash string) (*domain.User, *time.Time, error) {
	var u domain.User
	var last *time.Time
	err := tx.queryRow(ctx, `SELECT u.id, u.email, u.name, u.password_hash, u.admin, u.locale, u.created_at, t.last_used_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`, hash).Scan(
		&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.Admin, &u.Locale, timeCol{&u.CreatedAt}, nullTimeCol{&last})
	if err != nil {
		return nil, nil, notFound(err, "Token")
	}
	return &u, last, nil
}

// TouchAPIToken records when a token was last used.
func (tx *Tx) TouchAPIToken(ctx context.Context, hash string) error {
	_, err := tx.exec(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2`, formatTime(tx.Now), hash)
	return err
}

// ListAPITokens returns a user's tokens, newest first.
func (tx *Tx) ListAPITokens(ctx context.Context, userID string) ([]domain.APIToken, error) {
	rows, err := tx.query(ctx, `SELECT id, user_id, name, created_at, last_used_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.APIToken{}
	for rows.Next() {
		var t domain.APIToken
		if err := rows.Scan(&t.ID, &t.UserID, &t.Name, timeCol{&t.CreatedAt}, nullTimeCol{&t.LastUsedAt}); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// DeleteAPIToken revokes one of a user's tokens (ENOTFOUND).
func (tx *Tx) DeleteAPIToken(ctx context.Context, userID, id string) error {
	res, err := tx.exec(ctx, `DELETE FROM api_tokens WHERE id = $1 AND user_id = $2`, id, userID)
	return mustAffect(res, err, "Token")
}

// RecordLoginFailure notes a failed sign-in for throttling.
func (tx *Tx) RecordLoginFailure(ctx context.Context, email, ip string) error {
	_, err := tx.exec(ctx, `INSERT INTO login_failures (email, ip, at) VALUES ($1, $2, $3)`, strings.ToLower(email), ip, formatTime(tx.Now))
	return err
}

// CountLoginFailures counts failures since a time for an email and for an IP address.
func (tx *Tx) CountLoginFailures(ctx context.Context, email, ip string, since time.Time) (byEmail, byIP int, err error) {
	s := formatTime(since)
	if err = tx.queryRow(ctx, `SELECT COUNT(*) FROM login_failures WHERE email = $1 AND at >= $2`, strings.ToLower(email), s).Scan(&byEmail); err != nil {
		return
	}
	err = tx.queryRow(ctx, `SELECT COUNT(*) FROM login_failures WHERE ip = $1 AND at >= $2`, ip, s).Scan(&byIP)
	return
}

// ClearLoginFailures forgets an email's failures after a successful sign-in and prunes
// failures older than before.
func (tx *Tx) ClearLoginFailures(ctx context.Context, email string, before time.Time) error {
	if _, err := tx.exec(ctx, `DELETE FROM login_failures WHERE email = $1`, strings.ToLower(email)); err != nil {
		return err
	}
	_, err := tx.exec(ctx, `DELETE FROM login_failures WHERE at < $1`, formatTime(before))
	return err
}
