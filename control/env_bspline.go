package control

import (
	"fmt"
	"math"
)

// BSpline is a uniform B-spline envelope of degree P with N coefficients,
//
//	Ω(s) = Σ_{k<N} c_k·β_P(s/h − k),   h = 1/(N + P),
//
// where β_P is the cardinal B-spline supported on [0, P+1]; every basis
// function lies inside [0, 1], so Ω and (for P ≥ 1) its first P−1
// derivatives vanish at both ends, and |Ω| ≤ max|c_k| because the basis
// functions sum to at most 1. Quadratic B-splines are the control basis of
// Juqbox (Petersson & Garcia, SIAM J. Sci. Comput. 44, A3592 (2022)).
type BSpline struct{ P, N int }

// NewBSpline returns a degree-p B-spline envelope with n coefficients,
// 0 ≤ p ≤ 5, n ≥ 1.
func NewBSpline(p, n int) (BSpline, error) {
	if p < 0 || p > 5 || n < 1 {
		return BSpline{}, fmt.Errorf("control: B-spline of degree %d with %d coefficients: want degree 0…5 and at least 1 coefficient", p, n)
	}
	return BSpline{P: p, N: n}, nil
}

// Kind implements Envelope.
func (BSpline) Kind() string { return "bspline" }

// NumParams implements Envelope.
func (e BSpline) NumParams() int { return e.N }

// ParamNames implements Envelope: c0, c1, ….
func (e BSpline) ParamNames() []string { return indexedNames("c", e.N) }

// AmplitudeParams implements Envelope: all coefficients.
func (e BSpline) AmplitudeParams() []int { return allIndices(e.N) }

// Defaults implements Envelope: zeros.
func (e BSpline) Defaults() []float64 { return make([]float64, e.N) }

// cardinal returns β_p(y) and β_p'(y) by the Cox–de Boor recursion
// β_p(y) = [y·β_{p−1}(y) + (p+1−y)·β_{p−1}(y−1)]/p, β_p' = β_{p−1}(y) − β_{p−1}(y−1).
func cardinal(p int, y float64) (v, dv float64) {
	if p == 0 {
		if y >= 0 && y < 1 {
			return 1, 0
		}
		return 0, 0
	}
	a, _ := cardinal(p-1, y)
	b, _ := cardinal(p-1, y-1)
	return (y*a + (float64(p)+1-y)*b) / float64(p), a - b
}

// Eval implements Envelope: ∂Ω/∂c_k = β_P(s/h − k), ∂Ω/∂s = Σ c_k β_P'(s/h − k)/h.
func (e BSpline) Eval(p []float64, s, _ float64, dp []complex128) Value {
	if s < 0 || s >= 1 {
		return Value{}
	}
	h := 1 / float64(e.N+e.P)
	x := s / h
	top := int(math.Floor(x))
	lo, hi := max(top-e.P, 0), min(top+1, e.N)
	if lo >= hi {
		return Value{}
	}
	var v, ds float64
	for k := lo; k < hi; k++ {
		b, db := cardinal(e.P, x-float64(k))
		dp[k] = complex(b, 0)
		v += p[k] * b
		ds += p[k] * db / h
	}
	return Value{V: complex(v, 0), DS: complex(ds, 0), Lo: lo, Hi: hi}
}
