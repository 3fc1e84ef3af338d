package statevector

// Dense kernels: a 2^t × 2^t matrix applied to the 2^t amplitudes of each
// base, every amplitude read and written once per gate. They work on the
// interleaved real and imaginary parts (see floatView) in either precision,
// complex products written out: (a+ib)(c+id) = (ac−bd) + i(ad+bc).
//
// The counts below the lowest qubit a gate touches map to consecutive
// indices, so the loops expand one count per run of 2^lowest bases and then
// sweep contiguous slices, which lets the compiler drop bounds checks.

// runEnd returns the end of the run of consecutive bases that starts at
// count i, capped at hi; r1 = k.lows[0] is the run length minus one.
func runEnd(i, r1, hi int) int { return min(hi, (i|r1)+1) }

// parts returns the real and imaginary parts of z in precision F.
func parts[F float](z complex128) (F, F) { return F(real(z)), F(imag(z)) }

// runDense1 applies the 2×2 matrix k.m to the pair (base, base|o1) of every
// base in [lo, hi).
func runDense1[F float](k *kernel, a []F, lo, hi int) {
	if k.isReal {
		runDense1Real(k, a, lo, hi)
		return
	}
	ar, ai := parts[F](k.m[0])
	br, bi := parts[F](k.m[1])
	cr, ci := parts[F](k.m[2])
	dr, di := parts[F](k.m[3])
	o := k.o1
	if k.npos == 1 && o == 1 { // uncontrolled on qubit 0: adjacent pairs
		p := a[4*lo : 4*hi]
		for j := 0; j+3 < len(p); j += 4 {
			ur, ui, vr, vi := p[j], p[j+1], p[j+2], p[j+3]
			p[j] = (ar*ur - ai*ui) + (br*vr - bi*vi)
			p[j+1] = (ar*ui + ai*ur) + (br*vi + bi*vr)
			p[j+2] = (cr*ur - ci*ui) + (dr*vr - di*vi)
			p[j+3] = (cr*ui + ci*ur) + (dr*vi + di*vr)
		}
		return
	}
	lows, cm, r1 := k.lows[:k.npos], k.cmask, k.lows[0]
	for i := lo; i < hi; {
		end := runEnd(i, r1, hi)
		b := expand(i, lows) | cm
		x := a[2*b : 2*(b+end-i)]
		y := a[2*(b|o) : 2*(b|o)+len(x)]
		for j := 0; j+1 < len(x); j += 2 {
			ur, ui, vr, vi := x[j], x[j+1], y[j], y[j+1]
			x[j] = (ar*ur - ai*ui) + (br*vr - bi*vi)
			x[j+1] = (ar*ui + ai*ur) + (br*vi + bi*vr)
			y[j] = (cr*ur - ci*ui) + (dr*vr - di*vi)
			y[j+1] = (cr*ui + ci*ur) + (dr*vi + di*vr)
		}
		i = end
	}
}

// runDense1Real is runDense1 for a real matrix (h, ry, cry): a real number
// times a complex one takes two multiplications instead of four plus two
// additions, and the real and imaginary parts transform alike.
func runDense1Real[F float](k *kernel, a []F, lo, hi int) {
	m0, m1, m2, m3 := F(real(k.m[0])), F(real(k.m[1])), F(real(k.m[2])), F(real(k.m[3]))
	o := k.o1
	if k.npos == 1 && o == 1 {
		p := a[4*lo : 4*hi]
		for j := 0; j+3 < len(p); j += 4 {
			ur, ui, vr, vi := p[j], p[j+1], p[j+2], p[j+3]
			p[j], p[j+1] = m0*ur+m1*vr, m0*ui+m1*vi
			p[j+2], p[j+3] = m2*ur+m3*vr, m2*ui+m3*vi
		}
		return
	}
	lows, cm, r1 := k.lows[:k.npos], k.cmask, k.lows[0]
	for i := lo; i < hi; {
		end := runEnd(i, r1, hi)
		b := expand(i, lows) | cm
		x := a[2*b : 2*(b+end-i)]
		y := a[2*(b|o) : 2*(b|o)+len(x)]
		for j, u := range x { // real and imaginary parts alike
			v := y[j]
			x[j] = m0*u + m1*v
			y[j] = m2*u + m3*v
		}
		i = end
	}
}

