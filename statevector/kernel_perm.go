package statevector

// Permutation gates (x, cx, swap, ccx, …) move amplitudes and multiply
// nothing, so their kernels are memory copies; what they cost is
// addressing. Runs of amplitudes whose index bits below the gate's lowest
// qubit vary are contiguous, and long runs are exchanged by copy (the
// runtime's vectorised memmove). A gate whose qubits all sit low has short
// runs, one or two amplitudes, where a loop per run would spend its time
// on index arithmetic: it is applied chunk by chunk instead, a chunk
// being the 2^(top+1) contiguous amplitudes that span its highest qubit,
// with the pairs' offsets inside a chunk fixed.

const (
	// permChunkMax bounds the chunk, in amplitudes, of the low-qubit path.
	permChunkMax = 64
	// permSwapBuf is the size, in floats, of the stack buffer long runs
	// are exchanged through.
	permSwapBuf = 256
)

// runPerm exchanges, for every base in [lo, hi), the amplitudes at
// base|off[j] and base|off2[j].
func runPerm[F float](k *kernel, a []F, lo, hi int) {
	if k.npos == 1 && k.nd == 1 && k.lows[0] == 0 { // x on qubit 0: adjacent pairs
		p := a[4*lo : 4*hi]
		for j := 0; j+3 < len(p); j += 4 {
			p[j], p[j+1], p[j+2], p[j+3] = p[j+2], p[j+3], p[j], p[j+1]
		}
		return
	}
	lows := k.lows[:k.npos]
	if r1 := lows[0]; r1 < 2 { // runs of one or two amplitudes
		chunk := 2 * (lows[len(lows)-1] + 1)
		if per := chunk >> k.npos; chunk <= permChunkMax && lo%per == 0 && hi%per == 0 {
			permChunks(k, a[2*lo<<k.npos:2*hi<<k.npos], chunk)
			return
		}
	}
	off, off2 := k.off[:k.nd], k.off2[:k.nd]
	r1 := lows[0]
	for i := lo; i < hi; {
		end := runEnd(i, r1, hi)
		b := expand(i, lows)
		for j, p := range off {
			swapFloats(a[2*(b|p):2*((b|p)+end-i)], a[2*(b|off2[j]):2*((b|off2[j])+end-i)])
		}
		i = end
	}
}

// permChunks applies the pair exchanges of k to every chunk of the given
// number of amplitudes in a (a whole number of chunks, interleaved
// floats): all the gate's qubits lie inside a chunk, so its pairs sit at
// the same offsets in each.
func permChunks[F float](k *kernel, a []F, chunk int) {
	var xs, ys [permChunkMax / 2]int // float offsets of the pairs in a chunk
	n := 0
	for lb := range chunk >> k.npos {
		b := expand(lb, k.lows[:k.npos])
		for j, p := range k.off[:k.nd] {
			xs[n], ys[n] = 2*(b|p), 2*(b|k.off2[j])
			n++
		}
	}
	for c := 0; c+2*chunk <= len(a); c += 2 * chunk {
		p := a[c : c+2*chunk]
		for j, x := range xs[:n] {
			y := ys[j]
			p[x], p[x+1], p[y], p[y+1] = p[y], p[y+1], p[x], p[x+1]
		}
	}
}

// swapFloats exchanges x and y, of equal length: long runs through a
// stack buffer with the runtime's vectorised copy, short ones float by
// float (a copy's call costs more than a few floats).
func swapFloats[F float](x, y []F) {
	if len(x) < permSwapBuf/8 {
		y = y[:len(x)]
		for l, u := range x {
			x[l], y[l] = y[l], u
		}
		return
	}
	var buf [permSwapBuf]F
	for len(x) > 0 {
		n := copy(buf[:], x)
		copy(x, y[:n])
		copy(y, buf[:n])
		x, y = x[n:], y[n:]
	}
}
