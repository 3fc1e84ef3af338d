//go:build !amd64

package linalg

// useAVX2 is false off amd64: the kernels run their Go loops.
var useAVX2 = false

func axpyAVX2(n int, alpha complex128, x, y *complex128) {
	panic("linalg: no AVX2 kernel on this architecture")
}

func dotuAVX2(n int, x, y *complex128) complex128 {
	panic("linalg: no AVX2 kernel on this architecture")
}

func gemm2x4AVX2(k int, a *complex128, lda int, b *complex128, ldb int, c *complex128, ldc int) {
	panic("linalg: no AVX2 kernel on this architecture")
}

func dgemm4x8AVX2(k int, a *float64, lda int, b *float64, ldb int, c *float64, ldc int) {
	panic("linalg: no AVX2 kernel on this architecture")
}

func axpyDotuAVX2(n int, alpha complex128, x, y, v *complex128) complex128 {
	panic("linalg: no AVX2 kernel on this architecture")
}

func axpyAxpyAVX2(n int, alpha complex128, x, y *complex128, beta complex128, z *complex128) {
	panic("linalg: no AVX2 kernel on this architecture")
}
