package linalg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/lapack/gonum"
)

// bidiagonalCase is an upper bidiagonal of n rows and n+sqre columns.
type bidiagonalCase struct {
	name string
	d, e []float64
	sqre int
}

// bidiagonalCases returns bidiagonals that exercise every branch of the
// divide and conquer: random (few deflations), exactly repeated values
// (every z deflates), zero diagonals and negligible off-diagonals (small
// z, values at the zero pole), close clusters (rotation deflation), and
// non-square halves.
func bidiagonalCases(rng *rand.Rand) []bidiagonalCase {
	random := func(n, sqre int, f func(i int) (float64, float64)) bidiagonalCase {
		d, e := make([]float64, n), make([]float64, n-1+sqre)
		for i := range d {
			d[i], _ = f(i)
		}
		for i := range e {
			_, e[i] = f(i)
		}
		return bidiagonalCase{d: d, e: e, sqre: sqre}
	}
	var cases []bidiagonalCase
	add := func(name string, c bidiagonalCase) {
		c.name = fmt.Sprintf("%s/n=%d/sqre=%d", name, len(c.d), c.sqre)
		cases = append(cases, c)
	}
	for _, n := range []int{26, 64, 101, 200} {
		for _, sqre := range []int{0, 1} {
			add("random", random(n, sqre, func(int) (float64, float64) { return rng.NormFloat64(), rng.NormFloat64() }))
		}
	}
	add("identity", random(80, 0, func(int) (float64, float64) { return 1, 0 }))
	add("ones", random(80, 0, func(int) (float64, float64) { return 1, 1 }))
	add("zero diagonal", random(70, 1, func(i int) (float64, float64) {
		if i%3 == 0 {
			return 0, rng.NormFloat64()
		}
		return rng.NormFloat64(), rng.NormFloat64()
	}))
	add("tiny coupling", random(90, 0, func(i int) (float64, float64) {
		return rng.NormFloat64(), 1e-17 * rng.NormFloat64()
	}))
	add("two clusters", random(120, 0, func(i int) (float64, float64) {
		return 1 + float64(i%2)*(1+1e-15*rng.NormFloat64()), 1e-9 * rng.NormFloat64()
	}))
	add("graded", random(100, 0, func(i int) (float64, float64) {
		g := math.Pow(10, -float64(12*i)/100)
		return g * rng.NormFloat64(), g * rng.NormFloat64()
	}))
	add("zero", random(60, 0, func(int) (float64, float64) { return 0, 0 }))
	return cases
}

// TestBidiagonalDC checks the divide-and-conquer SVD of bidiagonals,
// square and n×(n+1), by reconstruction, orthonormality and, for the square
// ones, singular values against gonum's Dbdsqr (an independent QR
// implementation), to the absolute accuracy O(ε·‖B‖) that divide and
// conquer guarantees.
func TestBidiagonalDC(t *testing.T) {
	for _, tc := range bidiagonalCases(rand.New(rand.NewPCG(7, 7))) {
		t.Run(tc.name, func(t *testing.T) {
			n, m := len(tc.d), len(tc.d)+tc.sqre
			r, err := dcSolve(tc.d, tc.e, tc.sqre, nil)
			if err != nil {
				t.Fatal(err)
			}
			b := &Matrix{Rows: n, Cols: m, Data: make([]complex128, n*m)}
			for i := range n {
				b.Data[i*m+i] = complex(tc.d[i], 0)
				if i+1 < m {
					b.Data[i*m+i+1] = complex(tc.e[i], 0)
				}
			}
			norm := math.Max(b.FrobeniusNorm(), 1e-300)
			// Vectors are stored one after another: the transposes.
			u := dagger(realToComplex(n, r.u))
			v := dagger(realToComplex(m, r.v))
			sm := &Matrix{Rows: n, Cols: m, Data: make([]complex128, n*m)}
			for i, x := range r.s {
				sm.Data[i*m+i] = complex(x, 0)
			}
			if d := maxAbsDiff(product(u, sm, dagger(v)), b) / norm; d > 1e-14 {
				t.Errorf("‖U·S·Vᵀ − B‖/‖B‖ = %.3g", d)
			}
			if d := orthonormalityError(u) + orthonormalityError(v); d > 1e-13 {
				t.Errorf("orthonormality error %.3g", d)
			}
			if tc.sqre == 1 {
				return
			}
			want := append([]float64(nil), tc.d...)
			we := append([]float64(nil), tc.e...)
			if !(gonum.Implementation{}).Dbdsqr(blas.Upper, n, 0, 0, 0, want, we, nil, 1, nil, 1, nil, 1, make([]float64, 4*n)) {
				t.Fatal("Dbdsqr failed")
			}
			got := slices.Clone(r.s)
			slices.SortFunc(got, func(a, b float64) int { return cmpFloat(b, a) })
			for i := range got {
				if math.Abs(got[i]-want[i]) > 1e-14*float64(n)*math.Max(want[0], 1e-300) {
					t.Errorf("s[%d] = %.17g, Dbdsqr %.17g", i, got[i], want[i])
				}
			}
		})
	}
}

