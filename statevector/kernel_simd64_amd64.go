//go:build goexperiment.simd && amd64

package statevector

import (
	"math/bits"
	"simd/archsimd"
)

// complex128 loops: a Float64x8 register holds 2^vb64 amplitudes.
// kernel_simd32_amd64.go is generated from this file: keep every
// precision-specific name ending in 64.

const (
	vb64  = 2 // qubits inside a register
	reg64 = 8 // floats per register
)

// c64 is a complex coefficient per lane: x·c is x⊙re + swap(x)⊙im.
type c64 struct{ re, im archsimd.Float64x8 }

// lanes64 returns the coefficient register of one complex per lane.
func lanes64(z *[maxLanes]complex128) c64 {
	var re, im [8]float64
	for l := range 1 << vb64 {
		re[2*l], re[2*l+1] = float64(real(z[l])), float64(real(z[l]))
		im[2*l], im[2*l+1] = float64(-imag(z[l])), float64(imag(z[l]))
	}
	return c64{archsimd.LoadFloat64x8(&re), archsimd.LoadFloat64x8(&im)}
}

// bcast64 returns the coefficient register of z in every lane.
func bcast64(z complex128) c64 {
	var all [maxLanes]complex128
	for l := range all {
		all[l] = z
	}
	return lanes64(&all)
}

// swap64 exchanges the real and imaginary part of each amplitude.
func swap64(x archsimd.Float64x8) archsimd.Float64x8 { return x.SelectFromPairGrouped(1, 0, x) }

// mul64 returns x·c.
func mul64(x archsimd.Float64x8, c c64) archsimd.Float64x8 {
	return swap64(x).MulAdd(c.im, x.Mul(c.re))
}

// load64 and store64 move the register of amplitudes at float offset j.
func load64(a []float64, j int) archsimd.Float64x8 {
	return archsimd.LoadFloat64x8((*[8]float64)(a[j : j+reg64]))
}

func store64(x archsimd.Float64x8, a []float64, j int) {
	x.Store((*[8]float64)(a[j : j+reg64]))
}

// laneFlip64 returns the permutation of a register's floats that flips
// qubit t of its amplitudes.
func laneFlip64(t int) archsimd.Uint64x8 {
	var idx [8]uint64
	for f := range idx {
		idx[f] = uint64(f ^ 2<<t)
	}
	return archsimd.LoadUint64x8(&idx)
}

func simd64(k *kernel, a []float64, lo, hi int) bool {
	l, ok := newLayout(k, vb64, len(a)/2)
	if !ok || lo&(1<<l.shift-1) != 0 || hi&(1<<l.shift-1) != 0 {
		return false
	}
	lo, hi = lo>>l.shift, hi>>l.shift
	switch {
	case k.kind == kindDense1 && l.inMask == 0:
		dense1Out64(k, a, &l, lo, hi)
	case k.kind == kindDense1 && l.cIn == 0:
		dense1In64(k, a, &l, lo, hi)
	case k.kind == kindDense2 && l.inMask == 0:
		dense2Out64(k, a, &l, lo, hi)
	case k.kind == kindDense2 && l.cIn == 0:
		dense2In64(k, a, &l, lo, hi)
	case k.kind == kindDenseK && l.inMask == 0 && len(k.offs) == 8:
		dense3Out64(k, a, &l, lo, hi)
	case k.kind == kindDenseK && l.inMask == 0 && len(k.offs) <= 1<<MaxFusion:
		denseKOut64(k, a, &l, lo, hi)
	case k.kind == kindDiag && l.nOut <= MaxFusion:
		diag64(k, a, &l, lo, hi)
	case k.kind == kindPerm && l.nOut <= MaxFusion:
		return perm64(k, a, &l, lo, hi)
	default:
		return false
	}
	return true
}

