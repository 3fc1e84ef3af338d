package statevector

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// ParallelThreshold is the state size, in amplitudes, from which kernels
// split their work over goroutines. Below it the cost of starting
// goroutines exceeds the work (2^14 amplitudes take a few microseconds per
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
// [lo, hi) of [0, total), each on its own goroutine, and waits for them.
// fn receives the piece number too, for per-piece partial results.
func parallelFor(p, total int, fn func(piece, lo, hi int)) {
	if p <= 1 {
		fn(0, 0, total)
		return
	}
	var wg sync.WaitGroup
	wg.Add(p)
	for w := 0; w < p; w++ {
		lo, hi := w*total/p, (w+1)*total/p
		go func() {
			defer wg.Done()
			fn(w, lo, hi)
		}()
	}
	wg.Wait()
}
