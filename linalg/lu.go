package linalg

import (
	"errors"
	"math/cmplx"
)

// luFactors is an LU factorisation with partial pivoting, P·A = L·U, of a
// square matrix (LAPACK zgetf2): U in the upper triangle of a, the unit
// lower-triangular L's multipliers below it, row i swapped with piv[i] at
// step i.
type luFactors struct {
	n   int
	a   []complex128
	piv []int
}

// factorLU factorises the square matrix a (not modified). It returns an error
// when a is singular to working precision (an exactly zero pivot).
func factorLU(a *Matrix) (*luFactors, error) {
	n := a.Rows
	f := &luFactors{n: n, a: append([]complex128(nil), a.Data...), piv: make([]int, n)}
	A := f.a
	for k := range n {
		p, big := k, -1.0
		for i := k; i < n; i++ {
			if v := cmplx.Abs(A[i*n+k]); v > big {
				p, big = i, v
			}
		}
		if big == 0 {
			return nil, errors.New("singular matrix")
		}
		f.piv[k] = p
		if p != k {
			swapRows(A, n, k, p)
		}
		inv := 1 / A[k*n+k]
		rowK := A[k*n+k+1 : (k+1)*n]
		for i := k + 1; i < n; i++ {
			l := A[i*n+k] * inv
			A[i*n+k] = l
			if l != 0 {
				axpy(-l, rowK, A[i*n+k+1:(i+1)*n])
			}
		}
	}
	return f, nil
}

// solve sets b := A⁻¹·b for b with n rows, by forward and back substitution
// along rows of b.
func (f *luFactors) solve(b *Matrix) {
	n, p, A := f.n, b.Cols, f.a
	B := b.Data
	// factorLU swapped whole rows, multipliers included, so L belongs to
	// P·A: apply every interchange to b first, then eliminate.
	for k := range n {
		if f.piv[k] != k {
			swapRows(B, p, k, f.piv[k])
		}
	}
	for k := range n {
		bk := B[k*p : (k+1)*p]
		for i := k + 1; i < n; i++ {
			if l := A[i*n+k]; l != 0 {
				axpy(-l, bk, B[i*p:(i+1)*p])
			}
		}
	}
	for k := n - 1; k >= 0; k-- {
		bk := B[k*p : (k+1)*p]
		for j := k + 1; j < n; j++ {
			if u := A[k*n+j]; u != 0 {
				axpy(-u, B[j*p:(j+1)*p], bk)
			}
		}
		inv := 1 / A[k*n+k]
		for j := range bk {
			bk[j] *= inv
		}
	}
}

// swapRows exchanges rows i and j of the row-major array a with n columns.
func swapRows(a []complex128, n, i, j int) {
	ri, rj := a[i*n:(i+1)*n], a[j*n:(j+1)*n]
	for c := range ri {
		ri[c], rj[c] = rj[c], ri[c]
	}
}