// pairSpans64 walks the registers a loop over the pairs of a one-target
// gate on a qubit ≥ vb64 visits, span by span. A span s holds runs of
// run floats, each at a multiple of 2·run below total, whose registers
// pair with those o floats above them. A gate with no other qubit ≥ vb64
// sweeps its whole range in one span of runs of o floats followed by
// their partners, so that a low target, whose runs are a register or two,
// costs no index expansion per run; otherwise each run of registers is a
// span.
type pairSpans64 struct {
	i, hi, r1, cm, o int
	lows             []int
	flat             bool
}

// newPairSpans64 returns the spans of the register bases [lo, hi) of
// layout l, for a target o floats above its partner.
func newPairSpans64(l *vecLayout, o, lo, hi int) pairSpans64 {
	r1 := l.runMask()
	return pairSpans64{i: lo, hi: hi, r1: r1, cm: l.cmOut, o: o, lows: l.lows[:l.nOut],
		flat: l.nOut == 1 && l.cmOut == 0 && lo&r1 == 0 && hi&r1 == 0}
}

// more reports whether a span is left.
func (sp *pairSpans64) more() bool { return sp.i < sp.hi }

// next returns the next span of a, its extent and its run length.
func (sp *pairSpans64) next(a []float64) (s []float64, total, run int) {
	if sp.flat {
		b, n := 2*(expand(sp.i, sp.lows)<<vb64), (sp.hi-sp.i)*reg64
		sp.i = sp.hi
		return a[b : b+2*n], 2 * n, sp.o
	}
	end := min(sp.hi, (sp.i|sp.r1)+1)
	b, n := 2*(expand(sp.i, sp.lows)<<vb64|sp.cm), (end-sp.i)*reg64
	sp.i = end
	return a[b:], n, n
}

// dense1Out64 applies a 2×2 matrix on a qubit ≥ vb64: the registers at
// base and base|o1 mix with broadcast coefficients.
func dense1Out64(k *kernel, a []float64, l *vecLayout, lo, hi int) {
	if k.isReal || k.isRX {
		dense1OutHalf64(k, a, l, lo, hi)
		return
	}
	m0, m1, m2, m3 := bcast64(k.m[0]), bcast64(k.m[1]), bcast64(k.m[2]), bcast64(k.m[3])
	o := 2 * k.o1
	for sp := newPairSpans64(l, o, lo, hi); sp.more(); {
		s, total, run := sp.next(a)
		for c := 0; c < total; c += 2 * run {
			for p := c; p < c+run; p += reg64 {
				u, v := load64(s, p), load64(s, p+o)
				us, vs := swap64(u), swap64(v)
				store64(vs.MulAdd(m1.im, v.MulAdd(m1.re, us.MulAdd(m0.im, u.Mul(m0.re)))), s, p)
				store64(vs.MulAdd(m3.im, v.MulAdd(m3.re, us.MulAdd(m2.im, u.Mul(m2.re)))), s, p+o)
			}
		}
	}
}

// dense1OutHalf64 is dense1Out64 for matrices whose entries are each real
// or imaginary, real on the diagonal (ry and h are real, rx imaginary off
// the diagonal): one FMA per entry instead of two, and for a real matrix
// no swaps.
func dense1OutHalf64(k *kernel, a []float64, l *vecLayout, lo, hi int) {
	d0, d3 := bcast64(k.m[0]).re, bcast64(k.m[3]).re
	o := 2 * k.o1
	if k.isReal {
		m1, m2 := bcast64(k.m[1]).re, bcast64(k.m[2]).re
		for sp := newPairSpans64(l, o, lo, hi); sp.more(); {
			s, total, run := sp.next(a)
			for c := 0; c < total; c += 2 * run {
				for p := c; p < c+run; p += reg64 {
					u, v := load64(s, p), load64(s, p+o)
					store64(v.MulAdd(m1, u.Mul(d0)), s, p)
					store64(v.MulAdd(d3, u.Mul(m2)), s, p+o)
				}
			}
		}
		return
	}
	m1, m2 := bcast64(k.m[1]).im, bcast64(k.m[2]).im
	for sp := newPairSpans64(l, o, lo, hi); sp.more(); {
		s, total, run := sp.next(a)
		for c := 0; c < total; c += 2 * run {
			for p := c; p < c+run; p += reg64 {
				u, v := load64(s, p), load64(s, p+o)
				store64(swap64(v).MulAdd(m1, u.Mul(d0)), s, p)
				store64(v.MulAdd(d3, swap64(u).Mul(m2)), s, p+o)
			}
		}
	}
}

