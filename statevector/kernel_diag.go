package statevector

// runDiag multiplies, for every base in [lo, hi), the amplitudes at
// base|off[j] by d[j]: the entries of a diagonal gate that differ from 1.
// An entry −1 (z, cz, the π phases of a QFT) only flips signs.
func runDiag[F float](k *kernel, a []F, lo, hi int) {
	if k.npos == 1 && k.lows[0] == 0 { // uncontrolled on qubit 0: adjacent pairs
		d0r, d0i := parts[F](k.m[0])
		d1r, d1i := parts[F](k.m[3])
		p := a[4*lo : 4*hi]
		for j := 0; j+3 < len(p); j += 4 {
			ur, ui, vr, vi := p[j], p[j+1], p[j+2], p[j+3]
			p[j], p[j+1] = d0r*ur-d0i*ui, d0r*ui+d0i*ur
			p[j+2], p[j+3] = d1r*vr-d1i*vi, d1r*vi+d1i*vr
		}
		return
	}
	off, d := k.off[:k.nd], k.d[:k.nd]
	lows, r1 := k.lows[:k.npos], k.lows[0]
	for i := lo; i < hi; {
		end := runEnd(i, r1, hi)
		b := expand(i, lows)
		for j, o := range off {
			x := a[2*(b|o) : 2*((b|o)+end-i)]
			if d[j] == -1 {
				for l := range x {
					x[l] = -x[l]
				}
				continue
			}
			vr, vi := parts[F](d[j])
			for l := 0; l+1 < len(x); l += 2 {
				ur, ui := x[l], x[l+1]
				x[l], x[l+1] = vr*ur-vi*ui, vr*ui+vi*ur
			}
		}
		i = end
	}
}
