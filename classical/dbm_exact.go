package classical

import (
	"errors"
	"fmt"
	"math"
)

// Exact sums over the states of a small DBM. Given the layers of one
// parity, the layers of the other are independent products of units, so
// they can be summed out analytically: with the even layers (v, h_2, …)
// fixed,
//
//	Σ_{odd} e^{−E} = exp(Σ_{l even} b_lᵀx_l) Π_{l odd} Π_j (1 + e^{a_l,j}),
//	a_l = b_l + W_lᵀx_{l−1} + W_{l+1}x_{l+1},
//
// and the same with the parities swapped. The enumerated half is the one
// with fewer units, so a 9-16-8 model on 3×3 images costs 2^16 terms.

// dbmSum is one exact sum: the layers of parity par are enumerated, the
// others summed out; v, if non-nil, clamps the visible layer.
type dbmSum struct {
	d   *DBM
	par int
	v   []float64
	// stats, if non-nil, accumulates the expected sufficient statistics
	// (laid out like Theta) under the distribution summed over.
	stats []float64
}

// bits returns how many units the sum enumerates.
func (s *dbmSum) bits() int {
	n := 0
	for l := s.par; l < len(s.d.Layers); l += 2 {
		if l > 0 || s.v == nil {
			n += s.d.Layers[l]
		}
	}
	return n
}

// run returns log Σ e^{−E} over the states the sum covers and, with
// stats, writes their expected sufficient statistics.
func (s *dbmSum) run() (float64, error) {
	d := s.d
	k := s.bits()
	if k > MaxExactUnits {
		return 0, fmt.Errorf("classical: exact DBM sum over 2^%d states; at most 2^%d (use AIS)", k, MaxExactUnits)
	}
	L := len(d.Layers) - 1
	x := d.newState()
	if s.v != nil {
		copy(x[0], s.v)
	}
	var acc []float64
	if s.stats != nil {
		acc = make([]float64, len(s.stats))
		clear(s.stats)
	}
	m, sum := math.Inf(-1), 0.0
	for code := uint64(0); code < 1<<k; code++ {
		// Fix the enumerated layers from the bits of code.
		b := 0
		for l := s.par; l <= L; l += 2 {
			if l == 0 && s.v != nil {
				continue
			}
			for j := range x[l] {
				x[l][j] = float64(code >> b & 1)
				b++
			}
		}
		var t float64
		for l := s.par; l <= L; l += 2 {
			t += dot(d.B[l], x[l])
		}
		// Sum out the other layers given their neighbours; a clamped
		// visible layer among them contributes its bias term only.
		for l := 1 - s.par; l <= L; l += 2 {
			if l == 0 && s.v != nil {
				// Clamped: its bias and its coupling to the enumerated h_1.
				t += dot(d.B[0], x[0]) + bilinear(x[0], d.W[1], x[1])
				continue
			}
			var below, above []float64
			if l > 0 {
				below = x[l-1]
			}
			if l < L {
				above = x[l+1]
			}
			d.input(l, below, above, x[l])
			for j, a := range x[l] {
				t += softplus(a)
				x[l][j] = sigmoid(a) // the conditional mean, for stats
			}
		}
		w := 1.0
		if t > m {
			sum *= math.Exp(m - t)
			scale(math.Exp(m-t), s.stats)
			m = t
		} else {
			w = math.Exp(t - m)
		}
		sum += w
		if s.stats != nil {
			d.sufficientStats(x, acc)
			axpy(w, acc, s.stats)
		}
	}
	if s.stats != nil {
		scale(1/sum, s.stats)
	}
	return m + math.Log(sum), nil
}

// sufficientStats writes −∂E/∂θ at the layer values x (binary states or
// means of independent units), laid out like Theta: x_{l−1}x_lᵀ for each
// W_l, then x_l for each b_l.
func (d *DBM) sufficientStats(x [][]float64, out []float64) {
	off := 0
	for l := 1; l < len(d.Layers); l++ {
		n := d.Layers[l]
		for i, xi := range x[l-1] {
			row := out[off+i*n : off+(i+1)*n]
			clear(row)
			if xi != 0 {
				axpy(xi, x[l], row)
			}
		}
		off += d.Layers[l-1] * n
	}
	for _, xl := range x {
		copy(out[off:], xl)
		off += len(xl)
	}
}

// smaller returns the sum over the parity with fewer enumerated units.
func (d *DBM) smaller(v []float64) *dbmSum {
	even, odd := &dbmSum{d: d, par: 0, v: v}, &dbmSum{d: d, par: 1, v: v}
	if odd.bits() < even.bits() {
		return odd
	}
	return even
}

// ExactLogZ returns log Z by enumerating the half of the layers (even or
// odd) with fewer units and summing out the other. It returns an error
// when that half has more than MaxExactUnits units; use AIS then.
func (d *DBM) ExactLogZ() (float64, error) { return d.smaller(nil).run() }

// ExactLogLikelihood returns the exact mean log-likelihood (1/n) Σ log
// p(x_n) of binary samples, given log Z (from ExactLogZ), summing out the
// hidden layers of each sample the same way.
func (d *DBM) ExactLogLikelihood(x [][]float64, logZ float64) (float64, error) {
	if len(x) == 0 {
		return 0, errors.New("classical: log-likelihood of no samples")
	}
	var s float64
	for _, v := range x {
		if err := d.checkVisible(v); err != nil {
			return 0, err
		}
		lp, err := d.smaller(v).run()
		if err != nil {
			return 0, err
		}
		s += lp
	}
	return s/float64(len(x)) - logZ, nil
}

// ExactGradient writes the exact gradient of the mean log-likelihood of
// the samples x into grad (laid out like Theta),
//
//	∂/∂W_l (1/n) Σ log p(x_n) = ⟨x_{l−1}x_lᵀ⟩_{data, p(h|v)} − ⟨x_{l−1}x_lᵀ⟩_model,
//
// both expectations by enumeration. Fit estimates the same difference with
// mean field and persistent chains; this is its reference on small models.
func (d *DBM) ExactGradient(x [][]float64, grad []float64) error {
	if len(grad) != len(d.Theta) {
		return fmt.Errorf("classical: gradient of %d values, the DBM has %d parameters", len(grad), len(d.Theta))
	}
	if len(x) == 0 {
		return errors.New("classical: gradient of no samples")
	}
	model := make([]float64, len(d.Theta))
	ms := d.smaller(nil)
	ms.stats = model
	if _, err := ms.run(); err != nil {
		return err
	}
	clear(grad)
	st := make([]float64, len(d.Theta))
	for _, v := range x {
		if err := d.checkVisible(v); err != nil {
			return err
		}
		ds := d.smaller(v)
		ds.stats = st
		if _, err := ds.run(); err != nil {
			return err
		}
		axpy(1/float64(len(x)), st, grad)
	}
	axpy(-1, model, grad)
	return nil
}
