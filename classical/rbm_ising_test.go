package classical

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/qmlgo/qml/optim"
)

// TestRBMLearnsIsing is the physics check of the RBM: trained
// (32 hidden units, CD-10) on Monte Carlo configurations of the 4×4 Ising
// model at T = 2.5, its own
// samples reproduce the Monte Carlo energy per spin and |m| within 0.03
// (exact enumeration logged beside them). About 30 s; run with QML_LONG=1.
func TestRBMLearnsIsing(t *testing.T) {
	if os.Getenv("QML_LONG") == "" {
		t.Skip("set QML_LONG=1 for the RBM Ising check")
	}
	const l, temp = 4, 2.5
	rng := rand.New(rand.NewPCG(41, 1))
	d, err := IsingPhases(IsingPhasesConfig{L: l, TMin: temp, TMax: temp, Temperatures: 1, PerTemperature: 4000, Interval: 2}, rng)
	if err != nil {
		t.Fatal(err)
	}
	x := make([][]float64, d.Len())
	for i, s := range d.X {
		x[i] = make([]float64, len(s))
		for j, v := range s {
			x[i][j] = (v + 1) / 2
		}
	}
	r, _ := NewRBM(l*l, 32, false, rng)
	adam, _ := optim.New("adam", map[string]float64{"lr": 0.01})
	sch, _ := optim.CosineDecay(0.01, 1e-4, 300*40)
	opt, _ := optim.WithSchedule(adam, sch)
	if _, err := r.Fit(x, RBMTraining{Method: CD, K: 10, Epochs: 300, BatchSize: 100, Optimizer: opt}, rng); err != nil {
		t.Fatal(err)
	}
	samples, err := r.Sample(4000, 200, rng)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := NewIsing(l, 1, 0)
	averages := func(x [][]float64) (e, am float64) {
		for _, v := range x {
			for j, b := range v {
				m.Spins[j] = int8(2*b - 1)
			}
			e += m.Energy() / float64(m.N())
			am += math.Abs(m.Magnetization())
		}
		return e / float64(len(x)), am / float64(len(x))
	}
	e, am := averages(samples)
	mcE, mcM := averages(x)
	want := exactIsing(l, 1, 0, temp)
	t.Logf("RBM samples e = %.4f, |m| = %.4f; Monte Carlo e = %.4f, |m| = %.4f; exact e = %.4f, |m| = %.4f",
		e, am, mcE, mcM, want.Energy, want.AbsMagnetization)
	if math.Abs(e-mcE) > 0.03 || math.Abs(am-mcM) > 0.03 {
		t.Errorf("RBM e = %.4f, |m| = %.4f; Monte Carlo %.4f, %.4f (tolerance 0.03)", e, am, mcE, mcM)
	}
}
