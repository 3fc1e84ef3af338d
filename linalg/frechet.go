package linalg

import "fmt"

// frechetDegrees are Al-Mohy & Higham's (2009) ℓ_m, Table 6.1: the largest
// ‖A‖₁ for which degree m gives exp(A) and L(A, E) to backward error
// ≤ 2⁻⁵³.
var frechetDegrees = []padeDegree{
	{3, 1.08e-2},
	{5, 2.00e-1},
	{7, 7.83e-1},
	{9, 1.78e0},
}

// frechetEll13 is ℓ_13 of Al-Mohy & Higham (2009), Table 6.1.
const frechetEll13 = 4.74

// ExpmFrechet returns exp(a) and the Fréchet derivative
// L(a, e) = d/dh exp(a + h·e) at h = 0 of the matrix exponential at a in
// direction e: the exact first-order change of exp(a) under a perturbation
// e, which GRAPE needs for the gradient of a propagator with respect to a
// control amplitude (e = −i·Δt·H_k).
//
// Method: Al-Mohy & Higham (2009), "Computing the Fréchet derivative of the
// matrix exponential, with an application to condition number estimation",
// SIAM J. Matrix Anal. Appl. 30(4):1639–1657, Algorithm 6.4: the Padé
// approximant and its derivative evaluated together, scaled and squared
// (about 3× the cost of Expm). It equals the upper-right block of
// exp([[a, e], [0, a]]), which costs about 8× Expm.
//
// It returns an error when a and e are not square of the same size or have
// NaN or infinite elements.
func ExpmFrechet(a, e *Matrix) (expA, l *Matrix, err error) {
	if err := checkSquare("ExpmFrechet", a); err != nil {
		return nil, nil, err
	}
	if err := checkFinite("ExpmFrechet", e); err != nil {
		return nil, nil, err
	}
	if e.Rows != a.Rows || e.Cols != a.Cols {
		return nil, nil, fmt.Errorf("linalg: ExpmFrechet: direction is %d×%d, want %d×%d", e.Rows, e.Cols, a.Rows, a.Cols)
	}
	expA, l, err = expmScaled(a, e, frechetDegrees, frechetEll13)
	if err != nil {
		return nil, nil, fmt.Errorf("linalg: ExpmFrechet: %w", err)
	}
	return expA, l, nil
}
