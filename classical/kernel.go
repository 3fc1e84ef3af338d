package classical

// gemvIdx adds a sparse combination of rows of a row-major matrix to dst:
//
//	dst[j] += Σ_t vals[t] · w[idx[t]*ld + j],   j < len(dst),
//
// the one product every RBM kernel reduces to once zero entries are
// skipped: hidden inputs (rows of W picked by the non-zero visibles),
// visible inputs (rows of Wᵀ picked by the active hiddens) and the
// gradient's correlations (rows of the hidden batch picked by the samples
// whose visible unit is on). On amd64 with AVX2 and FMA an assembly kernel
// keeps 16 outputs in registers while it streams the rows, so dst is
// loaded and stored once per call instead of once per row; elsewhere, and
// for the last len(dst) mod 4 outputs, a Go loop does the same sums. It
// panics if a row runs past w, which callers rule out by construction.
func gemvIdx(dst, w []float64, ld int, idx []int32, vals []float64) {
	n := len(dst)
	if n == 0 || len(idx) == 0 {
		return
	}
	vals = vals[:len(idx)]
	for _, r := range idx {
		_ = w[int(r)*ld+n-1]
	}
	done := 0
	if useAVX2 && n >= 4 {
		done = n &^ 3
		gemvIdxAVX2(&dst[0], done, &w[0], ld, &idx[0], &vals[0], len(idx))
	}
	if done == n {
		return
	}
	tail := dst[done:]
	for t, r := range idx {
		a := vals[t]
		row := w[int(r)*ld+done : int(r)*ld+n]
		for j := range tail {
			tail[j] += a * row[j]
		}
	}
}
