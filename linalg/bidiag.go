package linalg

import (
	"math/cmplx"
	"runtime"
)

// bidiagonal is the reduction A = Q·B·P† of an m×n matrix (m ≥ n) to a real
// upper-bidiagonal B with diagonal d and superdiagonal e (LAPACK zgebd2):
// Q = H_0⋯H_{n−1}, H_i acting on rows i.., and P = G_0⋯G_{n−2}, G_i acting
// on columns i+1... Each reflector is chosen (makeReflector) so that the
// entry it keeps is real, hence B is real and the real bidiagonal SVD
// applies unchanged.
type bidiagonal struct {
	d, e []float64
	q, p reflectors
}

// bidiagonalize reduces a (m ≥ n; a is not modified) to bidiagonal form.
//
// Step i of zgebd2 reads the trailing matrix four times: w = u†·A and the
// left update A −= τ̄·u·w, then x = A·v and the right update A −= τ·x·v†.
// Here the two updates and the right dot product of each row are done while
// the row is in cache, and the same pass accumulates Σ_r conj(A_r,i+1)·A_r,:,
// which is w for step i+1 up to the reflector's scale factor (u is the
// column scaled by 1/(α−β) below its leading 1). So each step reads the
// trailing matrix once, in two fused kernel passes per row (axpyDotu: left
// update and right dot product; axpyAxpy: right update and accumulation);
// rows are shared among goroutines. The arithmetic is
// zgebd2's in a different order and equally backward stable.
func bidiagonalize(a *Matrix) *bidiagonal {
	m, n := a.Rows, a.Cols
	A := append([]complex128(nil), a.Data...)
	b := &bidiagonal{
		d: make([]float64, n), e: make([]float64, max(n-1, 0)),
		q: reflectors{v: make([][]complex128, n), tau: make([]complex128, n)},
		p: reflectors{off: 1, v: make([][]complex128, max(n-1, 0)), tau: make([]complex128, max(n-1, 0))},
	}
	accs := make([][]complex128, runtime.GOMAXPROCS(0))
	for w := range accs {
		accs[w] = make([]complex128, n)
	}
	acc := make([]complex128, n)  // Σ_r conj(A_r,i)·A_r,i+1: for the current step
	wrow := make([]complex128, n) // u†·A_i:,i+1:
	vc := make([]complex128, n)   // conj(v) of the current right reflector

	// pass applies step i's updates to rows [r0, r1) and, if accumulate,
	// adds conj(A_r,i+1)·A_r,i+2: into accum for rows r ≥ i+2. Step −1 only
	// accumulates.
	pass := func(i, r0, r1 int, u []complex128, tauq complex128, v []complex128, taup complex128, accumulate bool, accum []complex128) {
		for r := r0; r < r1; r++ {
			row := A[r*n+i+1 : (r+1)*n]
			acc := accumulate && r >= i+2
			if taup == 0 {
				if tauq != 0 {
					axpy(-cmplx.Conj(tauq)*u[r-i], wrow, row)
				}
				if acc {
					axpy(cmplx.Conj(row[0]), row[1:], accum)
				}
				continue
			}
			// Two fused passes over the row: the left update with the
			// right dot product, then the right update with the
			// accumulation.
			var d complex128
			if tauq != 0 {
				d = -taup * axpyDotu(-cmplx.Conj(tauq)*u[r-i], wrow, row, v)
			} else {
				d = -taup * dotu(row, v)
			}
			if !acc {
				axpy(d, vc, row)
				continue
			}
			row[0] += d * vc[0]
			axpyAxpy(d, vc[1:], row[1:], cmplx.Conj(row[0]), accum)
		}
	}
	// runPass runs pass over rows [i+1, m) on goroutines, summing their
	// accumulators into acc.
	runPass := func(i int, u []complex128, tauq complex128, v []complex128, taup complex128) {
		cols := n - i - 1
		accumulate := cols >= 2
		nw := min(workersFor(m-i-1, 4*(m-i-1)*cols), len(accs))
		parallelFor(m-i-1, nw, func(w, r0, r1 int) {
			clear(accs[w][:cols])
			pass(i, i+1+r0, i+1+r1, u, tauq, v, taup, accumulate, accs[w][:max(cols-1, 0)])
		})
		if accumulate {
			copy(acc, accs[0][:cols-1])
			for w := 1; w < nw; w++ {
				axpy(1, accs[w][:cols-1], acc[:cols-1])
			}
		}
	}

	if n >= 2 {
		runPass(-1, nil, 0, nil, 0)
	}
	for i := range n {
		// Left reflector: zero column i below the diagonal.
		u := make([]complex128, m-i)
		for r := range u {
			u[r] = A[(i+r)*n+i]
		}
		alpha := u[0]
		beta, tauq := makeReflector(alpha, u[1:])
		u[0] = 1
		b.d[i], b.q.v[i], b.q.tau[i] = beta, u, tauq
		if i == n-1 {
			break
		}
		cols := n - i - 1
		row := A[i*n+i+1 : (i+1)*n]
		if tauq != 0 {
			// w = u†·A_i:,i+1: = A_i,i+1: + conj(1/(α−β))·acc.
			sc := cmplx.Conj(1 / (alpha - complex(beta, 0)))
			for j := range cols {
				wrow[j] = row[j] + sc*acc[j]
			}
			axpy(-cmplx.Conj(tauq), wrow[:cols], row)
		}
		// Right reflector from the conjugated row, so that row·G_i = (e_i, 0…).
		v := make([]complex128, cols)
		for j := range row {
			v[j] = cmplx.Conj(row[j])
		}
		beta, taup := makeReflector(v[0], v[1:])
		v[0] = 1
		for j, x := range v {
			vc[j] = cmplx.Conj(x)
		}
		b.e[i], b.p.v[i], b.p.tau[i] = beta, v, taup
		runPass(i, u, tauq, v, taup)
	}
	return b
}
