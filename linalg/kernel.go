package linalg

import (
	"math/bits"
	"sync"
)

// The complex128 inner kernels: axpy and dotu under every level-2 loop
// (Householder reflections, the tridiagonal reduction, LU), the fused
// axpyDotu and axpyAxpy under the bidiagonal reduction, and gemmAcc under
// Mul and the compact-WY blocks. Each has a portable Go loop and, on amd64
// with AVX2 and FMA (checked at run time, kernel_amd64.go), an assembly
// version (kernel_amd64.s). Measured on one core of the reference machine:
// the assembly axpy and dot take 0.4–0.55× the time of gonum's SSE3
// kernels at n = 32–256, the fused pair 0.86× the three calls it replaces
// (n = 128), and the 2×4 register-tiled GEMM runs at 17–38 GFLOP/s
// against 6–7 for the axpy-based product it replaces (n = 64–256,
// BenchmarkKernels, BenchmarkMul). Short vectors stay in Go, where a
// call's overhead would dominate.

// kernelMinLen is the vector length from which axpy and dotu call the
// assembly kernels.
const kernelMinLen = 8

// axpy sets y += alpha·x[:len(y)].
func axpy(alpha complex128, x, y []complex128) {
	if useAVX2 && len(y) >= kernelMinLen {
		_ = x[len(y)-1]
		axpyAVX2(len(y), alpha, &x[0], &y[0])
		return
	}
	axpyGo(alpha, x, y)
}

// axpyGo is axpy's portable loop.
func axpyGo(alpha complex128, x, y []complex128) {
	x = x[:len(y)]
	for j := range y {
		y[j] += alpha * x[j]
	}
}

// dotu returns Σ x_j·y_j (no conjugation) over j < len(x).
func dotu(x, y []complex128) complex128 {
	if useAVX2 && len(x) >= kernelMinLen {
		_ = y[len(x)-1]
		return dotuAVX2(len(x), &x[0], &y[0])
	}
	return dotuGo(x, y)
}

// dotuGo is dotu's portable loop.
func dotuGo(x, y []complex128) complex128 {
	y = y[:len(x)]
	var s complex128
	for j := range x {
		s += x[j] * y[j]
	}
	return s
}

// axpyDotu sets y += alpha·x[:len(y)] and returns Σ_j y_j·v_j over the
// updated y, in one pass over y (a row update of the bidiagonal reduction
// followed by the next reflector's product).
func axpyDotu(alpha complex128, x, y, v []complex128) complex128 {
	if useAVX2 && len(y) >= kernelMinLen {
		_, _ = x[len(y)-1], v[len(y)-1]
		return axpyDotuAVX2(len(y), alpha, &x[0], &y[0], &v[0])
	}
	axpyGo(alpha, x, y)
	return dotuGo(y, v)
}

// axpyAxpy sets y += alpha·x[:len(y)], then z += beta·y, in one pass.
func axpyAxpy(alpha complex128, x, y []complex128, beta complex128, z []complex128) {
	if useAVX2 && len(y) >= kernelMinLen {
		_, _ = x[len(y)-1], z[len(y)-1]
		axpyAxpyAVX2(len(y), alpha, &x[0], &y[0], beta, &z[0])
		return
	}
	axpyGo(alpha, x, y)
	axpyGo(beta, y, z)
}

