package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

// The speaking queue page works without JavaScript: every button is a form that posts and
// comes back to the page. With JavaScript, static/queue.js follows the queue's event
// stream and reloads the queue region (GET the page with ?region=queue) when it changes.

func (h *Handler) registerSpeakingQueue(r *httpx.Router) {
	base := "/coalitions/{id}/meetings/{meeting_id}/queue"
	r.HandleFunc("GET "+base, h.queueShow)
	r.HandleFunc("POST "+base+"/open", h.queueAction(func(r *http.Request) (string, error) {
		_, err := h.app.OpenSpeakingQueue(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"))
		return "queue.opened", err
	}))
	r.HandleFunc("POST "+base+"/close", h.queueAction(func(r *http.Request) (string, error) {
		_, err := h.app.CloseSpeakingQueue(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"))
		return "queue.closed", err
	}))
	r.HandleFunc("POST "+base+"/hand", h.queueAction(func(r *http.Request) (string, error) {
		_, raised, err := h.app.RaiseHand(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"), r.PostForm.Get("organization_id"))
		if !raised {
			return "queue.already_raised", err
		}
		return "queue.raised", err
	}))
	r.HandleFunc("POST "+base+"/hand/lower", h.queueAction(func(r *http.Request) (string, error) {
		_, err := h.app.LowerHand(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"))
		return "queue.lowered", err
	}))
	r.HandleFunc("POST "+base+"/next", h.queueAction(func(r *http.Request) (string, error) {
		_, err := h.app.CallNextSpeaker(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"))
		return "queue.called", err
	}))
	r.HandleFunc("POST "+base+"/hands/{user_id}/move", h.queueAction(func(r *http.Request) (string, error) {
		pos, err := strconv.Atoi(r.PostForm.Get("position"))
		if err != nil {
			pos = 0 // the use case explains what a position must be
		}
		_, err = h.app.MoveHand(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"), r.PathValue("user_id"), pos)
		return "queue.moved", err
	}))
	r.HandleFunc("POST "+base+"/hands/{user_id}/remove", h.queueAction(func(r *http.Request) (string, error) {
		_, err := h.app.RemoveHand(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("meeting_id"), r.PathValue("user_id"))
		return "queue.removed", err
	}))
}

// queueView is the data of the speaking queue page.
type queueView struct {
	Coalition *domain.Coalition
	Meeting   *app.MeetingRecord
	Queue     *domain.SpeakingQueue // nil before a queue was opened
	CanRun    bool
	MyHand    *domain.SpeakingHand
	SpeakFor  []option // member organizations the viewer represents
	// Path is the page's address; EventsURL the live stream's.
	Path, EventsURL string
}

// Open reports whether the queue takes hands now.
func (v *queueView) Open() bool { return v.Queue != nil && v.Queue.Status == domain.QueueOpen }

func (h *Handler) loadQueue(r *http.Request) (*queueView, error) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	m, err := h.app.Meeting(ctx, user, c.ID, r.PathValue("meeting_id"))
	if err != nil {
		return nil, err
	}
	path := "/coalitions/" + url.PathEscape(c.ID) + "/meetings/" + url.PathEscape(m.ID)
	v := &queueView{Coalition: c, Meeting: m, CanRun: perm.Can(app.RunQueue), Path: path + "/queue",
		EventsURL: "/api/v1" + path + "/speaking-queue/events"}
	v.Queue, err = h.app.SpeakingQueue(ctx, user, c.ID, m.ID)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		v.Queue, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	if v.Queue != nil {
		for i := range v.Queue.Hands {
			if v.Queue.Hands[i].UserID == user.ID {
				v.MyHand = &v.Queue.Hands[i]
			}
		}
	}
	mine, err := h.app.MyMemberships(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	for _, mm := range mine {
		if mm.Counts() && mm.Organization != nil {
			v.SpeakFor = append(v.SpeakFor, option{mm.OrganizationID, mm.Organization.Name})
		}
	}
	return v, nil
}

// queueShow handles GET …/queue: the page, or with ?region=queue only the live region
// that queue.js swaps in.
func (h *Handler) queueShow(w http.ResponseWriter, r *http.Request) {
	v, err := h.loadQueue(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if r.URL.Query().Get("region") != "queue" {
		p := h.page(r, "queue.title", v)
		p.Title = p.T("queue.title") + " · " + v.Meeting.Title
		h.render(w, r, http.StatusOK, "speaking_queue", p)
		return
	}
	// Not h.page: the region must not take the flash message meant for the whole page.
	p := &Page{Localizer: h.requestLocalizer(r), User: httpx.User(r.Context()), Data: v}
	var buf bytes.Buffer
	if err := h.pages["speaking_queue"].ExecuteTemplate(&buf, "queue-region", p); err != nil {
		h.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	buf.WriteTo(w)
}

// queueAction wraps a queue change: it reads the form, runs the change and comes back to
// the page with a message, or shows the error.
func (h *Handler) queueAction(change func(r *http.Request) (string, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !h.parseForm(w, r) {
			return
		}
		msg, err := change(r)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		h.flash(r, h.requestLocalizer(r).T(msg))
		http.Redirect(w, r, coalitionPath(r, "/meetings/"+url.PathEscape(r.PathValue("meeting_id"))+"/queue"), http.StatusSeeOther)
	}
}
