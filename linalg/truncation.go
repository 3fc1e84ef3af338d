package linalg

import (
	"fmt"
	"math"
)

// CutoffMode selects how Truncation.Cutoff is read. The names follow quimb's
// cutoff_mode options.
type CutoffMode int

const (
	// CutoffRelSum2 (the zero value) discards the smallest singular values
	// whose summed squares, divided by Σ s_i² over all of them, are at most
	// Cutoff: the discarded weight, i.e. 1 − fidelity of the truncated
	// normalised state (quimb "rsum2").
	CutoffRelSum2 CutoffMode = iota
	// CutoffSum2 discards the smallest singular values whose summed squares
	// are at most Cutoff (quimb "sum2").
	CutoffSum2
	// CutoffRel discards singular values s_i ≤ Cutoff·s_0, s_0 the largest
	// (quimb "rel").
	CutoffRel
	// CutoffAbs discards singular values s_i ≤ Cutoff (quimb "abs").
	CutoffAbs
)

// String returns quimb's name for the mode.
func (m CutoffMode) String() string {
	switch m {
	case CutoffRelSum2:
		return "rsum2"
	case CutoffSum2:
		return "sum2"
	case CutoffRel:
		return "rel"
	case CutoffAbs:
		return "abs"
	}
	return fmt.Sprintf("CutoffMode(%d)", int(m))
}

// Truncation is the single policy by which every SVD split (MPS gate
// application, canonicalisation, classical tensor-network sweeps) decides
// how many singular values to keep, as quimb routes every split through one
// set of options. The zero value keeps every non-zero singular value.
//
// The rule, applied to singular values s_0 ≥ s_1 ≥ … ≥ s_{k−1}: first keep
// the fewest leading values such that the trailing ones satisfy the Cutoff
// test of Mode (they are all dropped only if all pass it); then, if MaxBond >
// 0, keep at most MaxBond of them. At least one value is always kept. With
// Cutoff = 0 in a sum mode exact zeros are dropped, which keeps bond
// dimensions from growing on product states.
type Truncation struct {
	// MaxBond is the largest number of singular values kept; 0 means no
	// limit.
	MaxBond int
	// Cutoff is the threshold of Mode; 0 drops only exact zeros.
	Cutoff float64
	// Mode selects how Cutoff is read; the default is CutoffRelSum2.
	Mode CutoffMode
	// Renormalize rescales the kept singular values so that their squares
	// sum to the original Σ s_i² (a truncated normalised state stays
	// normalised).
	Renormalize bool
}

// Validate reports whether t is usable.
func (t Truncation) Validate() error {
	switch {
	case t.MaxBond < 0:
		return fmt.Errorf("linalg: Truncation.MaxBond = %d, want ≥ 0 (0 = unlimited)", t.MaxBond)
	case !(t.Cutoff >= 0) || math.IsInf(t.Cutoff, 1):
		return fmt.Errorf("linalg: Truncation.Cutoff = %v, want a finite value ≥ 0", t.Cutoff)
	case t.Mode < CutoffRelSum2 || t.Mode > CutoffAbs:
		return fmt.Errorf("linalg: Truncation.Mode = %d, unknown", int(t.Mode))
	}
	return nil
}

// Keep returns how many of the descending singular values s the policy
// keeps, and the discarded weight Σ_{dropped} s_i² / Σ_all s_i² (0 when all
// of s is zero).
func (t Truncation) Keep(s []float64) (k int, discarded float64) {
	if len(s) == 0 {
		return 0, 0
	}
	// tail[i] = Σ_{j ≥ i} s_j², summed from the smallest for accuracy.
	tail := make([]float64, len(s)+1)
	for i := len(s) - 1; i >= 0; i-- {
		tail[i] = tail[i+1] + s[i]*s[i]
	}
	total := tail[0]
	drop := func(i int) bool { // may s[i:] be dropped?
		switch t.Mode {
		case CutoffSum2:
			return tail[i] <= t.Cutoff
		case CutoffRel:
			return s[i] <= t.Cutoff*s[0]
		case CutoffAbs:
			return s[i] <= t.Cutoff
		}
		return tail[i] <= t.Cutoff*total
	}
	k = len(s)
	for k > 1 && drop(k-1) {
		k--
	}
	if t.MaxBond > 0 {
		k = min(k, t.MaxBond)
	}
	if total == 0 {
		return k, 0
	}
	return k, tail[k] / total
}

// TruncatedSVD returns the SVD of a truncated by policy t:
// a ≈ u·diag(s)·vh with u m×k, s of length k, vh k×n, k as decided by
// t.Keep, and the discarded weight Σ_{dropped} s_i² / Σ s_i². Only the kept
// singular vectors are formed, so a truncation to half the rank saves about
// a quarter of the work. With t.Renormalize the kept s are rescaled to the
// original Σ s_i² (the discarded weight is reported before rescaling).
//
// It returns an error for an invalid policy or for the failures of SVD.
func TruncatedSVD(a *Matrix, t Truncation) (u *Matrix, s []float64, vh *Matrix, discarded float64, err error) {
	if err := t.Validate(); err != nil {
		return nil, nil, nil, 0, err
	}
	u, s, vh, err = svdKeep(a, "TruncatedSVD", func(s []float64) int {
		var k int
		k, discarded = t.Keep(s)
		return k
	})
	if err != nil {
		return nil, nil, nil, 0, err
	}
	if t.Renormalize && discarded > 0 && discarded < 1 {
		f := 1 / math.Sqrt(1-discarded)
		for i := range s {
			s[i] *= f
		}
	}
	return u, s, vh, discarded, nil
}
