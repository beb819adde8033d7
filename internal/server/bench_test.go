package server_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/demo"
	"github.com/braid-org/braid/internal/server"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

// benchSite is a server over a `braid demo --scale 1000` ecosystem (1,000 organizations,
// about 20,000 people), an admin token, and the largest coalition.
type benchSite struct {
	srv         *server.Server
	token       string
	coalitionID string
	members     int
}

func loadBenchSite(b *testing.B, backend string) *benchSite {
	b.Helper()
	if backend == "postgres" && storetest.PostgresURL() == "" {
		b.Skip("PostgreSQL benchmarks skipped: set BRAID_TEST_POSTGRES_URL")
	}
	ctx := context.Background()
	db := storetest.Open(b, backend)
	if err := demo.Generate(ctx, db, 1000, 1); err != nil {
		b.Fatal(err)
	}
	a := app.New(db, nil)
	a.Passwords = app.PasswordParams{Memory: 64, Time: 1, Threads: 1}
	admin, err := a.CreateUser(ctx, app.NewAccount{Name: "Bench", Email: "bench@example.org", Password: "benchmark password"}, true)
	if err != nil {
		b.Fatal(err)
	}
	tok, err := a.CreateAPIToken(ctx, admin, "bench")
	if err != nil {
		b.Fatal(err)
	}
	s := &benchSite{token: tok.Token}
	s.coalitionID, s.members = largestCoalition(b, db)
	if s.srv, err = server.New(a, server.Config{Log: slog.New(slog.DiscardHandler)}); err != nil {
		b.Fatal(err)
	}
	return s
}

func largestCoalition(b *testing.B, db *store.DB) (string, int) {
	ctx := context.Background()
	best, most := "", -1
	err := db.Read(ctx, func(tx *store.Tx) error {
		cs, err := tx.ListCoalitions(ctx, "", "", 1000)
		for _, c := range cs {
			n, err := tx.CountMemberships(ctx, c.ID)
			if err != nil {
				return err
			}
			if n > most {
				best, most = c.ID, n
			}
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return best, most
}

func (s *benchSite) get(b *testing.B, url string) {
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, url, nil)
		req.Header.Set("Authorization", "Bearer "+s.token)
		rec := httptest.NewRecorder()
		s.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d %s", url, rec.Code, rec.Body.String())
		}
	}
}

// BenchmarkPages measures, on a `braid demo --scale 1000` ecosystem (1,000 organizations,
// about 20,000 people) and its largest coalition, on each backend:
//   - healthz: the whole middleware stack around the cheapest handler (the baseline);
//   - overview: the coalition page (charter, counts, leadership equity summary);
//   - members: the first page (50) of the member list through the API;
//   - equity: the leadership equity report through the API.
func BenchmarkPages(b *testing.B) {
	for _, backend := range []string{"sqlite", "postgres"} {
		b.Run(backend, func(b *testing.B) {
			s := loadBenchSite(b, backend)
			b.Logf("%s: largest coalition has %d members", backend, s.members)
			b.Run("healthz", func(b *testing.B) { s.get(b, "/healthz") })
			b.Run("overview", func(b *testing.B) { s.get(b, "/coalitions/"+s.coalitionID) })
			b.Run("members", func(b *testing.B) { s.get(b, "/api/v1/coalitions/"+s.coalitionID+"/memberships?limit=50") })
			b.Run("equity", func(b *testing.B) { s.get(b, "/api/v1/coalitions/"+s.coalitionID+"/equity?dimension=leadership") })
		})
	}
}