// half64 applies a 2×2 matrix real on the diagonal (d0, d3) and either
// real (rx false) or imaginary (rx true) off it (m1, m2: the real parts or
// the signed imaginary parts) to the register pair u, v.
func half64(u, v, d0, m1, m2, d3 archsimd.Float64x8, rx bool) (x, y archsimd.Float64x8) {
	if rx {
		return swap64(v).MulAdd(m1, u.Mul(d0)), v.MulAdd(d3, swap64(u).Mul(m2))
	}
	return v.MulAdd(m1, u.Mul(d0)), v.MulAdd(d3, u.Mul(m2))
}

// halfCoefs64 returns the broadcast coefficients of half64 for k.
func halfCoefs64(k *kernel) (d0, m1, m2, d3 archsimd.Float64x8) {
	d0, d3 = bcast64(k.m[0]).re, bcast64(k.m[3]).re
	if k.isRX {
		return d0, bcast64(k.m[1]).im, bcast64(k.m[2]).im, d3
	}
	return d0, bcast64(k.m[1]).re, bcast64(k.m[2]).re, d3
}

// dense1Pair64 applies two one-target gates without controls, each real
// or rx-like (isReal or isRX), on distinct qubits ≥ vb64, to the whole of
// a: they commute, and each quartet of registers (the four settings of
// the two targets) is loaded once, mixed by both and stored once, so the
// pair costs one sweep over a instead of two. oa and ob are the targets'
// float offsets.
func dense1Pair64(k, k2 *kernel, a []float64) {
	ad0, am1, am2, ad3 := halfCoefs64(k)
	bd0, bm1, bm2, bd3 := halfCoefs64(k2)
	arx, brx := k.isRX, k2.isRX
	oa, ob := 2*k.o1, 2*k2.o1
	lo, hi := min(oa, ob), max(oa, ob)
	// quartet mixes the registers at p of the four runs x0, xa, xb, xab.
	quartet := func(x0, xa, xb, xab []float64, p int) {
		r0, ra, rb, rab := load64(x0, p), load64(xa, p), load64(xb, p), load64(xab, p)
		r0, ra = half64(r0, ra, ad0, am1, am2, ad3, arx)
		rb, rab = half64(rb, rab, ad0, am1, am2, ad3, arx)
		r0, rb = half64(r0, rb, bd0, bm1, bm2, bd3, brx)
		ra, rab = half64(ra, rab, bd0, bm1, bm2, bd3, brx)
		store64(r0, x0, p)
		store64(ra, xa, p)
		store64(rb, xb, p)
		store64(rab, xab, p)
	}
	if lo < 4*reg64 {
		// Short runs: index a itself, without slicing each run.
		xa, xb, xab := a[oa:], a[ob:], a[oa+ob:]
		for c1 := 0; c1 < len(a); c1 += 2 * hi {
			for c0 := c1; c0 < c1+hi; c0 += 2 * lo {
				for p := c0; p < c0+lo; p += reg64 {
					quartet(a, xa, xb, xab, p)
				}
			}
		}
		return
	}
	for c1 := 0; c1 < len(a); c1 += 2 * hi {
		for c0 := c1; c0 < c1+hi; c0 += 2 * lo {
			// The four runs, of one length, so that the loop indexes
			// them without bounds checks.
			x0 := a[c0 : c0+lo]
			xa, xb, xab := a[c0+oa:][:len(x0)], a[c0+ob:][:len(x0)], a[c0+oa+ob:][:len(x0)]
			for p := 0; p+reg64 <= len(x0); p += reg64 {
				quartet(x0, xa, xb, xab, p)
			}
		}
	}
}

