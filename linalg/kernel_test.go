package linalg

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"
)

// randomVector returns n complex normal deviates.
func randomVector(rng *rand.Rand, n int) []complex128 {
	v := make([]complex128, n)
	for i := range v {
		v[i] = complex(rng.NormFloat64(), rng.NormFloat64())
	}
	return v
}

// TestKernelsMatchGo compares the dispatching kernels (assembly where the
// CPU has AVX2 and FMA) against their portable Go loops, which are
// themselves the textbook sums, on random inputs of every length up to 17
// and some long odd ones; the fused kernels are compared against the two
// loops they fuse.
func TestKernelsMatchGo(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 21, 63, 64, 129} {
		x, y := randomVector(rng, n), randomVector(rng, n)
		alpha := complex(rng.NormFloat64(), rng.NormFloat64())
		got, want := append([]complex128(nil), y...), append([]complex128(nil), y...)
		axpy(alpha, x, got)
		axpyGo(alpha, x, want)
		for j := range got {
			if cmplx.Abs(got[j]-want[j]) > 1e-14*(1+cmplx.Abs(want[j])) {
				t.Fatalf("axpy n=%d: element %d = %v, want %v", n, j, got[j], want[j])
			}
		}
		v, z := randomVector(rng, n), randomVector(rng, n)
		beta := complex(rng.NormFloat64(), rng.NormFloat64())
		gy, wy := append([]complex128(nil), y...), append([]complex128(nil), y...)
		gz, wz := append([]complex128(nil), z...), append([]complex128(nil), z...)
		gs := axpyDotu(alpha, x, gy, v)
		axpyGo(alpha, x, wy)
		ws := dotuGo(wy, v)
		if cmplx.Abs(gs-ws) > 1e-12*(1+cmplx.Abs(ws)) {
			t.Fatalf("axpyDotu n=%d = %v, want %v", n, gs, ws)
		}
		axpyAxpy(alpha, x, gy, beta, gz)
		axpyGo(alpha, x, wy)
		axpyGo(beta, wy, wz)
		for j := range gy {
			if cmplx.Abs(gy[j]-wy[j]) > 1e-13*(1+cmplx.Abs(wy[j])) || cmplx.Abs(gz[j]-wz[j]) > 1e-13*(1+cmplx.Abs(wz[j])) {
				t.Fatalf("axpyAxpy n=%d: element %d = %v, %v, want %v, %v", n, j, gy[j], gz[j], wy[j], wz[j])
			}
		}
		var scale float64
		for j := range x {
			scale += cmplx.Abs(x[j]) * cmplx.Abs(y[j])
		}
		if d, w := dotu(x, y), dotuGo(x, y); cmplx.Abs(d-w) > 1e-14*(1+scale) {
			t.Fatalf("dotu n=%d = %v, want %v", n, d, w)
		}
	}
}

// TestGemmAccMatchesGo checks gemmAcc on sub-blocks of larger arrays (row
// strides beyond the block width) with odd sizes, so the 2×4 tiles, the odd
// row and the column tail all run, against gemmAccGo and, for a few
// entries, against the explicit sum.
func TestGemmAccMatchesGo(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, sh := range [][3]int{{1, 1, 1}, {2, 4, 1}, {2, 4, 3}, {3, 5, 7}, {5, 9, 2}, {8, 8, 8}, {7, 13, 11}, {17, 6, 33}, {33, 31, 29}} {
		m, n, k := sh[0], sh[1], sh[2]
		lda, ldb, ldc := k+3, n+1, n+2
		a, b := randomVector(rng, m*lda), randomVector(rng, k*ldb)
		c0 := randomVector(rng, m*ldc)
		got, want := append([]complex128(nil), c0...), append([]complex128(nil), c0...)
		gemmAcc(m, n, k, a, lda, b, ldb, got, ldc)
		gemmAccGo(m, n, k, a, lda, b, ldb, want, ldc)
		for i := range m {
			for j := range ldc {
				g, w := got[i*ldc+j], want[i*ldc+j]
				if j >= n {
					w = c0[i*ldc+j] // outside the block: untouched
				}
				if cmplx.Abs(g-w) > 1e-13 {
					t.Fatalf("%v: c[%d,%d] = %v, want %v", sh, i, j, g, w)
				}
			}
		}
		s := c0[(m-1)*ldc+n-1]
		for p := range k {
			s += a[(m-1)*lda+p] * b[p*ldb+n-1]
		}
		if g := got[(m-1)*ldc+n-1]; cmplx.Abs(g-s) > 1e-13 {
			t.Fatalf("%v: last entry %v, want explicit sum %v", sh, g, s)
		}
	}
}

