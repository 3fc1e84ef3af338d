package classical

import (
	"errors"
	"math/rand/v2"
)

// PseudoLikelihood returns scikit-learn's stochastic pseudo-log-likelihood
// of each binary sample (BernoulliRBM.score_samples): for one visible unit
// i drawn uniformly per sample,
//
//	PL(v) = V · log σ(F(ṽ) − F(v)),   ṽ = v with unit i flipped,
//
// an unbiased estimate of the pseudo-log-likelihood Σ_i log p(v_i | v_−i)
// (Besag 1975). Note the factor V = n_features: the value grows with the
// input width and is not a log-likelihood, so it compares models on the
// same data only. It needs Bernoulli visibles.
func (r *RBM) PseudoLikelihood(x [][]float64, rng *rand.Rand) ([]float64, error) {
	if r.Gaussian {
		return nil, errors.New("classical: pseudo-likelihood flips binary units; the RBM has Gaussian visibles")
	}
	a := make([]float64, r.Hidden)
	flipped := make([]float64, r.Visible)
	out := make([]float64, len(x))
	for n, v := range x {
		if err := r.checkVisible(v); err != nil {
			return nil, err
		}
		i := rng.IntN(r.Visible)
		copy(flipped, v)
		flipped[i] = 1 - flipped[i]
		d := r.freeEnergy(flipped, a) - r.freeEnergy(v, a)
		// log σ(d) = −softplus(−d).
		out[n] = -float64(r.Visible) * softplus(-d)
	}
	return out, nil
}
