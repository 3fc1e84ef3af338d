package linalg

import (
	"errors"
	"math"
)

// secularMaxIter bounds the iterations of secularRoot; the safeguarded
// rational iteration converges in a handful, bisection alone in ~110.
const secularMaxIter = 200

// secularRoot finds the j-th smallest singular value σ_j of the K×K arrow
// matrix M = [z; 0 diag(d_1 … d_{K−1})] (first row z, d_0 = 0), that is the
// root in (d_j, d_{j+1}) (for j = K−1: (d_{K−1}, √(d_{K−1}² + ρ))) of the
// secular equation
//
//	f(σ) = 1/ρ + Σ_i ζ_i / ((d_i − σ)(d_i + σ)) = 0,
//
// where ζ = z²/ρ and ρ = ‖z‖² (Gu & Eisenstat, "A divide-and-conquer
// algorithm for the bidiagonal SVD", SIAM J. Matrix Anal. Appl. 16, 1995;
// LAPACK dlasd4). d must be strictly increasing with d_0 = 0 and every ζ_i > 0.
//
// As in dlasd4, σ is represented as p + τ with p the pole nearer the root,
// so that the differences delta_i = d_i − σ_j and sums w_i = d_i + σ_j,
// which the singular vectors are built from, are accurate to a few ulps
// relative to themselves however close σ_j is to a pole. The root itself is
// found in the squared offset x = σ² − p², where f is
// 1/ρ + Σ ζ_i/(Δ_i − x) with Δ_i = (d_i − p)(d_i + p): each step fits
// c + s₁/(Δ_l − y) + s₂/(Δ_r − y) to f's value and slope at x (the two
// poles bracketing the root; Li, "Solving secular equations stably and
// efficiently", LAPACK Working Note 89, 1993) and solves the fit, falling
// back to bisection of the bracket when the step leaves it.
func secularRoot(d, zeta []float64, rho float64, j int, delta, w, big []float64) (float64, error) {
	k := len(d)
	rhoinv := 1 / rho
	// The pole index of the origin, the bracket (lo, hi) in x, and f at a
	// point xm inside it.
	var p, lo, hi, xm, gm float64
	left, right := j, j+1 // poles bounding the root; right = k: none
	if j < k-1 {
		mid := (d[j] + d[j+1]) / 2
		gm = rhoinv
		for i, di := range d {
			gm += zeta[i] / ((di - mid) * (di + mid))
		}
		if gm >= 0 {
			p = d[j]
		} else {
			p = d[j+1]
		}
		xm = (mid - p) * (mid + p)
		if gm >= 0 {
			lo, hi = 0, xm
		} else {
			lo, hi = xm, 0
		}
	} else {
		p = d[k-1]
		lo, hi = 0, rho
	}
	for i, di := range d {
		big[i] = (di - p) * (di + p)
	}
	dl := big[left]
	dr := math.Inf(1)
	if right < k {
		dr = big[right]
	}
	if right == k {
		xm = rho / 2
		gm = rhoinv
		for i, b := range big {
			gm += zeta[i] / (b - xm)
		}
		if gm >= 0 {
			hi = xm
		} else {
			lo = xm
		}
	}
	// The first guess solves f's two nearest pole terms plus the rest held
	// at its value at xm (dlasd4's initial guess).
	const eps = 0x1p-53
	x := (lo + hi) / 2
	a := dl - xm
	c := gm - zeta[left]/a
	var eta float64
	if right < k {
		b := dr - xm
		c -= zeta[right] / b
		eta = quadraticRootIn(c, c*(a+b)+zeta[left]+zeta[right], gm*a*b, a, b)
	} else if c > 0 {
		eta = a + zeta[left]/c
	} else {
		eta = math.NaN()
	}
	if xn := xm + eta; xn > lo && xn < hi {
		x = xn
	}
	converged := false
	for range secularMaxIter {
		var psi, dpsi, phi, dphi float64
		for i := 0; i <= left; i++ {
			t := 1 / (big[i] - x)
			psi += zeta[i] * t
			dpsi += zeta[i] * t * t
		}
		for i := right; i < k; i++ {
			t := 1 / (big[i] - x)
			phi += zeta[i] * t
			dphi += zeta[i] * t * t
		}
		g := rhoinv + psi + phi
		// Bound on the rounding error of g (dlasd4's erretm).
		errg := 8*(phi-psi) + rhoinv + math.Abs(x)*(dpsi+dphi)
		if math.Abs(g) <= eps*errg {
			converged = true
			break
		}
		if g > 0 {
			hi = x
		} else {
			lo = x
		}
		// Fit and solve: c·η² − (c·(a+b) + s1 + s2)·η + g·a·b = 0 for the
		// step η, a = Δ_l − x < 0 < b = Δ_r − x.
		a := dl - x
		s1 := dpsi * a * a
		c := rhoinv + psi - s1/a
		var eta float64
		if right < k {
			b := dr - x
			s2 := dphi * b * b
			c += phi - s2/b
			eta = quadraticRootIn(c, c*(a+b)+s1+s2, g*a*b, a, b)
		} else if c > 0 {
			eta = a + s1/c
		} else {
			eta = math.NaN()
		}
		xn := x + eta
		if !(xn > lo && xn < hi) {
			xn = (lo + hi) / 2
		}
		if xn == x || hi-lo <= 2*eps*math.Max(math.Abs(lo), math.Abs(hi)) {
			converged = true
			x = xn
			break
		}
		x = xn
	}
	if !converged {
		return 0, errors.New("secular equation did not converge")
	}
	tau := x / (p + math.Sqrt(p*p+x))
	for i, di := range d {
		delta[i] = (di - p) - tau
		w[i] = di + p + tau
	}
	return p + tau, nil
}

