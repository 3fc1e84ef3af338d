package linalg

// dgemmAcc is gemmAcc for real matrices: c[i·ldc+j] += Σ_p a[i·lda+p]·b[p·ldb+j]
// over an m×k block a and a k×n block b. With the assembly kernel, 4×8
// tiles of c are swept over p with b packed into contiguous k×8 strips;
// the last m mod 4 rows and n mod 8 columns fall to dgemmAccGo. It
// multiplies the real singular-vector blocks of the divide and conquer
// (project), ≈3× gonum's Dgemm there.
func dgemmAcc(m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int) {
	if m == 0 || n == 0 || k == 0 {
		return
	}
	if !useAVX2 || n < 8 || m < 4 {
		dgemmAccGo(m, n, k, a, lda, b, ldb, c, ldc)
		return
	}
	// Bounds the kernel relies on.
	_, _, _ = a[(m-1)*lda+k-1], b[(k-1)*ldb+n-1], c[(m-1)*ldc+n-1]
	n8, m4 := n&^7, m&^3
	pb := getFloats(n8 * k)
	defer putFloats(pb)
	for s := range n8 / 8 {
		dst := pb[s*8*k:]
		for p := range k {
			copy(dst[8*p:8*p+8], b[p*ldb+8*s:])
		}
	}
	for i0 := 0; i0 < m4; i0 += gemmRowBlock {
		i1 := min(i0+gemmRowBlock, m4)
		for s := range n8 / 8 {
			for i := i0; i < i1; i += 4 {
				dgemm4x8AVX2(k, &a[i*lda], lda, &pb[s*8*k], 8, &c[i*ldc+8*s], ldc)
			}
		}
	}
	if n8 < n {
		dgemmAccGo(m4, n-n8, k, a, lda, b[n8:], ldb, c[n8:], ldc)
	}
	if m4 < m {
		dgemmAccGo(m-m4, n, k, a[m4*lda:], lda, b, ldb, c[m4*ldc:], ldc)
	}
}

// dgemmAccGo is dgemmAcc's portable loop (row i of c accumulates
// a_ip·(row p of b)).
func dgemmAccGo(m, n, k int, a []float64, lda int, b []float64, ldb int, c []float64, ldc int) {
	for i := range m {
		ci := c[i*ldc:][:n]
		for p, ap := range a[i*lda:][:k] {
			if ap == 0 {
				continue
			}
			bp := b[p*ldb:][:n]
			for j := range ci {
				ci[j] += ap * bp[j]
			}
		}
	}
}
