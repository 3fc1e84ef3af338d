package mps

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/linalg"
)

// DefaultCutoff is the relative discarded weight a split may drop when
// Options.Cutoff is 0. Singular values that are zero in exact arithmetic come
// out of a backward-stable SVD near ε·‖θ‖ ≈ 1e-16, a weight near 1e-32; real
// ones rarely matter below 1e-12. 1e-24 sits between the two, so an MPS with
// unbounded χ stays exact to about 1e-12 in every amplitude while its bonds
// do not grow on rounding noise (a product state keeps bond dimension 1).
const DefaultCutoff = 1e-24

// Options are the truncation and resource limits of an MPS simulation. The
// zero value is unbounded χ, DefaultCutoff, the default memory cap and no
// fidelity warning.
type Options struct {
	// MaxBond is χ, the largest bond dimension any split keeps; 0 means no
	// limit other than the memory cap. Negative values are an error.
	MaxBond int
	// Cutoff is the largest relative discarded weight Σ_dropped s_i² / Σ s_i²
	// one split may drop below χ (linalg.CutoffRelSum2); 0 selects
	// DefaultCutoff. Negative or non-finite values are an error.
	Cutoff float64
	// MaxMemory caps, in bytes, what a circuit may need in the worst case
	// the bond-dimension bound allows (see Estimate); 0 selects
	// DefaultMaxMemory(). Negative values are an error.
	MaxMemory int64
	// WarnFidelity sets Report.Warning when the fidelity estimate of a run
	// falls below it; 0 never warns. It must lie in [0, 1].
	WarnFidelity float64
}

// Validate reports whether o is usable, naming the offending field.
func (o Options) Validate() error {
	switch {
	case o.MaxBond < 0:
		return fmt.Errorf("mps: MaxBond (χ) = %d; want ≥ 1, or 0 for no limit", o.MaxBond)
	case !(o.Cutoff >= 0) || math.IsInf(o.Cutoff, 1):
		return fmt.Errorf("mps: Cutoff = %v; want a finite value ≥ 0", o.Cutoff)
	case o.MaxMemory < 0:
		return fmt.Errorf("mps: MaxMemory = %d bytes; want > 0, or 0 for the default", o.MaxMemory)
	case !(o.WarnFidelity >= 0 && o.WarnFidelity <= 1):
		return fmt.Errorf("mps: WarnFidelity = %v; want a value in [0, 1]", o.WarnFidelity)
	}
	return nil
}

// truncation is the linalg policy every split of the simulation uses: keep
// at most χ singular values, drop a relative weight of at most Cutoff, and
// rescale the kept ones so that the state stays normalised.
func (o Options) truncation() linalg.Truncation {
	cut := o.Cutoff
	if cut == 0 {
		cut = DefaultCutoff
	}
	return linalg.Truncation{MaxBond: o.MaxBond, Cutoff: cut, Mode: linalg.CutoffRelSum2, Renormalize: true}
}

// memoryCap returns MaxMemory or its default.
func (o Options) memoryCap() int64 {
	if o.MaxMemory > 0 {
		return o.MaxMemory
	}
	return DefaultMaxMemory()
}
