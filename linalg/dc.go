package linalg

import (
	"math"
	"math/bits"
	"slices"
	"sync"
)

const (
	// dcLeaf is the largest subproblem the divide and conquer hands to the
	// QR iteration (LAPACK's smlsiz).
	dcLeaf = 25
	// dcParallel is the smallest subproblem whose two halves are solved on
	// separate goroutines.
	dcParallel = 96
)

// bdSVD is the SVD B = U·[diag(s) 0]·Vᵀ of an n×(n+sqre) upper-bidiagonal
// matrix, sqre ∈ {0, 1}. The singular vectors are stored one after another:
// u_j = u[j·n : (j+1)·n] for j < k and v_j = v[j·m : (j+1)·m] (m = n+sqre)
// for j < k+sqre, those of s[j] for j < k and, when sqre = 1, the null
// vector of B last. s holds all n singular values; k < n only at the top
// level of a truncated SVD.
type bdSVD struct {
	s    []float64
	u, v []float64
}

// bidiagonalDC returns the singular values s (descending) of the real n×n
// upper-bidiagonal matrix with diagonal d and superdiagonal e, and the
// first k = keep(s) left and right singular vectors, stored one after
// another in ub and vb (u_j = ub[j·n : (j+1)·n]). d and e are not modified.
// Up to dcLeaf rows it is the QR iteration alone; above, divide and conquer
// is faster from the first split on (BenchmarkBidiagonalSVD, CPU time:
// 0.13 ms against the QR iteration's 0.20 ms at n = 26, 1.6 against 6.1 ms
// at n = 128).
//
// The method is Gu & Eisenstat's divide and conquer ("A divide-and-conquer
// algorithm for the bidiagonal SVD", SIAM J. Matrix Anal. Appl. 16, 1995),
// as in LAPACK's dbdsdc: B is split at its middle row into two bidiagonals
// whose SVDs, found recursively (the QR iteration of bidiagonalSVD below
// dcLeaf rows), turn B into an arrow matrix whose SVD comes from a secular
// equation (arrowSVD); the vectors of B are those of the halves times the
// arrow's, real matrix products that cost about (8/3)·n³ flops against the
// 12·n³ of accumulating the QR iteration's rotations. At the top level only
// the kept vectors are formed. The singular values are accurate to
// O(ε·‖B‖) absolutely (not relatively as the QR iteration's).
func bidiagonalDC(d, e []float64, keep func([]float64) int) (s, ub, vb []float64, k int, err error) {
	r, err := dcSolve(d, e, 0, keep)
	if err != nil {
		return nil, nil, nil, 0, err
	}
	if len(d) > 0 {
		k = len(r.u) / len(d)
	}
	return r.s, r.u, r.v, k, nil
}

// dcSolve returns the SVD of the n×(n+sqre) upper bidiagonal (d, e), with
// len(e) = n−1+sqre. With keep nil every vector is formed and the order of
// s is unspecified; otherwise sqre must be 0, s is every singular value in
// descending order and only the first keep(s) vectors are formed.
func dcSolve(d, e []float64, sqre int, keep func([]float64) int) (bdSVD, error) {
	n := len(d)
	if n <= dcLeaf {
		return dcLeafSolve(d, e, sqre, keep)
	}
	nl := n / 2
	var l, r bdSVD
	var lerr, rerr error
	if n >= dcParallel {
		var wg sync.WaitGroup
		wg.Go(func() { l, lerr = dcSolve(d[:nl], e[:nl], 1, nil) })
		r, rerr = dcSolve(d[nl+1:], e[nl+1:], sqre, nil)
		wg.Wait()
	} else {
		l, lerr = dcSolve(d[:nl], e[:nl], 1, nil)
		r, rerr = dcSolve(d[nl+1:], e[nl+1:], sqre, nil)
	}
	if lerr != nil {
		return bdSVD{}, lerr
	}
	if rerr != nil {
		return bdSVD{}, rerr
	}
	return dcMerge(l, r, d[nl], e[nl], sqre, keep)
}

