package linalg

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"
)

// randomMatrix returns an m×n matrix with independent standard complex
// normal entries.
func randomMatrix(rng *rand.Rand, m, n int) *Matrix {
	a := &Matrix{Rows: m, Cols: n, Data: make([]complex128, m*n)}
	for i := range a.Data {
		a.Data[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	return a
}

// randomHermitian returns (X + X†)/2 for a random complex X.
func randomHermitian(rng *rand.Rand, n int) *Matrix {
	x := randomMatrix(rng, n, n)
	h := &Matrix{}
	h.ConjTranspose(x)
	_ = h.Add(h, x)
	h.Scale(0.5, h)
	return h
}

// naiveMul is the textbook triple loop, the reference for Mul.
func naiveMul(a, b *Matrix) *Matrix {
	c := &Matrix{Rows: a.Rows, Cols: b.Cols, Data: make([]complex128, a.Rows*b.Cols)}
	for i := range a.Rows {
		for j := range b.Cols {
			var s complex128
			for p := range a.Cols {
				s += a.Data[i*a.Cols+p] * b.Data[p*b.Cols+j]
			}
			c.Data[i*c.Cols+j] = s
		}
	}
	return c
}

// product returns the naive product of the given matrices, left to right.
func product(ms ...*Matrix) *Matrix {
	p := ms[0]
	for _, m := range ms[1:] {
		p = naiveMul(p, m)
	}
	return p
}

// diag returns the k×k diagonal matrix with entries s.
func diag(s []float64) *Matrix {
	k := len(s)
	d := &Matrix{Rows: k, Cols: k, Data: make([]complex128, k*k)}
	for i, v := range s {
		d.Data[i*k+i] = complex(v, 0)
	}
	return d
}

// dagger returns a†.
func dagger(a *Matrix) *Matrix {
	d := &Matrix{}
	d.ConjTranspose(a)
	return d
}

// maxAbsDiff returns max |a_ij − b_ij|, +Inf on a shape mismatch.
func maxAbsDiff(a, b *Matrix) float64 {
	if a.Rows != b.Rows || a.Cols != b.Cols {
		return math.Inf(1)
	}
	d := 0.0
	for i := range a.Data {
		d = math.Max(d, cmplx.Abs(a.Data[i]-b.Data[i]))
	}
	return d
}

// orthonormalityError returns max |(q†q − I)_ij| (columns orthonormal).
func orthonormalityError(q *Matrix) float64 {
	return maxAbsDiff(naiveMul(dagger(q), q), Identity(q.Cols))
}

// mustMatrix returns the matrix built from rows, failing t on error.
func mustMatrix(t testing.TB, rows [][]complex128) *Matrix {
	t.Helper()
	m, err := NewFromRows(rows)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
