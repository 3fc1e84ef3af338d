package linalg

import "golang.org/x/sys/cpu"

// useAVX2 selects the assembly kernels of kernel_amd64.s, which need AVX2
// and FMA.
var useAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// axpyAVX2 sets y[j] += alpha·x[j] for j < n (kernel_amd64.s).
//
//go:noescape
func axpyAVX2(n int, alpha complex128, x, y *complex128)

// dotuAVX2 returns Σ_{j<n} x[j]·y[j] (kernel_amd64.s).
//
//go:noescape
func dotuAVX2(n int, x, y *complex128) complex128

// gemm2x4AVX2 adds the 2×4 tile of a·b to c, summing over k
// (kernel_amd64.s); lda, ldb, ldc are row strides in elements.
//
//go:noescape
func gemm2x4AVX2(k int, a *complex128, lda int, b *complex128, ldb int, c *complex128, ldc int)

// dgemm4x8AVX2 adds the real 4×8 tile of a·b to c, summing over k
// (kernel_amd64.s); lda, ldb, ldc are row strides in elements.
//
//go:noescape
func dgemm4x8AVX2(k int, a *float64, lda int, b *float64, ldb int, c *float64, ldc int)

// axpyDotuAVX2 sets y[j] += alpha·x[j] for j < n and returns Σ y[j]·v[j]
// over the updated y (kernel_amd64.s).
//
//go:noescape
func axpyDotuAVX2(n int, alpha complex128, x, y, v *complex128) complex128

// axpyAxpyAVX2 sets y[j] += alpha·x[j], then z[j] += beta·y[j], for j < n
// (kernel_amd64.s).
//
//go:noescape
func axpyAxpyAVX2(n int, alpha complex128, x, y *complex128, beta complex128, z *complex128)
