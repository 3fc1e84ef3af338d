package mps

import "fmt"

// Report says how much a simulation had to throw away. Truncating the bond
// of a normalised MPS in canonical form to its largest Schmidt values keeps
// the fraction 1 − w of the state's weight, w the discarded weight, and the
// product of those fractions over all splits estimates the fidelity
// |⟨ψ_exact|ψ_mps⟩|² of the final state (Zhou, Stoudenmire & Waintal,
// Phys. Rev. X 10, 041038 (2020), who find it tracks the true
// fidelity of random circuits closely).
type Report struct {
	// MaxBond is the largest bond dimension the state reached.
	MaxBond int
	// Truncations counts the splits that discarded a nonzero weight,
	// including the rounding-level weights (≈ 1e-30) that the default
	// cutoff removes from exact runs.
	Truncations int
	// DiscardedWeight is Σ w over all splits, each w relative to the
	// weight of the state at that split; 1 − FidelityEstimate ≤ it.
	DiscardedWeight float64
	// FidelityEstimate is Π (1 − w) over all splits: 1 for an exact run.
	FidelityEstimate float64
	// Warning is set when FidelityEstimate fell below
	// Options.WarnFidelity.
	Warning string
}

// newReport is the report of a state nothing has been applied to.
func newReport() Report { return Report{MaxBond: 1, FidelityEstimate: 1} }

// record adds one split that kept bond singular values and discarded
// relative weight w.
func (r *Report) record(bond int, w float64) {
	r.MaxBond = max(r.MaxBond, bond)
	if w > 0 {
		r.Truncations++
		r.DiscardedWeight += w
		r.FidelityEstimate *= 1 - w
	}
}

// warn sets Warning when the estimate is below threshold (0 never warns).
func (r *Report) warn(threshold float64) {
	if threshold > 0 && r.FidelityEstimate < threshold {
		r.Warning = fmt.Sprintf("fidelity estimate %.4g is below %.4g: the bond dimension limit discarded weight %.3g over %d truncations; raise MaxBond for a more faithful state",
			r.FidelityEstimate, threshold, r.DiscardedWeight, r.Truncations)
	}
}

// merge folds another run's report into r, keeping the worst of each
// figure: the largest bond, the largest discarded weight, the lowest
// fidelity estimate.
func (r *Report) merge(o Report) {
	r.MaxBond = max(r.MaxBond, o.MaxBond)
	r.Truncations = max(r.Truncations, o.Truncations)
	r.DiscardedWeight = max(r.DiscardedWeight, o.DiscardedWeight)
	r.FidelityEstimate = min(r.FidelityEstimate, o.FidelityEstimate)
}
