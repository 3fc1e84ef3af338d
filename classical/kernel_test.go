package classical

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestGemvIdx compares the kernel (assembly where available) with the
// defining double loop for widths around the block sizes.
func TestGemvIdx(t *testing.T) {
	for _, asm := range []bool{false, useAVX2} {
		saved := useAVX2
		useAVX2 = asm
		testGemvIdx(t)
		useAVX2 = saved
	}
}

func testGemvIdx(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 1))
	for _, n := range []int{1, 3, 4, 5, 15, 16, 17, 31, 64, 100, 101} {
		for _, k := range []int{0, 1, 7} {
			rows, ld := 9, n+3
			w := make([]float64, rows*ld)
			for i := range w {
				w[i] = rng.NormFloat64()
			}
			idx, vals := make([]int32, k), make([]float64, k)
			for t := range idx {
				idx[t], vals[t] = int32(rng.IntN(rows)), rng.NormFloat64()
			}
			dst := make([]float64, n)
			want := make([]float64, n)
			for j := range dst {
				dst[j] = rng.NormFloat64()
				want[j] = dst[j]
				for t := range idx {
					want[j] += vals[t] * w[int(idx[t])*ld+j]
				}
			}
			gemvIdx(dst, w, ld, idx, vals)
			for j := range dst {
				if math.Abs(dst[j]-want[j]) > 1e-12 {
					t.Fatalf("avx2=%v n=%d k=%d: dst[%d] = %v, want %v", useAVX2, n, k, j, dst[j], want[j])
				}
			}
		}
	}
}

// TestSigmoidScaled compares the vector sigmoid with 1/(1 + math.Exp(−βx))
// over the whole range, the clamped tails included.
func TestSigmoidScaled(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 1))
	x := []float64{0, -0, 1e-300, -1e-300, 745, -745, 800, -800, 36.7, -36.7, 0.5, -0.5, 709, -709}
	for range 1000 {
		x = append(x, 40*rng.NormFloat64())
	}
	for _, beta := range []float64{1, 0.3, 2.5} {
		got := append([]float64(nil), x...)
		sigmoidScaled(got, beta)
		for i, v := range x {
			want := 1 / (1 + math.Exp(-beta*v))
			if d := math.Abs(got[i] - want); d > 1e-15*want && d > 1e-300 {
				t.Errorf("β=%v x=%v: σ = %v, want %v", beta, v, got[i], want)
			}
		}
	}
}
