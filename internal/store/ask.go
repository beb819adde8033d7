package store

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// CreateAskOffer inserts an open ask or offer.
func (tx *Tx) CreateAskOffer(ctx context.Context, a *domain.AskOffer) error {
	if a.ID == "" {
		a.ID = NewID()
	}
	if a.CreatedAt.IsZero() {
		a.CreatedAt = tx.Now
	}
	a.UpdatedAt = a.CreatedAt
	_, err := tx.insertOne(ctx, askInsert, askRow(a))
	return err
}

// askInsert, responseInsert, helpInsert and their rows are shared by the single-row
// methods and the bulk InsertAsksOffers.
const askInsert = `INSERT INTO asks_offers (id, coalition_id, kind, organization_id, title, body, needed_by, state, created_by, created_at, updated_at)`

func askRow(a *domain.AskOffer) []any {
	return []any{a.ID, a.CoalitionID, a.Kind, a.OrganizationID, a.Title, a.Body, formatDatePtr(a.NeededBy), a.State, a.CreatedBy,
		formatTime(a.CreatedAt), formatTime(a.UpdatedAt)}
}

const responseInsert = `INSERT INTO ask_offer_responses (id, ask_offer_id, organization_id, body, created_by, created_at)`

func responseRow(r *domain.AskResponse) []any {
	return []any{r.ID, r.AskOfferID, r.OrganizationID, r.Body, r.CreatedBy, formatTime(r.CreatedAt)}
}

const helpInsert = `INSERT INTO help_records (id, coalition_id, ask_offer_id, from_org, to_org, recorded_by, recorded_at)`

func helpRow(h *domain.HelpRecord) []any {
	return []any{h.ID, h.CoalitionID, h.AskOfferID, h.FromOrg, h.ToOrg, h.RecordedBy, formatTime(h.RecordedAt)}
}

const askCols = `a.id, a.coalition_id, a.kind, a.organization_id, a.title, a.body, a.needed_by, a.state, a.created_by, a.created_at, a.updated_at`

func scanAsk(s interface{ Scan(...any) error }, a *domain.AskOffer) error {
	return s.Scan(&a.ID, &a.CoalitionID, &a.Kind, &a.OrganizationID, &a.Title, &a.Body, dateCol{&a.NeededBy}, &a.State,
		&a.CreatedBy, timeCol{&a.CreatedAt}, timeCol{&a.UpdatedAt})
}

// FindAskOffer returns an ask or offer of the coalition with its responses and help (ENOTFOUND).
func (tx *Tx) FindAskOffer(ctx context.Context, coalitionID, id string) (*domain.AskOffer, error) {
	var a domain.AskOffer
	if err := scanAsk(tx.queryRow(ctx, `SELECT `+askCols+` FROM asks_offers a WHERE a.id = $1 AND a.coalition_id = $2`, id, coalitionID), &a); err != nil {
		return nil, notFound(err, "Ask or offer")
	}
	all := []*domain.AskOffer{&a}
	return &a, tx.fillAsks(ctx, coalitionID, all)
}

// ListAskOffers returns a coalition's asks and offers, newest first, with responses and help.
func (tx *Tx) ListAskOffers(ctx context.Context, coalitionID string) ([]domain.AskOffer, error) {
	rows, err := tx.query(ctx, `SELECT `+askCols+` FROM asks_offers a WHERE a.coalition_id = $1 ORDER BY a.created_at DESC, a.id`, coalitionID)
	if err != nil {
		return nil, err
	}
	out := []domain.AskOffer{}
	for rows.Next() {
		var a domain.AskOffer
		if err := scanAsk(rows, &a); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ptrs := make([]*domain.AskOffer, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	return out, tx.fillAsks(ctx, coalitionID, ptrs)
}

// fillAsks loads the responses and help records of asks and offers.
func (tx *Tx) fillAsks(ctx context.Context, coalitionID string, asks []*domain.AskOffer) error {
	byID := map[string]*domain.AskOffer{}
	for _, a := range asks {
		a.Responses = []domain.AskResponse{}
		byID[a.ID] = a
	}
	rows, err := tx.query(ctx, `SELECT r.id, r.ask_offer_id, r.organization_id, r.body, r.created_by, r.created_at
		FROM ask_offer_responses r JOIN asks_offers a ON a.id = r.ask_offer_id WHERE a.coalition_id = $1 ORDER BY r.created_at, r.id`, coalitionID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var r domain.AskResponse
		if err := rows.Scan(&r.ID, &r.AskOfferID, &r.OrganizationID, &r.Body, &r.CreatedBy, timeCol{&r.CreatedAt}); err != nil {
			rows.Close()
			return err
		}
		if a := byID[r.AskOfferID]; a != nil {
			a.Responses = append(a.Responses, r)
		}
	}
	rows.Close()
	help, err := tx.ListHelpRecords(ctx, coalitionID, nil, nil)
	if err != nil {
		return err
	}
	for i := range help {
		if a := byID[help[i].AskOfferID]; a != nil {
			a.Help = &help[i]
		}
	}
	return nil
}

// AddAskResponse records a member organization's response (ECONFLICT when it already responded).
func (tx *Tx) AddAskResponse(ctx context.Context, r *domain.AskResponse) error {
	if r.ID == "" {
		r.ID = NewID()
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = tx.Now
	}
	_, err := tx.insertOne(ctx, responseInsert, responseRow(r))
	if domain.ErrorCode(err) == domain.ECONFLICT {
		return domain.Errorf(domain.ECONFLICT, "This organization has already responded.")
	}
	return err
}

// SetAskOfferState changes the state of an open ask or offer (ECONFLICT when it is not open).
func (tx *Tx) SetAskOfferState(ctx context.Context, a *domain.AskOffer, state string) error {
	res, err := tx.exec(ctx, `UPDATE asks_offers SET state = $1, updated_at = $2 WHERE id = $3 AND state = 'open'`, state, formatTime(tx.Now), a.ID)
	if err := mustAffect(res, err, "Open ask or offer"); err != nil {
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return domain.Errorf(domain.ECONFLICT, "This is no longer open.")
		}
		return err
	}
	a.State, a.UpdatedAt = state, tx.Now
	return nil
}

// CreateHelpRecord records help from one organization to another.
func (tx *Tx) CreateHelpRecord(ctx context.Context, h *domain.HelpRecord) error {
	if h.ID == "" {
		h.ID = NewID()
	}
	if h.RecordedAt.IsZero() {
		h.RecordedAt = tx.Now
	}
	_, err := tx.insertOne(ctx, helpInsert, helpRow(h))
	return err
}

// ListHelpRecords returns a coalition's help records in [from, to] (nil bounds are open), oldest first.
func (tx *Tx) ListHelpRecords(ctx context.Context, coalitionID string, from, to *time.Time) ([]domain.HelpRecord, error) {
	lo, hi := "", "9999"
	if from != nil {
		lo = formatTime(*from)
	}
	if to != nil {
		hi = formatTime(*to)
	}
	rows, err := tx.query(ctx, `SELECT id, coalition_id, ask_offer_id, from_org, to_org, recorded_by, recorded_at FROM help_records
		WHERE coalition_id = $1 AND recorded_at >= $2 AND recorded_at <= $3 ORDER BY recorded_at, id`, coalitionID, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.HelpRecord{}
	for rows.Next() {
		var h domain.HelpRecord
		if err := rows.Scan(&h.ID, &h.CoalitionID, &h.AskOfferID, &h.FromOrg, &h.ToOrg, &h.RecordedBy, timeCol{&h.RecordedAt}); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
