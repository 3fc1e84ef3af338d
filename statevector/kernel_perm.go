package statevector

// runPerm exchanges, for every base in [lo, hi), the amplitudes at
// base|off[j] and base|off2[j]: a permutation gate moves amplitudes and
// multiplies nothing.
func runPerm[F float](k *kernel, a []F, lo, hi int) {
	if k.npos == 1 && k.nd == 1 && k.lows[0] == 0 { // x on qubit 0: adjacent pairs
		p := a[4*lo : 4*hi]
		for j := 0; j+3 < len(p); j += 4 {
			p[j], p[j+1], p[j+2], p[j+3] = p[j+2], p[j+3], p[j], p[j+1]
		}
		return
	}
	off, off2 := k.off[:k.nd], k.off2[:k.nd]
	lows, r1 := k.lows[:k.npos], k.lows[0]
	for i := lo; i < hi; {
		end := runEnd(i, r1, hi)
		b := expand(i, lows)
		for j, p := range off {
			x := a[2*(b|p) : 2*((b|p)+end-i)]
			y := a[2*(b|off2[j]) : 2*(b|off2[j])+len(x)]
			for l, u := range x {
				x[l], y[l] = y[l], u
			}
		}
		i = end
	}
}
