package classical

import (
	"math"
	"math/rand/v2"
)

// Batched conditionals of the RBM at inverse temperature β, the kernels of
// training and sampling. A batch of n states is one row-major slice: row s
// of a visible batch is v[s*V:(s+1)*V]. Tempering by β scales the energy,
// p_β ∝ e^{−βE}, so every conditional input is multiplied by β (for
// Gaussian visibles the variance becomes 1/β).

// sparseRow is scratch for gemvIdx: the indices and values of the non-zero
// entries of one row.
type sparseRow struct {
	idx  []int32
	vals []float64
}

// set collects the non-zero entries of x. It writes every entry and
// advances past the non-zero ones without a branch: whether a pixel or a
// sampled unit is on is a coin flip the branch predictor cannot learn.
func (s *sparseRow) set(x []float64) {
	if cap(s.idx) < len(x) {
		s.idx, s.vals = make([]int32, len(x)), make([]float64, len(x))
	}
	idx, vals := s.idx[:len(x)], s.vals[:len(x)]
	k := 0
	for i, v := range x {
		idx[k], vals[k] = int32(i), v
		k += nonZero(v)
		if k == len(x) {
			break
		}
	}
	s.idx, s.vals = idx[:k], vals[:k]
}

// nonZero returns 1 if v ≠ 0, else 0 (compiled to a flag move, no branch).
func nonZero(v float64) int {
	var b int
	if v != 0 {
		b = 1
	}
	return b
}

// hiddenBatch writes p(h = 1 | v) = σ(β(c + vᵀW)) for each of the n rows
// of v into p: the rows of W picked by each sample's non-zero visibles
// (data and binary samples are sparse).
func (r *RBM) hiddenBatch(v []float64, n int, beta float64, p []float64, sp *sparseRow) {
	nv, nh := r.Visible, r.Hidden
	for s := range n {
		a := p[s*nh : (s+1)*nh : (s+1)*nh]
		copy(a, r.C)
		sp.set(v[s*nv : (s+1)*nv])
		gemvIdx(a, r.W, nh, sp.idx, sp.vals)
		sigmoidScaled(a, beta)
	}
}

// visibleBatch writes E_β[v | h] for each of the n rows of h into m:
// σ(β(b + Wh)) for Bernoulli visibles, b + Wh for Gaussian ones. wt is Wᵀ
// (H×V, from transposeW), whose rows the active hidden units pick.
func (r *RBM) visibleBatch(h []float64, n int, beta float64, m, wt []float64, sp *sparseRow) {
	nv, nh := r.Visible, r.Hidden
	for s := range n {
		out := m[s*nv : (s+1)*nv : (s+1)*nv]
		copy(out, r.B)
		sp.set(h[s*nh : (s+1)*nh])
		gemvIdx(out, wt, nv, sp.idx, sp.vals)
		if !r.Gaussian {
			sigmoidScaled(out, beta)
		}
	}
}

// transposeW writes Wᵀ (H×V, row-major) into wt, four rows of W at a
// time so that each write fills part of one cache line.
func (r *RBM) transposeW(wt []float64) []float64 {
	nv, nh := r.Visible, r.Hidden
	wt = wt[:nv*nh]
	w := r.W
	i := 0
	for ; i+4 <= nv; i += 4 {
		r0, r1, r2, r3 := w[i*nh:(i+1)*nh], w[(i+1)*nh:(i+2)*nh], w[(i+2)*nh:(i+3)*nh], w[(i+3)*nh:(i+4)*nh]
		for j := range r0 {
			dst := wt[j*nv+i : j*nv+i+4 : j*nv+i+4]
			dst[0], dst[1], dst[2], dst[3] = r0[j], r1[j], r2[j], r3[j]
		}
	}
	for ; i < nv; i++ {
		for j, x := range w[i*nh : (i+1)*nh] {
			wt[j*nv+i] = x
		}
	}
	return wt
}

// sigmoidScaled replaces each x by σ(βx), four at a time with a vector
// exponential on amd64 with AVX2 (relative error below 1e-15; inputs are
// clamped to |βx| ≤ 700, beyond which σ is 0 or 1 to double precision).
func sigmoidScaled(x []float64, beta float64) {
	if useAVX2 && len(x) >= 4 {
		n := len(x) &^ 3
		sigmoidAVX2(&x[0], n, beta)
		x = x[n:]
	}
	if beta == 1 {
		for j, v := range x {
			x[j] = sigmoid(v)
		}
		return
	}
	for j, v := range x {
		x[j] = sigmoid(beta * v)
	}
}

// sampleBinary replaces each probability in p by a draw of 0 or 1. Each
// 64-bit random word gives two 32-bit uniforms: a resolution of 2^−32 is
// far below any effect on training, and halves the generator's cost.
func sampleBinary(p []float64, rng *rand.Rand) {
	const scale = 1.0 / (1 << 32)
	i := 0
	for ; i+1 < len(p); i += 2 {
		x := rng.Uint64()
		p[i] = bernoulli(float64(uint32(x))*scale, p[i])
		p[i+1] = bernoulli(float64(x>>32)*scale, p[i+1])
	}
	if i < len(p) {
		p[i] = bernoulli(float64(uint32(rng.Uint64()))*scale, p[i])
	}
}

// bernoulli returns 1 if u < q, else 0 (no branch).
func bernoulli(u, q float64) float64 {
	var b int
	if u < q {
		b = 1
	}
	return float64(b)
}

// sampleVisible turns visible means into samples: binary draws, or for
// Gaussian visibles mean + N(0, 1/β).
func (r *RBM) sampleVisible(m []float64, beta float64, rng *rand.Rand) {
	if !r.Gaussian {
		sampleBinary(m, rng)
		return
	}
	sd := 1 / math.Sqrt(beta)
	for i := range m {
		m[i] += sd * rng.NormFloat64()
	}
}
