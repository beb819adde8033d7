package app

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// PhaseMove is a request to move a coalition to another phase, with its retrospective.
// On is the day of the move (YYYY-MM-DD); empty means today.
type PhaseMove struct {
	ToPhase      string `json:"to_phase"`
	On           string `json:"on"`
	Learned      string `json:"learned"`
	CarryForward string `json:"carry_forward"`
}

// PhaseChanges returns a coalition's phase history, oldest first.
func (a *App) PhaseChanges(ctx context.Context, actor Actor, coalitionID string) ([]domain.PhaseChange, error) {
	var out []domain.PhaseChange
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.ListPhaseChanges(ctx, p.Coalition.ID)
		return err
	})
	return out, err
}

// MovePhase moves a coalition to another phase. The move needs a retrospective (what was
// learned, what is carried forward); it is refused (ECONFLICT) when the coalition is
// already in that phase, so a repeated submit moves nothing, and (EINVALID) when dated in
// the future or before the previous move.
func (a *App) MovePhase(ctx context.Context, actor Actor, coalitionID string, in PhaseMove) (*domain.PhaseChange, error) {
	pc := domain.PhaseChange{ToPhase: in.ToPhase, On: in.On, Learned: in.Learned, CarryForward: in.CarryForward}
	pc.Normalize()
	if pc.On == "" {
		pc.On = a.db.Now().UTC().Format(time.DateOnly)
	}
	if err := pc.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, MovePhase)
		if err != nil {
			return err
		}
		c := p.Coalition
		if c.Phase == pc.ToPhase {
			return &domain.Error{Code: domain.ECONFLICT, Message: "The coalition is already in this phase.",
				Fields: []domain.FieldError{{Field: "to_phase", Message: "Choose a phase other than the current one."}}}
		}
		if err := checkMoveDay(ctx, tx, c.ID, pc.On); err != nil {
			return err
		}
		pc.CoalitionID, pc.FromPhase, pc.CreatedBy = c.ID, c.Phase, actor.ID
		if err := tx.CreatePhaseChange(ctx, &pc); err != nil {
			return err
		}
		return tx.Audit(ctx, c.ID, actor.ID, "phase.move", "coalition", c.ID, map[string]any{
			"phase": Change{pc.FromPhase, pc.ToPhase}, "on": pc.On, "learned": pc.Learned, "carry_forward": pc.CarryForward})
	})
	if err != nil {
		return nil, err
	}
	return &pc, nil
}

// checkMoveDay refuses a move dated after today or before the coalition's latest move,
// so that the history reads in order.
func checkMoveDay(ctx context.Context, tx *store.Tx, coalitionID, on string) error {
	if today := tx.Now.Format(time.DateOnly); on > today {
		return &domain.Error{Code: domain.EINVALID, Message: "Some fields need attention.",
			Fields: []domain.FieldError{{Field: "on", Message: "A move cannot be dated in the future."}}}
	}
	prev, err := tx.ListPhaseChanges(ctx, coalitionID)
	if err != nil {
		return err
	}
	if n := len(prev); n > 0 && on < prev[n-1].On {
		return &domain.Error{Code: domain.EINVALID, Message: "Some fields need attention.",
			Fields: []domain.FieldError{{Field: "on", Message: "A move cannot be dated before the previous move (" + prev[n-1].On + ")."}}}
	}
	return nil
}

// samePhase refuses an edit of a coalition that would change its phase without a move.
func samePhase(current, requested string) error {
	if requested == current {
		return nil
	}
	return &domain.Error{Code: domain.EINVALID, Message: "A coalition moves to another phase with a short retrospective, not by editing it.",
		Fields: []domain.FieldError{{Field: "phase", Message: "Move phases with POST /api/v1/coalitions/{id}/phase-changes (or the page “Move to another phase”); here the phase must stay " + current + "."}}}
}
