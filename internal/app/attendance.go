package app

import (
	"context"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// AttendanceInput names who attended: a member organization and, optionally, one of
// its people.
type AttendanceInput struct {
	OrganizationID string `json:"organization_id"`
	PersonID       string `json:"person_id"`
}

// RecordAttendance records that a member organization (and optionally one of its people)
// attended a meeting. Coordinators and facilitators record anyone; members record only
// for organizations they represent. The same person and organization twice is
// ECONFLICT; an organization that is not a member is EINVALID.
func (a *App) RecordAttendance(ctx context.Context, actor Actor, coalitionID, meetingID string, in AttendanceInput) (*domain.Attendance, error) {
	in.OrganizationID, in.PersonID = strings.TrimSpace(in.OrganizationID), strings.TrimSpace(in.PersonID)
	var at domain.Attendance
	err := a.write(ctx, func(tx *store.Tx) error {
		p, m, err := meetingFor(ctx, tx, actor, coalitionID, meetingID, RecordAttendance)
		if err != nil {
			return err
		}
		if err := checkMemberOrg(ctx, tx, p.Coalition.ID, "organization_id", in.OrganizationID); err != nil {
			return err
		}
		if err := mayRecordFor(ctx, tx, actor, p, in.OrganizationID); err != nil {
			return err
		}
		if err := checkPerson(ctx, tx, "person_id", in.PersonID, in.OrganizationID); err != nil {
			return err
		}
		at = domain.Attendance{MeetingID: m.ID, OrganizationID: in.OrganizationID, PersonID: in.PersonID, RecordedBy: actor.ID}
		if err := tx.AddAttendance(ctx, &at); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "meeting.attendance", "meeting", m.ID,
			map[string]any{"organization_id": at.OrganizationID, "person_id": at.PersonID})
	})
	return &at, err
}

// RemoveAttendance deletes an attendance record, under the same rules as recording it.
func (a *App) RemoveAttendance(ctx context.Context, actor Actor, coalitionID, meetingID, attendanceID string) error {
	return a.write(ctx, func(tx *store.Tx) error {
		p, m, err := meetingFor(ctx, tx, actor, coalitionID, meetingID, RecordAttendance)
		if err != nil {
			return err
		}
		list, err := tx.ListAttendance(ctx, m.ID)
		if err != nil {
			return err
		}
		var found *domain.Attendance
		for i := range list {
			if list[i].ID == attendanceID {
				found = &list[i]
			}
		}
		if found == nil {
			return domain.NotFound("Attendance")
		}
		if err := mayRecordFor(ctx, tx, actor, p, found.OrganizationID); err != nil {
			return err
		}
		if err := tx.RemoveAttendance(ctx, m.ID, attendanceID); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "meeting.attendance_remove", "meeting", m.ID,
			map[string]any{"organization_id": found.OrganizationID, "person_id": found.PersonID})
	})
}

// SetTurnout records how many people a member organization turned out to an event
// (0 clears it), under the same rules as attendance. Meetings that are not events have
// no turnout (EINVALID).
func (a *App) SetTurnout(ctx context.Context, actor Actor, coalitionID, meetingID string, t domain.Turnout) (*domain.Turnout, error) {
	if t.People < 0 || t.People > 1_000_000 {
		return nil, fieldError("people", "Give a number of people between 0 and 1,000,000.")
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, m, err := meetingFor(ctx, tx, actor, coalitionID, meetingID, RecordAttendance)
		if err != nil {
			return err
		}
		if m.Kind != domain.MeetingKindEvent {
			return fieldError("people", "Turnout is counted for events only.")
		}
		if err := checkMemberOrg(ctx, tx, p.Coalition.ID, "organization_id", t.OrganizationID); err != nil {
			return err
		}
		if err := mayRecordFor(ctx, tx, actor, p, t.OrganizationID); err != nil {
			return err
		}
		t.MeetingID = m.ID
		if err := tx.SetTurnout(ctx, t); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "meeting.turnout", "meeting", m.ID,
			map[string]any{"organization_id": t.OrganizationID, "people": t.People})
	})
	return &t, err
}

// mayRecordFor lets those who manage meetings record for anyone, and everyone else only
// for organizations they represent.
func mayRecordFor(ctx context.Context, tx *store.Tx, actor Actor, p Permission, orgID string) error {
	if p.Can(ManageMeetings) {
		return nil
	}
	ok, err := canActForOrganization(ctx, tx, actor, orgID)
	if err != nil {
		return err
	}
	if !ok {
		return domain.Errorf(domain.EFORBIDDEN, "Only the organization's representatives, facilitators and coordinators can record this.")
	}
	return nil
}
