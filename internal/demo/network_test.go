package demo_test

import (
	"testing"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/store/storetest"
)

// The demo ecosystem shows bridges and silos in every coalition, and its history shows
// relationships gained since the start of the demo year.
func TestSeed_EcosystemHasBridgesAndSilos(t *testing.T) {
	a, u := seeded(t, storetest.MustOpenDB(t))
	page, err := a.Coalitions(ctx, u, "", 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range page.Items {
		e, err := a.Ecosystem(ctx, u, app.EcosystemScope{CoalitionIDs: []string{c.ID}})
		if err != nil {
			t.Fatal(err)
		}
		f := e.Figures
		t.Logf("%s: %d organizations, %d ties, %d bridges, %d silos, %d confirmed", c.Name, f.Organizations, f.Ties, len(f.Bridges), len(f.Silos.Emptiest), confirmed(e.Ties))
		if f.Ties == 0 || len(f.Bridges) == 0 || len(f.Silos.Emptiest) == 0 || confirmed(e.Ties) == 0 {
			t.Errorf("%s: ties %d, bridges %d, silos %d", c.Name, f.Ties, len(f.Bridges), len(f.Silos.Emptiest))
		}
		ch, err := a.EcosystemChanges(ctx, u, app.EcosystemScope{CoalitionIDs: []string{c.ID}}, time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if len(ch.Gained) != f.Ties {
			t.Errorf("%s: %d gained since 2000; want all %d", c.Name, len(ch.Gained), f.Ties)
		}
	}
}

func confirmed(ties []app.Tie) int {
	n := 0
	for _, t := range ties {
		if t.Confirmed {
			n++
		}
	}
	return n
}
