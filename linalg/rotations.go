package linalg

// rotationLog records the sequences of plane rotations that the bidiagonal
// QR iteration applies to the singular-vector matrices, so that they can be
// applied later in bulk: row by row, four rows at a time, each row in L1 and
// each rotation read once per four rows, rows shared among goroutines. LAPACK
// (dlasr) instead streams the whole matrix through memory once per sweep.
//
// A sweep rotates columns (lo+k, lo+k+1) by (c_k, s_k) for k = 0, 1, …
// (forward) or k = …, 1, 0 (backward), each rotation mapping
// (x, y) → (c·x + s·y, c·y − s·x), the convention of LAPACK's dlasr.
type rotationLog struct {
	sweeps []rotationSweep
	c, s   []float64
}

type rotationSweep struct {
	lo, off, n int // columns lo … lo+n, rotations c[off:off+n]
	backward   bool
}

// add records a sweep of len(c) rotations starting at column lo.
func (l *rotationLog) add(lo int, backward bool, c, s []float64) {
	l.sweeps = append(l.sweeps, rotationSweep{lo: lo, off: len(l.c), n: len(c), backward: backward})
	l.c = append(l.c, c...)
	l.s = append(l.s, s...)
}

func (l *rotationLog) reset() {
	l.sweeps, l.c, l.s = l.sweeps[:0], l.c[:0], l.s[:0]
}

// applyRows applies every logged sweep, in order, to rows [r0, r1) of the
// row-major matrix x with n columns.
func (l *rotationLog) applyRows(x []float64, n, r0, r1 int) {
	r := r0
	for ; r+4 <= r1; r += 4 {
		x0 := x[r*n : (r+1)*n]
		x1 := x[(r+1)*n : (r+2)*n]
		x2 := x[(r+2)*n : (r+3)*n]
		x3 := x[(r+3)*n : (r+4)*n]
		for _, sw := range l.sweeps {
			c, s := l.c[sw.off:sw.off+sw.n], l.s[sw.off:sw.off+sw.n]
			if sw.backward {
				rotateBackward4(x0[sw.lo:sw.lo+sw.n+1], x1[sw.lo:sw.lo+sw.n+1], x2[sw.lo:sw.lo+sw.n+1], x3[sw.lo:sw.lo+sw.n+1], c, s)
			} else {
				rotateForward4(x0[sw.lo:sw.lo+sw.n+1], x1[sw.lo:sw.lo+sw.n+1], x2[sw.lo:sw.lo+sw.n+1], x3[sw.lo:sw.lo+sw.n+1], c, s)
			}
		}
	}
	for ; r < r1; r++ {
		xr := x[r*n : (r+1)*n]
		for _, sw := range l.sweeps {
			c, s := l.c[sw.off:sw.off+sw.n], l.s[sw.off:sw.off+sw.n]
			if sw.backward {
				rotateBackward(xr[sw.lo:sw.lo+sw.n+1], c, s)
			} else {
				rotateForward(xr[sw.lo:sw.lo+sw.n+1], c, s)
			}
		}
	}
}

// rotateForward applies rotations k = 0, 1, … to (x_k, x_k+1), carrying the
// updated x_k+1 in a register; len(x) = len(c)+1.
func rotateForward(x, c, s []float64) {
	s = s[:len(c)]
	x = x[:len(c)+1]
	t := x[0]
	for k, ck := range c {
		sk, y := s[k], x[k+1]
		x[k] = ck*t + sk*y
		t = ck*y - sk*t
	}
	x[len(c)] = t
}

// rotateBackward applies rotations k = …, 1, 0 to (x_k, x_k+1).
func rotateBackward(x, c, s []float64) {
	s = s[:len(c)]
	x = x[:len(c)+1]
	t := x[len(c)]
	for k := len(c) - 1; k >= 0; k-- {
		ck, sk, y := c[k], s[k], x[k]
		x[k+1] = ck*t - sk*y
		t = sk*t + ck*y
	}
	x[0] = t
}

// rotateForward4 is rotateForward on four rows at once: four independent
// dependency chains keep the FP units busy and c, s are loaded once.
func rotateForward4(x0, x1, x2, x3, c, s []float64) {
	n := len(c)
	s = s[:n]
	x0, x1, x2, x3 = x0[:n+1], x1[:n+1], x2[:n+1], x3[:n+1]
	t0, t1, t2, t3 := x0[0], x1[0], x2[0], x3[0]
	for k, ck := range c {
		sk := s[k]
		y0, y1, y2, y3 := x0[k+1], x1[k+1], x2[k+1], x3[k+1]
		x0[k], x1[k], x2[k], x3[k] = ck*t0+sk*y0, ck*t1+sk*y1, ck*t2+sk*y2, ck*t3+sk*y3
		t0, t1, t2, t3 = ck*y0-sk*t0, ck*y1-sk*t1, ck*y2-sk*t2, ck*y3-sk*t3
	}
	x0[n], x1[n], x2[n], x3[n] = t0, t1, t2, t3
}

// rotateBackward4 is rotateBackward on four rows at once.
func rotateBackward4(x0, x1, x2, x3, c, s []float64) {
	n := len(c)
	s = s[:n]
	x0, x1, x2, x3 = x0[:n+1], x1[:n+1], x2[:n+1], x3[:n+1]
	t0, t1, t2, t3 := x0[n], x1[n], x2[n], x3[n]
	for k := n - 1; k >= 0; k-- {
		ck, sk := c[k], s[k]
		y0, y1, y2, y3 := x0[k], x1[k], x2[k], x3[k]
		x0[k+1], x1[k+1], x2[k+1], x3[k+1] = ck*t0-sk*y0, ck*t1-sk*y1, ck*t2-sk*y2, ck*t3-sk*y3
		t0, t1, t2, t3 = sk*t0+ck*y0, sk*t1+ck*y1, sk*t2+ck*y2, sk*t3+ck*y3
	}
	x0[0], x1[0], x2[0], x3[0] = t0, t1, t2, t3
}
