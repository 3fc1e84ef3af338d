package linalg

import (
	"fmt"
	"math/cmplx"
)

// householderQR is a QR factorisation A = Q·R: q holds the reflectors with
// Q = H_0⋯H_{k−1} (LAPACK zgeqr2), a holds R in its upper triangle.
type householderQR struct {
	m, n int
	a    []complex128 // m×n row-major; only the upper triangle is meaningful
	q    reflectors
}

// factorQR computes the QR factorisation of a (a is not modified).
func factorQR(a *Matrix) *householderQR {
	m, n := a.Rows, a.Cols
	k := min(m, n)
	f := &householderQR{m: m, n: n, a: append([]complex128(nil), a.Data...)}
	f.q = reflectors{v: make([][]complex128, k), tau: make([]complex128, k)}
	for i := range k {
		v := make([]complex128, m-i)
		for r := range v {
			v[r] = f.a[(i+r)*n+i]
		}
		beta, tau := makeReflector(v[0], v[1:])
		v[0] = 1
		f.q.v[i], f.q.tau[i] = v, tau
		f.a[i*n+i] = complex(beta, 0)
		reflectLeftParallel(f.a[i*n+i+1:], n, n-i-1, v, cmplx.Conj(tau))
	}
	return f
}

// reflectLeftParallel is reflectLeft with the columns shared among
// goroutines when the block is large.
func reflectLeftParallel(c []complex128, ld, cols int, v []complex128, tau complex128) {
	parallelRows(cols, 2*cols*len(v), func(c0, c1 int) {
		reflectLeft(c[c0:], ld, c1-c0, v, tau, make([]complex128, c1-c0))
	})
}

// thinQ returns the m×k matrix of the first k = min(m, n) columns of Q.
func (f *householderQR) thinQ() *Matrix {
	k := len(f.q.v)
	q := &Matrix{Rows: f.m, Cols: k, Data: make([]complex128, f.m*k)}
	for i := range k {
		q.Data[i*k+i] = 1
	}
	f.q.leftMul(q, true)
	return q
}

// thinQAdj returns thinQ's k×m adjoint, formed directly as [I 0]·Q† (the
// reflectors applied from the right), for LQ, which needs it in that
// layout.
func (f *householderQR) thinQAdj() *Matrix {
	k := len(f.q.v)
	qa := &Matrix{Rows: k, Cols: f.m, Data: make([]complex128, k*f.m)}
	for i := range k {
		qa.Data[i*f.m+i] = 1
	}
	f.q.rightMulAdj(qa, true)
	return qa
}

// r returns the k×n upper-triangular factor.
func (f *householderQR) r() *Matrix {
	k := len(f.q.v)
	r := &Matrix{Rows: k, Cols: f.n, Data: make([]complex128, k*f.n)}
	for i := range k {
		copy(r.Data[i*f.n+i:(i+1)*f.n], f.a[i*f.n+i:(i+1)*f.n])
	}
	return r
}

// QR returns the thin QR factorisation a = q·r of an m×n matrix: q is m×k
// with orthonormal columns (q†q = I) and r is k×n upper triangular with a
// real diagonal, k = min(m, n). It uses complex Householder reflections
// (LAPACK zgeqr2/zung2r), so q is unitary to working precision whatever the
// conditioning of a. An MPS moves its orthogonality centre right with it:
// the site tensor reshaped to (χ_l·d)×χ_r is replaced by q and r is absorbed
// into the next site. It returns an error when a has NaN or infinite
// elements.
func QR(a *Matrix) (q, r *Matrix, err error) {
	if err := checkFinite("QR", a); err != nil {
		return nil, nil, err
	}
	f := factorQR(a)
	return f.thinQ(), f.r(), nil
}

// LQ returns the thin LQ factorisation a = l·q of an m×n matrix: l is m×k
// lower triangular with a real diagonal and q is k×n with orthonormal rows
// (q·q† = I), k = min(m, n). It is the QR factorisation of a†, conjugate
// transposed; an MPS moves its orthogonality centre left with it. It returns
// an error when a has NaN or infinite elements.
func LQ(a *Matrix) (l, q *Matrix, err error) {
	if err := checkFinite("LQ", a); err != nil {
		return nil, nil, err
	}
	var at Matrix
	at.ConjTranspose(a)
	f := factorQR(&at)
	l = &Matrix{}
	l.ConjTranspose(f.r())
	return l, f.thinQAdj(), nil
}

// checkFinite returns an error naming op when a has a NaN or infinite
// element: the factorisations would silently return garbage.
func checkFinite(op string, a *Matrix) error {
	for i, v := range a.Data {
		if cmplx.IsNaN(v) || cmplx.IsInf(v) {
			return fmt.Errorf("linalg: %s: element (%d, %d) is %v", op, i/a.Cols, i%a.Cols, v)
		}
	}
	return nil
}
