package dataset

import (
	"fmt"
	"math/rand/v2"
)

// Batcher deals the sample indices 0..n-1 into mini-batches, one epoch at a
// time, for trainers:
//
//	b, _ := dataset.NewBatcher(d.Len(), 32, false, rng)
//	for epoch := range epochs {
//		for _, batch := range b.Epoch() {
//			for _, i := range batch { /* use d.X[i], d.Y[i] */ }
//		}
//	}
//
// Each Epoch call draws a fresh permutation from the Batcher's generator, so
// the batch sequence over all epochs is fixed by the seed.
type Batcher struct {
	n, size  int
	dropLast bool
	rng      *rand.Rand
}

// NewBatcher returns a Batcher over n samples in batches of size. With
// dropLast the final short batch of an epoch (when size does not divide n) is
// left out, so every batch has exactly size samples. A nil rng keeps the
// samples in order 0..n-1 every epoch (for evaluation).
func NewBatcher(n, size int, dropLast bool, rng *rand.Rand) (*Batcher, error) {
	if n < 1 || size < 1 {
		return nil, fmt.Errorf("dataset: Batcher needs n ≥ 1 and size ≥ 1, got n=%d size=%d", n, size)
	}
	if dropLast && size > n {
		return nil, fmt.Errorf("dataset: Batcher with dropLast and batch size %d > %d samples has no batches", size, n)
	}
	return &Batcher{n: n, size: size, dropLast: dropLast, rng: rng}, nil
}

// NumBatches returns how many batches each epoch has.
func (b *Batcher) NumBatches() int {
	if b.dropLast {
		return b.n / b.size
	}
	return (b.n + b.size - 1) / b.size
}

// Epoch returns the next epoch's batches: slices of one new permutation of
// 0..n-1, which the caller may keep or modify.
func (b *Batcher) Epoch() [][]int {
	perm := make([]int, b.n)
	for i := range perm {
		perm[i] = i
	}
	if b.rng != nil {
		b.rng.Shuffle(b.n, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
	}
	batches := make([][]int, b.NumBatches())
	for k := range batches {
		lo := k * b.size
		hi := min(lo+b.size, b.n)
		batches[k] = perm[lo:hi:hi]
	}
	return batches
}
