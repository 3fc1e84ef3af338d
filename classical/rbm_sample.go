package classical

import (
	"fmt"
	"math/rand/v2"
)

// Sample runs n independent Gibbs chains for steps alternating updates
// (h ~ p(h|v), then v ~ p(v|h)) and returns their final visible states.
// Chains start from uniformly random binary states (Gaussian visibles: from
// N(b, 1)). It returns an error for n or steps below 1.
func (r *RBM) Sample(n, steps int, rng *rand.Rand) ([][]float64, error) {
	if n < 1 || steps < 1 {
		return nil, fmt.Errorf("classical: %d chains of %d Gibbs steps, want at least 1 of each", n, steps)
	}
	nv, nh := r.Visible, r.Hidden
	v, h := make([]float64, n*nv), make([]float64, n*nh)
	if r.Gaussian {
		for s := range n {
			copy(v[s*nv:(s+1)*nv], r.B)
		}
		r.sampleVisible(v, 1, rng)
	} else {
		for i := range v {
			v[i] = float64(rng.IntN(2))
		}
	}
	wt := r.transposeW(make([]float64, nv*nh))
	var sp sparseRow
	for range steps {
		r.hiddenBatch(v, n, 1, h, &sp)
		sampleBinary(h, rng)
		r.visibleBatch(h, n, 1, v, wt, &sp)
		r.sampleVisible(v, 1, rng)
	}
	out := make([][]float64, n)
	for s := range out {
		out[s] = v[s*nv : (s+1)*nv : (s+1)*nv]
	}
	return out, nil
}

// Reconstruct writes the mean-field reconstruction E[v | h = p(h|v)] of v
// into out: up to the hidden probabilities and back.
func (r *RBM) Reconstruct(v, out []float64) error {
	if err := r.checkVisible(v); err != nil {
		return err
	}
	if len(out) != r.Visible {
		return fmt.Errorf("classical: output has %d values, the RBM %d visible units", len(out), r.Visible)
	}
	h := make([]float64, r.Hidden)
	var sp sparseRow
	r.hiddenBatch(v, 1, 1, h, &sp)
	r.visibleBatch(h, 1, 1, out, r.transposeW(make([]float64, r.Visible*r.Hidden)), &sp)
	return nil
}

// ReconstructionError returns the mean squared difference per unit between
// the samples x and their reconstructions (Reconstruct), the usual (if
// unreliable) progress measure of CD training (Hinton's guide, §5). Rows
// of the wrong width are skipped.
func (r *RBM) ReconstructionError(x [][]float64) float64 {
	out := make([]float64, r.Visible)
	var sum float64
	n := 0
	for _, v := range x {
		if r.Reconstruct(v, out) != nil {
			continue
		}
		for i, vi := range v {
			sum += (vi - out[i]) * (vi - out[i])
		}
		n++
	}
	return sum / float64(max(n, 1)*r.Visible)
}
