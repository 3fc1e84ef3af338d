package classical

import (
	"fmt"
	"math"
)

// MeanFieldConfig configures DBM.MeanField. Zero fields take the defaults
// in brackets.
type MeanFieldConfig struct {
	// MaxIter bounds the number of sweeps over the hidden layers [50].
	MaxIter int
	// Tol stops the sweeps when no mean changes by more than Tol [1e-6].
	Tol float64
}

func (c *MeanFieldConfig) defaults() {
	setDefault(&c.MaxIter, 50)
	setDefault(&c.Tol, 1e-6)
}

func (c *MeanFieldConfig) check() error {
	if c.MaxIter < 1 || !(c.Tol > 0) || math.IsInf(c.Tol, 0) {
		return fmt.Errorf("classical: mean field with %d iterations and tolerance %v, want ≥ 1 and > 0", c.MaxIter, c.Tol)
	}
	return nil
}

// MeanField approximates the posterior p(h | v) by the fully factorised
// q(h) = Π_{l,j} μ_l,j^{h_l,j} (1 − μ_l,j)^{1−h_l,j} that maximises the
// variational lower bound (LowerBound) on log p(v) (Salakhutdinov and
// Hinton 2009, §2.2): it iterates the fixed-point equations
//
//	μ_l = σ(b_l + W_lᵀμ_{l−1} + W_{l+1}μ_{l+1}),   μ_0 = v, μ_{L+1} = 0,
//
// layer by layer from the bottom (each update maximises the bound in its
// layer, so the bound never decreases), starting from a bottom-up pass
// with doubled weights below the top layer, μ_l = σ(b_l + 2W_lᵀμ_{l−1}),
// which is what the layer-wise pre-trained RBMs compute (Salakhutdinov
// and Hinton, Neural Comput. 24, 1967 (2012), §4). It returns the means
// of every layer (index 0 is a copy of v) and the number of sweeps done;
// the sweeps stop when no mean moves by more than cfg.Tol or after
// cfg.MaxIter.
func (d *DBM) MeanField(v []float64, cfg MeanFieldConfig) ([][]float64, int, error) {
	cfg.defaults()
	if err := cfg.check(); err != nil {
		return nil, 0, err
	}
	if err := d.checkVisible(v); err != nil {
		return nil, 0, err
	}
	mu := d.newState()
	iters := d.meanField(v, mu, d.newState(), cfg)
	return mu, iters, nil
}

// newState allocates one vector per layer.
func (d *DBM) newState() [][]float64 {
	x := make([][]float64, len(d.Layers))
	for l, n := range d.Layers {
		x[l] = make([]float64, n)
	}
	return x
}

// meanField runs MeanField into mu with scratch a (both from newState)
// and returns the sweeps done.
func (d *DBM) meanField(v []float64, mu, a [][]float64, cfg MeanFieldConfig) int {
	L := len(d.Layers) - 1
	copy(mu[0], v)
	for _, m := range mu[1:] {
		clear(m)
	}
	for l := 1; l <= L; l++ {
		d.input(l, mu[l-1], mu[min(l+1, L)], a[l])
		if l < L {
			// a = b + W_lᵀμ_{l−1} (μ_{l+1} is still zero); add it again
			// without the bias for the doubled bottom-up input.
			for j := range a[l] {
				a[l][j] = 2*a[l][j] - d.B[l][j]
			}
		}
		for j, x := range a[l] {
			mu[l][j] = sigmoid(x)
		}
	}
	for it := 1; it <= cfg.MaxIter; it++ {
		var delta float64
		for l := 1; l <= L; l++ {
			d.input(l, mu[l-1], mu[min(l+1, L)], a[l])
			for j, x := range a[l] {
				m := sigmoid(x)
				delta = math.Max(delta, math.Abs(m-mu[l][j]))
				mu[l][j] = m
			}
		}
		if delta <= cfg.Tol {
			return it
		}
	}
	return cfg.MaxIter
}

