package linalg

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"
)

// TestTridiagonalEigenMatchesDsteqr compares the batched-rotation QL
// iteration with gonum's Dsteqr (eigenvalues only, by its root-free QL
// Dsterf path) and checks T·Z = Z·diag(w), ZᵀZ = I.
func TestTridiagonalEigenMatchesDsteqr(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 19))
	type tri struct {
		name string
		d, e []float64
	}
	var cases []tri
	for _, n := range []int{1, 2, 3, 17, 120} {
		d, e := make([]float64, n), make([]float64, max(n-1, 0))
		for i := range d {
			d[i] = rng.NormFloat64()
		}
		for i := range e {
			e[i] = rng.NormFloat64()
		}
		cases = append(cases, tri{"random", d, e})
	}
	// Wilkinson's W21+: d_i = |10 − i|, e_i = 1, with pairs of eigenvalues
	// agreeing to ~1e-14 (Wilkinson, The Algebraic Eigenvalue Problem, §5.45).
	w21d, w21e := make([]float64, 21), make([]float64, 20)
	for i := range w21d {
		w21d[i] = math.Abs(float64(10 - i))
	}
	for i := range w21e {
		w21e[i] = 1
	}
	cases = append(cases, tri{"W21+", w21d, w21e})
	// Graded and split: a zero coupling in the middle, all-equal diagonal.
	cases = append(cases, tri{"split", []float64{1, 2, 3, 4}, []float64{1e-3, 0, 1e3}})
	cases = append(cases, tri{"scalar multiple of I", []float64{2, 2, 2}, []float64{0, 0}})
	for _, tc := range cases {
		n := len(tc.d)
		want := append([]float64(nil), tc.d...)
		we := append([]float64(nil), tc.e...)
		if !(gonum.Implementation{}).Dsteqr(lapack.EVCompNone, n, want, we, nil, 1, nil) {
			t.Fatal("Dsteqr failed")
		}
		T := &Matrix{Rows: n, Cols: n, Data: make([]complex128, n*n)}
		for i := range n {
			T.Data[i*n+i] = complex(tc.d[i], 0)
			if i < n-1 {
				T.Data[i*n+i+1] = complex(tc.e[i], 0)
				T.Data[(i+1)*n+i] = complex(tc.e[i], 0)
			}
		}
		w, z, err := tridiagonalEigen(append([]float64(nil), tc.d...), tc.e)
		if err != nil {
			t.Fatal(err)
		}
		scale := math.Max(T.FrobeniusNorm(), 1)
		for i := range w {
			if math.Abs(w[i]-want[i]) > 1e-14*scale {
				t.Errorf("%s n=%d: w[%d] = %.17g, Dsteqr %.17g", tc.name, n, i, w[i], want[i])
			}
		}
		zc := realToComplex(n, z)
		if d := maxAbsDiff(naiveMul(T, zc), naiveMul(zc, diag(w))); d > 1e-13*scale {
			t.Errorf("%s n=%d: ‖T·Z − Z·diag(w)‖ = %.3g", tc.name, n, d)
		}
		if d := orthonormalityError(zc); d > 1e-13 {
			t.Errorf("%s n=%d: ZᵀZ − I = %.3g", tc.name, n, d)
		}
	}
}