// dcLeafSolve is dcSolve by the QR iteration. An n×(n+1) bidiagonal is first
// made square by plane rotations of column n against columns n−1, …, 0,
// which chase its last superdiagonal entry up and out (as LAPACK's dlasdq
// does); they become the first factor of V.
func dcLeafSolve(d, e []float64, sqre int, keep func([]float64) int) (bdSVD, error) {
	n := len(d)
	m := n + sqre
	dd := append([]float64(nil), d...)
	ee := append([]float64(nil), e[:max(n-1, 0)]...)
	var cs, sn []float64
	if sqre == 1 {
		cs, sn = make([]float64, n), make([]float64, n)
		bulge := e[n-1] // B[i, n]
		for i := n - 1; i >= 0; i-- {
			r := math.Hypot(dd[i], bulge)
			c, s := 1.0, 0.0
			if r != 0 {
				c, s = dd[i]/r, bulge/r
			}
			dd[i] = r
			if i > 0 {
				bulge = -s * ee[i-1]
				ee[i-1] *= c
			}
			cs[i], sn[i] = c, s
		}
	}
	s, ub, vb, err := bidiagonalSVD(dd, ee)
	if err != nil {
		return bdSVD{}, err
	}
	k := n
	if keep != nil {
		// s is descending (bidiagonalSVD sorts it) and sqre = 0.
		k = keep(s)
	}
	out := bdSVD{s: s, u: transposeCols(ub, n, k), v: transposeCols(vb, n, k)}
	if sqre == 1 {
		// V = G_{n−1}⋯G_0·diag(Vb, 1), G_i rotating components i and n.
		v := make([]float64, m*m)
		for j := range n {
			copy(v[j*m:j*m+n], out.v[j*n:(j+1)*n])
		}
		v[n*m+n] = 1
		for j := range m {
			x := v[j*m : (j+1)*m]
			for i := range n {
				c, s := cs[i], sn[i]
				x[i], x[n] = c*x[i]-s*x[n], s*x[i]+c*x[n]
			}
		}
		out.v = v
	}
	return out, nil
}

// transposeCols returns the first k columns of the row-major n×n matrix x
// stored one after another.
func transposeCols(x []float64, n, k int) []float64 {
	y := make([]float64, k*n)
	for r := range n {
		for j, v := range x[r*n : r*n+k] {
			y[j*n+r] = v
		}
	}
	return y
}

