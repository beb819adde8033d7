package api

import (
	"context"
	"net/http"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// HandPath names a raised hand in a meeting's speaking queue by whose it is: a person has
// at most one hand in a queue.
type HandPath struct {
	MeetingPath
	UserID string `path:"user_id" maxLength:"64" doc:"The person whose hand it is (user_id of the hand)."`
}

// RaiseHandBody says which organization the person speaks for, if any.
type RaiseHandBody struct {
	OrganizationID string `json:"organization_id,omitempty" maxLength:"64" doc:"A member organization you represent; omit to speak for yourself."`
}

// MoveHandBody is where a facilitator puts a hand.
type MoveHandBody struct {
	Position int `json:"position" minimum:"1" doc:"1 is next to speak; beyond the end means last. The hand stays pinned there as others leave ahead of it."`
}

type queueOutput struct {
	Body *domain.SpeakingQueue
}

func (x *API) registerSpeakingQueue() {
	const tag = "Speaking queue"
	base := "/coalitions/{id}/meetings/{meeting_id}/speaking-queue"
	huma.Register(x.huma, operation("get-speaking-queue", http.MethodGet, base, "Get a meeting's speaking queue: hands in speaking order, the turn under way and every turn", tag, signedIn,
		http.StatusNotFound), x.getQueue)
	huma.Register(x.huma, ok200(operation("open-speaking-queue", http.MethodPost, base, "Open (or reopen) the meeting's speaking queue", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict)), x.openQueue)
	huma.Register(x.huma, ok200(operation("close-speaking-queue", http.MethodPost, base+"/close", "End the turn under way, lower every hand and close the queue", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound)), x.closeQueue)
	huma.Register(x.huma, operation("raise-hand", http.MethodPut, base+"/hand", "Raise your hand (raising it again changes nothing)", tag, signedIn,
		http.StatusNotFound), x.raiseHand)
	huma.Register(x.huma, ok200(operation("lower-hand", http.MethodDelete, base+"/hand", "Lower your hand (lowering it again changes nothing)", tag, signedIn,
		http.StatusNotFound)), x.lowerHand)
	huma.Register(x.huma, ok200(operation("call-next-speaker", http.MethodPost, base+"/next", "End the turn under way and give the floor to the first hand", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound)), x.callNext)
	huma.Register(x.huma, operation("move-hand", http.MethodPut, base+"/hands/{user_id}/position", "Move a hand to a position, overriding the computed order", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound), x.moveHand)
	huma.Register(x.huma, ok200(operation("remove-hand", http.MethodDelete, base+"/hands/{user_id}", "Take someone's hand down", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound)), x.removeHand)
	huma.Register(x.huma, operation("meeting-speaking-time", http.MethodGet, "/coalitions/{id}/meetings/{meeting_id}/speaking-time",
		"How speaking time split across groups (BIPOC-led, most impacted), next to their share of attendance", tag, signedIn,
		http.StatusNotFound), x.meetingSpeakingTime)
	x.registerQueueEvents(tag, base+"/events")
}

func (x *API) queue(ctx context.Context, q *domain.SpeakingQueue, err error) (*queueOutput, error) {
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &queueOutput{q}, nil
}

func (x *API) getQueue(ctx context.Context, in *MeetingPath) (*queueOutput, error) {
	q, err := x.app.SpeakingQueue(ctx, httpx.User(ctx), in.ID, in.MeetingID)
	return x.queue(ctx, q, err)
}

func (x *API) openQueue(ctx context.Context, in *MeetingPath) (*queueOutput, error) {
	q, err := x.app.OpenSpeakingQueue(ctx, httpx.User(ctx), in.ID, in.MeetingID)
	return x.queue(ctx, q, err)
}

func (x *API) closeQueue(ctx context.Context, in *MeetingPath) (*queueOutput, error) {
	q, err := x.app.CloseSpeakingQueue(ctx, httpx.User(ctx), in.ID, in.MeetingID)
	return x.queue(ctx, q, err)
}

func (x *API) raiseHand(ctx context.Context, in *struct {
	MeetingPath
	Body RaiseHandBody
}) (*queueOutput, error) {
	q, _, err := x.app.RaiseHand(ctx, httpx.User(ctx), in.ID, in.MeetingID, in.Body.OrganizationID)
	return x.queue(ctx, q, err)
}

func (x *API) lowerHand(ctx context.Context, in *MeetingPath) (*queueOutput, error) {
	q, err := x.app.LowerHand(ctx, httpx.User(ctx), in.ID, in.MeetingID)
	return x.queue(ctx, q, err)
}

func (x *API) callNext(ctx context.Context, in *MeetingPath) (*queueOutput, error) {
	q, err := x.app.CallNextSpeaker(ctx, httpx.User(ctx), in.ID, in.MeetingID)
	return x.queue(ctx, q, err)
}

func (x *API) moveHand(ctx context.Context, in *struct {
	HandPath
	Body MoveHandBody
}) (*queueOutput, error) {
	q, err := x.app.MoveHand(ctx, httpx.User(ctx), in.ID, in.MeetingID, in.UserID, in.Body.Position)
	return x.queue(ctx, q, err)
}

func (x *API) removeHand(ctx context.Context, in *HandPath) (*queueOutput, error) {
	q, err := x.app.RemoveHand(ctx, httpx.User(ctx), in.ID, in.MeetingID, in.UserID)
	return x.queue(ctx, q, err)
}

func (x *API) meetingSpeakingTime(ctx context.Context, in *MeetingPath) (*struct{ Body []domain.SpeakingShare }, error) {
	s, err := x.app.MeetingSpeakingTime(ctx, httpx.User(ctx), in.ID, in.MeetingID)
	return body(x, ctx, s, err)
}
