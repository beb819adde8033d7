package store

import "context"

// countedTables are the tables CountRows reports, in the order records depend on
// each other.
var countedTables = []string{"users", "organizations", "people", "affiliations", "coalitions", "coalition_access",
	"memberships", "principles", "principle_versions", "adoptions", "audit_log"}

// CountRows returns the number of rows of each table that holds coalition data; the
// demo command reports it, and tests compare it before and after an operation that
// must write nothing.
func (tx *Tx) CountRows(ctx context.Context) (map[string]int, error) {
	out := make(map[string]int, len(countedTables))
	for _, t := range countedTables {
		var n int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM `+t).Scan(&n); err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, nil
}
