package linalg

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/qmlgo/qml/internal/cputime"
)

// BenchmarkMul reports complex GEMM throughput (8 real flops per complex
// multiply–add) at the sizes of MPS contractions.
func BenchmarkMul(b *testing.B) {
	for _, n := range []int{32, 64, 128, 256, 512} {
		rng := rand.New(rand.NewPCG(1, 2))
		x, y := randomMatrix(rng, n, n), randomMatrix(rng, n, n)
		var z Matrix
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				_ = z.Mul(x, y)
			}
			b.ReportMetric(8*float64(n)*float64(n)*float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}

// BenchmarkSVD times the full thin SVD of a random square complex matrix;
// 2χ×2χ is the two-site split of an MPS with bond dimension χ. CPU time per
// op is reported beside wall time (as in the benchmarks below) for runs on
// a shared machine.
func BenchmarkSVD(b *testing.B) {
	for _, n := range []int{32, 128, 256, 512} {
		a := randomMatrix(rand.New(rand.NewPCG(1, 2)), n, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			cpu0 := cputime.Process()
			for b.Loop() {
				if _, _, _, err := SVD(a); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cputime.Process()-cpu0).Seconds()*1e3/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkTruncatedSVD times the MPS two-site split 2χ×2χ → χ.
func BenchmarkTruncatedSVD(b *testing.B) {
	for _, chi := range []int{64, 128, 256} {
		a := randomMatrix(rand.New(rand.NewPCG(1, 2)), 2*chi, 2*chi)
		b.Run(fmt.Sprint(2*chi), func(b *testing.B) {
			cpu0 := cputime.Process()
			for b.Loop() {
				if _, _, _, _, err := TruncatedSVD(a, Truncation{MaxBond: chi}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cputime.Process()-cpu0).Seconds()*1e3/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkQR times the thin QR of an MPS site tensor reshaped to
// (χ·d)×χ with d = 2, and of a square matrix. CPU time per op is reported
// beside wall time.
func BenchmarkQR(b *testing.B) {
	for _, sh := range [][2]int{{128, 64}, {256, 128}, {512, 256}, {256, 256}} {
		a := randomMatrix(rand.New(rand.NewPCG(1, 2)), sh[0], sh[1])
		b.Run(fmt.Sprintf("%dx%d", sh[0], sh[1]), func(b *testing.B) {
			cpu0 := cputime.Process()
			for b.Loop() {
				if _, _, err := QR(a); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cputime.Process()-cpu0).Seconds()*1e3/float64(b.N), "cpu-ms/op")
		})
	}
}

func BenchmarkEigHermitian(b *testing.B) {
	for _, n := range []int{16, 64, 256} {
		a := randomHermitian(rand.New(rand.NewPCG(1, 2)), n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := EigHermitian(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExpm times exp of a generator of 1-norm 10 (degree 13 with
// scaling), the regime of a pulse time slice of a multi-qubit Hamiltonian.
func BenchmarkExpm(b *testing.B) {
	for _, n := range []int{4, 16, 64, 256} {
		a := scaledRandom(rand.New(rand.NewPCG(1, 2)), n, 10)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Expm(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkExpmHermitian(b *testing.B) {
	for _, n := range []int{4, 16, 64, 256} {
		h := randomHermitian(rand.New(rand.NewPCG(1, 2)), n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := ExpmHermitian(h, 0.1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExpmFrechet compares Algorithm 6.4 with the block method it
// replaces (Expm of the 2n×2n matrix [[a, e], [0, a]]).
func BenchmarkExpmFrechet(b *testing.B) {
	for _, n := range []int{16, 64} {
		rng := rand.New(rand.NewPCG(1, 2))
		a, e := scaledRandom(rng, n, 10), randomMatrix(rng, n, n)
		b.Run(fmt.Sprintf("direct/%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := ExpmFrechet(a, e); err != nil {
					b.Fatal(err)
				}
			}
		})
		blk := &Matrix{Rows: 2 * n, Cols: 2 * n, Data: make([]complex128, 4*n*n)}
		for i := range n {
			copy(blk.Data[i*2*n:], a.Data[i*n:(i+1)*n])
			copy(blk.Data[i*2*n+n:], e.Data[i*n:(i+1)*n])
			copy(blk.Data[(n+i)*2*n+n:], a.Data[i*n:(i+1)*n])
		}
		b.Run(fmt.Sprintf("block/%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Expm(blk); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBidiagonalSVD compares the two real bidiagonal solvers with all
// vectors, the QR iteration (bidiagonalSVD) and divide and conquer
// (bidiagonalDC), on random bidiagonals: the crossover sets dcMin. CPU time
// per op is reported beside wall time for runs on a shared machine.
func BenchmarkBidiagonalSVD(b *testing.B) {
	all := func(s []float64) int { return len(s) }
	for _, n := range []int{26, 32, 48, 64, 96, 128, 256} {
		rng := rand.New(rand.NewPCG(1, 2))
		d, e := make([]float64, n), make([]float64, n-1)
		for i := range d {
			d[i] = rng.NormFloat64()
		}
		for i := range e {
			e[i] = rng.NormFloat64()
		}
		b.Run(fmt.Sprintf("qr/%d", n), func(b *testing.B) {
			cpu0 := cputime.Process()
			for b.Loop() {
				if _, _, _, err := bidiagonalSVD(slices.Clone(d), slices.Clone(e)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cputime.Process()-cpu0).Seconds()*1e3/float64(b.N), "cpu-ms/op")
		})
		b.Run(fmt.Sprintf("dc/%d", n), func(b *testing.B) {
			cpu0 := cputime.Process()
			for b.Loop() {
				if _, _, _, _, err := bidiagonalDC(d, e, all); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cputime.Process()-cpu0).Seconds()*1e3/float64(b.N), "cpu-ms/op")
		})
	}
}
