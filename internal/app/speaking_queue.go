package app

import (
	"context"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/speaking"
	"github.com/braid-org/braid/internal/store"
)

// A meeting has at most one speaking queue. Facilitators and coordinators (RunQueue) open
// it, call the next speaker, move or remove hands and close it; anyone with a role in the
// coalition raises and lowers their own hand. Every change locks the queue's row first
// (store.LockSpeakingQueue), so concurrent changes apply one after another, and is
// announced to live listeners after it commits (speaking_live.go). A change to a queue
// that is closed, or to another coalition's meeting, is ENOTFOUND.

// SpeakingQueue returns a meeting's queue with its hands in speaking order, the turn
// under way and every turn of the meeting (ENOTFOUND when no queue was opened).
func (a *App) SpeakingQueue(ctx context.Context, actor Actor, coalitionID, meetingID string) (*domain.SpeakingQueue, error) {
	var q *domain.SpeakingQueue
	err := a.read(ctx, func(tx *store.Tx) error {
		_, m, err := meetingFor(ctx, tx, actor, coalitionID, meetingID, ViewCoalition)
		if err != nil {
			return err
		}
		if q, err = tx.FindSpeakingQueue(ctx, m.ID); err != nil {
			return err
		}
		return loadQueue(ctx, tx, q)
	})
	return q, err
}

// loadQueue fills a queue's hands, in speaking order, and its turns.
func loadQueue(ctx context.Context, tx *store.Tx, q *domain.SpeakingQueue) error {
	hands, err := tx.ListSpeakingHands(ctx, q)
	if err != nil {
		return err
	}
	byID := make(map[string]domain.SpeakingHand, len(hands))
	for _, h := range hands {
		byID[h.ID] = h
	}
	q.Hands = make([]domain.SpeakingHand, 0, len(hands))
	for i, h := range speaking.Order(stackHands(hands), q.Order) {
		dh := byID[h.ID]
		dh.Position = i + 1
		q.Hands = append(q.Hands, dh)
	}
	if q.Turns, err = tx.ListSpeakingTurns(ctx, q.MeetingID); err != nil {
		return err
	}
	q.Speaking = nil
	if n := len(q.Turns); n > 0 && q.Turns[n-1].EndedAt == nil {
		q.Speaking = &q.Turns[n-1]
	}
	return nil
}

// stackHands gives the ordering package what it needs of each hand.
func stackHands(hands []domain.SpeakingHand) []speaking.Hand {
	out := make([]speaking.Hand, len(hands))
	for i, h := range hands {
		out[i] = speaking.Hand{ID: h.ID, RaisedAt: h.RaisedAt, HasSpoken: h.HasSpoken, Centred: h.Centred}
		if h.PinnedPosition != nil {
			out[i].Pin = *h.PinnedPosition
		}
		if h.PinnedAt != nil {
			out[i].PinnedAt = *h.PinnedAt
		}
	}
	return out
}

// OpenSpeakingQueue opens the meeting's queue, ordered as the coalition's voice settings
// say. A closed queue reopens with its turns (so who has spoken still counts); one that
// is already open is ECONFLICT.
func (a *App) OpenSpeakingQueue(ctx context.Context, actor Actor, coalitionID, meetingID string) (*domain.SpeakingQueue, error) {
	var q *domain.SpeakingQueue
	err := a.write(ctx, func(tx *store.Tx) error {
		p, m, err := meetingFor(ctx, tx, actor, coalitionID, meetingID, RunQueue)
		if err != nil {
			return err
		}
		settings, err := tx.VoiceSettings(ctx, p.Coalition.ID)
		if err != nil {
			return err
		}
		q, err = tx.LockSpeakingQueue(ctx, m.ID)
		switch {
		case domain.ErrorCode(err) == domain.ENOTFOUND:
			q = &domain.SpeakingQueue{CoalitionID: p.Coalition.ID, MeetingID: m.ID, Order: settings.QueueOrder, OpenedBy: actor.ID}
			err = tx.CreateSpeakingQueue(ctx, q)
		case err != nil:
		case q.Status == domain.QueueOpen:
			return domain.Errorf(domain.ECONFLICT, "The speaking queue of this meeting is already open.")
		default:
			q.Order, q.OpenedBy = settings.QueueOrder, actor.ID
			err = tx.ReopenSpeakingQueue(ctx, q)
		}
		if err != nil {
			return err
		}
		if err := tx.Audit(ctx, p.Coalition.ID, actor.ID, "speaking_queue.open", "meeting", m.ID, map[string]any{"queue_order": q.Order}); err != nil {
			return err
		}
		return loadQueue(ctx, tx, q)
	})
	if err != nil {
		return nil, err
	}
	a.publishQueue(q)
	return q, nil
}

