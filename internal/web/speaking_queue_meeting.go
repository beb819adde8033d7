package web

import (
	"net/http"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

// meetingVoice is what a meeting's page shows of its speaking queue: a link to it, and
// how speaking time split across groups next to their share of attendance.
type meetingVoice struct {
	QueueOpen bool
	Speaking  []domain.SpeakingShare
}

func (h *Handler) loadMeetingVoice(r *http.Request, coalitionID, meetingID string) (meetingVoice, error) {
	ctx, user := r.Context(), httpx.User(r.Context())
	var v meetingVoice
	q, err := h.app.SpeakingQueue(ctx, user, coalitionID, meetingID)
	switch {
	case err == nil:
		v.QueueOpen = q.Status == domain.QueueOpen
	case domain.ErrorCode(err) != domain.ENOTFOUND:
		return v, err
	}
	shares, err := h.app.MeetingSpeakingTime(ctx, user, coalitionID, meetingID)
	if err != nil {
		return v, err
	}
	for _, s := range shares {
		if s.SpeakingShare != nil {
			v.Speaking = shares
			break
		}
	}
	return v, nil
}