// quadraticRootIn returns the root in (a, b) of c·η² − bq·η + cq = 0,
// computed without cancellation, or NaN if rounding put neither root there.
func quadraticRootIn(c, bq, cq, a, b float64) float64 {
	if c == 0 {
		return cq / bq
	}
	disc := math.Sqrt(math.Max(bq*bq-4*c*cq, 0))
	q := (bq + math.Copysign(disc, bq)) / 2
	if q == 0 {
		return math.NaN()
	}
	r1, r2 := q/c, cq/q
	switch {
	case r1 > a && r1 < b:
		return r1
	case r2 > a && r2 < b:
		return r2
	}
	return math.NaN()
}

// arrowSVD returns the SVD M = Q·diag(σ)·Wᵀ of the K×K arrow matrix
// M = [z; 0 diag(d_1 … d_{K−1})] (d_0 = 0, d strictly increasing, every
// z_i ≠ 0): σ ascending, and the singular vectors stored one after another,
// q_j = q[j·K : (j+1)·K] and w_j likewise. Following Gu & Eisenstat (1995,
// §3), z is recomputed from the computed σ by Löwner's formula before the
// vectors are formed,
//
//	ẑ_i² = Π_j (σ_j² − d_i²) / Π_{j≠i} (d_j² − d_i²),
//
// so that the vectors, w_j ∝ (ẑ_i/(d_i² − σ_j²))_i and
// q_j ∝ (−1, d_i·ẑ_i/(d_i² − σ_j²))_i, are the exact singular vectors of a
// matrix within a few ulps of M and so orthogonal to working precision.
// q and w come from floatPool; the caller may return them with putFloats.
func arrowSVD(d, z []float64) (sigma, q, w []float64, err error) {
	k := len(d)
	rho := 0.0
	for _, v := range z {
		rho += v * v
	}
	zeta := make([]float64, k)
	for i, v := range z {
		zeta[i] = v * v / rho
	}
	sigma = make([]float64, k)
	// dm[j*k+i] = d_i − σ_j, dp[j*k+i] = d_i + σ_j.
	dm, dp := getFloats(k*k), getFloats(k*k)
	big := make([]float64, k)
	for j := range k {
		if sigma[j], err = secularRoot(d, zeta, rho, j, dm[j*k:(j+1)*k], dp[j*k:(j+1)*k], big); err != nil {
			putFloats(dm)
			putFloats(dp)
			return nil, nil, nil, err
		}
	}
	zhat := make([]float64, k)
	for i, di := range d {
		// σ_j² − d_i² = −(d_i − σ_j)(d_i + σ_j).
		prod := -dm[(k-1)*k+i] * dp[(k-1)*k+i]
		for j := range i {
			prod *= -(dm[j*k+i] * dp[j*k+i]) / ((d[j] - di) * (d[j] + di))
		}
		for j := i; j < k-1; j++ {
			prod *= -(dm[j*k+i] * dp[j*k+i]) / ((d[j+1] - di) * (d[j+1] + di))
		}
		zhat[i] = math.Copysign(math.Sqrt(math.Abs(prod)), z[i])
	}
	// The vectors overwrite dm and dp.
	q, w = dp, dm
	for j := range k {
		wj, qj := w[j*k:(j+1)*k], q[j*k:(j+1)*k]
		var nw, nq float64
		for i := range k {
			v := zhat[i] / (wj[i] * qj[i])
			wj[i] = v
			nw += v * v
			qj[i] = d[i] * v
			nq += qj[i] * qj[i]
		}
		qj[0] = -1
		nq++
		nw, nq = 1/math.Sqrt(nw), 1/math.Sqrt(nq)
		for i := range k {
			wj[i] *= nw
			qj[i] *= nq
		}
	}
	return sigma, q, w, nil
}
