package store

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/jackc/pgx/v5"
)

// liveChannel is the PostgreSQL notification channel every Braid process listens on.
const liveChannel = "braid_live"

// Resync is the message every subscriber receives after the listening connection was
// lost and restored: notifications may have been missed, so read the state again.
const Resync = "resync"

// DefaultMaxListeners caps the live subscriptions of one process.
const DefaultMaxListeners = 2000

// Live carries short notifications ("this queue changed") to every process using the
// database: through LISTEN/NOTIFY on PostgreSQL, so that several `braid serve` processes
// share them, and in process on SQLite, which one process serves. A process holds one
// listening connection however many subscribers it has; it connects on the first
// subscription and reconnects with backoff when the connection drops.
type Live struct {
	db *DB
	// Max caps the subscriptions open at once in this process (ETOOMANY beyond it).
	Max int

	mu     sync.Mutex
	topics map[string]map[*Subscription]struct{}
	count  int

	pid    uint32 // backend of the listening connection (PostgreSQL)
	start  sync.Once
	ready  chan struct{} // closed when LISTEN first succeeds
	cancel context.CancelFunc
	done   chan struct{}
}

// Subscription receives the messages published on one topic. C holds at most the latest
// message: a subscriber that falls behind sees only the newest, which is all a "changed"
// signal needs.
type Subscription struct {
	C     <-chan string
	c     chan string
	topic string
	live  *Live
	once  sync.Once
}

// Live returns the database's notification hub.
func (db *DB) Live() *Live {
	db.liveOnce.Do(func() {
		db.live = &Live{db: db, Max: DefaultMaxListeners, topics: map[string]map[*Subscription]struct{}{},
			ready: make(chan struct{}), done: make(chan struct{})}
	})
	return db.live
}

// Subscribe starts receiving a topic's messages. On PostgreSQL it returns once this
// process listens, so nothing published after it returns is missed.
func (l *Live) Subscribe(ctx context.Context, topic string) (*Subscription, error) {
	l.mu.Lock()
	if l.count >= l.Max {
		l.mu.Unlock()
		return nil, domain.Errorf(domain.ETOOMANY, "Too many live connections on this server; try again shortly.")
	}
	s := &Subscription{c: make(chan string, 1), topic: topic, live: l}
	s.C = s.c
	if l.topics[topic] == nil {
		l.topics[topic] = map[*Subscription]struct{}{}
	}
	l.topics[topic][s] = struct{}{}
	l.count++
	l.mu.Unlock()
	if l.db.dialect.name != "postgres" {
		return s, nil
	}
	l.start.Do(func() {
		ctx, cancel := context.WithCancel(context.Background())
		l.mu.Lock()
		l.cancel = cancel
		l.mu.Unlock()
		go l.listen(ctx)
	})
	wait, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	select {
	case <-l.ready:
		return s, nil
	case <-wait.Done():
		s.Close()
		return nil, errors.New("live updates: could not listen on the database in time")
	}
}

// Close stops the subscription; its channel is not closed, so a reader never mistakes
// it for a message.
func (s *Subscription) Close() {
	s.once.Do(func() {
		l := s.live
		l.mu.Lock()
		defer l.mu.Unlock()
		delete(l.topics[s.topic], s)
		if len(l.topics[s.topic]) == 0 {
			delete(l.topics, s.topic)
		}
		l.count--
	})
}

// ListenerPID returns the PostgreSQL backend of this process's listening connection, 0
// when there is none (for diagnostics and tests).
func (l *Live) ListenerPID() uint32 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.pid
}

// Listeners returns how many subscriptions are open in this process.
func (l *Live) Listeners() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.count
}

// Publish sends msg to every subscriber of topic in every process. Call it after the
// change it announces has committed.
func (l *Live) Publish(ctx context.Context, topic, msg string) error {
	if l.db.dialect.name == "postgres" {
		_, err := l.db.write.ExecContext(ctx, `SELECT pg_notify($1, $2)`, liveChannel, topic+"\n"+msg)
		return err
	}
	l.dispatch(topic, msg)
	return nil
}

// dispatch hands msg to this process's subscribers of topic ("" for all), replacing a
// message a slow subscriber has not read yet.
func (l *Live) dispatch(topic, msg string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for t, subs := range l.topics {
		if topic != "" && t != topic {
			continue
		}
		for s := range subs {
			select {
			case s.c <- msg:
			default:
				select {
				case <-s.c:
				default:
				}
				select {
				case s.c <- msg:
				default:
				}
			}
		}
	}
}

// listen holds the LISTEN connection until close, reconnecting with backoff; after a
// reconnection every subscriber gets Resync.
func (l *Live) listen(ctx context.Context) {
	defer close(l.done)
	backoff := 100 * time.Millisecond
	connected := false
	for ctx.Err() == nil {
		err := l.listenOnce(ctx, func() {
			if !connected {
				connected = true
				close(l.ready)
			} else {
				l.dispatch("", Resync)
			}
			backoff = 100 * time.Millisecond
		})
		if ctx.Err() != nil {
			return
		}
		_ = err // the next attempt reports nothing either; subscribers resync when it succeeds
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 5*time.Second)
	}
}

func (l *Live) listenOnce(ctx context.Context, listening func()) error {
	conn, err := pgx.Connect(ctx, l.db.url)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+liveChannel); err != nil {
		return err
	}
	l.mu.Lock()
	l.pid = conn.PgConn().PID()
	l.mu.Unlock()
	listening()
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		topic, msg, _ := strings.Cut(n.Payload, "\n")
		l.dispatch(topic, msg)
	}
}

// close stops listening; DB.Close calls it.
func (l *Live) close() {
	l.mu.Lock()
	cancel := l.cancel
	l.mu.Unlock()
	if cancel != nil {
		cancel()
		<-l.done
	}
}