// runDense2 applies the 4×4 matrix k.m to the amplitudes (base, base|o1,
// base|o2, base|o1|o2), local states 0 to 3, of every base in [lo, hi).
func runDense2[F float](k *kernel, a []F, lo, hi int) {
	var mr, mi [16]F
	for j, z := range k.m {
		mr[j], mi[j] = parts[F](z)
	}
	o1, o2, o3 := k.o1, k.o2, k.o1|k.o2
	lows, cm, r1 := k.lows[:k.npos], k.cmask, k.lows[0]
	for i := lo; i < hi; {
		end := runEnd(i, r1, hi)
		b := expand(i, lows) | cm
		n := 2 * (end - i)
		x0 := a[2*b : 2*b+n]
		x1 := a[2*(b|o1) : 2*(b|o1)+n]
		x2 := a[2*(b|o2) : 2*(b|o2)+n]
		x3 := a[2*(b|o3) : 2*(b|o3)+n]
		x1, x2, x3 = x1[:len(x0)], x2[:len(x0)], x3[:len(x0)]
		for j := 0; j+1 < len(x0); j += 2 {
			ar, ai, br, bi := x0[j], x0[j+1], x1[j], x1[j+1]
			cr, ci, dr, di := x2[j], x2[j+1], x3[j], x3[j+1]
			x0[j], x0[j+1] = row4(mr[0:4], mi[0:4], ar, ai, br, bi, cr, ci, dr, di)
			x1[j], x1[j+1] = row4(mr[4:8], mi[4:8], ar, ai, br, bi, cr, ci, dr, di)
			x2[j], x2[j+1] = row4(mr[8:12], mi[8:12], ar, ai, br, bi, cr, ci, dr, di)
			x3[j], x3[j+1] = row4(mr[12:16], mi[12:16], ar, ai, br, bi, cr, ci, dr, di)
		}
		i = end
	}
}

// row4 returns one row (re, im parts mr, mi) of a 4×4 matrix times the
// vector (a, b, c, d).
func row4[F float](mr, mi []F, ar, ai, br, bi, cr, ci, dr, di F) (F, F) {
	mr, mi = mr[:4], mi[:4]
	re := (mr[0]*ar - mi[0]*ai) + (mr[1]*br - mi[1]*bi) + (mr[2]*cr - mi[2]*ci) + (mr[3]*dr - mi[3]*di)
	im := (mr[0]*ai + mi[0]*ar) + (mr[1]*bi + mi[1]*br) + (mr[2]*ci + mi[2]*cr) + (mr[3]*di + mi[3]*dr)
	return re, im
}

// runDenseK applies the 2^t × 2^t matrix k.big to the amplitudes at
// base|offs[j] of every base in [lo, hi), through one scratch vector per
// call (on the stack up to five qubits).
func runDenseK[F float](k *kernel, a []F, lo, hi int) {
	offs, m := k.offs, k.big
	dim := len(offs)
	var bufr, bufi [32]F
	vr, vi := bufr[:0], bufi[:0]
	if dim > len(bufr) {
		vr, vi = make([]F, dim), make([]F, dim)
	}
	vr, vi = vr[:dim], vi[:dim]
	lows, cm := k.lows[:k.npos], k.cmask
	for i := lo; i < hi; i++ {
		b := expand(i, lows) | cm
		for j, o := range offs {
			vr[j], vi[j] = a[2*(b|o)], a[2*(b|o)+1]
		}
		rows := m
		for _, o := range offs {
			row := rows[:dim]
			rows = rows[dim:]
			var sr, si F
			for c, z := range row {
				zr, zi := parts[F](z)
				sr += zr*vr[c] - zi*vi[c]
				si += zr*vi[c] + zi*vr[c]
			}
			a[2*(b|o)], a[2*(b|o)+1] = sr, si
		}
	}
}