// BenchmarkKernels reports the throughput of the assembly kernels and
// their Go loops (8 real flops per complex multiply–add).
func BenchmarkKernels(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 256
	x, y := randomVector(rng, n), randomVector(rng, n)
	flops := func(b *testing.B, per float64) {
		b.ReportMetric(8*per*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
	}
	for _, k := range []struct {
		name string
		f    func()
	}{
		{"axpy", func() { axpy(1i, x, y) }},
		{"axpyGo", func() { axpyGo(1i, x, y) }},
		{"dotu", func() { _ = dotu(x, y) }},
		{"dotuGo", func() { _ = dotuGo(x, y) }},
	} {
		b.Run(k.name, func(b *testing.B) {
			for b.Loop() {
				k.f()
			}
			flops(b, n)
		})
	}
	for _, m := range []int{64, 128, 256} {
		a, bb, c := randomVector(rng, m*m), randomVector(rng, m*m), make([]complex128, m*m)
		b.Run(fmt.Sprintf("gemm/%d", m), func(b *testing.B) {
			for b.Loop() {
				gemmAcc(m, m, m, a, m, bb, m, c, m)
			}
			flops(b, float64(m*m*m))
		})
		b.Run(fmt.Sprintf("gemmGo/%d", m), func(b *testing.B) {
			for b.Loop() {
				gemmAccGo(m, m, m, a, m, bb, m, c, m)
			}
			flops(b, float64(m*m*m))
		})
	}
}

// TestDgemmAccMatchesGo is TestGemmAccMatchesGo for the real kernel, with
// sizes that exercise the 4×8 tiles and both tails.
func TestDgemmAccMatchesGo(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, sh := range [][3]int{{1, 1, 1}, {4, 8, 1}, {4, 8, 5}, {5, 9, 3}, {7, 17, 2}, {12, 24, 30}, {33, 31, 29}, {66, 40, 7}} {
		m, n, k := sh[0], sh[1], sh[2]
		lda, ldb, ldc := k+1, n+3, n+2
		randf := func(n int) []float64 {
			v := make([]float64, n)
			for i := range v {
				v[i] = rng.NormFloat64()
			}
			return v
		}
		a, b, c0 := randf(m*lda), randf(k*ldb), randf(m*ldc)
		got, want := append([]float64(nil), c0...), append([]float64(nil), c0...)
		dgemmAcc(m, n, k, a, lda, b, ldb, got, ldc)
		dgemmAccGo(m, n, k, a, lda, b, ldb, want, ldc)
		for i := range got {
			if j := i % ldc; j >= n {
				want[i] = c0[i] // outside the block: untouched
			}
			if math.Abs(got[i]-want[i]) > 1e-13 {
				t.Fatalf("%v: c[%d] = %v, want %v", sh, i, got[i], want[i])
			}
		}
		s := c0[(m-1)*ldc+n-1]
		for p := range k {
			s += a[(m-1)*lda+p] * b[p*ldb+n-1]
		}
		if g := got[(m-1)*ldc+n-1]; math.Abs(g-s) > 1e-13 {
			t.Fatalf("%v: last entry %v, want explicit sum %v", sh, g, s)
		}
	}
}