// dcMerge returns the SVD of the n×(n+sqre) bidiagonal
//
//	B = [B₁ 0; α·e_lᵀ β·e_1ᵀ; 0 B₂]
//
// from those of its halves: B₁ (nl×(nl+1), in l) and B₂ (nr×(nr+sqre), in
// r), LAPACK's dlasd1–dlasd3. In the bases diag(U₁, 1, U₂) and
// diag(V₁, V₂), B is an arrow matrix [z; 0 diag(s₁, s₂)] (z from α times
// V₁'s last row and β times V₂'s first), plus a zero column when sqre = 1.
// Pairs (s_i, z_i) with negligible z_i, or with s_i equal to another's, are
// deflated (after a rotation that zeroes one z); the rest form the arrow
// solved by arrowSVD, whose vectors are mapped back through the bases by
// matrix products that skip the bases' zero blocks.
func dcMerge(l, r bdSVD, alpha, beta float64, sqre int, keep func([]float64) int) (bdSVD, error) {
	const eps = 0x1p-53
	nl, nr := len(l.s), len(r.s)
	n, ml, mr := nl+1+nr, nl+1, nr+sqre
	m := n + sqre
	scale := math.Max(math.Abs(alpha), math.Abs(beta))
	for _, v := range l.s {
		scale = math.Max(scale, v)
	}
	for _, v := range r.s {
		scale = math.Max(scale, v)
	}
	if scale == 0 {
		scale = 1
	}
	alpha, beta = alpha/scale, beta/scale

	// The pairs: 0…nl−1 from B₁, nl…nl+nr−1 from B₂, each with its value,
	// its z and its left and right basis vectors (u of length n, v of m),
	// and which row blocks (top, bottom) those vectors touch.
	np := nl + nr
	ds, zs := make([]float64, np), make([]float64, np)
	bu, bv := make([][]float64, np), make([][]float64, np)
	top, bot := make([]bool, np), make([]bool, np)
	ubuf, vbuf := getFloats((np+1)*n), getFloats((np+2)*m)
	clear(ubuf)
	clear(vbuf)
	defer putFloats(ubuf)
	defer putFloats(vbuf)
	for j := range np {
		bu[j], bv[j] = ubuf[j*n:(j+1)*n], vbuf[j*m:(j+1)*m]
		if j < nl {
			ds[j], zs[j] = l.s[j]/scale, alpha*l.v[j*ml+nl]
			copy(bu[j], l.u[j*nl:(j+1)*nl])
			copy(bv[j], l.v[j*ml:(j+1)*ml])
			top[j] = true
		} else {
			c := j - nl
			ds[j], zs[j] = r.s[c]/scale, beta*r.v[c*mr]
			copy(bu[j][ml:], r.u[c*nr:(c+1)*nr])
			copy(bv[j][ml:], r.v[c*mr:(c+1)*mr])
			bot[j] = true
		}
	}
	// The zero-value columns: V₁'s null vector and, when sqre = 1, V₂'s,
	// rotated so that one carries all of their z and the other none (that
	// one is B's null vector).
	va := l.v[nl*ml : (nl+1)*ml]
	za, zb := alpha*va[nl], 0.0
	var vb []float64
	if sqre == 1 {
		vb = r.v[nr*mr : (nr+1)*mr]
		zb = beta * vb[0]
	}
	z0 := math.Hypot(za, zb)
	c0, s0 := 1.0, 0.0
	if z0 != 0 {
		c0, s0 = za/z0, zb/z0
	}
	u0, v0 := ubuf[np*n:(np+1)*n], vbuf[np*m:(np+1)*m]
	u0[nl] = 1
	vnull := vbuf[(np+1)*m : (np+2)*m]
	for i, x := range va {
		v0[i], vnull[i] = c0*x, -s0*x
	}
	for i, x := range vb {
		v0[ml+i], vnull[ml+i] = s0*x, c0*x
	}
	// The halves' vectors are copied into the bases.
	for _, x := range [][]float64{l.u, l.v, r.u, r.v} {
		putFloats(x)
	}

	// Deflation (dlasd2): in ascending order of value, a negligible z is
	// dropped; a value within tol of the previous kept one is merged into
	// it by a rotation of both pairs' vectors, which zeroes one z.
	tol := math.Max(math.Abs(alpha), math.Abs(beta))
	for _, v := range ds {
		tol = math.Max(tol, v)
	}
	tol *= 8 * eps
	order := make([]int, np)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmpFloat(ds[a], ds[b]) })
	var kept, defl []int
	for _, j := range order {
		if math.Abs(zs[j]) <= tol {
			defl = append(defl, j)
			continue
		}
		if len(kept) > 0 {
			if q := kept[len(kept)-1]; ds[j]-ds[q] <= tol {
				rr := math.Hypot(zs[j], zs[q])
				c, s := zs[j]/rr, zs[q]/rr
				rotatePair(bu[j], bu[q], c, s)
				rotatePair(bv[j], bv[q], c, s)
				top[j] = top[j] || top[q]
				bot[j] = bot[j] || bot[q]
				top[q], bot[q] = top[j], bot[j]
				zs[j], zs[q] = rr, 0
				kept[len(kept)-1] = j
				defl = append(defl, q)
				continue
			}
		}
		kept = append(kept, j)
	}

	// The arrow: index 0 is the zero value, then the kept pairs.
	k := 1 + len(kept)
	var sigma, q, w []float64
	if k == 1 {
		// M = [z0]: σ = |z0|, q = 1, w = sign(z0).
		sigma, q, w = []float64{math.Abs(z0)}, []float64{1}, []float64{math.Copysign(1, z0)}
	} else {
		// As dlasd2, keep the zero pole's z and the gap to the next pole
		// at least of the order of tol, a perturbation of O(ε·‖B‖).
		da, za2 := make([]float64, k), make([]float64, k)
		za2[0] = z0
		if math.Abs(z0) <= tol {
			za2[0] = tol
		}
		for i, j := range kept {
			da[i+1], za2[i+1] = ds[j], zs[j]
		}
		da[1] = math.Max(da[1], tol/2)
		var err error
		if sigma, q, w, err = arrowSVD(da, za2); err != nil {
			return bdSVD{}, err
		}
		defer putFloats(q)
		defer putFloats(w)
	}

	// Every singular value, tagged: ≥ 0 a root of the arrow, < 0 the
	// deflated pair −1−tag.
	all := make([]float64, 0, n)
	tags := make([]int, 0, n)
	for j, v := range sigma {
		all, tags = append(all, v*scale), append(tags, j)
	}
	for _, j := range defl {
		all, tags = append(all, ds[j]*scale), append(tags, -1-j)
	}
	kout := n
	if keep != nil {
		perm := make([]int, n)
		for i := range perm {
			perm[i] = i
		}
		slices.SortStableFunc(perm, func(a, b int) int { return cmpFloat(all[b], all[a]) })
		s2, t2 := make([]float64, n), make([]int, n)
		for i, p := range perm {
			s2[i], t2[i] = all[p], tags[p]
		}
		all, tags = s2, t2
		kout = keep(all)
	}

	// The arrow basis: index 0 is (e_nl, v0), i ≥ 1 the kept pair
	// kept[i−1]; which of them touch the top and bottom row blocks.
	au, av := make([][]float64, k), make([][]float64, k)
	au[0], av[0] = u0, v0
	var utop, ubot []int
	vtop, vbot := []int{0}, []int(nil)
	if s0 != 0 {
		vbot = append(vbot, 0)
	}
	for i, j := range kept {
		au[i+1], av[i+1] = bu[j], bv[j]
		if top[j] {
			utop, vtop = append(utop, i+1), append(vtop, i+1)
		}
		if bot[j] {
			ubot, vbot = append(ubot, i+1), append(vbot, i+1)
		}
	}
	out := bdSVD{s: all, u: getFloats(kout * n), v: getFloats((kout + sqre) * m)}
	clear(out.u)
	clear(out.v)
	var roots, outs []int
	for c, t := range tags[:kout] {
		if t >= 0 {
			roots, outs = append(roots, t), append(outs, c)
			out.u[c*n+nl] = q[t*k]
		} else {
			copy(out.u[c*n:(c+1)*n], bu[-1-t])
			copy(out.v[c*m:(c+1)*m], bv[-1-t])
		}
	}
	project(out.u, n, outs, au, 0, nl, utop, q, k, roots)
	project(out.u, n, outs, au, ml, n, ubot, q, k, roots)
	project(out.v, m, outs, av, 0, ml, vtop, w, k, roots)
	project(out.v, m, outs, av, ml, m, vbot, w, k, roots)
	if sqre == 1 {
		copy(out.v[kout*m:], vnull)
	}
	return out, nil
}

