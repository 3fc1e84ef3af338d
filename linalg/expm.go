package linalg

import (
	"fmt"
	"math"
	"math/cmplx"
)

// expmDegrees are Higham's (2005) θ_m, Table 2.3: the largest ‖A‖₁ for
// which the Padé approximant r_m(A) has backward error ≤ 2⁻⁵³.
var expmDegrees = []padeDegree{
	{3, 1.495585217958292e-2},
	{5, 2.539398330063230e-1},
	{7, 9.504178996162932e-1},
	{9, 2.097847961257068e0},
}

// expmTheta13 is θ_13 of Higham (2005), Table 2.3.
const expmTheta13 = 5.371920351148152

// Expm returns the matrix exponential exp(a) of a square complex matrix.
//
// Method: scaling and squaring with Padé approximants, Higham (2005), "The
// scaling and squaring method for the matrix exponential revisited", SIAM J.
// Matrix Anal. Appl. 26(4):1179–1193, Algorithm 2.3: the lowest degree
// m ∈ {3, 5, 7, 9} with ‖a‖₁ ≤ θ_m, otherwise degree 13 on a/2^s with
// s = ⌈log₂(‖a‖₁/θ_13)⌉ followed by s squarings. The backward error is at
// most the unit roundoff. For a Hermitian generator ExpmHermitian is faster
// and exactly unitary.
//
// It returns an error when a is not square or has NaN or infinite elements.
func Expm(a *Matrix) (*Matrix, error) {
	if err := checkSquare("Expm", a); err != nil {
		return nil, err
	}
	r, _, err := expmScaled(a, nil, expmDegrees, expmTheta13)
	if err != nil {
		return nil, fmt.Errorf("linalg: Expm: %w", err)
	}
	return r, nil
}

// expmScaled is the common scaling-and-squaring driver of Expm and
// ExpmFrechet: it picks the Padé degree from degrees (or 13 with scaling by
// theta13), evaluates r_m and, when e != nil, its Fréchet derivative, then
// squares back: L ← R·L + L·R, R ← R² (the derivative of X² is XL + LX).
func expmScaled(a, e *Matrix, degrees []padeDegree, theta13 float64) (r, l *Matrix, err error) {
	n1 := norm1(a)
	for _, d := range degrees {
		if n1 <= d.theta {
			return padeSolve(padeParts(a, e, d.m))
		}
	}
	s := max(0, int(math.Ceil(math.Log2(n1/theta13))))
	scale := complex(math.Ldexp(1, -s), 0)
	as := &Matrix{}
	as.Scale(scale, a)
	var es *Matrix
	if e != nil {
		es = &Matrix{}
		es.Scale(scale, e)
	}
	r, l, err = padeSolve(padeParts(as, es, 13))
	if err != nil {
		return nil, nil, err
	}
	for range s {
		if l != nil {
			l = sum(mul(r, l), mul(l, r))
		}
		r = mul(r, r)
	}
	return r, l, nil
}

// ExpmHermitian returns the propagator exp(−i·t·h) of a Hermitian generator
// h (a Hamiltonian, in units where ħ = 1) over time t, as
// v·diag(e^{−i·t·w_j})·v† from h = v·diag(w)·v† (EigHermitian). It is
// unitary to working precision for any t, costs one eigendecomposition and
// one product, and is the fast path for piecewise-constant pulse
// propagation.
//
// It returns an error for a non-square, non-finite or non-Hermitian h (see
// EigHermitian) or a non-finite t.
func ExpmHermitian(h *Matrix, t float64) (*Matrix, error) {
	if math.IsNaN(t) || math.IsInf(t, 0) {
		return nil, fmt.Errorf("linalg: ExpmHermitian: time %v is not finite", t)
	}
	w, v, err := EigHermitian(h)
	if err != nil {
		return nil, err
	}
	n := len(w)
	// vd = v·diag(phases), then vd·v†.
	vd := v.Clone()
	for j, wj := range w {
		ph := cmplx.Exp(complex(0, -t*wj))
		for i := range n {
			vd.Data[i*n+j] *= ph
		}
	}
	var vh Matrix
	vh.ConjTranspose(v)
	return mul(vd, &vh), nil
}

// checkSquare returns an error naming op when a is not square or not
// finite.
func checkSquare(op string, a *Matrix) error {
	if a.Rows != a.Cols {
		return fmt.Errorf("linalg: %s: matrix is %d×%d, want square", op, a.Rows, a.Cols)
	}
	return checkFinite(op, a)
}
