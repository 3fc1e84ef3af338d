package linalg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func TestConstructorsReject(t *testing.T) {
	if _, err := New(-1, 2); err == nil {
		t.Error("New(-1, 2): want error")
	}
	if _, err := NewFromData(2, 2, make([]complex128, 3)); err == nil {
		t.Error("NewFromData with 3 elements for 2×2: want error")
	}
	if _, err := NewFromRows([][]complex128{{1, 2}, {3}}); err == nil {
		t.Error("NewFromRows ragged: want error")
	}
}

func TestAtSetRowMajor(t *testing.T) {
	m, err := New(2, 3)
	if err != nil {
		t.Fatal(err)
	}
	m.Set(1, 2, 5i)
	if m.Data[1*3+2] != 5i || m.At(1, 2) != 5i {
		t.Errorf("Set(1,2) did not land at Data[5]: %v", m.Data)
	}
	defer func() {
		if recover() == nil {
			t.Error("At(2, 0) on a 2×3 matrix: want panic")
		}
	}()
	m.At(2, 0)
}

func TestMulMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	for _, sh := range [][3]int{{1, 1, 1}, {3, 5, 2}, {7, 1, 9}, {16, 16, 16}, {33, 17, 65}, {90, 80, 70}, {0, 3, 4}, {3, 0, 4}} {
		m, k, n := sh[0], sh[1], sh[2]
		t.Run(fmt.Sprintf("%dx%dx%d", m, k, n), func(t *testing.T) {
			a, b := randomMatrix(rng, m, k), randomMatrix(rng, k, n)
			var c Matrix
			if err := c.Mul(a, b); err != nil {
				t.Fatal(err)
			}
			if d := maxAbsDiff(&c, naiveMul(a, b)); d > 1e-12 {
				t.Errorf("max |Mul − naive| = %.3g", d)
			}
		})
	}
}

func TestMulAliasingAndReuse(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	a, b := randomMatrix(rng, 8, 8), randomMatrix(rng, 8, 8)
	want := naiveMul(a, b)
	got := a.Clone()
	if err := got.Mul(got, b); err != nil { // dst aliases a
		t.Fatal(err)
	}
	if d := maxAbsDiff(got, want); d > 1e-12 {
		t.Errorf("aliased Mul off by %.3g", d)
	}
	// A stale, larger destination is resized and fully overwritten.
	dst := randomMatrix(rng, 10, 10)
	if err := dst.Mul(a, b); err != nil {
		t.Fatal(err)
	}
	if d := maxAbsDiff(dst, want); d > 1e-12 {
		t.Errorf("reused Mul off by %.3g", d)
	}
	if err := dst.Mul(a, randomMatrix(rng, 7, 2)); err == nil {
		t.Error("Mul 8×8 · 7×2: want error")
	}
}

func TestConjTransposeAddSubScale(t *testing.T) {
	a := mustMatrix(t, [][]complex128{{1 + 2i, 3}, {4i, 5 - 1i}, {6, 7}})
	want := mustMatrix(t, [][]complex128{{1 - 2i, -4i, 6}, {3, 5 + 1i, 7}})
	var at Matrix
	at.ConjTranspose(a)
	if maxAbsDiff(&at, want) != 0 {
		t.Errorf("ConjTranspose = %v", at.Data)
	}
	in := a.Clone()
	in.ConjTranspose(in)
	if maxAbsDiff(in, want) != 0 {
		t.Errorf("in-place ConjTranspose = %v", in.Data)
	}
	var s Matrix
	if err := s.Sub(a, a); err != nil || s.FrobeniusNorm() != 0 {
		t.Errorf("a − a: %v, err %v", s.Data, err)
	}
	if err := s.Add(a, &at); err == nil {
		t.Error("Add 3×2 + 2×3: want error")
	}
	s.Scale(2i, a)
	if s.At(0, 0) != (1+2i)*2i {
		t.Errorf("Scale: %v", s.At(0, 0))
	}
}

func TestFrobeniusNormAndTrace(t *testing.T) {
	tests := []struct {
		name string
		data []complex128
		want float64
	}{
		{"3-4-12", []complex128{3, 4i, 12, 0}, 13},
		{"huge", []complex128{3e300, 4e300i, 0, 0}, 5e300},
		{"tiny", []complex128{3e-300, 4e-300i, 0, 0}, 5e-300},
		{"zero", []complex128{0, 0, 0, 0}, 0},
	}
	for _, tc := range tests {
		m, _ := NewFromData(2, 2, tc.data)
		if got := m.FrobeniusNorm(); math.Abs(got-tc.want) > 1e-15*tc.want {
			t.Errorf("%s: FrobeniusNorm = %v, want %v", tc.name, got, tc.want)
		}
	}
	if tr := Identity(5).Trace(); tr != 5 {
		t.Errorf("Trace(I_5) = %v", tr)
	}
}

func TestCopyCloneRowDims(t *testing.T) {
	a := mustMatrix(t, [][]complex128{{1, 2}, {3, 4i}, {5, 6}})
	var c Matrix
	c.Copy(a)
	cl := a.Clone()
	a.Row(1)[1] = 0 // Row shares storage with a, Copy and Clone do not
	if a.At(1, 1) != 0 || c.At(1, 1) != 4i || cl.At(1, 1) != 4i {
		t.Errorf("a(1,1) = %v, copy %v, clone %v", a.At(1, 1), c.At(1, 1), cl.At(1, 1))
	}
	if r, col := c.Dims(); r != 3 || col != 2 {
		t.Errorf("Dims = %d, %d", r, col)
	}
	if id := Identity(-1); id.Rows != 0 {
		t.Errorf("Identity(-1) is %d×%d", id.Rows, id.Cols)
	}
}
