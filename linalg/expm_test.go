package linalg

import (
	"fmt"
	"math"
	"math/big"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// relDiff returns ‖a − b‖_F / ‖b‖_F.
func relDiff(a, b *Matrix) float64 {
	var d Matrix
	if err := d.Sub(a, b); err != nil {
		return math.Inf(1)
	}
	return d.FrobeniusNorm() / b.FrobeniusNorm()
}

// taylorExp sums Σ_k a^k/k! until the terms vanish, with the naive product:
// an independent reference for matrices of modest norm.
func taylorExp(a *Matrix) *Matrix {
	sum := Identity(a.Rows)
	term := Identity(a.Rows)
	for k := 1; k < 200; k++ {
		term = naiveMul(term, a)
		term.Scale(complex(1/float64(k), 0), term)
		_ = sum.Add(sum, term)
		if term.FrobeniusNorm() < 1e-18*sum.FrobeniusNorm() {
			break
		}
	}
	return sum
}

// scaledRandom returns a random n×n matrix scaled to 1-norm nrm.
func scaledRandom(rng *rand.Rand, n int, nrm float64) *Matrix {
	a := randomMatrix(rng, n, n)
	a.Scale(complex(nrm/norm1(a), 0), a)
	return a
}

func TestPadeCoefficientsClosedForm(t *testing.T) {
	// p_m(x) = Σ_j (2m−j)!·m! / ((2m)!·j!·(m−j)!) x^j (Higham 2005, eq. (2.2));
	// the table is that polynomial times b_0.
	fact := func(k int) *big.Float { return new(big.Float).SetInt(new(big.Int).MulRange(1, int64(max(k, 1)))) }
	for m, b := range padeCoefficients {
		for j := range m + 1 {
			c := new(big.Float).Mul(fact(2*m-j), fact(m))
			c.Quo(c, fact(2*m))
			c.Quo(c, fact(j))
			c.Quo(c, fact(m-j))
			want, _ := c.Float64()
			if got := b[j] / b[0]; math.Abs(got-want) > 1e-15*want {
				t.Errorf("m=%d: b_%d/b_0 = %v, want %v", m, j, got, want)
			}
		}
	}
}

func TestExpmClosedForms(t *testing.T) {
	e := math.E
	nil4 := mustMatrix(t, [][]complex128{{0, 3, -2i, 5}, {0, 0, 7, 1i}, {0, 0, 0, 4}, {0, 0, 0, 0}})
	n2 := naiveMul(nil4, nil4)
	n3 := naiveMul(n2, nil4)
	nilExp := Identity(4)
	_ = nilExp.Add(nilExp, nil4)
	n2.Scale(0.5, n2)
	n3.Scale(1.0/6, n3)
	_ = nilExp.Add(nilExp, n2)
	_ = nilExp.Add(nilExp, n3)
	tests := []struct {
		name string
		a    *Matrix
		want *Matrix
	}{
		{"diagonal", mustMatrix(t, [][]complex128{{1, 0, 0}, {0, -2 + 1i, 0}, {0, 0, 3i}}),
			mustMatrix(t, [][]complex128{{complex(e, 0), 0, 0}, {0, cmplx.Exp(-2 + 1i), 0}, {0, 0, cmplx.Exp(3i)}})},
		{"large diagonal", mustMatrix(t, [][]complex128{{20, 0}, {0, -30i}}),
			mustMatrix(t, [][]complex128{{complex(math.Exp(20), 0), 0}, {0, cmplx.Exp(-30i)}})},
		// exp(N) = I + N + N²/2 + N³/6 for nilpotent N with N⁴ = 0 (‖N‖₁ = 12,
		// so this exercises scaling and squaring).
		{"nilpotent", nil4, nilExp},
		{"zero", &Matrix{Rows: 3, Cols: 3, Data: make([]complex128, 9)}, Identity(3)},
		{"empty", &Matrix{}, &Matrix{}},
	}
	for _, theta := range []float64{1e-3, 0.5, 2, 30} {
		// exp(iθσx) = cos θ·I + i·sin θ·σx.
		a := mustMatrix(t, pauliX)
		a.Scale(complex(0, theta), a)
		c, s := complex(math.Cos(theta), 0), complex(0, math.Sin(theta))
		tests = append(tests, struct {
			name string
			a    *Matrix
			want *Matrix
		}{fmt.Sprintf("iθσx θ=%v", theta), a, mustMatrix(t, [][]complex128{{c, s}, {s, c}})})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Expm(tc.a)
			if err != nil {
				t.Fatal(err)
			}
			if tc.want.Rows == 0 {
				if got.Rows != 0 {
					t.Errorf("exp of empty = %d×%d", got.Rows, got.Cols)
				}
				return
			}
			if d := relDiff(got, tc.want); d > 2e-14 {
				t.Errorf("relative error %.3g", d)
			}
		})
	}
}

