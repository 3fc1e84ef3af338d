package statevector

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// ParallelThreshold is the state size, in amplitudes, from which kernels
// split their work over goroutines. Below it handing work to another core
// costs more than the work (2^14 amplitudes take a few microseconds per
// gate on one core).
const ParallelThreshold = 1 << 14

var threads atomic.Int64

// SetThreads sets how many goroutines a kernel uses on states of at least
// ParallelThreshold amplitudes and returns the previous setting. n ≤ 0
// means runtime.GOMAXPROCS(0), the default. It is safe to call
// concurrently with running kernels, which pick up the new value at their
// next gate.
func SetThreads(n int) (previous int) { return int(threads.Swap(int64(max(n, 0)))) }

// Threads returns the number of goroutines a kernel uses on large states.
func Threads() int {
	if n := threads.Load(); n > 0 {
		return int(n)
	}
	return runtime.GOMAXPROCS(0)
}

// workers returns how many pieces a pass over a state of size amplitudes,
// made of total independent units of work, should be split into.
func workers(size, total int) int {
	if size < ParallelThreshold {
		return 1
	}
	return max(1, min(Threads(), total))
}

// parallelFor calls fn on p contiguous, disjoint, nearly equal pieces
// [lo, hi) of [0, total) and returns when all are done. fn receives the
// piece number too, for per-piece partial results, so that reductions add
// them in piece order whichever goroutine ran each piece.
//
// The pieces run on the calling goroutine and on at most Threads()−1
// helpers of a persistent pool: no goroutine is started per call, which at
// 2^14–2^18 amplitudes costs as much as a gate. Pieces are claimed from an
// atomic counter, so a caller whose helpers are busy elsewhere (another
// Simulator call, say) runs its pieces itself and never waits on them.
func parallelFor(p, total int, fn func(piece, lo, hi int)) {
	if p <= 1 {
		fn(0, 0, total)
		return
	}
	j := &job{fn: fn, p: p, total: total}
	j.wg.Add(p)
	helpers := min(p, Threads()) - 1
	pool.grow(helpers)
	for range helpers {
		select {
		case pool.work <- j:
		default: // every helper is busy: the caller does the work
		}
	}
	j.runPieces()
	j.wg.Wait()
}

// job is one parallelFor call: its pieces are claimed by number.
type job struct {
	fn       func(piece, lo, hi int)
	p, total int
	next     atomic.Int64
	wg       sync.WaitGroup
}

// runPieces runs unclaimed pieces of j until none is left.
func (j *job) runPieces() {
	for {
		w := int(j.next.Add(1) - 1)
		if w >= j.p {
			return
		}
		j.fn(w, w*j.total/j.p, (w+1)*j.total/j.p)
		j.wg.Done()
	}
}

// workerPool is the process-wide set of helper goroutines. Helpers block
// on the work channel when idle; there are never more than the largest
// number of helpers a parallelFor has asked for.
type workerPool struct {
	mu      sync.Mutex
	started int
	count   atomic.Int64 // started, readable without the lock
	work    chan *job
}

var pool = workerPool{work: make(chan *job, 64)}

// grow starts helpers until there are at least n.
func (wp *workerPool) grow(n int) {
	if int(wp.count.Load()) >= n {
		return
	}
	wp.mu.Lock()
	defer wp.mu.Unlock()
	for ; wp.started < n; wp.started++ {
		wp.count.Add(1)
		go func() {
			for j := range wp.work {
				j.runPieces()
			}
		}()
	}
}
