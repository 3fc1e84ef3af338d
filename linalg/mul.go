package linalg

import "fmt"

// Mul sets dst = a·b. It returns an error when a.Cols != b.Rows. dst may
// alias a or b (the product is then formed in new storage); otherwise dst's
// storage is reused when large enough.
//
// The kernel is gemmAcc: on amd64 with AVX2 and FMA, 2×4 register tiles in
// assembly (2.5–3× the throughput of the previous axpy-based product at
// n = 64–256, measured by BenchmarkMul); elsewhere the i-k-j loop in Go. Above about 40³
// multiply–adds pairs of rows of dst are shared among runtime.GOMAXPROCS
// goroutines.
func (dst *Matrix) Mul(a, b *Matrix) error {
	if a.Cols != b.Rows {
		return fmt.Errorf("linalg: Mul: shape mismatch %d×%d · %d×%d", a.Rows, a.Cols, b.Rows, b.Cols)
	}
	m, k, n := a.Rows, a.Cols, b.Cols
	if dst == a || dst == b || overlaps(dst.Data, a.Data) || overlaps(dst.Data, b.Data) {
		var c Matrix
		_ = c.Mul(a, b)
		*dst = c
		return nil
	}
	dst.reuse(m, n, true)
	pairs := (m + 1) / 2
	parallelRows(pairs, m*k*n, func(p0, p1 int) {
		i0, i1 := 2*p0, min(2*p1, m)
		gemmAcc(i1-i0, n, k, a.Data[i0*k:], k, b.Data, n, dst.Data[i0*n:], n)
	})
	return nil
}
