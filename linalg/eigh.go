package linalg

import (
	"errors"
	"fmt"
	"math"
	"math/cmplx"
)

// hermitianTol is the largest |a_ij − conj(a_ji)|, relative to max|a_ij|,
// that EigHermitian accepts as rounding error rather than a non-Hermitian
// input.
const hermitianTol = 1e-10

// EigHermitian returns the eigendecomposition a = v·diag(w)·v† of a complex
// Hermitian n×n matrix: the real eigenvalues w in ascending order and the
// unitary v whose column j is the eigenvector of w[j].
//
// Method (LAPACK zhetd2 + dsteqr; Golub & Van Loan §8.3): complex Householder
// reduction Q†·a·Q = T to a real symmetric tridiagonal T (each reflector
// keeps a real subdiagonal entry), the implicit QL iteration for
// T = Z·diag(w)·Zᵀ (see tridiagonalEigen), then v = Q·Z. The eigenvectors are orthonormal to
// working precision also for degenerate eigenvalues.
//
// a is used as (a + a†)/2; it returns an error when a is not square, has NaN
// or infinite elements, is not Hermitian to within a relative 1e-10, or when
// the QL iteration fails to converge.
func EigHermitian(a *Matrix) (w []float64, v *Matrix, err error) {
	h, err := hermitianPart("EigHermitian", a)
	if err != nil {
		return nil, nil, err
	}
	n := h.Rows
	d, e, q := tridiagonalize(h)
	w, z, err := tridiagonalEigen(d, e)
	if err != nil {
		return nil, nil, errors.New("linalg: EigHermitian: " + err.Error())
	}
	v = &Matrix{Rows: n, Cols: n, Data: make([]complex128, n*n)}
	for i, x := range z {
		v.Data[i] = complex(x, 0)
	}
	q.leftMul(v, false)
	return w, v, nil
}

// hermitianPart checks that a is square, finite and Hermitian to within
// hermitianTol, and returns (a + a†)/2.
func hermitianPart(op string, a *Matrix) (*Matrix, error) {
	if a.Rows != a.Cols {
		return nil, fmt.Errorf("linalg: %s: matrix is %d×%d, want square", op, a.Rows, a.Cols)
	}
	if err := checkFinite(op, a); err != nil {
		return nil, err
	}
	n := a.Rows
	scale := 0.0
	for _, x := range a.Data {
		scale = math.Max(scale, cmplx.Abs(x))
	}
	h := &Matrix{Rows: n, Cols: n, Data: make([]complex128, n*n)}
	for i := range n {
		for j := i; j < n; j++ {
			x, y := a.Data[i*n+j], cmplx.Conj(a.Data[j*n+i])
			if cmplx.Abs(x-y) > hermitianTol*scale {
				return nil, fmt.Errorf("linalg: %s: matrix is not Hermitian: |a(%d,%d) − conj(a(%d,%d))| = %.3g", op, i, j, j, i, cmplx.Abs(x-y))
			}
			m := (x + y) / 2
			h.Data[i*n+j], h.Data[j*n+i] = m, cmplx.Conj(m)
		}
	}
	return h, nil
}

// tridiagonalize reduces the Hermitian h (overwritten) to Q†·h·Q = T, real
// symmetric tridiagonal with diagonal d and subdiagonal e, Q = H_0⋯H_{n−2},
// H_i acting on indices i+1.. (LAPACK zhetd2, lower). The last reflector has
// length 1 and only makes e[n−2] real.
func tridiagonalize(h *Matrix) (d, e []float64, q reflectors) {
	n := h.Rows
	A := h.Data
	d, e = make([]float64, n), make([]float64, max(n-1, 0))
	q = reflectors{off: 1, v: make([][]complex128, max(n-1, 0)), tau: make([]complex128, max(n-1, 0))}
	x := make([]complex128, n)
	vc := make([]complex128, n)
	for i := 0; i < n-1; i++ {
		k := n - 1 - i
		v := make([]complex128, k)
		for r := range v {
			v[r] = A[(i+1+r)*n+i]
		}
		beta, tau := makeReflector(v[0], v[1:])
		v[0] = 1
		d[i], e[i] = real(A[i*n+i]), beta
		q.v[i], q.tau[i] = v, tau
		if tau == 0 {
			continue
		}
		// A22 := H†·A22·H = A22 − v·w† − w·v† with x = τ·A22·v and
		// w = x − ½·τ·(x†v)·v (zhetd2).
		a22 := A[(i+1)*n+i+1:]
		x := x[:k]
		parallelRows(k, k*k, func(r0, r1 int) {
			for r := r0; r < r1; r++ {
				x[r] = tau * dotu(a22[r*n:][:k], v)
			}
		})
		var xv complex128
		for r := range k {
			xv += cmplx.Conj(x[r]) * v[r]
		}
		alpha := -0.5 * tau * xv
		wc := x // conj(w), overwriting x
		for r := range k {
			wc[r] = cmplx.Conj(x[r] + alpha*v[r])
			vc[r] = cmplx.Conj(v[r])
		}
		parallelRows(k, 2*k*k, func(r0, r1 int) {
			for r := r0; r < r1; r++ {
				row := a22[r*n:][:k]
				axpy(-v[r], wc, row)
				axpy(-cmplx.Conj(wc[r]), vc[:k], row)
			}
		})
	}
	if n > 0 {
		d[n-1] = real(A[(n-1)*n+n-1])
	}
	return d, e, q
}
