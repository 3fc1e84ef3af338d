package linalg

import (
	"errors"
	"math"
	"slices"
)

// tridiagonalEigen returns the eigendecomposition T = Z·diag(w)·Zᵀ of the
// real symmetric tridiagonal matrix with diagonal d (overwritten) and
// subdiagonal e: w ascending, z row-major n×n with the eigenvectors as
// columns.
//
// The iteration is the implicit QL algorithm with Wilkinson's shift
// (Bowdler, Martin, Reinsch & Wilkinson, "The QR and QL algorithms for
// symmetric matrices", Numer. Math. 11, 1968; EISPACK tql2), with the
// deflation test |e_m| ≤ ε·(|d_m| + |d_m+1|). As in bidiagonalSVD, the plane
// rotations are logged and applied to Z in row-wise batches; gonum's Dsteqr
// applies each to a pair of strided columns, several times slower for
// n ≳ 100.
func tridiagonalEigen(d, e []float64) (w, z []float64, err error) {
	n := len(d)
	// The sweep writes e[m] for m up to n−1: pad e with a zero.
	e = append(append(make([]float64, 0, n+1), e[:max(n-1, 0)]...), 0)
	z = make([]float64, n*n)
	for i := range n {
		z[i*n+i] = 1
	}
	var log rotationLog
	flush := func() {
		parallelRows(n, n*len(log.c), func(r0, r1 int) { log.applyRows(z, n, r0, r1) })
		log.reset()
	}
	c, s := make([]float64, n), make([]float64, n)
	const eps = 0x1p-52
	const maxIter = 30
	for l := 0; l < n; l++ {
		for iter := 0; ; iter++ {
			m := l
			for ; m < n-1; m++ {
				if math.Abs(e[m]) <= eps*(math.Abs(d[m])+math.Abs(d[m+1])) {
					break
				}
			}
			if m == l {
				break // d[l] has converged
			}
			if iter == maxIter {
				return nil, nil, errors.New("tridiagonal QL iteration did not converge")
			}
			// Wilkinson shift from the leading 2×2 of the block [l, m].
			g := (d[l+1] - d[l]) / (2 * e[l])
			r := math.Hypot(g, 1)
			g = d[m] - d[l] + e[l]/(g+math.Copysign(r, g))
			sn, cs, p := 1.0, 1.0, 0.0
			i := m - 1
			for ; i >= l; i-- {
				f, b := sn*e[i], cs*e[i]
				r = math.Hypot(f, g)
				e[i+1] = r
				if r == 0 {
					// Underflow: the block splits; redo from the top.
					d[i+1] -= p
					e[m] = 0
					break
				}
				sn, cs = f/r, g/r
				g = d[i+1] - p
				r = (d[i]-g)*sn + 2*cs*b
				p = sn * r
				d[i+1] = g + p
				g = cs*r - b
				// Columns (i, i+1) of Z: z_i ← c·z_i − s·z_i+1,
				// z_i+1 ← c·z_i+1 + s·z_i, the rotation (c, −s) of
				// rotationLog.
				c[i-l], s[i-l] = cs, -sn
			}
			lo := i + 1
			log.add(lo, true, c[lo-l:m-l], s[lo-l:m-l])
			if len(log.c) >= rotationBatch {
				flush()
			}
			if r == 0 && i >= l {
				continue
			}
			d[l] -= p
			e[l] = g
			e[m] = 0
		}
	}
	flush()
	return sortEigen(d, z)
}

// sortEigen sorts the eigenvalues d ascending, permuting the columns of the
// row-major n×n z alike.
func sortEigen(d, z []float64) (w, zs []float64, err error) {
	n := len(d)
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(i, j int) int {
		switch {
		case d[i] < d[j]:
			return -1
		case d[i] > d[j]:
			return 1
		}
		return 0
	})
	w, zs = make([]float64, n), make([]float64, n*n)
	for j, p := range perm {
		w[j] = d[p]
		for r := range n {
			zs[r*n+j] = z[r*n+p]
		}
	}
	return w, zs, nil
}