// dense1In64 applies a 2×2 matrix on a qubit < vb64 (controls ≥ vb64):
// each register holds both amplitudes of its pairs, so the output is
// x·C0 + flip(x)·C1 with per-lane coefficients.
func dense1In64(k *kernel, a []float64, l *vecLayout, lo, hi int) {
	t := bits.TrailingZeros(uint(l.inMask))
	var z0, z1 [maxLanes]complex128
	for lane := range 1 << vb64 {
		r := lane >> t & 1
		z0[lane], z1[lane] = k.m[3*r], k.m[1+r]
	}
	c0, c1 := lanes64(&z0), lanes64(&z1)
	flip := laneFlip64(t)
	r1, lows, cm := l.runMask(), l.lows[:l.nOut], l.cmOut
	for i := lo; i < hi; {
		end := min(hi, (i|r1)+1)
		b, n := 2*(expand(i, lows)<<vb64|cm), end-i
		i = end
		x := a[b : b+n*reg64]
		for j := 0; j+reg64 <= len(x); j += reg64 {
			u := load64(x, j)
			v := u.Permute(flip)
			us, vs := swap64(u), swap64(v)
			store64(vs.MulAdd(c1.im, v.MulAdd(c1.re, us.MulAdd(c0.im, u.Mul(c0.re)))), x, j)
		}
	}
}

// dense2In64 applies a 4×4 matrix with one or both targets among the
// qubits inside a register (controls ≥ vb64). Output lane l of the
// register for out-target value r gathers Σ_y Σ_s M[R(r,l)][R(y,l^s)] ·
// V_y[l^s]: the registers V_y of the out-target values y (one when both
// targets are inside), each also with its lanes permuted by every flip s
// of the in-register target bits.
func dense2In64(k *kernel, a []float64, l *vecLayout, lo, hi int) {
	t1, t2 := bits.TrailingZeros(uint(k.o1)), bits.TrailingZeros(uint(k.o2))
	// local returns the matrix index of out-target value y at lane lane.
	local := func(y, lane int) int {
		b1, b2 := y, y
		if t1 < vb64 {
			b1 = lane >> t1 & 1
		}
		if t2 < vb64 {
			b2 = lane >> t2 & 1
		}
		return b1 | b2<<1
	}
	var flips [4]int // lane flips of the in-register target bits
	nf := 0
	for s := range 1 << vb64 {
		if s&^l.inMask == 0 {
			flips[nf] = s
			nf++
		}
	}
	ny := 4 / nf // registers per base: 1 or 2
	o := 0       // offset of the out-target register
	if t1 >= vb64 {
		o = 2 * k.o1
	} else if t2 >= vb64 {
		o = 2 * k.o2
	}
	var coef [2][2][4]c64 // [r][y][flip]
	for r := range ny {
		for y := range ny {
			for f, s := range flips[:nf] {
				var z [maxLanes]complex128
				for lane := range 1 << vb64 {
					z[lane] = k.m[4*local(r, lane)+local(y, lane^s)]
				}
				coef[r][y][f] = lanes64(&z)
			}
		}
	}
	var perm [4]archsimd.Uint64x8
	for f, s := range flips[:nf] {
		var idx [8]uint64
		for j := range idx {
			idx[j] = uint64(j ^ s<<1)
		}
		perm[f] = archsimd.LoadUint64x8(&idx)
	}
	r1, lows, cm := l.runMask(), l.lows[:l.nOut], l.cmOut
	for i := lo; i < hi; {
		end := min(hi, (i|r1)+1)
		b0, n := 2*(expand(i, lows)<<vb64|cm), end-i
		i = end
		for b := b0; b < b0+n*reg64; b += reg64 {
			if ny == 1 {
				v := load64(a, b)
				acc := mul64(v, coef[0][0][0])
				for f := 1; f < nf; f++ {
					acc = acc.Add(mul64(v.Permute(perm[f]), coef[0][0][f]))
				}
				store64(acc, a, b)
				continue
			}
			v0, v1 := load64(a, b), load64(a, b+o)
			w0, w1 := v0.Permute(perm[1]), v1.Permute(perm[1])
			store64(mul64(v0, coef[0][0][0]).Add(mul64(w0, coef[0][0][1])).Add(mul64(v1, coef[0][1][0])).Add(mul64(w1, coef[0][1][1])), a, b)
			store64(mul64(v0, coef[1][0][0]).Add(mul64(w0, coef[1][0][1])).Add(mul64(v1, coef[1][1][0])).Add(mul64(w1, coef[1][1][1])), a, b+o)
		}
	}
}

