package classical_test

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
)

// The ground state of the ferromagnet has energy −2J per spin and |m| = 1;
// Wolff updates at T = 1.5 keep it nearly ordered.
func ExampleSimulateIsing() {
	m, _ := classical.NewIsing(8, 1, 0)
	fmt.Println(m.Energy()/float64(m.N()), m.Magnetization())
	st, _ := classical.SimulateIsing(classical.IsingRun{L: 8, J: 1, T: 1.5, Thermalize: 100, Samples: 500},
		rand.New(rand.NewPCG(1, 1)))
	fmt.Printf("T=1.5: |m| > 0.95: %v, e < -1.9: %v\n", st.AbsMagnetization > 0.95, st.Energy < -1.9)
	// Output:
	// -2 1
	// T=1.5: |m| > 0.95: true, e < -1.9: true
}

// With every parameter zero all 2^(V+H) joint states are equally likely.
func ExampleRBM_ExactLogZ() {
	r, _ := classical.NewRBM(6, 4, false, rand.New(rand.NewPCG(1, 1)))
	clear(r.Theta)
	logZ, _ := r.ExactLogZ()
	fmt.Printf("log Z = %.6f = 10 ln 2 = %.6f\n", logZ, 10*math.Ln2)
	// Output:
	// log Z = 6.931472 = 10 ln 2 = 6.931472
}

// An MPS Born machine learns the 14 patterns of 3×3 bars and stripes to
// the optimal NLL ln 14 and samples only patterns.
func ExampleBornMachine() {
	d, _ := dataset.BarsAndStripes(3, 3)
	rng := rand.New(rand.NewPCG(1, 1))
	b, _ := classical.NewBornMachine(9, 2, 16, 1e-9, rng)
	hist, _ := b.Train(d.X, classical.BornTraining{Sweeps: 8})
	fmt.Printf("NLL %.3f, ln 14 = %.3f\n", hist[len(hist)-1].NLL, math.Log(14))
	// Output:
	// NLL 2.639, ln 14 = 2.639
}

// A Hopfield network of 64 neurons recalls a stored pattern from a copy
// with 6 neurons flipped.
func ExampleHopfield() {
	rng := rand.New(rand.NewPCG(1, 1))
	h, _ := classical.NewHopfield(64)
	pats := make([][]float64, 3)
	for k := range pats {
		pats[k] = make([]float64, 64)
		for i := range pats[k] {
			pats[k][i] = float64(2*rng.IntN(2) - 1)
		}
	}
	h.Store(pats)
	s := append([]float64(nil), pats[0]...)
	for i := range 6 {
		s[10*i] = -s[10*i]
	}
	fmt.Printf("overlap before %.3f", classical.Overlap(s, pats[0]))
	h.Recall(s, true, 10, rng)
	fmt.Printf(", after %.3f\n", classical.Overlap(s, pats[0]))
	// Output:
	// overlap before 0.812, after 1.000
}
