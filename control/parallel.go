package control

import (
	"runtime"
	"sync"
)

// parallelWork is the estimated work (complex multiply–adds) below which a
// loop over slices runs on one goroutine: under it (about 0.2 ms) the cost
// of starting goroutines and sharing caches exceeds the gain
// (BenchmarkEvaluate, 2 cores).
const parallelWork = 1 << 18

// parallel calls f on disjoint ranges covering [0, n), on up to workers
// goroutines (0: GOMAXPROCS) when work is at least parallelWork, inline
// otherwise. The first error returned by any f is returned.
func parallel(n, workers, work int, f func(lo, hi int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 || work < parallelWork {
		return f(0, n)
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*n/workers, (w+1)*n/workers
		wg.Go(func() { errs[w] = f(lo, hi) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
