// Package api serves Braid's JSON API under /api/v1.
package api

import (
	"log/slog"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/httpx"
)

// API is the JSON API.
type API struct {
	app *app.App
	log *slog.Logger
}

// New builds the API.
func New(a *app.App, log *slog.Logger) *API { return &API{app: a, log: log} }

// Register mounts the API's operations.
func (x *API) Register(r *httpx.Router) {}
