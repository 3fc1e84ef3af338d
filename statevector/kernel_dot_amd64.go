//go:build goexperiment.simd && amd64

package statevector

import "simd/archsimd"

// dotSIMD is dot2 with AVX-512 registers. For each overlap it walks the
// registers of λ's state r and ψ's state c, ψ's lanes permuted so that
// each of λ's lanes meets the ψ amplitude of the same base (the states
// may differ in the qubits inside a register), and accumulates per lane
// xr·yr, xi·yi (real parts) or xr·yi, xi·yr (imaginary parts: y's halves
// swapped). At the end it adds up the lanes that hold λ's state r with
// every control set, subtracting the odd floats for imaginary parts.
func dotSIMD(k *kernel, lam, psi []float64, o *[4]int, imag bool, lo, hi int) (float64, float64, bool) {
	l, ok := newLayout(k, vb64, len(psi)/2)
	if !ok || lo&(1<<l.shift-1) != 0 || hi&(1<<l.shift-1) != 0 {
		return 0, 0, false
	}
	lo, hi = lo>>l.shift, hi>>l.shift
	in := l.inMask
	cm := k.cmask &^ in // controls above the register, set in every base
	r0, c0, r1, c1 := o[0], o[1], o[2], o[3]
	flip0, flip1 := laneXor64((r0^c0)&in), laneXor64((r1^c1)&in)
	perm0, perm1 := (r0^c0)&in != 0, (r1^c1)&in != 0
	var acc0, acc1 archsimd.Float64x8
	runMask, lows := l.runMask(), l.lows[:l.nOut]
	for i := lo; i < hi; {
		end := min(hi, (i|runMask)+1)
		b, n := expand(i, lows)<<vb64|cm, (end-i)*reg64
		i = end
		x0, y0 := lam[2*(b|r0&^in):][:n], psi[2*(b|c0&^in):][:n]
		x1, y1 := lam[2*(b|r1&^in):][:n], psi[2*(b|c1&^in):][:n]
		for j := 0; j+reg64 <= n; j += reg64 {
			u0, u1 := load64(y0, j), load64(y1, j)
			if perm0 {
				u0 = u0.Permute(flip0)
			}
			if perm1 {
				u1 = u1.Permute(flip1)
			}
			if imag {
				u0, u1 = swap64(u0), swap64(u1)
			}
			acc0 = load64(x0, j).MulAdd(u0, acc0)
			acc1 = load64(x1, j).MulAdd(u1, acc1)
		}
	}
	cIn := k.cmask & in
	return laneSum64(acc0, imag, in, r0&in|cIn), laneSum64(acc1, imag, in, r1&in|cIn), true
}

// laneXor64 returns the permutation of a register's floats that moves
// amplitude lane^d to lane.
func laneXor64(d int) archsimd.Uint64x8 {
	var idx [reg64]uint64
	for f := range idx {
		idx[f] = uint64(f ^ 2*d)
	}
	return archsimd.LoadUint64x8(&idx)
}

// laneSum64 adds up the floats of x whose amplitude lane has the given
// pattern of the in-register bits, subtracting the odd (imaginary) floats
// when alt is set.
func laneSum64(x archsimd.Float64x8, alt bool, in, pattern int) float64 {
	var f [reg64]float64
	x.Store(&f)
	s := 0.0
	for j, v := range f {
		switch {
		case (j/2)&in != pattern:
		case alt && j%2 == 1:
			s -= v
		default:
			s += v
		}
	}
	return s
}

// dot4SIMD adds to acc all four overlaps S_rc = Σ conj(λ[r])·ψ[c] of a
// dense one-target kernel k (acc: Re S00, Re S01, Re S10, Re S11, then
// the imaginary parts) in one pass over the pairs of ψ and λ, when k's
// qubits are all above the register's width; it reports false otherwise.
func dot4SIMD(k *kernel, lam, psi []float64, acc []float64, lo, hi int) bool {
	if !simdEnabled || k.kind != kindDense1 {
		return false
	}
	l, ok := newLayout(k, vb64, len(psi)/2)
	if !ok || l.inMask != 0 || lo&(1<<l.shift-1) != 0 || hi&(1<<l.shift-1) != 0 {
		return false
	}
	lo, hi = lo>>l.shift, hi>>l.shift
	var r00, r01, r10, r11, i00, i01, i10, i11 archsimd.Float64x8
	o := 2 * k.o1
	runMask, lows, cm := l.runMask(), l.lows[:l.nOut], l.cmOut
	for i := lo; i < hi; {
		end := min(hi, (i|runMask)+1)
		b, n := 2*(expand(i, lows)<<vb64|cm), (end-i)*reg64
		i = end
		p0, p1 := psi[b:b+n], psi[b+o:b+o+n]
		q0, q1 := lam[b:b+n], lam[b+o:b+o+n]
		for j := 0; j+reg64 <= n; j += reg64 {
			u0, u1 := load64(p0, j), load64(p1, j)
			v0, v1 := load64(q0, j), load64(q1, j)
			us0, us1 := swap64(u0), swap64(u1)
			r00, i00 = v0.MulAdd(u0, r00), v0.MulAdd(us0, i00)
			r01, i01 = v0.MulAdd(u1, r01), v0.MulAdd(us1, i01)
			r10, i10 = v1.MulAdd(u0, r10), v1.MulAdd(us0, i10)
			r11, i11 = v1.MulAdd(u1, r11), v1.MulAdd(us1, i11)
		}
	}
	for q, x := range [8]archsimd.Float64x8{r00, r01, r10, r11, i00, i01, i10, i11} {
		acc[q] += laneSum64(x, q >= 4, 0, 0)
	}
	return true
}
