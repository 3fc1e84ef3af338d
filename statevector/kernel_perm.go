package statevector

// runPerm exchanges, for every base in [lo, hi), the amplitudes at
// base|off[j] and base|off2[j]: a permutation gate moves amplitudes and
// multiplies nothing.
func (k *kernel) runPerm(a []complex128, lo, hi int) {
	if k.npos == 1 && k.nd == 1 && k.lows[0] == 0 { // x on qubit 0: adjacent pairs
		p := a[2*lo : 2*hi]
		for j := 0; j+1 < len(p); j += 2 {
			p[j], p[j+1] = p[j+1], p[j]
		}
		return
	}
	off, off2 := k.off[:k.nd], k.off2[:k.nd]
	lows, r1 := k.lows[:k.npos], k.lows[0]
	for i := lo; i < hi; {
		end := runEnd(i, r1, hi)
		b := expand(i, lows)
		for j, p := range off {
			x := a[b|p : (b|p)+end-i]
			y := a[b|off2[j] : (b|off2[j])+len(x)]
			for l, u := range x {
				x[l], y[l] = y[l], u
			}
		}
		i = end
	}
}
