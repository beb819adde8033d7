package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// Live streams of a speaking queue are server-sent events. The stream opens with the
// queue's current version and status, then sends one `queue` event per change (changes
// that come faster than a client reads are coalesced into the latest) and a comment line
// as a heartbeat so that proxies keep the connection open and a gone client is noticed.
// A stream ends after maxStreamTime; browsers reconnect by themselves, which also spreads
// listeners over several `braid serve` processes again.
const (
	defaultHeartbeat = 15 * time.Second
	maxStreamTime    = 30 * time.Minute
	streamWriteLimit = 10 * time.Second // a client that cannot take an event in this time is dropped
)

type queueEventsInput struct {
	MeetingPath
	Once bool `query:"once" doc:"Send the current state and end the stream, for clients that cannot hold a connection open."`
}

func (x *API) registerQueueEvents(tag, path string) {
	op := operation("speaking-queue-events", http.MethodGet, path, "Follow a meeting's speaking queue live (server-sent events)", tag, signedIn,
		http.StatusNotFound, http.StatusTooManyRequests)
	op.Description = "A text/event-stream of `queue` events whose data is {\"version\", \"status\"} (status `none` before the queue first opens); " +
		"the event id is the version. Read the queue with GET …/speaking-queue when one arrives. Lines starting with a colon are heartbeats. " +
		"Each server process holds a limited number of listeners; beyond it the answer is 429."
	op.Responses = map[string]*huma.Response{"200": {Description: "The event stream.", Content: map[string]*huma.MediaType{
		"text/event-stream": {Schema: &huma.Schema{Type: huma.TypeString, Description: "event: queue\\nid: 7\\ndata: {\"version\":7,\"status\":\"open\"}"}}}}}
	huma.Register(x.huma, op, x.queueEvents)
}

func (x *API) queueEvents(ctx context.Context, in *queueEventsInput) (*huma.StreamResponse, error) {
	watch, first, err := x.app.WatchSpeakingQueue(ctx, httpx.User(ctx), in.ID, in.MeetingID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &huma.StreamResponse{Body: func(hc huma.Context) {
		defer watch.Close()
		x.streamQueue(hc, watch, first, in.Once)
	}}, nil
}

func (x *API) streamQueue(hc huma.Context, watch *app.QueueWatch, first app.QueueEvent, once bool) {
	ctx := hc.Context()
	w, ok := hc.BodyWriter().(http.ResponseWriter)
	if !ok {
		return
	}
	rc := http.NewResponseController(w)
	defer rc.SetWriteDeadline(time.Time{})
	hc.SetHeader("Content-Type", "text/event-stream; charset=utf-8")
	hc.SetHeader("Cache-Control", "no-store")
	hc.SetHeader("X-Accel-Buffering", "no")
	hc.SetStatus(http.StatusOK)
	send := func(b []byte) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(streamWriteLimit)) // unsupported in tests' recorders
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send(append([]byte("retry: 2000\n"), queueEvent(first)...)) || once {
		return
	}
	heartbeat := x.LiveHeartbeat
	if heartbeat <= 0 {
		heartbeat = defaultHeartbeat
	}
	beat := time.NewTicker(heartbeat)
	defer beat.Stop()
	end := time.NewTimer(maxStreamTime)
	defer end.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-x.stopStreams:
			return
		case <-end.C:
			return
		case <-beat.C:
			if !send([]byte(": ping\n\n")) {
				return
			}
		case msg := <-watch.C:
			ev, err := watch.Event(ctx, msg)
			if err != nil || !send(queueEvent(ev)) {
				return
			}
		}
	}
}

// StopStreams ends every live stream, so that a graceful shutdown does not wait for
// clients that would otherwise stay connected; browsers reconnect to another process.
func (x *API) StopStreams() { x.stopOnce.Do(func() { close(x.stopStreams) }) }

// queueEvent writes one event in the text/event-stream format.
func queueEvent(ev app.QueueEvent) []byte {
	data, _ := json.Marshal(ev)
	return fmt.Appendf(nil, "event: queue\nid: %d\ndata: %s\n\n", ev.Version, data)
}
