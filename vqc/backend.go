package vqc

import "github.com/qmlgo/qml/circuit"

// Backend evaluates expectation values of a circuit with its weights and
// inputs bound. Implementations must be safe for concurrent use: the
// training loop evaluates the samples of a batch in parallel.
type Backend interface {
	// Expectations runs c under b and returns ⟨obs_k⟩ for every k.
	Expectations(c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable) ([]float64, error)
}

// Differentiator is a Backend that computes gradients itself, in one forward
// and one backward sweep (the adjoint method, Jones & Gacon,
// arXiv:2009.02823). It is discovered by type assertion.
type Differentiator interface {
	// ExpectationGradient runs c under b, computes e_k = ⟨obs_k⟩, asks
	// cotangent(e) for the weights w_k = ∂L/∂e_k, and returns e with the
	// gradient of Σ_k w_k·e_k with respect to every weight θ[i] and input
	// x[j] of the binding (slices of len(b.Weights) and len(b.Inputs)).
	ExpectationGradient(c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable,
		cotangent func(e []float64) ([]float64, error)) (e, gradWeights, gradInputs []float64, err error)
}
