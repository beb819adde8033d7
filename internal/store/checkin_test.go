package store_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
	"github.com/braid-org/braid/internal/store/storetest"
)

func createCheckIn(t *testing.T, db *store.DB, coalitionID string) *domain.CheckIn {
	t.Helper()
	c := &domain.CheckIn{CoalitionID: coalitionID, Title: "Spring check-in", Instrument: 1}
	mustWrite(t, db, func(tx *store.Tx) error { return tx.CreateCheckIn(t.Context(), c) })
	return c
}

// answer records that u answered with a response whose every rating is value.
func answer(t *testing.T, db *store.DB, c *domain.CheckIn, u *domain.User, value int, bipoc string) *domain.CheckInResponse {
	t.Helper()
	r := &domain.CheckInResponse{Ratings: map[string]int{"goal.explain": value, "trust.honest": value}, BipocLed: bipoc, MostImpacted: "no"}
	mustWrite(t, db, func(tx *store.Tx) error { return tx.RecordAnswer(t.Context(), c.ID, u.ID, r) })
	return r
}

func TestCheckInLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		useClock(db)
		co := createCoalition(t, db, "Health")
		c := createCheckIn(t, db, co.ID)
		u1, u2 := createUser(t, db, "one@example.org", "One"), createUser(t, db, "two@example.org", "Two")
		answer(t, db, c, u1, 4, "yes")
		answer(t, db, c, u2, 2, "no")

		// A second answer by the same person is refused, and nothing of it is stored.
		err := db.Write(ctx, func(tx *store.Tx) error {
			return tx.RecordAnswer(ctx, c.ID, u1.ID, &domain.CheckInResponse{Ratings: map[string]int{"goal.explain": 1}, BipocLed: "yes", MostImpacted: "no"})
		})
		wantCode(t, err, domain.ECONFLICT)

		mustRead(t, db, func(tx *store.Tx) error {
			got, err := tx.FindCheckIn(ctx, co.ID, c.ID)
			if err != nil {
				return err
			}
			if got.Respondents != 2 || !got.Open() || got.Title != "Spring check-in" {
				t.Errorf("check-in = %+v", got)
			}
			rs, err := tx.ListResponses(ctx, c.ID)
			if err != nil {
				return err
			}
			values := []int{}
			for _, r := range rs {
				values = append(values, r.Ratings["goal.explain"])
				if len(r.Ratings) != 2 {
					t.Errorf("response %+v lost ratings", r)
				}
			}
			sort.Ints(values)
			if !slices.Equal(values, []int{2, 4}) {
				t.Errorf("stored ratings %v, want [2 4]", values)
			}
			if ok, _ := tx.HasAnswered(ctx, c.ID, u1.ID); !ok {
				t.Error("u1 has answered")
			}
			_, err = tx.FindCheckIn(ctx, "other-coalition", c.ID)
			wantCode(t, err, domain.ENOTFOUND)
			return nil
		})
		mustWrite(t, db, func(tx *store.Tx) error { return tx.CloseCheckIn(ctx, c) })
		err = db.Write(ctx, func(tx *store.Tx) error { return tx.CloseCheckIn(ctx, c) })
		wantCode(t, err, domain.ENOTFOUND)
	})
}

// TestCheckInAnswersCannotBeJoinedToRespondents is the anonymity test. Eight people answer
// one after another, each with a rating that identifies them in this test only. Then no
// column, hidden row number, transaction id or physical order of the stored answers may
// tell who answered what:
//   - the answer table has exactly the columns check-in, random response id, statement,
//     rating and the two groups (no person, no time, no sequence);
//   - on SQLite neither table has a rowid to order rows by insertion;
//   - on PostgreSQL every answer row carries the same xmin, and the physical order (ctid)
//     of the answers is the order of their random response ids, not the order of answering.
func TestCheckInAnswersCannotBeJoinedToRespondents(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		clk := useClock(db)
		co := createCoalition(t, db, "Anonymous")
		c := createCheckIn(t, db, co.ID)
		var ids []string // response ids in the order people answered
		for i := range 8 {
			clk.Advance(time.Hour)
			u := createUser(t, db, fmt.Sprintf("p%d@example.org", i), fmt.Sprintf("P%d", i))
			r := answer(t, db, c, u, 1+i%5, "yes")
			ids = append(ids, r.ID)
		}
		mustRead(t, db, func(tx *store.Tx) error {
			cols := columns(t, ctx, tx, db.Dialect(), "checkin_answers")
			want := []string{"bipoc_led", "checkin_id", "most_impacted", "rating", "response_id", "statement"}
			if !slices.Equal(cols, want) {
				t.Errorf("checkin_answers columns = %v, want only %v", cols, want)
			}
			if cols := columns(t, ctx, tx, db.Dialect(), "checkin_respondents"); !slices.Equal(cols, []string{"checkin_id", "user_id"}) {
				t.Errorf("checkin_respondents columns = %v", cols)
			}
			physical := physicalOrder(t, ctx, tx, db.Dialect())
			sorted := slices.Sorted(slices.Values(ids))
			if !slices.Equal(physical, sorted) {
				t.Errorf("answers lie in order %v, want the order of their random ids %v", physical, sorted)
			}
			return nil
		})
		// Response ids are random, with no time or counter in them: the 8 ids, taken in
		// answering order, share no common prefix the way time-ordered ids would.
		if p := commonPrefix(ids); p > 2 {
			t.Errorf("response ids share a %d-character prefix: %v", p, ids)
		}
	})
}

func columns(t *testing.T, ctx context.Context, tx *store.Tx, dialect, table string) []string {
	t.Helper()
	q := `SELECT name FROM pragma_table_info($1)`
	if dialect == "postgres" {
		q = `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`
	}
	rows, err := tx.Query(ctx, q, table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// physicalOrder returns the distinct response ids in the order the database stores the
// answer rows, checking on the way that nothing else orders them.
func physicalOrder(t *testing.T, ctx context.Context, tx *store.Tx, dialect string) []string {
	t.Helper()
	q := `SELECT response_id FROM checkin_answers`
	switch dialect {
	case "sqlite":
		for _, table := range []string{"checkin_answers", "checkin_respondents"} {
			if rows, err := tx.Query(ctx, `SELECT rowid FROM `+table); err == nil {
				rows.Close()
				t.Errorf("%s has a rowid, which orders rows by insertion", table)
			}
		}
	case "postgres":
		var n int
		rows, err := tx.Query(ctx, `SELECT COUNT(DISTINCT xmin::text) FROM checkin_answers`)
		if err != nil {
			t.Fatal(err)
		}
		rows.Next()
		rows.Scan(&n)
		rows.Close()
		if n != 1 {
			t.Errorf("answer rows carry %d different transaction ids (xmin), want 1", n)
		}
		q += ` ORDER BY ctid`
	}
	rows, err := tx.Query(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		if len(out) == 0 || out[len(out)-1] != id {
			out = append(out, id)
		}
	}
	return out
}

func commonPrefix(ids []string) int {
	n := 0
	for n < len(ids[0]) {
		for _, id := range ids {
			if id[n] != ids[0][n] {
				return n
			}
		}
		n++
	}
	return n
}
