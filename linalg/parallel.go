package linalg

import (
	"runtime"
	"sync"
)

// parallelWork is the number of complex multiply–adds above which a kernel
// splits its work over goroutines; below it (~50 µs of work) the cost of
// starting them exceeds the gain.
const parallelWork = 1 << 16

// parallelRows calls f on disjoint ranges covering [0, m) (rows, columns or
// slabs): once, inline, when work is below parallelWork, otherwise on up to
// GOMAXPROCS goroutines.
func parallelRows(m, work int, f func(i0, i1 int)) {
	parallelFor(m, workersFor(m, work), func(_, i0, i1 int) { f(i0, i1) })
}

// workersFor returns how many goroutines should share m items that cost work
// complex multiply–adds in all.
func workersFor(m, work int) int {
	if work < parallelWork {
		return 1
	}
	return max(1, min(runtime.GOMAXPROCS(0), m))
}

// parallelFor calls f(w, i0, i1) for each worker w < workers with disjoint
// ranges [i0, i1) covering [0, m), on separate goroutines when workers > 1.
func parallelFor(m, workers int, f func(w, i0, i1 int)) {
	if workers <= 1 {
		f(0, 0, m)
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		i0, i1 := w*m/workers, (w+1)*m/workers
		wg.Go(func() { f(w, i0, i1) })
	}
	wg.Wait()
}
