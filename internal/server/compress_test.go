package server_test

import (
	"compress/gzip"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/server"
	"github.com/braid-org/braid/internal/store/storetest"
)

// TestCompression checks that pages and JSON are gzipped for clients that accept it,
// decode to the same bytes, and stay plain for clients that do not; static files keep
// their own precompressed encoding.
func TestCompression(t *testing.T) {
	srv, err := server.New(app.New(storetest.MustOpenDB(t), nil), server.Config{Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	fetch := func(path string, gz bool) (*http.Response, string) {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		if gz {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		res := rec.Result()
		var r io.Reader = res.Body
		if res.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(res.Body)
			if err != nil {
				t.Fatalf("%s: bad gzip: %v", path, err)
			}
			r = zr
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return res, string(b)
	}
	for _, path := range []string{"/", "/api/v1/openapi.json", "/api/v1/coalitions"} {
		plainRes, plain := fetch(path, false)
		gzRes, unzipped := fetch(path, true)
		if plainRes.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s: compressed for a client that did not ask", path)
		}
		if gzRes.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(gzRes.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s: not gzipped (%v)", path, gzRes.Header)
		}
		if plain != unzipped || plainRes.StatusCode != gzRes.StatusCode {
			t.Errorf("%s: gzipped body differs from the plain one", path)
		}
	}
	res, body := fetch("/healthz", true)
	if body != "ok\n" || res.StatusCode != 200 {
		t.Errorf("healthz through gzip: %d %q", res.StatusCode, body)
	}
}
