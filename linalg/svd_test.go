package linalg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/lapack/gonum"
	"gonum.org/v1/gonum/mat"
)

// checkSVD verifies the defining properties of a thin SVD of a.
func checkSVD(t *testing.T, a, u *Matrix, s []float64, vh *Matrix) {
	t.Helper()
	m, n := a.Dims()
	k := min(m, n)
	if u.Rows != m || u.Cols != k || vh.Rows != k || vh.Cols != n || len(s) != k {
		t.Fatalf("shapes: u %d×%d, s %d, vh %d×%d for a %d×%d", u.Rows, u.Cols, len(s), vh.Rows, vh.Cols, m, n)
	}
	scale := math.Max(a.FrobeniusNorm(), 1e-300)
	if d := maxAbsDiff(product(u, diag(s), vh), a) / scale; d > 1e-13 {
		t.Errorf("reconstruction error %.3g", d)
	}
	if d := orthonormalityError(u); d > 1e-13 {
		t.Errorf("u†u − I = %.3g", d)
	}
	if d := orthonormalityError(dagger(vh)); d > 1e-13 {
		t.Errorf("vh·vh† − I = %.3g", d)
	}
	for i, v := range s {
		if v < 0 || (i > 0 && v > s[i-1]) {
			t.Fatalf("singular values not descending and non-negative: %v", s)
		}
	}
}

func TestSVDShapes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, sh := range [][2]int{{1, 1}, {1, 5}, {5, 1}, {2, 2}, {3, 7}, {7, 3}, {8, 8}, {17, 16}, {16, 17}, {40, 9}, {9, 40}, {64, 64}, {100, 130}, {200, 120}, {0, 3}, {3, 0}} {
		t.Run(fmt.Sprintf("%dx%d", sh[0], sh[1]), func(t *testing.T) {
			a := randomMatrix(rng, sh[0], sh[1])
			u, s, vh, err := SVD(a)
			if err != nil {
				t.Fatal(err)
			}
			checkSVD(t, a, u, s, vh)
		})
	}
}

// randomUnitary returns an n×n unitary: the Q factor of a random complex
// matrix (its unitarity is checked independently in the QR tests).
func randomUnitary(t *testing.T, rng *rand.Rand, n int) *Matrix {
	t.Helper()
	q, _, err := QR(randomMatrix(rng, n, n))
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// withSingularValues returns U0·diag(s)·V0† (m×n, len(s) = min(m, n)) for
// random unitaries U0, V0: a matrix whose singular values are s by
// construction.
func withSingularValues(t *testing.T, rng *rand.Rand, m, n int, s []float64) *Matrix {
	t.Helper()
	k := len(s)
	u0 := randomUnitary(t, rng, m)
	v0 := randomUnitary(t, rng, n)
	u0k := &Matrix{Rows: m, Cols: k, Data: make([]complex128, m*k)}
	for i := range m {
		copy(u0k.Data[i*k:(i+1)*k], u0.Data[i*m:i*m+k])
	}
	v0k := &Matrix{Rows: k, Cols: n, Data: append([]complex128(nil), v0.Data[:k*n]...)}
	return product(u0k, diag(s), v0k)
}

func TestSVDKnownSingularValues(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	tests := []struct {
		name string
		m, n int
		s    []float64
	}{
		{"distinct", 6, 4, []float64{4, 3, 2, 1}},
		{"repeated", 5, 5, []float64{2, 2, 2, 1, 1}},
		{"all equal", 4, 7, []float64{1, 1, 1, 1}},
		{"rank deficient", 8, 6, []float64{5, 3, 1, 0, 0, 0}},
		{"graded", 6, 6, []float64{1, 1e-3, 1e-6, 1e-9, 1e-12, 1e-15}},
		{"cluster", 30, 20, append(slices.Repeat([]float64{1}, 10), slices.Repeat([]float64{0.5}, 10)...)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := withSingularValues(t, rng, tc.m, tc.n, tc.s)
			u, s, vh, err := SVD(a)
			if err != nil {
				t.Fatal(err)
			}
			checkSVD(t, a, u, s, vh)
			for i := range s {
				// Householder reduction is normwise backward stable, so each
				// value is accurate to O(ε·s_max) absolutely.
				if math.Abs(s[i]-tc.s[i]) > 1e-14*tc.s[0] {
					t.Errorf("s[%d] = %.17g, want %.17g", i, s[i], tc.s[i])
				}
			}
		})
	}
}

func TestSVDBellState(t *testing.T) {
	// |Φ+⟩ = (|00⟩ + |11⟩)/√2 reshaped to 2×2 is I/√2: two equal Schmidt
	// coefficients 1/√2, the textbook repeated-value case.
	r := 1 / math.Sqrt2
	a := mustMatrix(t, [][]complex128{{complex(r, 0), 0}, {0, complex(r, 0)}})
	u, s, vh, err := SVD(a)
	if err != nil {
		t.Fatal(err)
	}
	checkSVD(t, a, u, s, vh)
	for _, v := range s {
		if math.Abs(v-r) > 1e-15 {
			t.Errorf("Schmidt coefficients %v, want [%v %v]", s, r, r)
		}
	}
}

