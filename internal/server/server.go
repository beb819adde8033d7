// Package server assembles Braid's HTTP server: middleware, sessions, the HTML UI, the
// JSON API, health checks and metrics.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/braid-org/braid/internal/api"
	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Config is what the server needs besides the use cases.
type Config struct {
	// SecureCookies marks cookies Secure; set it when Braid is served over HTTPS.
	SecureCookies bool
	// BaseURL is the public address, for links shared outside Braid (invitations).
	BaseURL string
	Log     *slog.Logger
	// LiveHeartbeat is how often live streams (speaking queues) send a heartbeat; 15 s when zero.
	LiveHeartbeat time.Duration
}

// Server is Braid's HTTP handler and its parts.
type Server struct {
	app      *app.App
	log      *slog.Logger
	sessions *scs.SessionManager
	router   *httpx.Router
	handler  http.Handler
	api      *api.API
	// Routes lists every registered pattern, for the authorization-matrix test.
	Routes []string
}

// New builds the server.
func New(a *app.App, cfg Config) (*Server, error) {
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	s := &Server{app: a, log: log}
	s.sessions = scs.New()
	s.sessions.Store = a.DB().Sessions()
	s.sessions.Lifetime = 30 * 24 * time.Hour
	s.sessions.IdleTimeout = 7 * 24 * time.Hour
	s.sessions.Cookie.Name = "braid_session"
	s.sessions.Cookie.HttpOnly = true
	s.sessions.Cookie.SameSite = http.SameSiteLaxMode
	s.sessions.Cookie.Secure = cfg.SecureCookies
	s.sessions.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		log.Error("session", "request_id", httpx.RequestID(r.Context()), "err", err)
		http.Error(w, "Internal error", http.StatusInternalServerError)
	}

	mux := http.NewServeMux()
	s.router = httpx.NewRouter(mux)
	ui, err := web.New(web.Options{App: a, Sessions: s.sessions, Log: log})
	if err != nil {
		return nil, err
	}
	ui.Register(s.router)
	x := api.New(a, log)
	x.LiveHeartbeat = cfg.LiveHeartbeat
	x.Register(s.router)
	s.api = x

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := newMetrics(reg)
	s.router.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	s.router.HandleFunc("GET /readyz", s.ready)
	s.router.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	s.Routes = s.router.Patterns()

	var h http.Handler = recordPattern(mux)
	h = s.loadUser(h)
	h = withOrigin(cfg.BaseURL, h)
	h = s.sessions.LoadAndSave(h)
	h = http.NewCrossOriginProtection().Handler(h)
	h = securityHeaders(h)
	h = compress(h)
	s.handler = observe(log, m, h)
	return s, nil
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.app.DB().Ping(ctx); err != nil {
		s.log.Error("readiness", "err", err)
		http.Error(w, "database unavailable\n", http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ready\n"))
}

// loadUser puts the signed-in user in the request context: from a bearer token (API and
// CLI) or from the session cookie (browser).
func (s *Server) loadUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if token := httpx.BearerToken(r); token != "" {
			u, err := s.app.UserByAPIToken(ctx, token)
			if err != nil {
				writeAuthProblem(w, err)
				return
			}
			next.ServeHTTP(w, r.WithContext(httpx.WithUser(ctx, u)))
			return
		}
		if id := s.sessions.GetString(ctx, "user_id"); id != "" {
			u, err := s.app.UserByID(ctx, id)
			if err == nil {
				ctx = httpx.WithUser(ctx, u)
			} else if domain.ErrorCode(err) == domain.ENOTFOUND {
				_ = s.sessions.Destroy(ctx)
			} else {
				s.log.Error("load user", "request_id", httpx.RequestID(ctx), "err", err)
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func writeAuthProblem(w http.ResponseWriter, err error) {
	status := httpx.Status(domain.ErrorCode(err))
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("WWW-Authenticate", `Bearer realm="braid"`)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"title": http.StatusText(status), "status": status, "detail": domain.ErrorMessage(err)})
}

// Run serves on ln until ctx is cancelled, then shuts down gracefully, and cleans up
// expired sessions hourly meanwhile.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second,
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn)}
	srv.RegisterOnShutdown(s.api.StopStreams) // live streams would hold shutdown up
	go s.cleanSessions(ctx)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	err := srv.Shutdown(shutdown)
	if e := <-errc; !errors.Is(e, http.ErrServerClosed) {
		err = errors.Join(err, e)
	}
	return err
}

func (s *Server) cleanSessions(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := s.app.DB().Sessions().DeleteExpired(ctx); err != nil {
				s.log.Warn("clean sessions", "err", err)
			} else if n > 0 {
				s.log.Info("cleaned sessions", "deleted", n)
			}
		}
	}
}
