package api_test

import (
	"net/http"
	"sync"
	"testing"
)

// TestOpenAPIConcurrentFirstRequests asks a fresh server for the OpenAPI document from
// eight clients at once; under -race this catches lazy, unguarded rendering.
func TestOpenAPIConcurrentFirstRequests(t *testing.T) {
	e := newEnv(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, p := range []string{"/api/v1/openapi.json", "/api/v1/openapi.yaml", "/api/v1/openapi-3.0.json"} {
				res, err := http.Get(e.http.URL + p)
				if err != nil {
					t.Error(err)
					return
				}
				res.Body.Close()
				if res.StatusCode != http.StatusOK {
					t.Errorf("GET %s: %d", p, res.StatusCode)
				}
			}
		}()
	}
	wg.Wait()
}