func TestSVDSpecialMatrices(t *testing.T) {
	tests := []struct {
		name string
		a    *Matrix
		s    []float64
	}{
		{"zero", &Matrix{Rows: 3, Cols: 2, Data: make([]complex128, 6)}, []float64{0, 0}},
		{"1x1", mustMatrix(t, [][]complex128{{3 - 4i}}), []float64{5}},
		{"phase row", mustMatrix(t, [][]complex128{{3i, 4}}), []float64{5}},
		// Pauli Y is unitary: both singular values are 1.
		{"pauli Y", mustMatrix(t, [][]complex128{{0, -1i}, {1i, 0}}), []float64{1, 1}},
		{"diagonal unsorted", mustMatrix(t, [][]complex128{{1, 0, 0}, {0, -3i, 0}, {0, 0, 2}}), []float64{3, 2, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, s, vh, err := SVD(tc.a)
			if err != nil {
				t.Fatal(err)
			}
			checkSVD(t, tc.a, u, s, vh)
			for i := range s {
				if math.Abs(s[i]-tc.s[i]) > 1e-15 {
					t.Errorf("s = %v, want %v", s, tc.s)
				}
			}
		})
	}
}

func TestSVDMatchesGonumOnRealInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for _, sh := range [][2]int{{5, 5}, {12, 7}, {7, 12}, {40, 40}} {
		m, n := sh[0], sh[1]
		real := mat.NewDense(m, n, nil)
		a := &Matrix{Rows: m, Cols: n, Data: make([]complex128, m*n)}
		for i := range m {
			for j := range n {
				x := rng.NormFloat64()
				real.Set(i, j, x)
				a.Data[i*n+j] = complex(x, 0)
			}
		}
		var ref mat.SVD
		if !ref.Factorize(real, mat.SVDNone) {
			t.Fatal("gonum SVD failed")
		}
		want := ref.Values(nil)
		_, s, _, err := SVD(a)
		if err != nil {
			t.Fatal(err)
		}
		for i := range want {
			if math.Abs(s[i]-want[i]) > 1e-13*want[0] {
				t.Errorf("%dx%d: s[%d] = %.17g, gonum %.17g", m, n, i, s[i], want[i])
			}
		}
	}
}

// TestBidiagonalSVDMatchesDbdsqr checks the batched-rotation bidiagonal
// iteration against gonum's Dbdsqr on bidiagonals whose singular values span
// many orders of magnitude, where both should be relatively accurate
// (Demmel & Kahan 1990).
func TestBidiagonalSVDMatchesDbdsqr(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 6))
	for _, n := range []int{1, 2, 3, 10, 50, 150} {
		for _, graded := range []bool{false, true} {
			d, e := make([]float64, n), make([]float64, max(n-1, 0))
			for i := range d {
				d[i] = rng.NormFloat64()
				if graded {
					d[i] *= math.Pow(10, -float64(12*i)/float64(n))
				}
			}
			for i := range e {
				e[i] = rng.NormFloat64()
				if graded {
					e[i] *= math.Pow(10, -float64(12*i+6)/float64(n))
				}
			}
			wantS := append([]float64(nil), d...)
			we := append([]float64(nil), e...)
			if !(gonum.Implementation{}).Dbdsqr(blas.Upper, n, 0, 0, 0, wantS, we, nil, 1, nil, 1, nil, 1, make([]float64, 4*n)) {
				t.Fatal("Dbdsqr failed")
			}
			b := &Matrix{Rows: n, Cols: n, Data: make([]complex128, n*n)}
			for i := range n {
				b.Data[i*n+i] = complex(d[i], 0)
				if i < n-1 {
					b.Data[i*n+i+1] = complex(e[i], 0)
				}
			}
			s, ub, vb, err := bidiagonalSVD(d, e)
			if err != nil {
				t.Fatal(err)
			}
			for i := range s {
				if math.Abs(s[i]-wantS[i]) > 1e-13*wantS[i] {
					t.Errorf("n=%d graded=%v: s[%d] = %.17g, Dbdsqr %.17g", n, graded, i, s[i], wantS[i])
				}
			}
			u, vt := realToComplex(n, ub), realToComplex(n, vb)
			if d := maxAbsDiff(product(u, diag(s), dagger(vt)), b); d > 1e-14*wantS[0]*float64(n) {
				t.Errorf("n=%d graded=%v: ‖Ub·S·Vbᵀ − B‖ = %.3g", n, graded, d)
			}
			if d := orthonormalityError(u) + orthonormalityError(vt); d > 1e-13 {
				t.Errorf("n=%d: orthonormality error %.3g", n, d)
			}
		}
	}
}

func realToComplex(n int, x []float64) *Matrix {
	m := &Matrix{Rows: n, Cols: n, Data: make([]complex128, n*n)}
	for i, v := range x {
		m.Data[i] = complex(v, 0)
	}
	return m
}

func TestSVDRejectsNaN(t *testing.T) {
	a := Identity(3)
	a.Set(1, 2, complex(math.NaN(), 0))
	if _, _, _, err := SVD(a); err == nil {
		t.Error("SVD with NaN: want error")
	}
}
