package linalg

import (
	"math/cmplx"
	"math/rand/v2"
	"testing"
)

// TestWYMatchesReflections applies the reflectors of a QR factorisation
// (70×50 and 90×90: one full and one partial compact-WY block, and several
// blocks) to targets large enough for the blocked form and one elementary
// reflection at a time (reflectLeft, the definition H = I − τ·v·v†), from
// the left, from the right in adjoint form, and (unblocked) from the left
// with the identity shortcut.
func TestWYMatchesReflections(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, sh := range [][2]int{{70, 50}, {90, 90}} {
		m, n := sh[0], sh[1]
		f := factorQR(randomMatrix(rng, m, n))
		h := f.q
		// want = H_0⋯H_{n−1}·x, one reflection at a time.
		const p = wyMinRows + 3 // enough columns for the blocked form
		x := randomMatrix(rng, m, p)
		want := &Matrix{Rows: m, Cols: p, Data: append([]complex128(nil), x.Data...)}
		work := make([]complex128, p)
		for i := len(h.v) - 1; i >= 0; i-- {
			reflectLeft(want.Data[(h.off+i)*p:], p, p, h.v[i], h.tau[i], work)
		}
		got := &Matrix{Rows: m, Cols: p, Data: append([]complex128(nil), x.Data...)}
		h.leftMul(got, false)
		assertClose(t, "leftMul", got, want)

		// identityTop: the first n columns of Q.
		id := &Matrix{Rows: m, Cols: n, Data: make([]complex128, m*n)}
		for i := range n {
			id.Data[i*n+i] = 1
		}
		full := &Matrix{Rows: m, Cols: n, Data: append([]complex128(nil), id.Data...)}
		h.leftMul(id, true)
		work = make([]complex128, n)
		for i := len(h.v) - 1; i >= 0; i-- {
			reflectLeft(full.Data[i*n:], n, n, h.v[i], h.tau[i], work)
		}
		assertClose(t, "leftMul identityTop", id, full)

		// y·Q† = (Q·y†)†.
		y := randomMatrix(rng, p, m)
		var yh Matrix
		yh.ConjTranspose(y)
		for i := len(h.v) - 1; i >= 0; i-- {
			reflectLeft(yh.Data[i*p:], p, p, h.v[i], h.tau[i], make([]complex128, p))
		}
		var wantR Matrix
		wantR.ConjTranspose(&yh)
		h.rightMulAdj(y, false)
		assertClose(t, "rightMulAdj", y, &wantR)
	}
}

func assertClose(t *testing.T, name string, got, want *Matrix) {
	t.Helper()
	for i := range want.Data {
		if cmplx.Abs(got.Data[i]-want.Data[i]) > 1e-12 {
			t.Fatalf("%s: element %d = %v, want %v", name, i, got.Data[i], want.Data[i])
		}
	}
}
