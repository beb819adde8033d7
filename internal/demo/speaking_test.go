package demo_test

import (
	"testing"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store/storetest"
)

// TestSeedSpeaking: the housing coalition's recent meetings have speaking turns, so the
// speaking_time dimension has something to show.
func TestSeedSpeaking(t *testing.T) {
	a, coordinator := seeded(t, storetest.MustOpenDB(t))
	cs, err := a.Coalitions(t.Context(), coordinator, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	var housing string
	for _, c := range cs.Items {
		if c.Name == "Rooted Homes Coalition" {
			housing = c.ID
		}
	}
	r, err := a.EquityReport(t.Context(), coordinator, housing, domain.DimensionSpeakingTime, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Total < 600 {
		t.Errorf("speaking time total = %v seconds, want the four meetings' turns (well over 600)", r.Total)
	}
}
