package linalg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func TestJacobiEigenPauli(t *testing.T) {
	var j JacobiEigen
	for name, p := range map[string][][]complex128{"X": pauliX, "Y": pauliY, "Z": pauliZ} {
		a := mustMatrix(t, p)
		if err := j.Factorize(a); err != nil {
			t.Fatal(err)
		}
		checkEig(t, a, j.Values(), j.Vectors())
		if w := j.Values(); math.Abs(w[0]+1) > 1e-15 || math.Abs(w[1]-1) > 1e-15 {
			t.Errorf("σ_%s eigenvalues %v, want [-1 1]", name, w)
		}
	}
}

// TestJacobiEigenMatchesEigHermitian checks reconstruction and unitarity on
// random Hermitian matrices and compares the eigenvalues with the
// independent Householder–QL solver.
func TestJacobiEigenMatchesEigHermitian(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	var j JacobiEigen
	for _, n := range []int{1, 2, 3, 4, 5, 8, 13, 16} {
		for range 5 {
			a := randomHermitian(rng, n)
			if err := j.Factorize(a); err != nil {
				t.Fatal(err)
			}
			checkEig(t, a, j.Values(), j.Vectors())
			w, _, err := EigHermitian(a)
			if err != nil {
				t.Fatal(err)
			}
			for i := range w {
				if math.Abs(w[i]-j.Values()[i]) > 1e-13*math.Max(1, a.FrobeniusNorm()) {
					t.Errorf("n=%d: eigenvalue %d: Jacobi %v, Householder–QL %v", n, i, j.Values()[i], w[i])
				}
			}
		}
	}
}

func TestJacobiEigenDegenerateAndZero(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	var j JacobiEigen
	for _, want := range [][]float64{{-1, 1, 1, 2, 2, 2}, {0, 0, 0, 0}, {0, 0, 1e-30, 3}} {
		v0 := randomUnitary(t, rng, len(want))
		a := product(v0, diag(want), dagger(v0))
		if err := j.Factorize(a); err != nil {
			t.Fatal(err)
		}
		checkEig(t, a, j.Values(), j.Vectors())
		for i, w := range j.Values() {
			if math.Abs(w-want[i]) > 1e-14 {
				t.Errorf("w = %v, want %v", j.Values(), want)
			}
		}
	}
}

func TestJacobiEigenRejects(t *testing.T) {
	var j JacobiEigen
	if err := j.Factorize(&Matrix{Rows: 2, Cols: 3, Data: make([]complex128, 6)}); err == nil {
		t.Error("non-square matrix accepted")
	}
	if err := j.Factorize(mustMatrix(t, [][]complex128{{complex(math.NaN(), 0)}})); err == nil {
		t.Error("NaN accepted")
	}
}

func BenchmarkJacobiEigen(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{2, 4, 5, 8, 16} {
		a := randomHermitian(rng, n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			var j JacobiEigen
			for b.Loop() {
				_ = j.Factorize(a)
			}
		})
	}
}
