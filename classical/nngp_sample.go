package classical

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// SampleOutputs draws nets independent randomly initialised networks of
// the kernel's architecture with hidden width width, and returns each
// network's outputs at the inputs x: out[net][input].
//
// Each layer is sampled from its exact conditional law rather than by
// drawing the weight matrix: given the previous layer's activations
// h(x_a) ∈ ℝⁿ, the pre-activations z_i(x_a) = Σ_j W_ij h_j(x_a) + b_i with
// W_ij ~ N(0, σ_w²/n), b_i ~ N(0, σ_b²) are, over the units i, independent
// Gaussian vectors with covariance σ_b² + σ_w² h(x_a)·h(x_b)/n. Drawing
// them through the Cholesky factor of that k×k matrix (k inputs) gives
// the same joint distribution of every finite-width layer as drawing the
// weights, at cost O(width·k²) per layer instead of O(width²·k), so 10⁵
// networks of width 2048 take seconds.
func (k NNGPKernel) SampleOutputs(x [][]float64, width, nets int, rng *rand.Rand) ([][]float64, error) {
	if err := k.Validate(); err != nil {
		return nil, err
	}
	if len(x) == 0 || width < 1 || nets < 1 {
		return nil, fmt.Errorf("classical: sampling %d networks of width %d at %d inputs; want ≥ 1 of each", nets, width, len(x))
	}
	in := len(x)
	out := make([][]float64, nets)
	h := make([][]float64, in) // activations, one row per input
	z := make([][]float64, in)
	for a := range in {
		h[a] = make([]float64, width)
		z[a] = make([]float64, width)
	}
	cov := mat.NewSymDense(in, nil)
	var chol mat.Cholesky
	var lower mat.TriDense
	// draw fills z (units 0…units−1) with Gaussian vectors of covariance cov.
	draw := func(units int) error {
		if !chol.Factorize(cov) {
			// A rank-deficient covariance (equal inputs, dead ReLU units):
			// add a negligible jitter.
			for a := range in {
				cov.SetSym(a, a, cov.At(a, a)*(1+1e-12)+1e-300)
			}
			if !chol.Factorize(cov) {
				return errors.New("classical: layer covariance is not positive semi-definite")
			}
		}
		chol.LTo(&lower)
		g := make([]float64, in)
		for i := range units {
			for a := range g {
				g[a] = rng.NormFloat64()
			}
			for a := range in {
				s := 0.0
				for b := 0; b <= a; b++ {
					s += lower.At(a, b) * g[b]
				}
				z[a][i] = s
			}
		}
		return nil
	}
	d := float64(len(x[0]))
	for n := range nets {
		// First layer: covariance σ_b² + σ_w² x·x′/d.
		for a := range in {
			for b := 0; b <= a; b++ {
				cov.SetSym(a, b, k.BiasVar+k.WeightVar*dot(x[a], x[b])/d)
			}
		}
		for l := 0; l <= k.Depth; l++ {
			units := width
			if l == k.Depth {
				units = 1 // the output
			}
			if err := draw(units); err != nil {
				return nil, err
			}
			if l == k.Depth {
				break
			}
			for a := range in {
				for i, v := range z[a] {
					h[a][i] = k.activate(v)
				}
			}
			for a := range in {
				for b := 0; b <= a; b++ {
					cov.SetSym(a, b, k.BiasVar+k.WeightVar*dot(h[a], h[b])/float64(width))
				}
			}
		}
		out[n] = make([]float64, in)
		for a := range in {
			out[n][a] = z[a][0]
		}
	}
	return out, nil
}

// activate applies the kernel's activation.
func (k NNGPKernel) activate(v float64) float64 {
	if k.Activation == NNGPErf {
		return math.Erf(v)
	}
	return math.Max(0, v)
}
