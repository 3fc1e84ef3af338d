package classical

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/qmlgo/qml/dataset"
)

// boltzmannFit holds what RBM.Fit and DBM.Fit share: mini-batch stochastic
// gradient ascent over shuffled batches, with a record per epoch.
type boltzmannFit[E any] struct {
	model             string // "RBM", "DBM": for errors
	epochs, batchSize int
	step              func(batch []int) error
	onBatch           func(epoch, batch, batches int)
	record            func(epoch int, seconds float64) (E, error)
	onEpoch           func(E)
}

// checkStep reports, for model's errors, a learning rate that is not
// positive and finite or a weight decay that is negative or infinite.
func checkStep(model string, learningRate, decay float64) error {
	switch {
	case !(learningRate > 0) || math.IsInf(learningRate, 0):
		return fmt.Errorf("classical: %s learning rate %v, want > 0", model, learningRate)
	case !(decay >= 0) || math.IsInf(decay, 0):
		return fmt.Errorf("classical: %s weight decay %v, want ≥ 0", model, decay)
	}
	return nil
}

// run makes the passes over the n samples: step on every batch (of
// batchSize, at most n), onBatch after it, then record builds the epoch's
// entry from its number and the seconds its updates took, and onEpoch sees
// it. An error comes with the records so far.
func (f *boltzmannFit[E]) run(n int, rng *rand.Rand) ([]E, error) {
	b, err := dataset.NewBatcher(n, min(f.batchSize, n), false, rng)
	if err != nil {
		return nil, err
	}
	var hist []E
	for e := 1; e <= f.epochs; e++ {
		start := time.Now()
		batches := b.Epoch()
		for k, batch := range batches {
			if err := f.step(batch); err != nil {
				return hist, fmt.Errorf("classical: %s epoch %d: %w", f.model, e, err)
			}
			if f.onBatch != nil {
				f.onBatch(e, k+1, len(batches))
			}
		}
		ep, err := f.record(e, time.Since(start).Seconds())
		if err != nil {
			return hist, err
		}
		hist = append(hist, ep)
		if f.onEpoch != nil {
			f.onEpoch(ep)
		}
	}
	return hist, nil
}

// exactNLL returns the exact mean negative log-likelihood of x and the
// exact log Z behind it, from a model's ExactLogZ and log-likelihood.
func exactNLL(x [][]float64, exactLogZ func() (float64, error), logLikelihood func([][]float64, float64) (float64, error)) (nll, logZ float64, err error) {
	if logZ, err = exactLogZ(); err != nil {
		return 0, 0, err
	}
	ll, err := logLikelihood(x, logZ)
	return -ll, logZ, err
}
