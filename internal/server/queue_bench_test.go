package server_test

import (
	"context"
	"runtime"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/braid-org/braid/internal/store/storetest"
)

// BenchmarkLiveQueue measures the live speaking queue with 200 connected listeners
// against a baseline of 1 listener in the same run: the time from a change (a hand
// raised or lowered through the use case, commit included) until every listener has read
// its event, and the memory each listener holds (heap and stacks, server and client side
// together, as both run in this process). Reported: the figures of each and the ratios
// 200 ÷ 1. Run with BRAID_TEST_POSTGRES_URL set to measure LISTEN/NOTIFY as well.
//
//	go test ./internal/server -run '^$' -bench LiveQueue -benchtime 50x
func BenchmarkLiveQueue(b *testing.B) {
	for _, backend := range storetest.Backends() {
		b.Run(backend, func(b *testing.B) {
			base := measureLive(b, backend, 1)
			many := measureLive(b, backend, 200)
			b.ReportMetric(float64(base.median.Microseconds()), "µs/change(1)")
			b.ReportMetric(float64(many.median.Microseconds()), "µs/change(200)")
			b.ReportMetric(float64(many.p95.Microseconds()), "µs-p95/change(200)")
			b.ReportMetric(float64(many.median)/float64(base.median), "latency-ratio")
			b.ReportMetric(base.bytesPerListener/1024, "KiB/listener(1)")
			b.ReportMetric(many.bytesPerListener/1024, "KiB/listener(200)")
			b.ReportMetric(many.bytesPerListener/base.bytesPerListener, "memory-ratio")
			b.ReportMetric(float64(many.median.Nanoseconds()), "ns/op") // the 200-listener median, not the setup
		})
	}
}

type liveFigures struct {
	median, p95      time.Duration
	bytesPerListener float64
}

func measureLive(b *testing.B, backend string, listeners int) liveFigures {
	b.Helper()
	a := newApp(storetest.Open(b, backend))
	url := startServer(b, a)
	w := newQueueWorld(b, a)
	ctx := context.Background()
	if _, err := a.OpenSpeakingQueue(ctx, w.coord, w.coalition, w.meeting); err != nil {
		b.Fatal(err)
	}

	// Warm up: a first listener and a change make everything that is made once per
	// process (the hub, the server's pools, the first request's caches).
	warm := listen(b, url, w.eventsPath(), w.memberTok)
	if _, _, err := a.RaiseHand(ctx, w.coord, w.coalition, w.meeting, ""); err != nil {
		b.Fatal(err)
	}
	warm.wait(b, 5*time.Second)
	warm.close()

	// One listener's memory is within the collector's noise, so the baseline takes the
	// median of several rounds; 200 listeners need one.
	rounds := 1
	if listeners < 10 {
		rounds = 15
	}
	var samples []float64
	var ls []*sseListener
	for r := 0; r < rounds; r++ {
		for _, l := range ls {
			l.close()
		}
		before := heapAndStacks()
		ls = make([]*sseListener, listeners)
		for i := range ls {
			ls[i] = listen(b, url, w.eventsPath(), w.memberTok)
		}
		samples = append(samples, float64(int64(heapAndStacks())-int64(before))/float64(listeners))
	}
	sort.Float64s(samples)
	perListener := samples[len(samples)/2]

	var took []time.Duration
	for i := 0; i < b.N; i++ {
		var wg sync.WaitGroup
		wg.Add(listeners)
		for _, l := range ls {
			go func() {
				defer wg.Done()
				l.wait(b, 5*time.Second)
			}()
		}
		start := time.Now()
		var err error
		if i%2 == 0 {
			_, _, err = a.RaiseHand(ctx, w.member, w.coalition, w.meeting, "")
		} else {
			_, err = a.LowerHand(ctx, w.member, w.coalition, w.meeting)
		}
		if err != nil {
			b.Fatal(err)
		}
		wg.Wait()
		took = append(took, time.Since(start))
	}
	for _, l := range ls {
		l.close()
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	return liveFigures{median: took[len(took)/2], p95: took[len(took)*95/100], bytesPerListener: perListener}
}

func heapAndStacks() uint64 {
	for range 2 {
		runtime.GC()
	}
	time.Sleep(20 * time.Millisecond) // let connection goroutines settle
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc + m.StackInuse
}
