package server

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/httpx"
	"github.com/prometheus/client_golang/prometheus"
)

// Body limits: ordinary requests are small; a coalition bundle may be large.
const (
	maxBody       = 1 << 20
	maxImportBody = 21 << 20
	maxUploadBody = 11 << 20 // a document's file (10 MB) and the form around it
)

// routeInfo lets the innermost handler report which pattern matched to the outer
// logging and metrics middleware.
type routeInfo struct{ pattern string }

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the real writer (flushing for live updates).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

type metrics struct {
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "braid_http_requests_total", Help: "HTTP requests by route and status."}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "braid_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: prometheus.DefBuckets}, []string{"route", "method"}),
	}
	reg.MustRegister(m.requests, m.latency)
	return m
}

// observe assigns a request id, recovers panics, limits the body, logs the request and
// records metrics by matched route.
func observe(log *slog.Logger, m *metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 {
			b := make([]byte, 8)
			_, _ = rand.Read(b)
			id = hex.EncodeToString(b)
		}
		w.Header().Set("X-Request-Id", id)
		info := &routeInfo{}
		ctx := httpx.WithRequestID(r.Context(), id)
		ctx = withRouteInfo(ctx, info)
		limit := int64(maxBody)
		switch {
		case strings.HasSuffix(r.URL.Path, "/import"):
			limit = maxImportBody
		case strings.HasSuffix(r.URL.Path, "/file") && strings.Contains(r.URL.Path, "/documents/"):
			limit = maxUploadBody
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				log.Error("panic", "request_id", id, "panic", p, "path", r.URL.Path)
				if sw.status == 0 {
					http.Error(sw, "Internal error", http.StatusInternalServerError)
				}
			}
			route := info.pattern
			if route == "" {
				route = "unmatched"
			}
			status := sw.status
			if status == 0 {
				status = http.StatusOK
			}
			m.requests.WithLabelValues(route, r.Method, strconv.Itoa(status)).Inc()
			m.latency.WithLabelValues(route, r.Method).Observe(time.Since(start).Seconds())
			log.Info("request", "request_id", id, "method", r.Method, "route", route, "path", r.URL.Path,
				"status", status, "bytes", sw.bytes, "duration_ms", time.Since(start).Milliseconds())
		}()
		next.ServeHTTP(sw, r.WithContext(ctx))
	})
}

// recordPattern sits right around the mux and reports the matched pattern.
func recordPattern(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
		if info := routeInfoFrom(r.Context()); info != nil {
			info.pattern = r.Pattern
		}
	})
}

// securityHeaders sets a strict Content-Security-Policy (no inline script or style) and
// the usual hardening headers.
func securityHeaders(next http.Handler) http.Handler {
	const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		next.ServeHTTP(w, r)
	})
}

// withOrigin records in each request's context the public address that links sent
// outside Braid start with: the configured base URL (Braid behind a proxy), otherwise the
// request's own scheme and host.
func withOrigin(base string, next http.Handler) http.Handler {
	base = strings.TrimSuffix(base, "/")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := base
		if origin == "" {
			scheme := "http"
			if r.TLS != nil {
				scheme = "https"
			}
			origin = scheme + "://" + r.Host
		}
		next.ServeHTTP(w, r.WithContext(httpx.WithOrigin(r.Context(), origin)))
	})
}
