package control

import (
	"testing"
)

// BenchmarkP1QFTEndToEnd is the speed check for P1 at T = 3: build
// the problem, optimise to 1e-5 with L-BFGS and re-simulate (QuTiP 4.7:
// 0.21 s on a 2-core machine; target ≤ 0.05 s).
func BenchmarkP1QFTEndToEnd(b *testing.B) {
	for b.Loop() {
		e := qftProblem(b, 3)
		res, err := Optimize(e, e.Initial(), Options{Target: 1e-5})
		if err != nil || !res.GoalReached {
			b.Fatal(err, res.Status)
		}
	}
}

// BenchmarkP2CNOTEndToEnd is the speed check for P2 at T = 2 to 1e-8 with
// re-simulation (QuTiP 4.7: 0.81 s; target ≤ 0.15 s).
func BenchmarkP2CNOTEndToEnd(b *testing.B) {
	for b.Loop() {
		e := cnotProblem(b, 2)
		res, err := Optimize(e, e.Initial(), Options{Target: 1e-8})
		if err != nil || !res.GoalReached {
			b.Fatal(err, res.Status)
		}
	}
}

// BenchmarkCost times one cost-and-gradient evaluation.
func BenchmarkCost(b *testing.B) {
	cases := []struct {
		name string
		e    func() *Evaluator
	}{
		{"qft-60x4", func() *Evaluator { return qftProblem(b, 3) }},
		{"cnot-100x4", func() *Evaluator { return cnotProblem(b, 2) }},
		{"swap02-magnus-1312x5", func() *Evaluator { return swap02Problem(b, 0, true) }},
		{"h2-400x4", func() *Evaluator { return h2Problem(b, 40, true) }},
	}
	for _, c := range cases {
		e := c.e()
		th := e.Initial()
		g := make([]float64, len(th))
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := e.Cost(th, g); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkResimulate times the independent Runge–Kutta check of P1.
func BenchmarkResimulate(b *testing.B) {
	e := qftProblem(b, 3)
	th := e.Initial()
	for b.Loop() {
		if _, _, err := e.Resimulate(th, ResimOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
