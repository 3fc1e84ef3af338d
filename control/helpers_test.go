package control

import (
	"math"
	"math/cmplx"
	"os"
	"testing"

	"github.com/itsubaki/q/math/matrix"
	"github.com/qmlgo/qml/linalg"
)

// long reports whether the slow checks (QML_LONG=1) run.
func long() bool { return os.Getenv("QML_LONG") != "" }

// fromQ converts an itsubaki/q matrix, the independent reference.
func fromQ(m *matrix.Matrix) *linalg.Matrix {
	r, c := m.Dim()
	out := &linalg.Matrix{Rows: r, Cols: c, Data: make([]complex128, r*c)}
	for i := range r {
		for j := range c {
			out.Data[i*c+j] = m.At(i, j)
		}
	}
	return out
}

func mustRows(t testing.TB, rows [][]complex128) *linalg.Matrix {
	t.Helper()
	m, err := linalg.NewFromRows(rows)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// maxDiff returns max |a_ij − b_ij|.
func maxDiff(a, b *linalg.Matrix) float64 {
	d := 0.0
	for i := range a.Data {
		d = math.Max(d, cmplx.Abs(a.Data[i]-b.Data[i]))
	}
	return d
}

// qftMatrix is the n-dimensional discrete Fourier transform, F_jk =
// e^{2πi·jk/n}/√n (QuTiP's qft(2) for n = 4).
func qftMatrix(n int) *linalg.Matrix {
	m := &linalg.Matrix{Rows: n, Cols: n, Data: make([]complex128, n*n)}
	for j := range n {
		for k := range n {
			s, c := math.Sincos(2 * math.Pi * float64(j*k) / float64(n))
			m.Data[j*n+k] = complex(c, s) / complex(math.Sqrt(float64(n)), 0)
		}
	}
	return m
}

// naiveProduct multiplies with the textbook loop.
func naiveProduct(a, b *linalg.Matrix) *linalg.Matrix {
	c := &linalg.Matrix{Rows: a.Rows, Cols: b.Cols, Data: make([]complex128, a.Rows*b.Cols)}
	for i := range a.Rows {
		for j := range b.Cols {
			for k := range a.Cols {
				c.Data[i*c.Cols+j] += a.Data[i*a.Cols+k] * b.Data[k*b.Cols+j]
			}
		}
	}
	return c
}
