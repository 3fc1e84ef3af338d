package linalg_test

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/linalg"
)

// The Bell state (|00⟩ + |11⟩)/√2, reshaped to a 2×2 matrix of amplitudes
// ψ[q1][q0], has two equal Schmidt coefficients 1/√2: the singular values.
func ExampleSVD() {
	r := complex(1/math.Sqrt2, 0)
	psi, _ := linalg.NewFromRows([][]complex128{{r, 0}, {0, r}})
	_, s, _, err := linalg.SVD(psi)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("Schmidt coefficients: %.4f\n", s)
	// Output:
	// Schmidt coefficients: [0.7071 0.7071]
}

// A split keeps two of four singular values 3, 2, 1, 0.5 when at most 10% of
// the weight Σs² = 14.25 may be discarded: dropping 1 and 0.5 discards
// 1.25/14.25.
func ExampleTruncatedSVD() {
	a, _ := linalg.NewFromRows([][]complex128{
		{3, 0, 0, 0},
		{0, 2, 0, 0},
		{0, 0, 1, 0},
		{0, 0, 0, 0.5},
	})
	_, s, _, discarded, err := linalg.TruncatedSVD(a, linalg.Truncation{MaxBond: 3, Cutoff: 0.1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("kept %.4f, discarded weight %.4f\n", s, discarded)
	// Output:
	// kept [3.0000 2.0000], discarded weight 0.0877
}

func ExampleQR() {
	a, _ := linalg.NewFromRows([][]complex128{{3, 1}, {4, 2}})
	q, r, err := linalg.QR(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	var qr linalg.Matrix
	_ = qr.Mul(q, r)
	fmt.Printf("|r00| = %.1f, q·r(1,1) = %.1f\n", math.Abs(real(r.At(0, 0))), real(qr.At(1, 1)))
	// Output:
	// |r00| = 5.0, q·r(1,1) = 2.0
}

func ExampleEigHermitian() {
	pauliY, _ := linalg.NewFromRows([][]complex128{{0, -1i}, {1i, 0}})
	w, _, err := linalg.EigHermitian(pauliY)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.1f\n", w)
	// Output:
	// [-1.0 1.0]
}

// exp(iθσx) = cos θ·I + i·sin θ·σx; at θ = π/2 it is i·σx.
func ExampleExpm() {
	a, _ := linalg.NewFromRows([][]complex128{{0, 1i * math.Pi / 2}, {1i * math.Pi / 2, 0}})
	u, err := linalg.Expm(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(round3(u.At(0, 0)), round3(u.At(0, 1)))
	// Output:
	// (0+0i) (0+1i)
}

// The propagator of H = σz/2 over t = π is a π rotation about z:
// diag(e^{−iπ/2}, e^{iπ/2}) = diag(−i, i).
func ExampleExpmHermitian() {
	h, _ := linalg.NewFromRows([][]complex128{{0.5, 0}, {0, -0.5}})
	u, err := linalg.ExpmHermitian(h, math.Pi)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(round3(u.At(0, 0)), round3(u.At(1, 1)))
	// Output:
	// (0-1i) (0+1i)
}

// At a = 0 the exponential is I and its derivative in any direction e is e.
func ExampleExpmFrechet() {
	zero, _ := linalg.New(2, 2)
	e, _ := linalg.NewFromRows([][]complex128{{1, 2i}, {3, 4}})
	_, l, err := linalg.ExpmFrechet(zero, e)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, z := range l.Data {
		fmt.Print(round3(z), " ")
	}
	fmt.Println()
	// Output:
	// (1+0i) (0+2i) (3+0i) (4+0i)
}

func ExampleMatrix_Mul() {
	x, _ := linalg.NewFromRows([][]complex128{{0, 1}, {1, 0}})
	z, _ := linalg.NewFromRows([][]complex128{{1, 0}, {0, -1}})
	var xz linalg.Matrix // σx·σz = −i·σy
	if err := xz.Mul(x, z); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(xz.Data)
	// Output:
	// [(0+0i) (-1+0i) (1+0i) (0+0i)]
}

// round3 rounds both parts of z to three decimals, mapping −0 to 0, so that
// printed examples do not depend on the last bits of the arithmetic.
func round3(z complex128) complex128 {
	r := func(x float64) float64 { return math.Round(x*1000)/1000 + 0 }
	return complex(r(real(z)), r(imag(z)))
}
