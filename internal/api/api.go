// Package api serves Braid's JSON API under /api/v1 with huma: handlers (one file per
// resource) parse the request, call a use case of internal/app and render the result.
// The OpenAPI 3.1 document is generated from the same types and served at
// /api/v1/openapi.json; errors are RFC 9457 problem documents (errors.go).
package api

import (
	"log/slog"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
)

// Prefix is where the API is mounted.
const Prefix = "/api/v1"

// maxBody is the largest request body an ordinary operation reads. It must not exceed the
// server's MaxBytesReader limit (1 MiB): huma then answers an over-long body with 413
// itself, before the server's reader fails with an error huma would report as 500.
const maxBody = 1 << 20

// API is the JSON API.
type API struct {
	app    *app.App
	log    *slog.Logger
	huma   huma.API
	routes *routeList
	// LiveHeartbeat is how often live streams send a heartbeat (15 s when zero).
	LiveHeartbeat time.Duration
	stopStreams   chan struct{}
	stopOnce      sync.Once
}

// New builds the API and its OpenAPI document; Register mounts it.
func New(a *app.App, log *slog.Logger) *API {
	if log == nil {
		log = slog.Default()
	}
	x := &API{app: a, log: log, routes: &routeList{mux: http.NewServeMux()}, stopStreams: make(chan struct{})}
	cfg := config()
	cfg.Transformers = append(cfg.Transformers, x.sanitizeProblem)
	x.huma = humago.NewWithPrefix(x.routes, Prefix, cfg)
	x.huma.UseMiddleware(x.requireUser)
	x.registerCoalitions()
	x.registerMemberships()
	x.registerAccess()
	x.registerInvitations()
	x.registerOrganizations()
	x.registerPrinciples()
	x.registerEquity()
	x.registerAudit()
	x.registerPublic()
	x.registerMe()
	x.registerBundles()
	x.registerRelationships()
	x.registerWins()
	x.registerNetwork()
	x.registerTargets()
	x.registerFunds()
	x.registerFundReport()
	x.registerRounds()
	x.registerContributions()
	x.registerCheckIns()
	x.registerProposals()
	x.registerTensions()
	x.registerAsks()
	x.registerSkills()
	x.registerSteppingBacks()
	x.registerWorkstreams()
	x.registerTasks()
	x.registerMeetings()
	x.registerCalendar()
	x.registerCommitments()
	x.registerLetters()
	x.registerDocuments()
	x.registerThanks()
	x.registerSpeakingQueue()
	return x
}

func config() huma.Config {
	cfg := huma.DefaultConfig("Braid API", "1.0.0")
	cfg.Info.Description = "The JSON API of Braid, a platform for coalitions of community organizations. " +
		"Errors are RFC 9457 problem documents. Updates need the ETag of the record in If-Match."
	cfg.OpenAPIPath = "/openapi"
	// The built-in docs page loads its script from a CDN, which the server's
	// Content-Security-Policy forbids; the document itself is enough for client tools.
	cfg.DocsPath = ""
	// No $schema links in response bodies: responses have exactly the documented fields.
	cfg.SchemasPath = ""
	cfg.CreateHooks = nil
	cfg.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		"bearer":  {Type: "http", Scheme: "bearer", Description: "A personal API token (brd_…) created with POST /me/api-tokens."},
		"session": {Type: "apiKey", In: "cookie", Name: "braid_session", Description: "The browser session of the web UI."},
	}
	return cfg
}

// Register mounts the API's operations and the OpenAPI document on r, so that
// r.Patterns() lists every one of them.
func (x *API) Register(r *httpx.Router) {
	var docs sync.Mutex
	for _, rt := range x.routes.list {
		h := rt.handler
		if strings.Contains(rt.pattern, "/openapi") {
			h = serialised(&docs, h)
		}
		r.HandleFunc(rt.pattern, h)
	}
}

// serialised runs h while holding mu. huma renders each OpenAPI document on its first
// request into an unguarded variable, which races when first requests arrive together;
// the documents are fetched rarely, so one lock for all of them costs nothing, and unlike
// rendering every document at start-up it keeps starting a server cheap.
func serialised(mu *sync.Mutex, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		h(w, r)
	}
}

