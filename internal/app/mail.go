package app

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/mail"
	"github.com/braid-org/braid/internal/store"
)

// DeliverMail sends up to batch unsent messages of the outbox through sender and records
// each outcome; it returns how many went out. A failure is recorded on its message (tried
// again on later runs, up to a limit) and does not stop the others.
func (a *App) DeliverMail(ctx context.Context, sender mail.Sender, batch int) (int, error) {
	var queue []domain.OutboxMessage
	if err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		queue, err = tx.UnsentMail(ctx, batch)
		return err
	}); err != nil {
		return 0, err
	}
	sent := 0
	for _, m := range queue {
		sendErr := sender.Send(ctx, mail.Message{To: m.To, Subject: m.Subject, Body: m.Body})
		err := a.write(ctx, func(tx *store.Tx) error {
			if sendErr != nil {
				return tx.MarkMailFailed(ctx, m.ID, sendErr.Error())
			}
			return tx.MarkMailSent(ctx, m.ID)
		})
		if err != nil {
			return sent, err
		}
		if sendErr == nil {
			sent++
		} else {
			a.log.Warn("mail not sent", "to", m.To, "err", sendErr)
		}
	}
	return sent, nil
}

// RunMailDelivery delivers the outbox every interval until ctx ends.
func (a *App) RunMailDelivery(ctx context.Context, sender mail.Sender, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := a.DeliverMail(ctx, sender, 50); err != nil && ctx.Err() == nil {
			a.log.Error("mail delivery", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