// TestExpmTaylor compares with the Taylor series at norms that select each
// Padé degree: 3, 5, 7, 9 and 13 without and with scaling.
func TestExpmTaylor(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 13))
	for _, nrm := range []float64{0.01, 0.2, 0.9, 2, 4, 8} {
		a := scaledRandom(rng, 6, nrm)
		got, err := Expm(a)
		if err != nil {
			t.Fatal(err)
		}
		if d := relDiff(got, taylorExp(a)); d > 1e-14*math.Max(1, nrm) {
			t.Errorf("‖a‖₁ = %v: relative error vs Taylor %.3g", nrm, d)
		}
	}
}

func TestExpmInverse(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 14))
	for _, nrm := range []float64{0.01, 1, 5, 30} {
		a := scaledRandom(rng, 10, nrm)
		var neg Matrix
		neg.Scale(-1, a)
		ea, err1 := Expm(a)
		ena, err2 := Expm(&neg)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		// Forward error bound: a few ulps of ‖exp(a)‖·‖exp(−a)‖.
		if d := maxAbsDiff(naiveMul(ea, ena), Identity(10)); d > 1e-14*ea.FrobeniusNorm()*ena.FrobeniusNorm() {
			t.Errorf("‖a‖₁ = %v: exp(a)·exp(−a) − I = %.3g", nrm, d)
		}
	}
}

func TestExpmMatchesGonumOnReal(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 15))
	for _, scale := range []float64{0.1, 1, 10} {
		n := 7
		real := mat.NewDense(n, n, nil)
		a := &Matrix{Rows: n, Cols: n, Data: make([]complex128, n*n)}
		for i := range n {
			for j := range n {
				x := scale * rng.NormFloat64() / float64(n)
				real.Set(i, j, x)
				a.Data[i*n+j] = complex(x, 0)
			}
		}
		var ref mat.Dense
		ref.Exp(real)
		got, err := Expm(a)
		if err != nil {
			t.Fatal(err)
		}
		want := &Matrix{Rows: n, Cols: n, Data: make([]complex128, n*n)}
		for i := range n {
			for j := range n {
				want.Data[i*n+j] = complex(ref.At(i, j), 0)
			}
		}
		if d := relDiff(got, want); d > 1e-13 {
			t.Errorf("scale %v: relative difference from gonum %.3g", scale, d)
		}
	}
}

func TestExpmHermitian(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 16))
	for _, tt := range []float64{0, 0.3, -2, 50} {
		h := randomHermitian(rng, 8)
		u, err := ExpmHermitian(h, tt)
		if err != nil {
			t.Fatal(err)
		}
		if d := orthonormalityError(u); d > 1e-13 {
			t.Errorf("t=%v: u†u − I = %.3g", tt, d)
		}
		var g Matrix
		g.Scale(complex(0, -tt), h)
		want, err := Expm(&g)
		if err != nil {
			t.Fatal(err)
		}
		if d := maxAbsDiff(u, want); d > 1e-12*math.Max(1, math.Abs(tt)) {
			t.Errorf("t=%v: differs from Expm(−i·t·h) by %.3g", tt, d)
		}
	}
	if _, err := ExpmHermitian(Identity(2), math.NaN()); err == nil {
		t.Error("t = NaN: want error")
	}
}

