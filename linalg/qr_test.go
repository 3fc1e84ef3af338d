package linalg

import (
	"fmt"
	"math/cmplx"
	"math/rand/v2"
	"testing"
)

func TestQR(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	rankDeficient := randomMatrix(rng, 6, 4)
	for i := range 6 { // column 3 = column 0: rank 3
		rankDeficient.Data[i*4+3] = rankDeficient.Data[i*4]
	}
	tests := []struct {
		name string
		a    *Matrix
	}{
		{"square", randomMatrix(rng, 5, 5)},
		{"tall", randomMatrix(rng, 9, 4)},
		{"wide", randomMatrix(rng, 3, 8)},
		{"1x1", mustMatrix(t, [][]complex128{{2i}})},
		{"zero", &Matrix{Rows: 4, Cols: 3, Data: make([]complex128, 12)}},
		{"rank deficient", rankDeficient},
		{"large", randomMatrix(rng, 150, 120)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, r, err := QR(tc.a)
			if err != nil {
				t.Fatal(err)
			}
			m, n := tc.a.Dims()
			k := min(m, n)
			if q.Rows != m || q.Cols != k || r.Rows != k || r.Cols != n {
				t.Fatalf("q %d×%d, r %d×%d", q.Rows, q.Cols, r.Rows, r.Cols)
			}
			if d := orthonormalityError(q); d > 1e-14 {
				t.Errorf("q†q − I = %.3g", d)
			}
			if d := maxAbsDiff(naiveMul(q, r), tc.a); d > 1e-13*(1+tc.a.FrobeniusNorm()) {
				t.Errorf("q·r − a = %.3g", d)
			}
			for i := range k {
				if imag(r.At(i, i)) != 0 {
					t.Errorf("r(%d,%d) = %v not real", i, i, r.At(i, i))
				}
				for j := range i {
					if r.At(i, j) != 0 {
						t.Errorf("r(%d,%d) = %v below the diagonal", i, j, r.At(i, j))
					}
				}
			}
		})
	}
}

func TestLQ(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for _, sh := range [][2]int{{4, 4}, {3, 7}, {7, 3}, {1, 5}} {
		t.Run(fmt.Sprintf("%dx%d", sh[0], sh[1]), func(t *testing.T) {
			a := randomMatrix(rng, sh[0], sh[1])
			l, q, err := LQ(a)
			if err != nil {
				t.Fatal(err)
			}
			if d := orthonormalityError(dagger(q)); d > 1e-14 {
				t.Errorf("q·q† − I = %.3g", d)
			}
			if d := maxAbsDiff(naiveMul(l, q), a); d > 1e-13*a.FrobeniusNorm() {
				t.Errorf("l·q − a = %.3g", d)
			}
			for i := range l.Rows {
				for j := i + 1; j < l.Cols; j++ {
					if cmplx.Abs(l.At(i, j)) != 0 {
						t.Errorf("l(%d,%d) = %v above the diagonal", i, j, l.At(i, j))
					}
				}
			}
		})
	}
}