// rotatePair sets (x, y) := (c·x + s·y, c·y − s·x).
func rotatePair(x, y []float64, c, s float64) {
	y = y[:len(x)]
	for i, a := range x {
		b := y[i]
		x[i], y[i] = c*a+s*b, c*b-s*a
	}
}

// project sets components [r0, r1) of the vectors outs[c] of dst (each of
// length ld, stored one after another) to Σ_{i ∈ idx} basis[i][r]·x_{roots[c]}[i],
// x_j = x[j·k : (j+1)·k] an arrow singular vector: a block of rows of the
// product of a basis and the arrow's vectors, over only the basis vectors
// that are non-zero in those rows.
func project(dst []float64, ld int, outs []int, basis [][]float64, r0, r1 int, idx []int, x []float64, k int, roots []int) {
	rows, kt, kr := r1-r0, len(idx), len(roots)
	if rows == 0 || kr == 0 || kt == 0 {
		return
	}
	// c (kr × rows) = xs (kr × kt) · a (kt × rows), row-major; c is the
	// block of dst itself when outs are consecutive.
	a := getFloats(kt * rows)
	defer putFloats(a)
	for t, i := range idx {
		copy(a[t*rows:(t+1)*rows], basis[i][r0:r1])
	}
	xs := getFloats(kr * kt)
	defer putFloats(xs)
	for c, j := range roots {
		xj := x[j*k : (j+1)*k]
		for t, i := range idx {
			xs[c*kt+t] = xj[i]
		}
	}
	if outs[kr-1]-outs[0] == kr-1 {
		for _, o := range outs {
			clear(dst[o*ld+r0 : o*ld+r1])
		}
		dgemmAcc(kr, rows, kt, xs, kt, a, rows, dst[outs[0]*ld+r0:], ld)
		return
	}
	c := getFloats(kr * rows)
	defer putFloats(c)
	clear(c)
	dgemmAcc(kr, rows, kt, xs, kt, a, rows, c, rows)
	for i, o := range outs {
		copy(dst[o*ld+r0:o*ld+r1], c[i*rows:(i+1)*rows])
	}
}

// floatPools recycle the divide and conquer's temporaries: allocating them
// afresh (zeroing and garbage collection) costs about as much as its
// matrix products at n ≈ 128. Pool b holds slices of capacity ≥ 2^b.
var floatPools [48]sync.Pool

// getFloats returns a slice of n float64 with arbitrary contents.
func getFloats(n int) []float64 {
	b := bits.Len(uint(max(n, 1) - 1))
	if p, ok := floatPools[b].Get().(*[]float64); ok {
		return (*p)[:n]
	}
	return make([]float64, n, 1<<b)
}

// putFloats returns x to the pools; x must not be used afterwards.
func putFloats(x []float64) {
	if c := cap(x); c > 0 {
		floatPools[bits.Len(uint(c))-1].Put(&x)
	}
}

// cmpFloat orders a before b when a < b.
func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
