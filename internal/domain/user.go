package domain

import (
	"encoding/json"
	"time"
)

// User is an account that can sign in.
type User struct {
	ID           string    `json:"id"`
	Email        string    `json:"email"`
	Name         string    `json:"name"`
	PasswordHash string    `json:"-"`
	Admin        bool      `json:"admin"`
	Locale       string    `json:"locale"`
	CreatedAt    time.Time `json:"created_at"`
}

// APIToken is a personal access token; only its hash is stored.
type APIToken struct {
	ID         string     `json:"id"`
	UserID     string     `json:"user_id"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	// Token is set only when the token is created.
	Token string `json:"token,omitempty"`
}

// AuditEntry records one change: who, when, what.
type AuditEntry struct {
	ID          int64           `json:"id"`
	CoalitionID string          `json:"coalition_id,omitempty"`
	ActorID     string          `json:"actor_id,omitempty"`
	ActorName   string          `json:"actor_name,omitempty"`
	At          time.Time       `json:"at"`
	Action      string          `json:"action"`
	SubjectType string          `json:"subject_type"`
	SubjectID   string          `json:"subject_id"`
	Changes     json.RawMessage `json:"changes"`
}

// Page is a cursor-paginated slice of results.
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}
