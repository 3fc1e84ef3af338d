package linalg

import (
	"math/cmplx"
	"math/rand/v2"
	"testing"
)

// TestLUSolve checks A·x = b for random systems whose pivoting moves rows
// at several steps (a regression test: swaps applied in the middle of the
// forward elimination gave wrong answers for most of them).
func TestLUSolve(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 4))
	for trial := 0; trial < 500; trial++ {
		n := 2 + rng.IntN(7)
		a, _ := New(n, n)
		for i := range a.Data {
			a.Data[i] = complex(rng.NormFloat64(), rng.NormFloat64())
		}
		b, _ := New(n, 2)
		for i := range b.Data {
			b.Data[i] = complex(rng.NormFloat64(), rng.NormFloat64())
		}
		f, err := factorLU(a)
		if err != nil {
			t.Fatal(err)
		}
		x := b.Clone()
		f.solve(x)
		ax, _ := New(n, 2)
		if err := ax.Mul(a, x); err != nil {
			t.Fatal(err)
		}
		for i := range ax.Data {
			if cmplx.Abs(ax.Data[i]-b.Data[i]) > 1e-10*(1+cmplx.Abs(b.Data[i])) {
				t.Fatalf("trial %d (n=%d): (A·x − b)[%d] = %g", trial, n, i, cmplx.Abs(ax.Data[i]-b.Data[i]))
			}
		}
	}
}

// TestExpmAntiHermitianLargeNorm: exp of an anti-Hermitian matrix is unitary;
// at ‖A‖₁ of 5–40 the Padé denominator needs row interchanges.
func TestExpmAntiHermitianLargeNorm(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	for trial := 0; trial < 40; trial++ {
		n := 3 + rng.IntN(5)
		a, _ := New(n, n)
		scale := 1 + 5*rng.Float64()
		for i := 0; i < n; i++ {
			a.Set(i, i, complex(0, scale*rng.NormFloat64()))
			for j := i + 1; j < n; j++ {
				v := complex(scale*rng.NormFloat64(), scale*rng.NormFloat64())
				a.Set(i, j, v)
				a.Set(j, i, -cmplx.Conj(v))
			}
		}
		u, err := Expm(a)
		if err != nil {
			t.Fatal(err)
		}
		uh := zeros(n)
		uh.ConjTranspose(u)
		p := zeros(n)
		if err := p.Mul(uh, u); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				want := complex(0, 0)
				if i == j {
					want = 1
				}
				if d := cmplx.Abs(p.At(i, j) - want); d > 1e-11 {
					t.Fatalf("trial %d (n=%d, scale %.1f): (U†U − I)[%d,%d] = %g", trial, n, scale, i, j, d)
				}
			}
		}
	}
}

// zeros returns an n×n zero matrix.
func zeros(n int) *Matrix {
	m, _ := New(n, n)
	return m
}
