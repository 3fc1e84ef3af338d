package classical

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// AISConfig configures RBM.AIS. Zero fields take the defaults in
// brackets.
type AISConfig struct {
	// Runs is the number of independent annealing runs [100].
	Runs int
	// Steps is the number of intermediate distributions [10000], spaced
	// in β as Salakhutdinov and Murray do: 1/29 of them in [0, 0.5), 8/29
	// in [0.5, 0.9), 20/29 in [0.9, 1].
	Steps int
	// Data, if non-nil, sets the base model's visible biases to the data
	// marginals (log-odds of the mean, clipped to [0.005, 0.995], for
	// Bernoulli visibles; the mean for Gaussian ones), which makes the
	// base close to the target and the estimate tighter. Nil means zero.
	Data [][]float64
}

// AIS estimates log Z by annealed importance sampling (Neal, Stat. Comput.
// 11, 125 (2001)) from a base RBM with W = 0, c = 0 and visible biases b_A,
// whose log Z_A is known, through the distributions with energies
// E_k = (1 − β_k) E_A + β_k E, each run moved by one Gibbs step at every
// β_k, as in Salakhutdinov and Murray, ICML 2008. It returns the estimate
// and its standard error (delta method on the mean importance weight).
// AIS tends to underestimate log Z when the runs are too few or short.
func (r *RBM) AIS(cfg AISConfig, rng *rand.Rand) (logZ, stderr float64, err error) {
	if err := cfg.defaults(); err != nil {
		return 0, 0, err
	}
	bA, err := r.baseBiases(cfg.Data)
	if err != nil {
		return 0, 0, err
	}
	nv, nh, n := r.Visible, r.Hidden, cfg.Runs
	// log Z_A: the hidden units are free (2^H) and the visibles independent.
	logZA := float64(nh) * math.Ln2
	if r.Gaussian {
		logZA += float64(nv) / 2 * math.Log(2*math.Pi)
	} else {
		for _, b := range bA {
			logZA += softplus(b)
		}
	}
	v, h := make([]float64, n*nv), make([]float64, n*nh)
	for s := range n {
		copy(v[s*nv:(s+1)*nv], bA)
	}
	if r.Gaussian {
		r.sampleVisible(v, 1, rng)
	} else {
		for i := range v {
			v[i] = sigmoid(v[i])
		}
		sampleBinary(v, rng)
	}
	logw := make([]float64, n)
	betas := aisSchedule(cfg.Steps)
	mix := make([]float64, nv)
	for k := 1; k < len(betas); k++ {
		b0, b1 := betas[k-1], betas[k]
		for s := range n {
			vs, hs := v[s*nv:(s+1)*nv], h[s*nh:(s+1)*nh]
			r.hiddenInput(vs, hs)
			logw[s] += r.logUnnormalized(vs, hs, bA, b1) - r.logUnnormalized(vs, hs, bA, b0)
		}
		// hs now holds c + vᵀW; one Gibbs step at β_k follows.
		for j := range h {
			h[j] = sigmoid(b1 * h[j])
		}
		sampleBinary(h, rng)
		for i := range mix {
			mix[i] = (1-b1)*bA[i] + b1*r.B[i]
		}
		for s := range n {
			vs, hs := v[s*nv:(s+1)*nv], h[s*nh:(s+1)*nh]
			for i := range vs {
				x := mix[i] + b1*dot(r.W[i*nh:(i+1)*nh], hs)
				if !r.Gaussian {
					x = sigmoid(x)
				}
				vs[i] = x
			}
		}
		r.sampleVisible(v, 1, rng)
	}
	logZ, stderr = aisEstimate(logw)
	return logZA + logZ, stderr, nil
}

// defaults fills in the zero fields and checks the result.
func (cfg *AISConfig) defaults() error {
	setDefault(&cfg.Runs, 100)
	setDefault(&cfg.Steps, 10000)
	if cfg.Runs < 2 || cfg.Steps < 3 {
		return fmt.Errorf("classical: AIS with %d runs and %d steps, want ≥ 2 and ≥ 3", cfg.Runs, cfg.Steps)
	}
	return nil
}

// aisEstimate returns log of the mean importance weight exp(logw) and its
// standard error (delta method: the weights' standard error over their
// mean), the largest log-weight factored out against overflow.
func aisEstimate(logw []float64) (logMean, stderr float64) {
	n := float64(len(logw))
	m := math.Inf(-1)
	for _, x := range logw {
		m = math.Max(m, x)
	}
	var mean, sq float64
	for _, x := range logw {
		w := math.Exp(x - m)
		mean += w
		sq += w * w
	}
	mean /= n
	sd := math.Sqrt(math.Max(sq/n-mean*mean, 0) * n / (n - 1))
	return m + math.Log(mean), sd / (math.Sqrt(n) * mean)
}

// logUnnormalized returns log p*_β(v), the log of the unnormalised
// marginal of the interpolated model at β, given a = c + vᵀW:
//
//	Bernoulli: ((1−β)b_A + βb)ᵀv + Σ_j softplus(β(c + vᵀW)_j)
//	Gaussian:  −½‖v‖² + ((1−β)b_A + βb)ᵀv − (1−β)‖b_A‖²/2 − β‖b‖²/2 + Σ_j softplus(…)
func (r *RBM) logUnnormalized(v, a, bA []float64, beta float64) float64 {
	var lp float64
	for _, x := range a {
		lp += softplus(beta * x)
	}
	lp += (1-beta)*dot(bA, v) + beta*dot(r.B, v)
	if r.Gaussian {
		lp -= dot(v, v)/2 + (1-beta)*dot(bA, bA)/2 + beta*dot(r.B, r.B)/2
	}
	return lp
}

// baseBiases returns the base model's visible biases from data marginals,
// or zeros.
func (r *RBM) baseBiases(data [][]float64) ([]float64, error) {
	bA := make([]float64, r.Visible)
	if len(data) == 0 {
		return bA, nil
	}
	for _, v := range data {
		if err := r.checkVisible(v); err != nil {
			return nil, err
		}
		axpy(1, v, bA)
	}
	for i := range bA {
		bA[i] /= float64(len(data))
		if !r.Gaussian {
			p := math.Min(math.Max(bA[i], 0.005), 0.995)
			bA[i] = math.Log(p / (1 - p))
		}
	}
	return bA, nil
}

// aisSchedule returns steps+1 inverse temperatures from 0 to 1 spaced as
// AISConfig.Steps describes.
func aisSchedule(steps int) []float64 {
	n1, n2 := max(steps/29, 1), max(8*steps/29, 1)
	n3 := max(steps-n1-n2, 1)
	betas := make([]float64, 0, n1+n2+n3+1)
	for _, seg := range []struct {
		lo, hi float64
		n      int
	}{{0, 0.5, n1}, {0.5, 0.9, n2}, {0.9, 1, n3}} {
		for k := range seg.n {
			betas = append(betas, seg.lo+(seg.hi-seg.lo)*float64(k)/float64(seg.n))
		}
	}
	return append(betas, 1)
}