// TestBidiagonalDCKeep checks that the truncated form returns the leading
// vectors of the full one: the same descending values and vectors that
// span the same singular subspaces (equal up to sign for distinct values).
func TestBidiagonalDCKeep(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	n := 150
	d, e := make([]float64, n), make([]float64, n-1)
	for i := range d {
		d[i] = rng.NormFloat64()
	}
	for i := range e {
		e[i] = rng.NormFloat64()
	}
	s, ub, vb, k, err := bidiagonalDC(d, e, func([]float64) int { return 40 })
	if err != nil {
		t.Fatal(err)
	}
	if k != 40 || len(s) != n || len(ub) != n*40 || len(vb) != n*40 {
		t.Fatalf("lengths %d, %d, %d", len(s), len(ub), len(vb))
	}
	for j := range 40 {
		// B·v_j = s_j·u_j.
		for i := range n {
			bv := d[i] * vb[j*n+i]
			if i+1 < n {
				bv += e[i] * vb[j*n+i+1]
			}
			if math.Abs(bv-s[j]*ub[j*n+i]) > 1e-13*s[0] {
				t.Fatalf("(B·v − s·u)[%d] for j = %d: %.3g", i, j, bv-s[j]*ub[j*n+i])
			}
		}
		if j > 0 && s[j] > s[j-1] {
			t.Fatalf("s not descending at %d", j)
		}
	}
}

// TestSVDLargeRepeated runs the full complex SVD through divide and
// conquer (n ≥ dcMin) on matrices with exactly repeated and zero singular
// values, where deflation does all the work.
func TestSVDLargeRepeated(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	tests := []struct {
		name string
		m, n int
		s    []float64
	}{
		{"unitary/√2", 96, 96, slices.Repeat([]float64{1 / math.Sqrt2}, 96)},
		{"two clusters", 130, 100, append(slices.Repeat([]float64{1}, 50), slices.Repeat([]float64{0.5}, 50)...)},
		{"rank 10", 80, 80, append(slices.Repeat([]float64{3}, 10), make([]float64, 70)...)},
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
				if math.Abs(s[i]-tc.s[i]) > 1e-14*tc.s[0]*float64(tc.n) {
					t.Errorf("s[%d] = %.17g, want %.17g", i, s[i], tc.s[i])
				}
			}
		})
	}
}

// TestArrowSVD checks the secular-equation solver on a textbook case: the
// arrow [z; 0 diag(d)] with d = (0, 1, 2), z = (1, 1, 1), whose squared
// singular values are the eigenvalues of diag(0, 1, 4) + z·zᵀ, computed by
// gonum's Dsyev.
func TestArrowSVD(t *testing.T) {
	d, z := []float64{0, 1, 2}, []float64{1, 1, 1}
	a := []float64{1, 1, 1, 1, 2, 1, 1, 1, 5}
	ev := make([]float64, 3)
	work := make([]float64, 64)
	if !(gonum.Implementation{}).Dsyev('N', blas.Upper, 3, a, 3, ev, work, len(work)) {
		t.Fatal("Dsyev failed")
	}
	sigma, q, w, err := arrowSVD(d, z)
	if err != nil {
		t.Fatal(err)
	}
	for j := range 3 {
		if math.Abs(sigma[j]*sigma[j]-ev[j]) > 1e-14*ev[2] {
			t.Errorf("σ_%d² = %.17g, want %.17g", j, sigma[j]*sigma[j], ev[j])
		}
		// M·w_j = σ_j·q_j with M = [z; 0 diag(d_1, d_2)].
		wj, qj := w[3*j:3*j+3], q[3*j:3*j+3]
		mw := []float64{z[0]*wj[0] + z[1]*wj[1] + z[2]*wj[2], d[1] * wj[1], d[2] * wj[2]}
		for i := range 3 {
			if math.Abs(mw[i]-sigma[j]*qj[i]) > 1e-14 {
				t.Errorf("(M·w − σ·q)[%d] for j = %d: %.3g", i, j, mw[i]-sigma[j]*qj[i])
			}
		}
	}
}

// TestTruncatedSVDLarge is the MPS two-site split at χ = 48 (a 96×96
// matrix, through divide and conquer): a matrix with known, slowly decaying
// singular values (repeated in pairs) is truncated to χ, and the kept
// values, the discarded weight and, by Eckart–Young, the residual
// ‖a − u·diag(s)·vh‖_F² = Σ_dropped s_i² are checked.
func TestTruncatedSVDLarge(t *testing.T) {
	const chi = 48
	sv := make([]float64, 2*chi)
	total := 0.0
	for i := range sv {
		sv[i] = math.Exp(-float64(i/2) / 20)
		total += sv[i] * sv[i]
	}
	a := withSingularValues(t, rand.New(rand.NewPCG(10, 10)), 2*chi, 2*chi, sv)
	u, s, vh, disc, err := TruncatedSVD(a, Truncation{MaxBond: chi})
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != chi || u.Cols != chi || vh.Rows != chi {
		t.Fatalf("kept %d (u %d cols, vh %d rows), want %d", len(s), u.Cols, vh.Rows, chi)
	}
	dropped := 0.0
	for _, v := range sv[chi:] {
		dropped += v * v
	}
	if math.Abs(disc-dropped/total) > 1e-14 {
		t.Errorf("discarded %v, want %v", disc, dropped/total)
	}
	for i, v := range s {
		if math.Abs(v-sv[i]) > 1e-13 {
			t.Errorf("s[%d] = %v, want %v", i, v, sv[i])
		}
	}
	var r Matrix
	_ = r.Sub(a, product(u, diag(s), vh))
	if res := r.FrobeniusNorm(); math.Abs(res*res-dropped) > 1e-13 {
		t.Errorf("‖a − a_χ‖² = %v, want %v", res*res, dropped)
	}
	if d := orthonormalityError(u) + orthonormalityError(dagger(vh)); d > 1e-13 {
		t.Errorf("orthonormality error %.3g", d)
	}
}
