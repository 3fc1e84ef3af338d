package classical

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlgo/qml/optim"
)

// ChainSamples draws n configurations (spins ±1) of the open 1-D Ising
// chain of length sites at coupling K (weight e^{K Σ sᵢsᵢ₊₁}) exactly: the
// first spin is ±1 with probability ½ and each next spin equals the
// previous one with probability e^K/(2 cosh K) (the chain is a Markov
// chain, so no Monte Carlo is needed).
func ChainSamples(k float64, sites, n int, rng *rand.Rand) ([][]float64, error) {
	if !(k >= 0) || math.IsInf(k, 0) || sites < 2 || n < 1 {
		return nil, fmt.Errorf("classical: chain K = %v, %d sites, %d samples: want K ≥ 0, ≥ 2 sites, ≥ 1 sample", k, sites, n)
	}
	same := math.Exp(k) / (2 * math.Cosh(k))
	out := make([][]float64, n)
	for i := range out {
		s := make([]float64, sites)
		s[0] = 1
		if rng.IntN(2) == 0 {
			s[0] = -1
		}
		for j := 1; j < sites; j++ {
			s[j] = s[j-1]
			if rng.Float64() >= same {
				s[j] = -s[j]
			}
		}
		out[i] = s
	}
	return out, nil
}

// DecimationFlow returns K′ of the exact decimation of every other spin of
// the 1-D Ising chain, tanh K′ = tanh² K (Kadanoff; e.g. Cardy, Scaling
// and Renormalization in Statistical Physics, §3.4).
func DecimationFlow(k float64) float64 { return math.Atanh(math.Tanh(k) * math.Tanh(k)) }

// PairRBM is the RBM of the 1-D RG lesson (after Mehta & Schwab,
// arXiv:1410.3831): spins vᵢ = ±1 of a chain, one hidden spin hⱼ = ±1 per
// pair (v₂ⱼ, v₂ⱼ₊₁) of neighbours, with energy
//
//	E(v, h) = −Σⱼ hⱼ (W1·v₂ⱼ + W2·v₂ⱼ₊₁),
//
// the same two weights for every pair (translation invariance) and no
// biases (the chain's spin-flip symmetry). Its hidden marginal over data,
// p(h) = Σ_v p_K(v) Πⱼ p(hⱼ | v₂ⱼ, v₂ⱼ₊₁), is a coarse-grained chain whose
// effective coupling is the learned RG step K → K′.
type PairRBM struct{ W1, W2 float64 }

// pairCounts returns the fraction of neighbour pairs (v₂ⱼ, v₂ⱼ₊₁) of the
// configurations in each state, index 2·[v₀ > 0] + [v₁ > 0]: all the
// likelihood needs of the data.
func pairCounts(x [][]float64) (f [4]float64, err error) {
	n := 0
	for _, s := range x {
		for j := 0; j+1 < len(s); j += 2 {
			i := 0
			if s[j] > 0 {
				i += 2
			}
			if s[j+1] > 0 {
				i++
			}
			f[i]++
			n++
		}
	}
	if n == 0 {
		return f, errors.New("classical: pair RBM needs configurations of at least 2 spins")
	}
	for i := range f {
		f[i] /= float64(n)
	}
	return f, nil
}

// pairState returns the spins of pair state i.
func pairState(i int) (v0, v1 float64) { return float64(2*(i>>1) - 1), float64(2*(i&1) - 1) }

// likelihood returns the mean log-likelihood per pair of pair-state
// frequencies f and its gradient, data minus model ⟨h·v⟩. The model's
// visible marginal factorises over pairs, p(v₀, v₁) ∝ 2cosh(W1v₀ + W2v₁),
// so the partition function is a sum of four terms; ⟨h | v⟩ = tanh(W·v).
func (r PairRBM) likelihood(f [4]float64) (ll, g1, g2 float64) {
	var z, m1, m2 float64
	for i := range 4 {
		v0, v1 := pairState(i)
		a := r.W1*v0 + r.W2*v1
		c, t := 2*math.Cosh(a), math.Tanh(a)
		z += c
		m1 += c * t * v0
		m2 += c * t * v1
		ll += f[i] * math.Log(c)
		g1 += f[i] * t * v0
		g2 += f[i] * t * v1
	}
	return ll - math.Log(z), g1 - m1/z, g2 - m2/z
}