// changeQueue runs fn on the meeting's locked, open queue, reloads the queue and
// announces the change once it has committed.
func (a *App) changeQueue(ctx context.Context, actor Actor, coalitionID, meetingID string, action Action,
	fn func(tx *store.Tx, p Permission, q *domain.SpeakingQueue) error) (*domain.SpeakingQueue, error) {
	var q *domain.SpeakingQueue
	err := a.write(ctx, func(tx *store.Tx) error {
		p, m, err := meetingFor(ctx, tx, actor, coalitionID, meetingID, action)
		if err != nil {
			return err
		}
		if q, err = tx.LockSpeakingQueue(ctx, m.ID); err != nil {
			return err
		}
		if q.Status != domain.QueueOpen {
			return domain.Errorf(domain.ENOTFOUND, "This meeting has no open speaking queue.")
		}
		if err := loadQueue(ctx, tx, q); err != nil {
			return err
		}
		if err := fn(tx, p, q); err != nil {
			return err
		}
		return loadQueue(ctx, tx, q)
	})
	if err != nil {
		return nil, err
	}
	a.publishQueue(q)
	return q, nil
}

// CloseSpeakingQueue ends the turn under way, lowers every hand and closes the queue.
func (a *App) CloseSpeakingQueue(ctx context.Context, actor Actor, coalitionID, meetingID string) (*domain.SpeakingQueue, error) {
	return a.changeQueue(ctx, actor, coalitionID, meetingID, RunQueue, func(tx *store.Tx, p Permission, q *domain.SpeakingQueue) error {
		if err := tx.EndSpeakingTurn(ctx, q.MeetingID); err != nil {
			return err
		}
		if err := tx.DeleteSpeakingHands(ctx, q.ID, ""); err != nil {
			return err
		}
		if err := tx.CloseSpeakingQueue(ctx, q); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "speaking_queue.close", "meeting", q.MeetingID, map[string]any{"hands_lowered": len(q.Hands)})
	})
}

// RaiseHand puts the actor's hand up, speaking for organizationID when given (a member
// organization the actor represents). Raising a hand that is already up changes nothing
// and is not an error (a double tap on a slow phone must not move anyone); raised reports
// whether this call raised it.
func (a *App) RaiseHand(ctx context.Context, actor Actor, coalitionID, meetingID, organizationID string) (q *domain.SpeakingQueue, raised bool, err error) {
	organizationID = strings.TrimSpace(organizationID)
	q, err = a.changeQueue(ctx, actor, coalitionID, meetingID, ViewCoalition, func(tx *store.Tx, p Permission, q *domain.SpeakingQueue) error {
		for _, h := range q.Hands {
			if h.UserID == actor.ID {
				return nil
			}
		}
		if organizationID != "" {
			if err := checkMemberOrg(ctx, tx, p.Coalition.ID, "organization_id", organizationID); err != nil {
				return err
			}
			if ok, err := canActForOrganization(ctx, tx, actor, organizationID); err != nil {
				return err
			} else if !ok {
				return fieldError("organization_id", "You can speak only for an organization you represent.")
			}
		}
		raised = true
		h := domain.SpeakingHand{UserID: actor.ID, OrganizationID: organizationID}
		if err := tx.AddSpeakingHand(ctx, q.ID, &h); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "speaking_queue.raise", "meeting", q.MeetingID, map[string]any{"organization_id": organizationID})
	})
	return q, raised, err
}

// LowerHand takes the actor's hand down; lowering a hand that is not up changes nothing.
func (a *App) LowerHand(ctx context.Context, actor Actor, coalitionID, meetingID string) (*domain.SpeakingQueue, error) {
	return a.changeQueue(ctx, actor, coalitionID, meetingID, ViewCoalition, func(tx *store.Tx, p Permission, q *domain.SpeakingQueue) error {
		for _, h := range q.Hands {
			if h.UserID == actor.ID {
				return a.dropHand(ctx, tx, p, actor, q, h, "speaking_queue.lower")
			}
		}
		return nil
	})
}