// Operations returns every documented operation as "METHOD /api/v1/path", sorted.
func (x *API) Operations() []string {
	return x.operations(func(*huma.Operation) bool { return true })
}

// PublicOperations returns the operations that anonymous visitors may call (the others
// answer 401 without a signed-in user), plus the routes serving the OpenAPI document.
func (x *API) PublicOperations() []string {
	out := x.operations(func(op *huma.Operation) bool { return !needsUser(op) })
	for _, rt := range x.routes.list {
		if strings.Contains(rt.pattern, "/openapi") {
			out = append(out, rt.pattern)
		}
	}
	sort.Strings(out)
	return out
}

func (x *API) operations(keep func(*huma.Operation) bool) []string {
	var out []string
	for path, item := range x.huma.OpenAPI().Paths {
		for _, m := range []struct {
			method string
			op     *huma.Operation
		}{{"GET", item.Get}, {"POST", item.Post}, {"PUT", item.Put}, {"PATCH", item.Patch}, {"DELETE", item.Delete}} {
			if m.op != nil && keep(m.op) {
				out = append(out, m.method+" "+Prefix+path)
			}
		}
	}
	sort.Strings(out)
	return out
}

// routeList collects the routes huma registers until Register copies them to the server's
// router. It also serves them itself, which huma's adapter requires.
type routeList struct {
	mux  *http.ServeMux
	list []route
}

type route struct {
	pattern string
	handler http.HandlerFunc
}

func (l *routeList) HandleFunc(pattern string, h func(http.ResponseWriter, *http.Request)) {
	l.list = append(l.list, route{pattern, h})
	l.mux.HandleFunc(pattern, h)
}

func (l *routeList) ServeHTTP(w http.ResponseWriter, r *http.Request) { l.mux.ServeHTTP(w, r) }

// Who may call an operation, as declared in its OpenAPI security requirements.
var (
	signedIn       = []map[string][]string{{"bearer": {}}, {"session": {}}}
	signedInOrNot  = []map[string][]string{{"bearer": {}}, {"session": {}}, {}}
	anyone         []map[string][]string
	statusDefaults = map[string]int{http.MethodPost: http.StatusCreated, http.MethodDelete: http.StatusNoContent}
)

// operation describes one route; errs lists the problem statuses it documents besides
// 422 and 500, which huma adds.
func operation(id, method, path, summary, tag string, security []map[string][]string, errs ...int) huma.Operation {
	if needsUser(&huma.Operation{Security: security}) {
		errs = append([]int{http.StatusUnauthorized}, errs...)
	}
	if method != http.MethodGet && method != http.MethodDelete {
		errs = append(errs, http.StatusBadRequest, http.StatusRequestEntityTooLarge)
	}
	slices.Sort(errs)
	return huma.Operation{
		OperationID:   id,
		Method:        method,
		Path:          path,
		Summary:       summary,
		Tags:          []string{tag},
		Security:      security,
		DefaultStatus: statusDefaults[method],
		MaxBodyBytes:  maxBody,
		Errors:        slices.Compact(errs),
	}
}

// needsUser reports whether an operation requires a signed-in user: it declares security
// requirements and none of them is the empty (anonymous) one.
func needsUser(op *huma.Operation) bool {
	if op == nil || len(op.Security) == 0 {
		return false
	}
	for _, req := range op.Security {
		if len(req) == 0 {
			return false
		}
	}
	return true
}

// requireUser answers 401 to an anonymous request for an operation that needs a user.
// The server has already put the user in the context, from a bearer token or the session.
func (x *API) requireUser(ctx huma.Context, next func(huma.Context)) {
	if needsUser(ctx.Operation()) && httpx.User(ctx.Context()) == nil {
		ctx.SetHeader("WWW-Authenticate", wwwAuthenticate)
		_ = huma.WriteErr(x.huma, ctx, http.StatusUnauthorized, "Sign in to continue.")
		return
	}
	next(ctx)
}
