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

// WorkstreamPairs counts, for each pair of organizations, the coalition's workstreams in
// which both hold a seat.
func (tx *Tx) WorkstreamPairs(ctx context.Context, coalitionID string) ([]PairCount, error) {
	return tx.pairCounts(ctx, `SELECT a.organization_id, b.organization_id, COUNT(DISTINCT a.workstream_id) FROM workstream_members a
		JOIN workstream_members b ON b.workstream_id = a.workstream_id AND a.organization_id < b.organization_id
		JOIN workstreams w ON w.id = a.workstream_id WHERE w.coalition_id = $1
		GROUP BY a.organization_id, b.organization_id ORDER BY a.organization_id, b.organization_id`, coalitionID)
}

// MeetingPairs counts, for each pair of organizations, the coalition's meetings and events
// both attended.
func (tx *Tx) MeetingPairs(ctx context.Context, coalitionID string) ([]PairCount, error) {
	return tx.pairCounts(ctx, `SELECT a.organization_id, b.organization_id, COUNT(DISTINCT a.meeting_id) FROM attendance a
		JOIN attendance b ON b.meeting_id = a.meeting_id AND a.organization_id < b.organization_id
		JOIN meetings m ON m.id = a.meeting_id WHERE m.coalition_id = $1
		GROUP BY a.organization_id, b.organization_id ORDER BY a.organization_id, b.organization_id`, coalitionID)
}

// SignOnPairs counts, for each pair of member organizations, the coalition's sign-on
// letters both signed (confirmed signatures made for a member organization).
func (tx *Tx) SignOnPairs(ctx context.Context, coalitionID string) ([]PairCount, error) {
	return tx.pairCounts(ctx, `SELECT a.organization_id, b.organization_id, COUNT(DISTINCT a.letter_id) FROM signatures a
		JOIN signatures b ON b.letter_id = a.letter_id AND a.organization_id < b.organization_id
		JOIN sign_on_letters l ON l.id = a.letter_id
		WHERE l.coalition_id = $1 AND a.status = 'confirmed' AND b.status = 'confirmed'
		GROUP BY a.organization_id, b.organization_id ORDER BY a.organization_id, b.organization_id`, coalitionID)
}