// dense2Out64 applies a 4×4 matrix on two qubits ≥ vb64.
func dense2Out64(k *kernel, a []float64, l *vecLayout, lo, hi int) {
	var m [16]c64
	for j := range m {
		m[j] = bcast64(k.m[j])
	}
	o1, o2, o3 := 2*k.o1, 2*k.o2, 2*(k.o1|k.o2)
	r1, lows, cm := l.runMask(), l.lows[:l.nOut], l.cmOut
	for i := lo; i < hi; {
		end := min(hi, (i|r1)+1)
		b0, n := 2*(expand(i, lows)<<vb64|cm), end-i
		i = end
		for b := b0; b < b0+n*reg64; b += reg64 {
			v0, v1, v2, v3 := load64(a, b), load64(a, b+o1), load64(a, b+o2), load64(a, b+o3)
			s0, s1, s2, s3 := swap64(v0), swap64(v1), swap64(v2), swap64(v3)
			row := func(r int) archsimd.Float64x8 {
				c := m[4*r : 4*r+4]
				p := v1.MulAdd(c[1].re, v0.Mul(c[0].re))
				q := s1.MulAdd(c[1].im, s0.Mul(c[0].im))
				p = v3.MulAdd(c[3].re, v2.MulAdd(c[2].re, p))
				q = s3.MulAdd(c[3].im, s2.MulAdd(c[2].im, q))
				return p.Add(q)
			}
			r0, r1, r2, r3 := row(0), row(1), row(2), row(3)
			store64(r0, a, b)
			store64(r1, a, b+o1)
			store64(r2, a, b+o2)
			store64(r3, a, b+o3)
		}
	}
}

// dense3Out64 applies an 8×8 matrix on three qubits ≥ vb64, the eight
// input registers and their swaps held in registers across the rows and
// the coefficient registers prepared once per call.
func dense3Out64(k *kernel, a []float64, l *vecLayout, lo, hi int) {
	var o [8]int
	for c, off := range k.offs {
		o[c] = 2 * off
	}
	var m [64]c64
	for j := range m {
		m[j] = bcast64(k.big[j])
	}
	r1, lows, cm := l.runMask(), l.lows[:l.nOut], l.cmOut
	for i := lo; i < hi; {
		end := min(hi, (i|r1)+1)
		b0, n := 2*(expand(i, lows)<<vb64|cm), end-i
		i = end
		for b := b0; b < b0+n*reg64; b += reg64 {
			v0, v1, v2, v3 := load64(a, b+o[0]), load64(a, b+o[1]), load64(a, b+o[2]), load64(a, b+o[3])
			v4, v5, v6, v7 := load64(a, b+o[4]), load64(a, b+o[5]), load64(a, b+o[6]), load64(a, b+o[7])
			s0, s1, s2, s3 := swap64(v0), swap64(v1), swap64(v2), swap64(v3)
			s4, s5, s6, s7 := swap64(v4), swap64(v5), swap64(v6), swap64(v7)
			var out [8]archsimd.Float64x8
			for r := range 8 {
				c := (*[8]c64)(m[8*r : 8*r+8])
				p := v1.MulAdd(c[1].re, v0.Mul(c[0].re))
				q := s1.MulAdd(c[1].im, s0.Mul(c[0].im))
				p = v3.MulAdd(c[3].re, v2.MulAdd(c[2].re, p))
				q = s3.MulAdd(c[3].im, s2.MulAdd(c[2].im, q))
				p = v5.MulAdd(c[5].re, v4.MulAdd(c[4].re, p))
				q = s5.MulAdd(c[5].im, s4.MulAdd(c[4].im, q))
				p = v7.MulAdd(c[7].re, v6.MulAdd(c[6].re, p))
				q = s7.MulAdd(c[7].im, s6.MulAdd(c[6].im, q))
				out[r] = p.Add(q)
			}
			for r := range out {
				store64(out[r], a, b+o[r])
			}
		}
	}
}

