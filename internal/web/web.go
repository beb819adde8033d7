// Package web serves Braid's HTML user interface: server-rendered pages that work without
// JavaScript, enhanced with htmx where it helps.
package web

import (
	"html/template"
	"log/slog"
	"net/http"
	"net/url"

	"github.com/alexedwards/scs/v2"
	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

// Options configure the HTML UI.
type Options struct {
	App      *app.App
	Sessions *scs.SessionManager
	Log      *slog.Logger
}

// Handler serves the HTML UI.
type Handler struct {
	opts    Options
	app     *app.App
	catalog *i18n.Catalog
	assets  *assets
	pages   map[string]*template.Template
}

// New parses templates, message catalogs and static files once.
func New(opts Options) (*Handler, error) {
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	h := &Handler{opts: opts, app: opts.App}
	var err error
	if h.catalog, err = i18n.Load(); err != nil {
		return nil, err
	}
	if h.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	if err := h.parseTemplates(); err != nil {
		return nil, err
	}
	return h, nil
}

// Register adds the UI's routes. Each resource's handlers live in their own file.
func (h *Handler) Register(r *httpx.Router) {
	r.HandleFunc("GET /static/{hash}/{path...}", h.assets.serve)
	h.registerSession(r)
	h.registerCoalitions(r)
	h.registerMembers(r)
	h.registerAccess(r)
	h.registerInvitations(r)
	h.registerAccount(r)
	h.registerPublic(r)
	h.registerAudit(r)
	h.registerOrganizations(r)
	h.registerPrinciples(r)
	h.registerEquity(r)
	h.registerCheckIns(r)
	h.registerFunds(r)
	h.registerRounds(r)
	h.registerContributions(r)
	h.registerFundReport(r)
	h.registerTensions(r)
	h.registerRelationships(r)
	h.registerWins(r)
	h.registerAsks(r)
	h.registerLetters(r)
	h.registerDocuments(r)
	h.registerSkills(r)
	h.registerProposals(r)
	h.registerSteppingBack(r)
	h.registerWorkstreams(r) // also tasks and meetings
	h.registerSpeakingQueue(r)
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

// safeNext returns a local redirect target, "/" for anything else.
func safeNext(next string) string {
	if len(next) > 0 && next[0] == '/' && (len(next) == 1 || (next[1] != '/' && next[1] != '\\')) {
		return next
	}
	return "/"
}

// signIn starts a fresh session for a user (a new token prevents session fixation).
func (h *Handler) signIn(r *http.Request, userID string) error {
	if err := h.opts.Sessions.RenewToken(r.Context()); err != nil {
		return err
	}
	h.opts.Sessions.Put(r.Context(), "user_id", userID)
	return nil
}
