package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerMeetingRecords(r *httpx.Router) {
	base := "/coalitions/{id}/meetings/{meeting_id}"
	r.HandleFunc("POST "+base+"/decisions", h.decisionAdd)
	r.HandleFunc("POST "+base+"/action-items", h.actionItemAdd)
	r.HandleFunc("POST "+base+"/action-items/{action_item_id}/task", h.actionItemTask)
	r.HandleFunc("POST "+base+"/attendance", h.attendanceAdd)
	r.HandleFunc("POST "+base+"/attendance/{attendance_id}/delete", h.attendanceRemove)
	r.HandleFunc("POST "+base+"/turnout", h.turnoutSet)
}

// meetingView is the data of a meeting's page.
type meetingView struct {
	*workBase
	Meeting     *app.MeetingRecord
	When        string
	Notes       template.HTML // sanitised Markdown
	ActionItems []actionItemRow
	// MyOrganizations are the member organizations the viewer represents, which a member
	// may record attendance for; coordinators and facilitators choose from every member.
	AttendFor     []option
	AttendForIDs  map[string]bool
	TotalTurnout  int
	AttendingOrgs int
	meetingVoice  // the speaking queue and how speaking time split (speaking_queue_meeting.go)
}

// actionItemRow is an action item with the names of what it refers to.
type actionItemRow struct {
	domain.ActionItem
	Workstream, Owner string
}

func (h *Handler) loadMeeting(r *http.Request) (any, string, error) {
	b, err := h.loadWorkBase(r)
	if err != nil {
		return nil, "", err
	}
	ctx, user := r.Context(), httpx.User(r.Context())
	m, err := h.app.Meeting(ctx, user, b.Coalition.ID, r.PathValue("meeting_id"))
	if err != nil {
		return nil, "", err
	}
	v := &meetingView{workBase: b, Meeting: m, When: meetingWhen(m.Meeting), Notes: markdown(m.Notes)}
	names := map[string]string{}
	for _, o := range b.Members {
		names[o.Value] = o.Label
	}
	for _, ws := range b.Workstreams {
		names[ws.ID] = ws.Name
	}
	for _, a := range m.ActionItems {
		v.ActionItems = append(v.ActionItems, actionItemRow{ActionItem: a, Workstream: names[a.WorkstreamID], Owner: names[a.OwnerOrgID]})
	}
	if b.CanMeetings {
		v.AttendFor = b.Members
	} else if b.CanAttend {
		mine, err := h.app.MyMemberships(ctx, user, b.Coalition.ID)
		if err != nil {
			return nil, "", err
		}
		for _, mm := range mine {
			if mm.Counts() && mm.Organization != nil {
				v.AttendFor = append(v.AttendFor, option{mm.OrganizationID, mm.Organization.Name})
			}
		}
	}
	v.AttendForIDs = map[string]bool{}
	for _, o := range v.AttendFor {
		v.AttendForIDs[o.Value] = true
	}
	orgs := map[string]bool{}
	for _, a := range m.Attendance {
		orgs[a.OrganizationID] = true
	}
	v.AttendingOrgs = len(orgs)
	if v.meetingVoice, err = h.loadMeetingVoice(r, b.Coalition.ID, m.ID); err != nil {
		return nil, "", err
	}
	for _, t := range m.Turnout {
		v.TotalTurnout += t.People
	}
	return v, m.Title, nil
}

func (h *Handler) meetingShow(w http.ResponseWriter, r *http.Request) {
	h.showWorkPage(w, r, "meeting_show", "work.meetings.title", h.loadMeeting)
}

func (h *Handler) meetingError(w http.ResponseWriter, r *http.Request, err error) {
	h.workFormError(w, r, "meeting_show", "work.meetings.title", h.loadMeeting, err)
}

func (h *Handler) backToMeeting(w http.ResponseWriter, r *http.Request, msg, anchor string) {
	h.flash(r, msg)
	http.Redirect(w, r, coalitionPath(r, "/meetings/"+r.PathValue("meeting_id")+"#"+anchor), http.StatusSeeOther)
}

// decisionAdd handles POST …/decisions.
func (h *Handler) decisionAdd(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	if _, err := h.app.AddDecision(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"), r.PostForm.Get("text")); err != nil {
		h.meetingError(w, r, err)
		return
	}
	h.backToMeeting(w, r, h.requestLocalizer(r).T("work.meetings.decision_added"), "decisions")
}

// actionItemAdd handles POST …/action-items.
func (h *Handler) actionItemAdd(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	f := r.PostForm
	_, err := h.app.AddActionItem(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"), app.ActionItemInput{
		Text: f.Get("text"), WorkstreamID: f.Get("workstream_id"), OwnerOrgID: f.Get("owner_organization_id"), DueOn: f.Get("due_on")})
	if err != nil {
		h.meetingError(w, r, err)
		return
	}
	h.backToMeeting(w, r, h.requestLocalizer(r).T("work.meetings.action_item_added"), "action-items")
}

// actionItemTask handles POST …/action-items/{action_item_id}/task.
func (h *Handler) actionItemTask(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	t, err := h.app.ActionItemToTask(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"),
		r.PathValue("action_item_id"), taskInputFromForm(r))
	if err != nil {
		h.meetingError(w, r, err)
		return
	}
	h.backToMeeting(w, r, h.requestLocalizer(r).T("work.meetings.task_created", "Title", t.Title), "action-items")
}

// attendanceAdd handles POST …/attendance.
func (h *Handler) attendanceAdd(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	_, err := h.app.RecordAttendance(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"),
		app.AttendanceInput{OrganizationID: r.PostForm.Get("organization_id"), PersonID: r.PostForm.Get("person_id")})
	if err != nil {
		h.meetingError(w, r, err)
		return
	}
	h.backToMeeting(w, r, h.requestLocalizer(r).T("work.meetings.attendance_recorded"), "attendance")
}

// attendanceRemove handles POST …/attendance/{attendance_id}/delete.
func (h *Handler) attendanceRemove(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	if err := h.app.RemoveAttendance(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"), r.PathValue("attendance_id")); err != nil {
		h.meetingError(w, r, err)
		return
	}
	h.backToMeeting(w, r, h.requestLocalizer(r).T("work.meetings.attendance_removed"), "attendance")
}

// turnoutSet handles POST …/turnout.
func (h *Handler) turnoutSet(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	people, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("people")))
	if err != nil {
		h.meetingError(w, r, &domain.Error{Code: domain.EINVALID, Message: h.requestLocalizer(r).T("work.meetings.turnout_number"),
			Fields: []domain.FieldError{{Field: "people", Message: h.requestLocalizer(r).T("work.meetings.turnout_number")}}})
		return
	}
	_, err = h.app.SetTurnout(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"),
		domain.Turnout{OrganizationID: r.PostForm.Get("organization_id"), People: people})
	if err != nil {
		h.meetingError(w, r, err)
		return
	}
	h.backToMeeting(w, r, h.requestLocalizer(r).T("work.meetings.turnout_recorded"), "turnout")
}
