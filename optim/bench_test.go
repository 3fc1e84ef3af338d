package optim

import (
	"testing"
)

// BenchmarkStep times one Step of each stepping optimizer on 10⁴
// parameters, the size of a large variational model.
func BenchmarkStep(b *testing.B) {
	const n = 10000
	for _, name := range []string{"sgd", "momentum", "nesterov", "adam", "bbi"} {
		b.Run(name, func(b *testing.B) {
			o := mustNew(b, name, nil)
			x, g := make([]float64, n), make([]float64, n)
			for i := range g {
				g[i] = float64(i%7) - 3
			}
			for b.Loop() {
				if err := o.Step(x, 1, g); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLBFGSRosenbrock times a full L-BFGS run on the 10-D Rosenbrock
// function from the standard start.
func BenchmarkLBFGSRosenbrock(b *testing.B) {
	x0 := []float64{-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1}
	for b.Loop() {
		if _, err := MinimizeLBFGS(rosenbrock, x0, DefaultLBFGSConfig()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBBIVersusMomentum runs the small comparison of
// TestBBIBeatsMomentum and reports the two success counts as metrics.
func BenchmarkBBIVersusMomentum(b *testing.B) {
	var m, bb int
	for b.Loop() {
		m, bb = globalBasinCounts(b, ackleyLandscape, 2, 12, 2000)
	}
	b.ReportMetric(float64(m), "momentum-hits")
	b.ReportMetric(float64(bb), "bbi-hits")
}