// RemoveHand takes down the hand of the person userID (a facilitator's action; ENOTFOUND
// when their hand is not up). A person has at most one hand in a queue, so hands are
// named by whose they are.
func (a *App) RemoveHand(ctx context.Context, actor Actor, coalitionID, meetingID, userID string) (*domain.SpeakingQueue, error) {
	return a.changeQueue(ctx, actor, coalitionID, meetingID, RunQueue, func(tx *store.Tx, p Permission, q *domain.SpeakingQueue) error {
		for _, h := range q.Hands {
			if h.UserID == userID {
				return a.dropHand(ctx, tx, p, actor, q, h, "speaking_queue.remove")
			}
		}
		return domain.NotFound("Hand")
	})
}

// dropHand deletes a hand and moves the pinned hands behind it up one place.
func (a *App) dropHand(ctx context.Context, tx *store.Tx, p Permission, actor Actor, q *domain.SpeakingQueue, h domain.SpeakingHand, action string) error {
	if err := tx.DeleteSpeakingHands(ctx, q.ID, h.ID); err != nil {
		return err
	}
	if err := savePins(ctx, tx, q.Hands, speaking.Remove(stackHands(q.Hands), h.ID)); err != nil {
		return err
	}
	return tx.Audit(ctx, p.Coalition.ID, actor.ID, action, "meeting", q.MeetingID, map[string]any{"user_id": h.UserID, "name": h.Name})
}

// MoveHand moves the hand of the person userID to position (from 1; beyond the end means
// last) and pins it there, overriding the computed order (see internal/speaking).
func (a *App) MoveHand(ctx context.Context, actor Actor, coalitionID, meetingID, userID string, position int) (*domain.SpeakingQueue, error) {
	if position < 1 {
		return nil, fieldError("position", "Give a position from 1.")
	}
	return a.changeQueue(ctx, actor, coalitionID, meetingID, RunQueue, func(tx *store.Tx, p Permission, q *domain.SpeakingQueue) error {
		var hand domain.SpeakingHand
		for _, h := range q.Hands {
			if h.UserID == userID {
				hand = h
			}
		}
		moved, ok := speaking.Move(stackHands(q.Hands), hand.ID, position, tx.Now)
		if !ok || hand.ID == "" {
			return domain.NotFound("Hand")
		}
		if err := savePins(ctx, tx, q.Hands, moved); err != nil {
			return err
		}
		name := hand.Name
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "speaking_queue.move", "meeting", q.MeetingID, map[string]any{"name": name, "position": position})
	})
}

// CallNextSpeaker ends the turn under way and starts the turn of the first hand in the
// queue, which leaves the queue. With nobody waiting it only ends the current turn.
func (a *App) CallNextSpeaker(ctx context.Context, actor Actor, coalitionID, meetingID string) (*domain.SpeakingQueue, error) {
	return a.changeQueue(ctx, actor, coalitionID, meetingID, RunQueue, func(tx *store.Tx, p Permission, q *domain.SpeakingQueue) error {
		if err := tx.EndSpeakingTurn(ctx, q.MeetingID); err != nil {
			return err
		}
		if len(q.Hands) == 0 {
			return tx.Audit(ctx, p.Coalition.ID, actor.ID, "speaking_queue.end_turn", "meeting", q.MeetingID, nil)
		}
		next := q.Hands[0]
		if err := tx.DeleteSpeakingHands(ctx, q.ID, next.ID); err != nil {
			return err
		}
		if err := savePins(ctx, tx, q.Hands, speaking.Remove(stackHands(q.Hands), next.ID)); err != nil {
			return err
		}
		turn := domain.SpeakingTurn{UserID: next.UserID, OrganizationID: next.OrganizationID}
		if err := tx.StartSpeakingTurn(ctx, q, &turn); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "speaking_queue.call", "meeting", q.MeetingID,
			map[string]any{"user_id": next.UserID, "name": next.Name, "organization_id": next.OrganizationID})
	})
}

// savePins writes the pins of the new order where they differ from the stored ones.
func savePins(ctx context.Context, tx *store.Tx, before []domain.SpeakingHand, after []speaking.Hand) error {
	old := make(map[string]domain.SpeakingHand, len(before))
	for _, h := range before {
		old[h.ID] = h
	}
	for _, h := range after {
		o := old[h.ID]
		oldPin := 0
		if o.PinnedPosition != nil {
			oldPin = *o.PinnedPosition
		}
		if h.Pin == oldPin {
			continue
		}
		at := h.PinnedAt
		if err := tx.PinSpeakingHand(ctx, h.ID, h.Pin, &at); err != nil {
			return err
		}
	}
	return nil
}