// gemmAcc adds a·b to c for an m×k block a, a k×n block b and an m×n block
// c of row-major arrays with row strides lda, ldb, ldc:
// c[i·ldc+j] += Σ_p a[i·lda+p]·b[p·ldb+j]. With the assembly kernel, 2×4
// tiles of c are swept over p; b is first copied into contiguous k×4
// strips (GotoBLAS packing: a strip stays in L1, and reading b's columns
// with a stride that is a multiple of 4 KiB would keep evicting itself),
// and rows of c go in blocks of gemmRowBlock so that the rows of a they
// read stay in L2 across the strips. The odd row and the last n mod 4
// columns fall to gemmAccGo.
func gemmAcc(m, n, k int, a []complex128, lda int, b []complex128, ldb int, c []complex128, ldc int) {
	if m == 0 || n == 0 || k == 0 {
		return
	}
	if !useAVX2 || n < 4 || m < 2 {
		gemmAccGo(m, n, k, a, lda, b, ldb, c, ldc)
		return
	}
	// Bounds the kernel relies on.
	_, _, _ = a[(m-1)*lda+k-1], b[(k-1)*ldb+n-1], c[(m-1)*ldc+n-1]
	n4 := n &^ 3
	pb, strip, ld := b, ldb, ldb // strip s starts at pb[s·strip]
	if m >= 8 {
		pb, strip, ld = getComplex(n4*k), 4*k, 4
		defer putComplex(pb)
		for s := range n4 / 4 {
			dst := pb[s*4*k:]
			for p := range k {
				copy(dst[4*p:4*p+4], b[p*ldb+4*s:])
			}
		}
	} else {
		strip = 4
	}
	m2 := m &^ 1
	for i0 := 0; i0 < m2; i0 += gemmRowBlock {
		i1 := min(i0+gemmRowBlock, m2)
		for s := range n4 / 4 {
			for i := i0; i < i1; i += 2 {
				gemm2x4AVX2(k, &a[i*lda], lda, &pb[s*strip], ld, &c[i*ldc+4*s], ldc)
			}
		}
	}
	if n4 < n {
		gemmAccGo(m2, n-n4, k, a, lda, b[n4:], ldb, c[n4:], ldc)
	}
	if m2 < m {
		gemmAccGo(1, n, k, a[m2*lda:], lda, b, ldb, c[m2*ldc:], ldc)
	}
}

// complexPools recycle the temporaries of the blocked kernels (packed
// strips, compact-WY blocks and their products): allocating them afresh
// (zeroing, page faults and garbage collection) cost as much as packing
// and forming the blocks. Pool b holds slices of capacity ≥ 2^b.
var complexPools [48]sync.Pool

// getComplex returns a slice of n complex128 with arbitrary contents.
func getComplex(n int) []complex128 {
	b := bits.Len(uint(max(n, 1) - 1))
	if p, ok := complexPools[b].Get().(*[]complex128); ok {
		return (*p)[:n]
	}
	return make([]complex128, n, 1<<b)
}

// putComplex returns x to the pools; x must not be used afterwards.
func putComplex(x []complex128) {
	if c := cap(x); c > 0 {
		complexPools[bits.Len(uint(c))-1].Put(&x)
	}
}

// gemmRowBlock is the number of rows of c that gemmAcc sweeps across all
// strips of b before moving on (an even number).
const gemmRowBlock = 32

// gemmAccGo is gemmAcc's portable loop: row i of c accumulates
// a_ip·(row p of b), four p per pass, so the innermost loop runs over
// contiguous memory with one load and store of c per four multiply–adds.
func gemmAccGo(m, n, k int, a []complex128, lda int, b []complex128, ldb int, c []complex128, ldc int) {
	for i := range m {
		ci := c[i*ldc:][:n]
		ai := a[i*lda:][:k]
		p := 0
		for ; p+4 <= k; p += 4 {
			a0, a1, a2, a3 := ai[p], ai[p+1], ai[p+2], ai[p+3]
			b0 := b[p*ldb:][:n]
			b1 := b[(p+1)*ldb:][:n]
			b2 := b[(p+2)*ldb:][:n]
			b3 := b[(p+3)*ldb:][:n]
			for j := range ci {
				ci[j] += a0*b0[j] + a1*b1[j] + a2*b2[j] + a3*b3[j]
			}
		}
		for ; p < k; p++ {
			axpyGo(ai[p], b[p*ldb:], ci)
		}
	}
}