// FitPairRBM trains a PairRBM on chain configurations by exact maximum
// likelihood with Adam for steps full-batch steps from W1 = W2 = 0.1. It
// returns the trained RBM and its mean log-likelihood per pair.
func FitPairRBM(x [][]float64, steps int, lr float64) (PairRBM, float64, error) {
	f, err := pairCounts(x)
	if err != nil {
		return PairRBM{}, 0, err
	}
	adam, err := optim.NewAdam(optim.AdamConfig{LR: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8})
	if err != nil {
		return PairRBM{}, 0, err
	}
	w := []float64{0.1, 0.1}
	for range steps {
		ll, g1, g2 := PairRBM{w[0], w[1]}.likelihood(f)
		if err := adam.Step(w, -ll, []float64{-g1, -g2}); err != nil {
			return PairRBM{}, 0, err
		}
	}
	r := PairRBM{w[0], w[1]}
	ll, _, _ := r.likelihood(f)
	return r, ll, nil
}

// Flow returns the effective coupling K′ between neighbouring hidden spins
// of p(h) for an infinite chain at coupling K, from the exact
// nearest-neighbour correlation ⟨hⱼhⱼ₊₁⟩ = tanh K′ (which defines K′ for
// a nearest-neighbour chain). Given the spins, the hidden spins are
// independent with means mⱼ = tanh(W1v₂ⱼ + W2v₂ⱼ₊₁), so ⟨hⱼhⱼ₊₁⟩ =
// ⟨mⱼmⱼ₊₁⟩ over the chain, computed exactly with its transfer matrix: the
// pair (v₂ⱼ, v₂ⱼ₊₁) is a four-state Markov chain with stationary law
// ½p(v₁|v₀) and step p(v₂|v₁)p(v₃|v₂), p(v′|v) = e^{Kvv′}/(2 cosh K).
func (r PairRBM) Flow(k float64) float64 {
	p := func(a, b float64) float64 { return math.Exp(k*a*b) / (2 * math.Cosh(k)) }
	s := []float64{-1, 1}
	corr := 0.0
	for _, v0 := range s {
		for _, v1 := range s {
			pi := 0.5 * p(v0, v1)
			m := math.Tanh(r.W1*v0 + r.W2*v1)
			for _, v2 := range s {
				for _, v3 := range s {
					corr += pi * p(v1, v2) * p(v2, v3) * m * math.Tanh(r.W1*v2+r.W2*v3)
				}
			}
		}
	}
	return math.Atanh(corr)
}

// FlowPoint is one coupling of a learned RG flow.
type FlowPoint struct {
	K, Learned, Exact float64 // K, the learned K′, the decimation K′
	W1, W2            float64 // the trained weights
}

// LearnedFlow trains a PairRBM on samples (n chains of sites spins) at
// every coupling in ks and returns the learned K → K′ beside the exact
// decimation flow.
func LearnedFlow(ks []float64, sites, n, steps int, lr float64, rng *rand.Rand) ([]FlowPoint, error) {
	var pts []FlowPoint
	for _, k := range ks {
		x, err := ChainSamples(k, sites, n, rng)
		if err != nil {
			return nil, err
		}
		r, _, err := FitPairRBM(x, steps, lr)
		if err != nil {
			return nil, err
		}
		pts = append(pts, FlowPoint{K: k, Learned: r.Flow(k), Exact: DecimationFlow(k), W1: r.W1, W2: r.W2})
	}
	return pts, nil
}

// IterateFlow applies the learned RG step repeatedly from k0, training a
// fresh RBM on samples of each new chain, and returns the couplings
// K₀, K₁, …, K_steps: the trajectory runs to the fixed point K = 0 (the
// 1-D chain has no finite-temperature transition).
func IterateFlow(k0 float64, iterations, sites, n, steps int, lr float64, rng *rand.Rand) ([]float64, error) {
	ks := []float64{k0}
	for range iterations {
		pts, err := LearnedFlow(ks[len(ks)-1:], sites, n, steps, lr, rng)
		if err != nil {
			return nil, err
		}
		ks = append(ks, math.Max(0, pts[0].Learned))
	}
	return ks, nil
}
