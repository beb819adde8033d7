package app_test

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

type storeTx = store.Tx

// addPersonAttendance records a named person of org at a meeting, straight in the store.
func addPersonAttendance(ctx context.Context, tx *store.Tx, meetingID, orgID string) error {
	p := &domain.Person{Name: "Second attendee"}
	if err := tx.CreatePerson(ctx, p); err != nil {
		return err
	}
	return tx.AddAttendance(ctx, &domain.Attendance{MeetingID: meetingID, OrganizationID: orgID, PersonID: p.ID})
}
