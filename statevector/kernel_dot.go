package statevector

// dot2 returns the real parts (imag false) or the imaginary parts (imag
// true) of the two overlaps Σ conj(λ[b|o[0]])·ψ[b|o[1]] and
// Σ conj(λ[b|o[2]])·ψ[b|o[3]] over the bases b numbered [lo, hi) of
// kernel k's positions, controls set: the inner products the adjoint
// gradient of a gate needs (see adjointSweep), two per pass over the
// interleaved amplitudes lam and psi. Rotations need only one part of
// each overlap (ry the real parts, rz and rx the imaginary ones), which
// halves the arithmetic. It runs the SIMD loop where the build and the
// processor have one for k's qubits.
func dot2(k *kernel, lam, psi []float64, o *[4]int, imag bool, lo, hi int) (float64, float64) {
	if simdEnabled {
		if s0, s1, ok := dotSIMD(k, lam, psi, o, imag, lo, hi); ok {
			return s0, s1
		}
	}
	if k.npos == 1 && k.lows[0] == 0 { // one qubit, qubit 0: the pairs are adjacent
		return dotAdjacent(lam[4*lo:4*hi], psi[4*lo:4*hi], o, imag)
	}
	var s0, s1, t0, t1 float64
	lows, cm, r1 := k.lows[:k.npos], k.cmask, k.lows[0]
	for i := lo; i < hi; {
		end := runEnd(i, r1, hi)
		b := expand(i, lows) | cm
		n := 2 * (end - i)
		i = end
		x0, y0 := lam[2*(b|o[0]):][:n], psi[2*(b|o[1]):][:n]
		x1, y1 := lam[2*(b|o[2]):][:n], psi[2*(b|o[3]):][:n]
		// Two amplitudes a step, on separate chains of additions (the
		// loop is bound by their latency).
		j := 0
		if imag {
			for ; j+3 < n; j += 4 {
				s0, t0 = s0+imDot(x0, y0, j), t0+imDot(x0, y0, j+2)
				s1, t1 = s1+imDot(x1, y1, j), t1+imDot(x1, y1, j+2)
			}
			if j < n {
				s0, s1 = s0+imDot(x0, y0, j), s1+imDot(x1, y1, j)
			}
			continue
		}
		for ; j+3 < n; j += 4 {
			s0, t0 = s0+reDot(x0, y0, j), t0+reDot(x0, y0, j+2)
			s1, t1 = s1+reDot(x1, y1, j), t1+reDot(x1, y1, j+2)
		}
		if j < n {
			s0, s1 = s0+reDot(x0, y0, j), s1+reDot(x1, y1, j)
		}
	}
	return s0 + t0, s1 + t1
}

// dotAdjacent is dot2 for a gate on qubit 0 alone: base i's pair is the
// amplitudes 2i and 2i+1, at floats 4i to 4i+3 of lam and psi.
func dotAdjacent(lam, psi []float64, o *[4]int, imag bool) (float64, float64) {
	var s0, s1, t0, t1 float64
	x0, y0, x1, y1 := 2*o[0], 2*o[1], 2*o[2], 2*o[3]
	if imag {
		for p := 0; p+3 < len(lam); p += 4 {
			a, b := (*[4]float64)(lam[p:p+4]), (*[4]float64)(psi[p:p+4])
			s0, t0 = s0+a[x0]*b[y0+1], t0+a[x0+1]*b[y0]
			s1, t1 = s1+a[x1]*b[y1+1], t1+a[x1+1]*b[y1]
		}
		return s0 - t0, s1 - t1
	}
	for p := 0; p+3 < len(lam); p += 4 {
		a, b := (*[4]float64)(lam[p:p+4]), (*[4]float64)(psi[p:p+4])
		s0, t0 = s0+a[x0]*b[y0], t0+a[x0+1]*b[y0+1]
		s1, t1 = s1+a[x1]*b[y1], t1+a[x1+1]*b[y1+1]
	}
	return s0 + t0, s1 + t1
}

// reDot and imDot return the real and imaginary part of conj(x)·y for
// the amplitudes at float offset j: xr·yr + xi·yi and xr·yi − xi·yr.
func reDot(x, y []float64, j int) float64 { return x[j]*y[j] + x[j+1]*y[j+1] }

func imDot(x, y []float64, j int) float64 { return x[j]*y[j+1] - x[j+1]*y[j] }