// denseKOut64 applies a 2^t × 2^t matrix (2 ≤ t ≤ MaxFusion) on qubits ≥
// vb64: the 2^t registers of a base are loaded, then each output is two
// chains of FMAs with broadcast real and imaginary parts, signed at the end.
func denseKOut64(k *kernel, a []float64, l *vecLayout, lo, hi int) {
	offs := k.offs
	dim := len(offs)
	mf := floatView(k.big)
	sign := bcast64(1i).im // (−1, +1, …)
	var v, s [1 << MaxFusion]archsimd.Float64x8
	r1, lows, cm := l.runMask(), l.lows[:l.nOut], l.cmOut
	for i := lo; i < hi; {
		end := min(hi, (i|r1)+1)
		b0, n := 2*(expand(i, lows)<<vb64|cm), end-i
		i = end
		for b := b0; b < b0+n*reg64; b += reg64 {
			for c, o := range offs {
				v[c] = load64(a, b+2*o)
				s[c] = swap64(v[c])
			}
			for r, o := range offs {
				row := mf[2*dim*r : 2*dim*(r+1)]
				var p, q archsimd.Float64x8
				// Four columns per step: the loop's bookkeeping is paid once
				// per eight FMAs.
				for c := 0; c+4 <= dim; c += 4 {
					p, q = mac4x64(p, q, (*[4]archsimd.Float64x8)(v[c:c+4]), (*[4]archsimd.Float64x8)(s[c:c+4]), (*mrow)(row[2*c:2*c+8]))
				}
				store64(q.MulAdd(sign, p), a, b+2*o)
			}
		}
	}
}

// mac4x64 adds four columns of a row to the accumulators: p += v⊙Re,
// q += s⊙Im with broadcast matrix entries.
func mac4x64(p, q archsimd.Float64x8, v, s *[4]archsimd.Float64x8, row *mrow) (archsimd.Float64x8, archsimd.Float64x8) {
	p = v[0].MulAdd(archsimd.BroadcastFloat64x8(float64(row[0])), p)
	q = s[0].MulAdd(archsimd.BroadcastFloat64x8(float64(row[1])), q)
	p = v[1].MulAdd(archsimd.BroadcastFloat64x8(float64(row[2])), p)
	q = s[1].MulAdd(archsimd.BroadcastFloat64x8(float64(row[3])), q)
	p = v[2].MulAdd(archsimd.BroadcastFloat64x8(float64(row[4])), p)
	q = s[2].MulAdd(archsimd.BroadcastFloat64x8(float64(row[5])), q)
	p = v[3].MulAdd(archsimd.BroadcastFloat64x8(float64(row[6])), p)
	q = s[3].MulAdd(archsimd.BroadcastFloat64x8(float64(row[7])), q)
	return p, q
}

