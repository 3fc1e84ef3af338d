package statevector

// Dense kernels: a 2^t × 2^t matrix applied to the 2^t amplitudes of each
// base, every amplitude read and written once per gate.
//
// The counts below the lowest qubit a gate touches map to consecutive
// indices, so the loops expand one count per run of 2^lowest bases and then
// sweep contiguous slices, which lets the compiler drop bounds checks.

// runEnd returns the end of the run of consecutive bases that starts at
// count i, capped at hi; r1 = k.lows[0] is the run length minus one.
func runEnd(i, r1, hi int) int { return min(hi, (i|r1)+1) }

// runDense1 applies the 2×2 matrix k.m to the pair (base, base|o1) of every
// base in [lo, hi).
func (k *kernel) runDense1(a []complex128, lo, hi int) {
	if k.isReal {
		k.runDense1Real(a, lo, hi)
		return
	}
	m0, m1, m2, m3 := k.m[0], k.m[1], k.m[2], k.m[3]
	o := k.o1
	if k.npos == 1 && o == 1 { // uncontrolled on qubit 0: adjacent pairs
		p := a[2*lo : 2*hi]
		for j := 0; j+1 < len(p); j += 2 {
			u, v := p[j], p[j+1]
			p[j] = m0*u + m1*v
			p[j+1] = m2*u + m3*v
		}
		return
	}
	lows, cm, r1 := k.lows[:k.npos], k.cmask, k.lows[0]
	for i := lo; i < hi; {
		end := runEnd(i, r1, hi)
		b := expand(i, lows) | cm
		x := a[b : b+end-i]
		y := a[b|o : (b|o)+len(x)]
		for j, u := range x {
			v := y[j]
			x[j] = m0*u + m1*v
			y[j] = m2*u + m3*v
		}
		i = end
	}
}

// runDense1Real is runDense1 for a real matrix: a real number times a
// complex one takes two multiplications instead of four plus two additions.
func (k *kernel) runDense1Real(a []complex128, lo, hi int) {
	m0, m1, m2, m3 := real(k.m[0]), real(k.m[1]), real(k.m[2]), real(k.m[3])
	o := k.o1
	if k.npos == 1 && o == 1 {
		p := a[2*lo : 2*hi]
		for j := 0; j+1 < len(p); j += 2 {
			u, v := p[j], p[j+1]
			p[j] = complex(m0*real(u)+m1*real(v), m0*imag(u)+m1*imag(v))
			p[j+1] = complex(m2*real(u)+m3*real(v), m2*imag(u)+m3*imag(v))
		}
		return
	}
	lows, cm, r1 := k.lows[:k.npos], k.cmask, k.lows[0]
	for i := lo; i < hi; {
		end := runEnd(i, r1, hi)
		b := expand(i, lows) | cm
		x := a[b : b+end-i]
		y := a[b|o : (b|o)+len(x)]
		for j, u := range x {
			v := y[j]
			x[j] = complex(m0*real(u)+m1*real(v), m0*imag(u)+m1*imag(v))
			y[j] = complex(m2*real(u)+m3*real(v), m2*imag(u)+m3*imag(v))
		}
		i = end
	}
}

// runDense2 applies the 4×4 matrix k.m to the amplitudes (base, base|o1,
// base|o2, base|o1|o2), local states 0 to 3, of every base in [lo, hi).
func (k *kernel) runDense2(a []complex128, lo, hi int) {
	m := &k.m
	o1, o2, o3 := k.o1, k.o2, k.o1|k.o2
	lows, cm, r1 := k.lows[:k.npos], k.cmask, k.lows[0]
	for i := lo; i < hi; {
		end := runEnd(i, r1, hi)
		b := expand(i, lows) | cm
		n := end - i
		x0 := a[b : b+n]
		x1 := a[b|o1 : (b|o1)+n]
		x2 := a[b|o2 : (b|o2)+n]
		x3 := a[b|o3 : (b|o3)+n]
		x1, x2, x3 = x1[:len(x0)], x2[:len(x0)], x3[:len(x0)]
		for j, v0 := range x0 {
			v1, v2, v3 := x1[j], x2[j], x3[j]
			x0[j] = m[0]*v0 + m[1]*v1 + m[2]*v2 + m[3]*v3
			x1[j] = m[4]*v0 + m[5]*v1 + m[6]*v2 + m[7]*v3
			x2[j] = m[8]*v0 + m[9]*v1 + m[10]*v2 + m[11]*v3
			x3[j] = m[12]*v0 + m[13]*v1 + m[14]*v2 + m[15]*v3
		}
		i = end
	}
}

// runDenseK applies the 2^t × 2^t matrix k.big to the amplitudes at
// base|offs[j] of every base in [lo, hi), through one scratch vector per
// call (on the stack up to five qubits).
func (k *kernel) runDenseK(a []complex128, lo, hi int) {
	offs, m := k.offs, k.big
	dim := len(offs)
	var buf [32]complex128
	v := buf[:0]
	if dim > len(buf) {
		v = make([]complex128, dim)
	}
	v = v[:dim]
	lows, cm := k.lows[:k.npos], k.cmask
	for i := lo; i < hi; i++ {
		b := expand(i, lows) | cm
		for j, o := range offs {
			v[j] = a[b|o]
		}
		// Two rows at a time: each gathered amplitude is loaded once for
		// both, and the two sums are independent dependency chains.
		rows := m
		for r := 0; r+1 < len(offs); r += 2 {
			row0, row1 := rows[:len(v)], rows[len(v):2*len(v)]
			rows = rows[2*len(v):]
			var s0, s1 complex128
			for c, x := range v {
				s0 += row0[c] * x
				s1 += row1[c] * x
			}
			a[b|offs[r]] = s0
			a[b|offs[r+1]] = s1
		}
	}
}
