package linalg

import (
	"math"
	"math/cmplx"
)

// makeReflector computes an elementary reflector H = I − τ·v·v† with v[0] = 1
// such that H†·[alpha; x] = [beta; 0] with beta real (LAPACK's zlarfg). On
// return x holds v[1:]. When x is zero and alpha is real, τ = 0 and H = I.
//
// Because beta is real, reducing a complex matrix with these reflectors gives
// a real bidiagonal (or tridiagonal) matrix directly, with no phase fix-up.
func makeReflector(alpha complex128, x []complex128) (beta float64, tau complex128) {
	xnorm := norm2(x)
	if xnorm == 0 && imag(alpha) == 0 {
		return real(alpha), 0
	}
	beta = -math.Copysign(math.Hypot(cmplx.Abs(alpha), xnorm), real(alpha))
	tau = complex((beta-real(alpha))/beta, -imag(alpha)/beta)
	scale := 1 / (alpha - complex(beta, 0))
	for i := range x {
		x[i] *= scale
	}
	return beta, tau
}

// reflectLeft sets C := (I − τ·v·v†)·C for the len(v)×cols block C of a
// row-major array c with row stride ld starting at c[0]. work must hold cols
// elements. Pass conj(τ) to apply H† instead of H. Both passes (w = v†·C,
// then C −= τ·v·w) run along contiguous rows of C.
func reflectLeft(c []complex128, ld, cols int, v []complex128, tau complex128, work []complex128) {
	if tau == 0 || cols == 0 {
		return
	}
	w := work[:cols]
	clear(w)
	for r, vr := range v {
		if vr != 0 {
			axpy(cmplx.Conj(vr), c[r*ld:][:cols], w)
		}
	}
	for r, vr := range v {
		if s := tau * vr; s != 0 {
			axpy(-s, w, c[r*ld:][:cols])
		}
	}
}

// reflectRight sets C := C·(I − τ·v·v†) for the rows×len(v) block C of a
// row-major array c with row stride ld; vc holds conj(v). Pass conj(τ) to
// apply H† instead of H. Each row is finished (dot, then update) while it is
// in cache.
func reflectRight(c []complex128, ld, rows int, v, vc []complex128, tau complex128) {
	if tau == 0 {
		return
	}
	for r := range rows {
		cr := c[r*ld:][:len(v)]
		if s := tau * dotu(cr, v); s != 0 {
			axpy(-s, vc, cr)
		}
	}
}