// diag64 multiplies each register by the lane coefficients of the diagonal
// at its pattern of the gate's higher qubits; patterns whose coefficients
// are all 1 are skipped.
func diag64(k *kernel, a []float64, l *vecLayout, lo, hi int) {
	var coef [1 << MaxFusion]c64
	var offs [1 << MaxFusion]int
	var which [1 << MaxFusion]int // pattern → index in coef, −1 for all ones
	np := 0
	for y := range 1 << l.nOut {
		off := l.outOffset(y)
		var z [maxLanes]complex128
		one := true
		for lane := range 1 << vb64 {
			z[lane] = diagValue(k, off|lane&l.inMask)
			one = one && z[lane] == 1
		}
		which[y] = -1
		if !one {
			coef[np], offs[np], which[y] = lanes64(&z), 2*off, np
			np++
		}
	}
	if nregs := len(a) / reg64; l.nOut > 0 && np == 1<<l.nOut && lo == 0 && hi<<l.nOut == nregs {
		// Every pattern has work and the range is the whole state: sweep
		// it in memory order, instead of visiting the patterns of each
		// base apart, two runs of registers at a time: the runs of the
		// two patterns that differ in the lowest qubit, run floats apart.
		run := reg64 << (l.outPos[0] - vb64)
		for r := 0; r < len(a); r += 2 * run {
			y := 0
			for j, p := range l.outPos[1:l.nOut] {
				y |= (r / reg64 >> (p - vb64) & 1) << (j + 1)
			}
			c0, c1 := coef[which[y]], coef[which[y|1]]
			x := a[r : r+2*run]
			for j := 0; j < run; j += reg64 {
				store64(mul64(load64(x, j), c0), x, j)
				store64(mul64(load64(x, j+run), c1), x, j+run)
			}
		}
		return
	}
	if nregs := len(a) / reg64; l.nOut > 0 && l.nOut <= 2 && lo == 0 && hi<<l.nOut == nregs {
		// One or two qubits above the register and the range is the
		// whole state: visit each pattern's runs of registers (r0 floats,
		// in blocks of r1 floats of the higher qubit) by nested loops,
		// without expanding an index per run.
		r0, r1 := reg64<<(l.outPos[0]-vb64), len(a)
		if l.nOut == 2 {
			r1 = reg64 << (l.outPos[1] - vb64)
		}
		for p, off := range offs[:np] {
			c := coef[p]
			for c1 := 0; c1 < len(a); c1 += 2 * r1 {
				for c0 := c1; c0 < c1+r1; c0 += 2 * r0 {
					x := a[c0+off : c0+off+r0]
					for j := 0; j+reg64 <= len(x); j += reg64 {
						store64(mul64(load64(x, j), c), x, j)
					}
				}
			}
		}
		return
	}
	r1, lows, cm := l.runMask(), l.lows[:l.nOut], l.cmOut
	for i := lo; i < hi; {
		end := min(hi, (i|r1)+1)
		b, n := 2*(expand(i, lows)<<vb64|cm), end-i
		i = end
		for p, off := range offs[:np] {
			x := a[b+off : b+off+n*reg64]
			c := coef[p]
			for j := 0; j+reg64 <= len(x); j += reg64 {
				store64(mul64(load64(x, j), c), x, j)
			}
		}
	}
}

// permReg64 is one register perm64 rewrites: the pattern dst of the gate's
// higher qubits, rebuilt from the registers of patterns src0 (and src1)
// by the float permutation idx.
type permReg64 struct {
	dst, src0, src1, how int
	idx                  archsimd.Uint64x8
}

