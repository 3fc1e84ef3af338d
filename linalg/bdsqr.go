package linalg

import (
	"errors"
	"math"
	"slices"

	"gonum.org/v1/gonum/lapack/gonum"
)

// rotationBatch is the number of logged rotations per side after which they
// are applied to the singular-vector matrices (128 KiB of cosines and sines,
// which stay in L2 while every row streams past).
const rotationBatch = 1 << 13

// bidiagonalSVD returns the SVD B = Ub·diag(s)·Vbᵀ of the real n×n upper
// bidiagonal matrix B with diagonal d and superdiagonal e (both
// overwritten): s descending, ub and vb row-major n×n with the singular
// vectors as columns.
//
// The iteration is LAPACK's dbdsqr (Demmel & Kahan, "Accurate singular
// values of bidiagonal matrices", SIAM J. Sci. Stat. Comput. 11, 1990):
// implicit QR sweeps chasing from the larger end of each unreduced block,
// with the zero shift whenever a shift would spoil relative accuracy, and the
// relative convergence tests of that paper; gonum supplies the 2×2 kernels
// (Dlartg, Dlas2, Dlasv2). The difference from dbdsqr is that the rotations
// are logged and applied in batches (rotationLog), which makes the
// singular-vector update, the dominant cost, several times faster in
// row-major storage and parallel across rows. SVD uses it on the blocks of
// at most dcLeaf rows of the divide and conquer (bidiagonalDC); it stays the
// reference for relatively accurate singular values of graded bidiagonals.
func bidiagonalSVD(d, e []float64) (s, ub, vb []float64, err error) {
	n := len(d)
	ub, vb = make([]float64, n*n), make([]float64, n*n)
	for i := range n {
		ub[i*n+i], vb[i*n+i] = 1, 1
	}
	if n <= 1 {
		return signAndSort(d, ub, vb)
	}
	var impl gonum.Implementation
	var left, right rotationLog
	flush := func() {
		parallelFor(2*n, workersFor(2*n, 2*n*len(left.c)), func(_, r0, r1 int) {
			right.applyRows(vb, n, min(r0, n), min(r1, n))
			left.applyRows(ub, n, max(r0, n)-n, max(r1, n)-n)
		})
		left.reset()
		right.reset()
	}
	cr, sr := make([]float64, n), make([]float64, n)
	cl, sl := make([]float64, n), make([]float64, n)

	const (
		eps     = 0x1p-53
		unfl    = 0x1p-1022
		maxIter = 6
	)
	tol := math.Max(10, math.Min(100, math.Pow(eps, -1.0/8))) * eps
	smax := 0.0
	for _, v := range d {
		smax = math.Max(smax, math.Abs(v))
	}
	for _, v := range e {
		smax = math.Max(smax, math.Abs(v))
	}
	// thresh: the absolute threshold below which e_i is negligible, from a
	// lower bound on the smallest singular value (Demmel & Kahan §2).
	sminoa := math.Abs(d[0])
	for i, mu := 1, sminoa; i < n && sminoa != 0; i++ {
		mu = math.Abs(d[i]) * (mu / (mu + math.Abs(e[i-1])))
		sminoa = math.Min(sminoa, mu)
	}
	thresh := math.Max(tol*sminoa/math.Sqrt(float64(n)), float64(maxIter*n*n)*unfl)

	maxIt := maxIter * n * n
	iter, oldl, oldm, idir := 0, -1, -1, 0
	var smin float64
	// The unconverged part of B is rows and columns [0, m).
	m := n
outer:
	for m > 1 {
		if iter > maxIt {
			return nil, nil, nil, errors.New("bidiagonal QR iteration did not converge")
		}
		// Find the unreduced block [l, m) at the bottom.
		smax = math.Abs(d[m-1])
		l := 0
		for i := m - 2; i >= 0; i-- {
			if math.Abs(e[i]) <= thresh {
				e[i] = 0
				if i == m-2 {
					m-- // the bottom singular value has converged
					continue outer
				}
				l = i + 1
				break
			}
			smax = math.Max(smax, math.Max(math.Abs(d[i]), math.Abs(e[i])))
		}
		if l == m-2 {
			// A 2×2 block is diagonalised directly.
			var sinr, cosr, sinl, cosl float64
			d[m-1], d[m-2], sinr, cosr, sinl, cosl = impl.Dlasv2(d[m-2], e[m-2], d[m-1])
			e[m-2] = 0
			right.add(m-2, false, []float64{cosr}, []float64{sinr})
			left.add(m-2, false, []float64{cosl}, []float64{sinl})
			m -= 2
			continue
		}
		// On a new block, chase from the larger end towards the smaller.
		if l > oldm-1 || m-1 < oldl {
			idir = 1
			if math.Abs(d[l]) < math.Abs(d[m-1]) {
				idir = 2
			}
		}
		// Convergence tests: the standard one at the far end, then the
		// relative criterion of Demmel & Kahan along the block, which also
		// yields smin, an estimate of the smallest singular value.
		if idir == 1 {
			if math.Abs(e[m-2]) <= tol*math.Abs(d[m-1]) {
				e[m-2] = 0
				continue
			}
			mu := math.Abs(d[l])
			smin = mu
			for i := l; i < m-1; i++ {
				if math.Abs(e[i]) <= tol*mu {
					e[i] = 0
					continue outer
				}
				mu = math.Abs(d[i+1]) * (mu / (mu + math.Abs(e[i])))
				smin = math.Min(smin, mu)
			}
		} else {
			if math.Abs(e[l]) <= tol*math.Abs(d[l]) {
				e[l] = 0
				continue
			}
			mu := math.Abs(d[m-1])
			smin = mu
			for i := m - 2; i >= l; i-- {
				if math.Abs(e[i]) <= tol*mu {
					e[i] = 0
					continue outer
				}
				mu = math.Abs(d[i]) * (mu / (mu + math.Abs(e[i])))
				smin = math.Min(smin, mu)
			}
		}
		oldl, oldm = l, m
		// The shift is the smaller singular value of the trailing (leading)
		// 2×2, or zero if it would ruin relative accuracy or is negligible.
		var shift float64
		if float64(n)*tol*(smin/smax) > math.Max(eps, tol/100) {
			var sll float64
			if idir == 1 {
				sll = math.Abs(d[l])
				shift, _ = impl.Dlas2(d[m-2], e[m-2], d[m-1])
			} else {
				sll = math.Abs(d[m-1])
				shift, _ = impl.Dlas2(d[l], e[l], d[l+1])
			}
			if sll > 0 && (shift/sll)*(shift/sll) < eps {
				shift = 0
			}
		}
		iter += m - l + 1
		k := m - l - 1 // rotations per side in this sweep
		switch {
		case shift == 0 && idir == 1:
			cs, oldcs := 1.0, 1.0
			var sn, r, oldsn float64
			for i := l; i < m-1; i++ {
				cs, sn, r = impl.Dlartg(d[i]*cs, e[i])
				if i > l {
					e[i-1] = oldsn * r
				}
				oldcs, oldsn, d[i] = impl.Dlartg(oldcs*r, d[i+1]*sn)
				cr[i-l], sr[i-l], cl[i-l], sl[i-l] = cs, sn, oldcs, oldsn
			}
			h := d[m-1] * cs
			d[m-1], e[m-2] = h*oldcs, h*oldsn
			right.add(l, false, cr[:k], sr[:k])
			left.add(l, false, cl[:k], sl[:k])
			if math.Abs(e[m-2]) <= thresh {
				e[m-2] = 0
			}
		case shift == 0:
			cs, oldcs := 1.0, 1.0
			var sn, r, oldsn float64
			for i := m - 1; i > l; i-- {
				cs, sn, r = impl.Dlartg(d[i]*cs, e[i-1])
				if i < m-1 {
					e[i] = oldsn * r
				}
				oldcs, oldsn, d[i] = impl.Dlartg(oldcs*r, d[i-1]*sn)
				cl[i-l-1], sl[i-l-1], cr[i-l-1], sr[i-l-1] = cs, -sn, oldcs, -oldsn
			}
			h := d[l] * cs
			d[l], e[l] = h*oldcs, h*oldsn
			right.add(l, true, cr[:k], sr[:k])
			left.add(l, true, cl[:k], sl[:k])
			if math.Abs(e[l]) <= thresh {
				e[l] = 0
			}
		case idir == 1:
			// Chase the bulge from top to bottom.
			f := (math.Abs(d[l]) - shift) * (math.Copysign(1, d[l]) + shift/d[l])
			g := e[l]
			for i := l; i < m-1; i++ {
				cosr, sinr, r := impl.Dlartg(f, g)
				if i > l {
					e[i-1] = r
				}
				f = cosr*d[i] + sinr*e[i]
				e[i] = cosr*e[i] - sinr*d[i]
				g = sinr * d[i+1]
				d[i+1] *= cosr
				cosl, sinl, r := impl.Dlartg(f, g)
				d[i] = r
				f = cosl*e[i] + sinl*d[i+1]
				d[i+1] = cosl*d[i+1] - sinl*e[i]
				if i < m-2 {
					g = sinl * e[i+1]
					e[i+1] *= cosl
				}
				cr[i-l], sr[i-l], cl[i-l], sl[i-l] = cosr, sinr, cosl, sinl
			}
			e[m-2] = f
			right.add(l, false, cr[:k], sr[:k])
			left.add(l, false, cl[:k], sl[:k])
			if math.Abs(e[m-2]) <= thresh {
				e[m-2] = 0
			}
		default:
			// Chase the bulge from bottom to top.
			f := (math.Abs(d[m-1]) - shift) * (math.Copysign(1, d[m-1]) + shift/d[m-1])
			g := e[m-2]
			for i := m - 1; i > l; i-- {
				cosr, sinr, r := impl.Dlartg(f, g)
				if i < m-1 {
					e[i] = r
				}
				f = cosr*d[i] + sinr*e[i-1]
				e[i-1] = cosr*e[i-1] - sinr*d[i]
				g = sinr * d[i-1]
				d[i-1] *= cosr
				cosl, sinl, r := impl.Dlartg(f, g)
				d[i] = r
				f = cosl*e[i-1] + sinl*d[i-1]
				d[i-1] = cosl*d[i-1] - sinl*e[i-1]
				if i > l+1 {
					g = sinl * e[i-2]
					e[i-2] *= cosl
				}
				cl[i-l-1], sl[i-l-1], cr[i-l-1], sr[i-l-1] = cosr, -sinr, cosl, -sinl
			}
			e[l] = f
			right.add(l, true, cr[:k], sr[:k])
			left.add(l, true, cl[:k], sl[:k])
			if math.Abs(e[l]) <= thresh {
				e[l] = 0
			}
		}
		if len(left.c) >= rotationBatch {
			flush()
		}
	}
	flush()
	return signAndSort(d, ub, vb)
}

// signAndSort makes the singular values d non-negative (negating the
// matching column of vb) and sorts them in descending order, permuting the
// columns of ub and vb alike.
func signAndSort(d, ub, vb []float64) (s, ubs, vbs []float64, err error) {
	n := len(d)
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(i, j int) int {
		// Descending by |d|.
		a, b := math.Abs(d[i]), math.Abs(d[j])
		switch {
		case a > b:
			return -1
		case a < b:
			return 1
		}
		return 0
	})
	s = make([]float64, n)
	ubs, vbs = make([]float64, n*n), make([]float64, n*n)
	for j, p := range perm {
		s[j] = math.Abs(d[p])
		sign := 1.0
		if d[p] < 0 {
			sign = -1
		}
		for r := range n {
			ubs[r*n+j] = ub[r*n+p]
			vbs[r*n+j] = sign * vb[r*n+p]
		}
	}
	return s, ubs, vbs, nil
}
