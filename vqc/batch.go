package vqc

import (
	"math"
	"runtime"
	"sync"
)

// SampleEval evaluates one sample, the i-th of a batch: its loss, whether a
// classifier got it right, and — when grad is non-nil — its gradient added
// into grad. It must be safe to call from several goroutines at once.
type SampleEval func(i int, grad []float64) (loss float64, correct bool, err error)

// EvaluateBatch evaluates samples 0…n−1 with eval on workers goroutines (0:
// GOMAXPROCS) and returns the mean loss, the accuracy (NaN unless classify)
// and, with nParams > 0, the mean gradient; the first sample error (in
// sample order) is returned as eval gave it. Per-sample results are reduced
// in sample order, so the sums are bit-identical whatever the scheduling:
// the same seed gives the same training on one machine. Every trainer in
// the project (gate-level and pulse-level models) batches through it.
func EvaluateBatch(n, workers, nParams int, classify bool, eval SampleEval) (loss, acc float64, grad []float64, err error) {
	type result struct {
		loss    float64
		correct bool
		grad    []float64
		err     error
	}
	res := make([]result, n)
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, n))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				r := &res[i]
				if nParams > 0 {
					r.grad = make([]float64, nParams)
				}
				r.loss, r.correct, r.err = eval(i, r.grad)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	if nParams > 0 {
		grad = make([]float64, nParams)
	}
	correct := 0
	for _, r := range res {
		if r.err != nil {
			return 0, 0, nil, r.err
		}
		loss += r.loss
		if r.correct {
			correct++
		}
		for j, g := range r.grad {
			grad[j] += g
		}
	}
	fn := float64(n)
	for j := range grad {
		grad[j] /= fn
	}
	acc = math.NaN()
	if classify {
		acc = float64(correct) / fn
	}
	return loss / fn, acc, grad, nil
}