// LowerBound returns the variational lower bound on log p(v),
//
//	log p(v) ≥ E_q[−E(v, h)] + H(q) − log Z,
//
// for the factorised q with means mu (from MeanField; mu[0] is ignored),
// given log Z (from ExactLogZ or AIS). The gap is KL(q ‖ p(h|v)).
func (d *DBM) LowerBound(v []float64, mu [][]float64, logZ float64) (float64, error) {
	if err := d.checkVisible(v); err != nil {
		return 0, err
	}
	if len(mu) != len(d.Layers) {
		return 0, fmt.Errorf("classical: means of %d layers, the DBM has %d", len(mu), len(d.Layers))
	}
	x := append([][]float64{v}, mu[1:]...)
	e, err := d.Energy(x)
	if err != nil {
		return 0, err
	}
	h := 0.0
	for _, m := range mu[1:] {
		for _, p := range m {
			h += bernoulliEntropy(p)
		}
	}
	return -e + h - logZ, nil
}

// bernoulliEntropy returns −p log p − (1−p) log(1−p), 0 at p = 0 and 1.
func bernoulliEntropy(p float64) float64 {
	var h float64
	if p > 0 {
		h -= p * math.Log(p)
	}
	if p < 1 {
		h -= (1 - p) * math.Log1p(-p)
	}
	return h
}

// MeanLowerBound returns the mean of LowerBound over the samples x, each
// with its own MeanField means: a lower bound on the mean log-likelihood
// (exact in log Z when logZ is, an estimate when it comes from AIS).
func (d *DBM) MeanLowerBound(x [][]float64, logZ float64, cfg MeanFieldConfig) (float64, error) {
	cfg.defaults()
	if err := cfg.check(); err != nil {
		return 0, err
	}
	if len(x) == 0 {
		return 0, fmt.Errorf("classical: lower bound of no samples")
	}
	mu, a := d.newState(), d.newState()
	var s float64
	for _, v := range x {
		if err := d.checkVisible(v); err != nil {
			return 0, err
		}
		d.meanField(v, mu, a, cfg)
		lb, err := d.LowerBound(v, mu, logZ)
		if err != nil {
			return 0, err
		}
		s += lb
	}
	return s / float64(len(x)), nil
}

// Reconstruct writes the mean-field reconstruction σ(b_0 + W_1 μ_1) of v
// into out, μ the MeanField means of the posterior given v.
func (d *DBM) Reconstruct(v, out []float64, cfg MeanFieldConfig) error {
	if len(out) != d.Layers[0] {
		return fmt.Errorf("classical: output has %d values, the DBM %d visible units", len(out), d.Layers[0])
	}
	mu, _, err := d.MeanField(v, cfg)
	if err != nil {
		return err
	}
	d.reconstruct(mu[1], out)
	return nil
}

// reconstruct writes σ(b_0 + W_1 h) into out.
func (d *DBM) reconstruct(h, out []float64) {
	d.input(0, nil, h, out)
	for i, x := range out {
		out[i] = sigmoid(x)
	}
}

// ReconstructionError returns the mean squared difference per unit between
// the samples x and their reconstructions (Reconstruct). Rows of the wrong
// width are skipped.
func (d *DBM) ReconstructionError(x [][]float64, cfg MeanFieldConfig) float64 {
	cfg.defaults()
	if cfg.check() != nil {
		return math.NaN()
	}
	mu, a := d.newState(), d.newState()
	out := make([]float64, d.Layers[0])
	var sum float64
	n := 0
	for _, v := range x {
		if d.checkVisible(v) != nil {
			continue
		}
		d.meanField(v, mu, a, cfg)
		d.reconstruct(mu[1], out)
		for i, vi := range v {
			sum += (vi - out[i]) * (vi - out[i])
		}
		n++
	}
	return sum / float64(max(n, 1)*d.Layers[0])
}