// blockFrechet returns L(a, e) as the upper-right block of
// exp([[a, e], [0, a]]) (Higham, Functions of Matrices, Thm 3.6), a reference
// independent of Algorithm 6.4.
func blockFrechet(t *testing.T, a, e *Matrix) *Matrix {
	t.Helper()
	n := a.Rows
	big := &Matrix{Rows: 2 * n, Cols: 2 * n, Data: make([]complex128, 4*n*n)}
	for i := range n {
		copy(big.Data[i*2*n:], a.Data[i*n:(i+1)*n])
		copy(big.Data[i*2*n+n:], e.Data[i*n:(i+1)*n])
		copy(big.Data[(n+i)*2*n+n:], a.Data[i*n:(i+1)*n])
	}
	eb, err := Expm(big)
	if err != nil {
		t.Fatal(err)
	}
	l := &Matrix{Rows: n, Cols: n, Data: make([]complex128, n*n)}
	for i := range n {
		copy(l.Data[i*n:(i+1)*n], eb.Data[i*2*n+n:(i+1)*2*n])
	}
	return l
}

func TestExpmFrechet(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 17))
	for _, nrm := range []float64{0.005, 0.1, 0.5, 1.5, 3, 12} {
		t.Run(fmt.Sprint(nrm), func(t *testing.T) {
			n := 6
			a := scaledRandom(rng, n, nrm)
			e := randomMatrix(rng, n, n)
			expA, l, err := ExpmFrechet(a, e)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := Expm(a)
			if d := relDiff(expA, want); d > 1e-13 {
				t.Errorf("exp(a) differs from Expm by %.3g", d)
			}
			if d := relDiff(l, blockFrechet(t, a, e)); d > 1e-12 {
				t.Errorf("L differs from the block method by %.3g", d)
			}
			// Central difference (exp(a+he) − exp(a−he))/2h, error O(h²).
			const h = 1e-5
			var ap, am Matrix
			he := e.Clone()
			he.Scale(h, he)
			_ = ap.Add(a, he)
			_ = am.Sub(a, he)
			ep, _ := Expm(&ap)
			em, _ := Expm(&am)
			var fd Matrix
			_ = fd.Sub(ep, em)
			fd.Scale(1/(2*h), &fd)
			if d := relDiff(l, &fd); d > 1e-8 {
				t.Errorf("L differs from the central difference by %.3g", d)
			}
		})
	}
}

func TestExpmFrechetClosedForms(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 18))
	// Commuting direction: L(a, a) = a·exp(a).
	a := scaledRandom(rng, 5, 7)
	_, l, err := ExpmFrechet(a, a)
	if err != nil {
		t.Fatal(err)
	}
	ea, _ := Expm(a)
	if d := relDiff(l, naiveMul(a, ea)); d > 1e-13 {
		t.Errorf("L(a, a) − a·exp(a): %.3g", d)
	}
	// Diagonal a: L(a, e)_ij = e_ij·(exp(a_i) − exp(a_j))/(a_i − a_j), the
	// Daleckii–Krein divided differences (exp(a_i) on the diagonal).
	d := []complex128{0.3, -1 + 2i, 2.5, 1i}
	da := &Matrix{Rows: 4, Cols: 4, Data: make([]complex128, 16)}
	for i, x := range d {
		da.Data[i*4+i] = x
	}
	e := randomMatrix(rng, 4, 4)
	want := &Matrix{Rows: 4, Cols: 4, Data: make([]complex128, 16)}
	for i := range 4 {
		for j := range 4 {
			dd := cmplx.Exp(d[i])
			if i != j {
				dd = (cmplx.Exp(d[i]) - cmplx.Exp(d[j])) / (d[i] - d[j])
			}
			want.Data[i*4+j] = e.Data[i*4+j] * dd
		}
	}
	_, l, err = ExpmFrechet(da, e)
	if err != nil {
		t.Fatal(err)
	}
	if dd := relDiff(l, want); dd > 1e-14 {
		t.Errorf("diagonal a: relative error %.3g", dd)
	}
}

func TestExpmRejects(t *testing.T) {
	rect := &Matrix{Rows: 2, Cols: 3, Data: make([]complex128, 6)}
	if _, err := Expm(rect); err == nil {
		t.Error("Expm of 2×3: want error")
	}
	if _, _, err := ExpmFrechet(Identity(2), Identity(3)); err == nil {
		t.Error("ExpmFrechet with mismatched direction: want error")
	}
	inf := Identity(2)
	inf.Set(1, 1, cmplx.Inf())
	if _, err := Expm(inf); err == nil {
		t.Error("Expm with Inf: want error")
	}
}