// perm64 applies a permutation kernel with register moves and lane
// permutations: for every pattern of the gate's higher qubits whose
// amplitudes the permutation changes, the register is rebuilt from the
// at most two registers its lanes come from (one VPERMI2PD), so nothing
// is multiplied and no amplitude is moved alone. It reports false when
// a register would need more than two sources.
func perm64(k *kernel, a []float64, l *vecLayout, lo, hi int) bool {
	if l.inMask == 0 {
		permOut64(k, a, l, lo, hi)
		return true
	}
	gate := 0 // the bits of the gate's qubits
	for _, m := range k.lows[:k.npos] {
		gate |= m + 1
	}
	// partner is the index whose amplitude moves to x.
	partner := func(x int) int {
		for j, o := range k.off[:k.nd] {
			switch x & gate {
			case o:
				return x&^gate | k.off2[j]
			case k.off2[j]:
				return x&^gate | o
			}
		}
		return x
	}
	var outs [1 << MaxFusion]permReg64
	var offs [1 << MaxFusion]int // float offset of each pattern's register
	var loads [1 << MaxFusion]int
	nout, nload, used := 0, 0, 0
	for y := range 1 << l.nOut {
		offs[y] = 2 * l.outOffset(y)
	}
	for y := range 1 << l.nOut {
		o := permReg64{dst: y, src0: -1, src1: -1}
		if l.nOut == 1 { // the base's two registers are sources 0 and 1
			o.src0, o.src1 = 0, 1
		}
		var idx [8]uint64
		moved, lanes := false, false
		for lane := range 1 << vb64 {
			p := partner(l.outOffset(y) | lane)
			src := 0
			for j, q := range l.outPos[:l.nOut] {
				src |= (p >> q & 1) << j
			}
			slot := 0
			switch {
			case src == o.src0:
			case o.src0 < 0:
				o.src0 = src
			case src == o.src1:
				slot = 1
			case o.src1 < 0:
				o.src1, slot = src, 1
			default:
				return false
			}
			from := p & (1<<vb64 - 1)
			idx[2*lane] = uint64(reg64*slot + 2*from)
			idx[2*lane+1] = uint64(reg64*slot + 2*from + 1)
			moved = moved || src != y || from != lane
			lanes = lanes || from != lane
		}
		switch {
		case !moved:
			continue
		case o.src1 >= 0:
			o.how = permTwo
		case lanes:
			o.how = permLanes
		}
		o.idx = archsimd.LoadUint64x8(&idx)
		outs[nout] = o
		nout++
		for _, src := range [2]int{o.src0, o.src1} {
			if src >= 0 && used>>src&1 == 0 {
				used |= 1 << src
				loads[nload] = src
				nload++
			}
		}
	}
	if nout == 0 {
		return true
	}
	if l.nOut <= 1 {
		permLow64(a, l, outs[0], outs[nout-1], offs[1], lo, hi)
		return true
	}
	var v [1 << MaxFusion]archsimd.Float64x8
	r1, lows := l.runMask(), l.lows[:l.nOut]
	for i := lo; i < hi; {
		end := min(hi, (i|r1)+1)
		b0, n := 2*(expand(i, lows)<<vb64), end-i
		i = end
		for b := b0; b < b0+n*reg64; b += reg64 {
			for _, y := range loads[:nload] {
				v[y] = load64(a, b+offs[y])
			}
			for j := range outs[:nout] {
				o := &outs[j]
				x := v[o.src0]
				switch o.how {
				case permLanes:
					x = x.Permute(o.idx)
				case permTwo:
					x = x.ConcatPermute(v[o.src1], o.idx)
				}
				store64(x, a, b+offs[o.dst])
			}
		}
	}
	return true
}

// permOut64 is perm64 for a permutation of the qubits ≥ vb64 alone: it
// swaps whole registers, run by run.
func permOut64(k *kernel, a []float64, l *vecLayout, lo, hi int) {
	r1, lows := l.runMask(), l.lows[:l.nOut]
	for i := lo; i < hi; {
		end := min(hi, (i|r1)+1)
		b, n := expand(i, lows)<<vb64, (end-i)*reg64
		i = end
		for j, p := range k.off[:k.nd] {
			x, y := a[2*(b|p):][:n], a[2*(b|k.off2[j]):][:n]
			for f := 0; f+reg64 <= n; f += reg64 {
				u, v := load64(x, f), load64(y, f)
				store64(v, x, f)
				store64(u, y, f)
			}
		}
	}
}

// permLow64 is perm64 for a permutation with at most one qubit above
// the register: each base has one or two registers, both outputs are
// built from them with one lane permutation each, without branches.
// o0 and o1 are the outputs (the same one when only one changes); off1
// is the float offset of the second register.
func permLow64(a []float64, l *vecLayout, o0, o1 permReg64, off1, lo, hi int) {
	d0, d1 := 2*l.outOffset(o0.dst), 2*l.outOffset(o1.dst)
	r1, lows := l.runMask(), l.lows[:l.nOut]
	for i := lo; i < hi; {
		end := min(hi, (i|r1)+1)
		b0, n := 2*(expand(i, lows)<<vb64), end-i
		i = end
		for b := b0; b < b0+n*reg64; b += reg64 {
			v0 := load64(a, b)
			if l.nOut == 0 {
				store64(v0.Permute(o0.idx), a, b)
				continue
			}
			v1 := load64(a, b+off1)
			w0, w1 := v0.ConcatPermute(v1, o0.idx), v0.ConcatPermute(v1, o1.idx)
			store64(w0, a, b+d0)
			store64(w1, a, b+d1)
		}
	}
}
