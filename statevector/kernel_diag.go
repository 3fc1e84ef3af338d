package statevector

// runDiag multiplies, for every base in [lo, hi), the amplitudes at
// base|off[j] by d[j]: the entries of a diagonal gate that differ from 1.
func (k *kernel) runDiag(a []complex128, lo, hi int) {
	if k.npos == 1 && k.lows[0] == 0 { // uncontrolled on qubit 0: adjacent pairs
		d0, d1 := k.m[0], k.m[3]
		p := a[2*lo : 2*hi]
		for j := 0; j+1 < len(p); j += 2 {
			p[j] *= d0
			p[j+1] *= d1
		}
		return
	}
	off, d := k.off[:k.nd], k.d[:k.nd]
	lows, r1 := k.lows[:k.npos], k.lows[0]
	for i := lo; i < hi; {
		end := runEnd(i, r1, hi)
		b := expand(i, lows)
		for j, o := range off {
			x, v := a[b|o:(b|o)+end-i], d[j]
			for l := range x {
				x[l] *= v
			}
		}
		i = end
	}
}
