package linalg

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// checkEig verifies a·v = v·diag(w), v unitary, w ascending.
func checkEig(t *testing.T, a *Matrix, w []float64, v *Matrix) {
	t.Helper()
	scale := math.Max(a.FrobeniusNorm(), 1)
	if d := maxAbsDiff(naiveMul(a, v), naiveMul(v, diag(w))); d > 1e-13*scale {
		t.Errorf("‖a·v − v·diag(w)‖ = %.3g", d)
	}
	if d := orthonormalityError(v); d > 1e-13 {
		t.Errorf("v†v − I = %.3g", d)
	}
	if !slices.IsSorted(w) {
		t.Errorf("eigenvalues not ascending: %v", w)
	}
}

var (
	pauliX = [][]complex128{{0, 1}, {1, 0}}
	pauliY = [][]complex128{{0, -1i}, {1i, 0}}
	pauliZ = [][]complex128{{1, 0}, {0, -1}}
)

func TestEigHermitianPauli(t *testing.T) {
	for name, p := range map[string][][]complex128{"X": pauliX, "Y": pauliY, "Z": pauliZ} {
		a := mustMatrix(t, p)
		w, v, err := EigHermitian(a)
		if err != nil {
			t.Fatal(err)
		}
		checkEig(t, a, w, v)
		if math.Abs(w[0]+1) > 1e-15 || math.Abs(w[1]-1) > 1e-15 {
			t.Errorf("σ_%s eigenvalues %v, want [-1 1]", name, w)
		}
	}
}

// leibnizDet is the determinant by the Leibniz formula, an independent
// reference for small n.
func leibnizDet(a *Matrix) complex128 {
	n := a.Rows
	var det complex128
	var perm func(p []int, used []bool, sign float64)
	perm = func(p []int, used []bool, sign float64) {
		if len(p) == n {
			term := complex(sign, 0)
			for i, j := range p {
				term *= a.At(i, j)
			}
			det += term
			return
		}
		for j := range n {
			if !used[j] {
				// Each unused index smaller than j that is placed later is an
				// inversion.
				inv := 0
				for k := range j {
					if !used[k] {
						inv++
					}
				}
				used[j] = true
				perm(append(p, j), used, sign*math.Pow(-1, float64(inv)))
				used[j] = false
			}
		}
	}
	perm(nil, make([]bool, n), 1)
	return det
}

func TestEigHermitianRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 10))
	for _, n := range []int{1, 2, 3, 4, 5, 20, 90} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			a := randomHermitian(rng, n)
			w, v, err := EigHermitian(a)
			if err != nil {
				t.Fatal(err)
			}
			checkEig(t, a, w, v)
			// tr a = Σλ and tr a² = Σλ².
			sum, sum2 := 0.0, 0.0
			for _, x := range w {
				sum += x
				sum2 += x * x
			}
			if d := cmplx.Abs(a.Trace() - complex(sum, 0)); d > 1e-12*float64(n) {
				t.Errorf("tr a − Σλ = %.3g", d)
			}
			if d := cmplx.Abs(naiveMul(a, a).Trace() - complex(sum2, 0)); d > 1e-11*sum2 {
				t.Errorf("tr a² − Σλ² = %.3g", d)
			}
			if n <= 5 {
				prod := 1.0
				for _, x := range w {
					prod *= x
				}
				if det := leibnizDet(a); cmplx.Abs(det-complex(prod, 0)) > 1e-12*math.Max(1, math.Abs(prod)) {
					t.Errorf("det a = %v, Πλ = %v", det, prod)
				}
			}
		})
	}
}

func TestEigHermitianDegenerate(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	want := []float64{-1, 1, 1, 2, 2, 2}
	v0 := randomUnitary(t, rng, 6)
	a := product(v0, diag(want), dagger(v0))
	w, v, err := EigHermitian(a)
	if err != nil {
		t.Fatal(err)
	}
	checkEig(t, a, w, v)
	for i := range w {
		if math.Abs(w[i]-want[i]) > 1e-14 {
			t.Errorf("w = %v, want %v", w, want)
		}
	}
}

func TestEigHermitianMatchesGonumOnRealSymmetric(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 12))
	n := 12
	sym := mat.NewSymDense(n, nil)
	a := &Matrix{Rows: n, Cols: n, Data: make([]complex128, n*n)}
	for i := range n {
		for j := i; j < n; j++ {
			x := rng.NormFloat64()
			sym.SetSym(i, j, x)
			a.Data[i*n+j], a.Data[j*n+i] = complex(x, 0), complex(x, 0)
		}
	}
	var ref mat.EigenSym
	if !ref.Factorize(sym, false) {
		t.Fatal("gonum EigenSym failed")
	}
	want := ref.Values(nil)
	w, _, err := EigHermitian(a)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if math.Abs(w[i]-want[i]) > 1e-13 {
			t.Errorf("w[%d] = %.17g, gonum %.17g", i, w[i], want[i])
		}
	}
}

func TestEigHermitianRejects(t *testing.T) {
	nonHermitian := mustMatrix(t, [][]complex128{{1, 2}, {3, 4}})
	nan := Identity(2)
	nan.Set(0, 1, cmplx.NaN())
	for name, a := range map[string]*Matrix{"non-square": {Rows: 2, Cols: 3, Data: make([]complex128, 6)}, "non-Hermitian": nonHermitian, "NaN": nan} {
		if _, _, err := EigHermitian(a); err == nil {
			t.Errorf("%s: want error", name)
		}
	}
}
