package store

import "context"

// PairCount is two organizations and how many records name them both.
type PairCount struct {
	A, B  string
	Count int
}

// WinCoCreditPairs counts, for each pair of organizations, the coalition's wins that
// credit both.
func (tx *Tx) WinCoCreditPairs(ctx context.Context, coalitionID string) ([]PairCount, error) {
	return tx.pairCounts(ctx, `SELECT a.organization_id, b.organization_id, COUNT(*) FROM win_credits a
		JOIN win_credits b ON b.win_id = a.win_id AND a.organization_id < b.organization_id
		JOIN wins w ON w.id = a.win_id WHERE w.coalition_id = $1
		GROUP BY a.organization_id, b.organization_id ORDER BY a.organization_id, b.organization_id`, coalitionID)
}

func (tx *Tx) pairCounts(ctx context.Context, q string, args ...any) ([]PairCount, error) {
	rows, err := tx.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PairCount
	for rows.Next() {
		var p PairCount
		if err := rows.Scan(&p.A, &p.B, &p.Count); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
