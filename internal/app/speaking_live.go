package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// QueueEvent says that a meeting's speaking queue changed: its version and status
// ("none" before a queue was ever opened). A listener reads the queue again to see what.
type QueueEvent struct {
	Version int    `json:"version" doc:"The queue's version after the change."`
	Status  string `json:"status" enum:"none,open,closed"`
}

// QueueWatch is one live listener's subscription to a meeting's queue.
type QueueWatch struct {
	app       *App
	sub       *store.Subscription
	meetingID string
	// C receives a message for each change, coalesced when the listener falls behind;
	// pass it to Event.
	C <-chan string
}

func queueTopic(meetingID string) string { return "speaking_queue:" + meetingID }

// WatchSpeakingQueue subscribes to a meeting's queue changes, in this process and (on
// PostgreSQL) every other, and returns the queue's state as of the subscription. Anyone
// with a role in the coalition may watch. Each process holds at most Live().Max listeners
// (ETOOMANY beyond). Close the watch when done.
func (a *App) WatchSpeakingQueue(ctx context.Context, actor Actor, coalitionID, meetingID string) (*QueueWatch, QueueEvent, error) {
	var m *domain.Meeting
	err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		_, m, err = meetingFor(ctx, tx, actor, coalitionID, meetingID, ViewCoalition)
		return err
	})
	if err != nil {
		return nil, QueueEvent{}, err
	}
	// Subscribe before reading the state, so that no change falls between the two.
	sub, err := a.db.Live().Subscribe(ctx, queueTopic(m.ID))
	if err != nil {
		return nil, QueueEvent{}, err
	}
	w := &QueueWatch{app: a, sub: sub, meetingID: m.ID, C: sub.C}
	ev, err := w.current(ctx)
	if err != nil {
		sub.Close()
		return nil, QueueEvent{}, err
	}
	return w, ev, nil
}

// Close ends the subscription.
func (w *QueueWatch) Close() { w.sub.Close() }

// Event turns a message from C into an event, reading the state again when the message
// says notifications may have been missed.
func (w *QueueWatch) Event(ctx context.Context, msg string) (QueueEvent, error) {
	v, status, ok := strings.Cut(msg, " ")
	n, err := strconv.Atoi(v)
	if !ok || err != nil {
		return w.current(ctx)
	}
	return QueueEvent{Version: n, Status: status}, nil
}

func (w *QueueWatch) current(ctx context.Context) (QueueEvent, error) {
	ev := QueueEvent{Status: "none"}
	err := w.app.read(ctx, func(tx *store.Tx) error {
		q, err := tx.FindSpeakingQueue(ctx, w.meetingID)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return nil
		} else if err != nil {
			return err
		}
		ev = QueueEvent{Version: q.Version, Status: q.Status}
		return nil
	})
	return ev, err
}

// publishQueue announces a committed change. A lost announcement is logged, not
// returned: the change happened, and listeners catch up at their next event or
// reconnection.
func (a *App) publishQueue(q *domain.SpeakingQueue) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := a.db.Live().Publish(ctx, queueTopic(q.MeetingID), fmt.Sprintf("%d %s", q.Version, q.Status)); err != nil {
		a.log.Warn("announce speaking queue change", "meeting_id", q.MeetingID, "err", err)
	}
}
