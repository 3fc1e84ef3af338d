package optim

import (
	"errors"
	"math/rand/v2"
	"os"
	"testing"
)

// The comparison of BBI with heavy-ball momentum on multimodal functions
// (De Luca & Silverstein, arXiv:2201.11137, motivate BBI by its escape from
// high local minima): from the same random starts, with the same number of
// gradient evaluations, count the runs whose best loss falls below a
// threshold that only the global basin reaches.

// landscape is a multimodal test function with its global-basin threshold
// and the hyperparameters each method uses on it, picked from the grid
// lr ∈ {0.0003, …, 0.1}, μ ∈ {0.9, 0.99} for momentum and
// dt ∈ {0.003, …, 0.3}, δE ∈ {0.25, …, 8} and three bounce schedules for
// BBI by the success count over dimensions 2–5.
type landscape struct {
	name      string
	f         Objective
	threshold float64
	momentum  map[string]float64
	bbi       map[string]float64
}

var (
	// Ackley's local minima nearest 0, near the unit vectors, have
	// f ≈ 1.2–3.6 in 2 to 10 dimensions; TestCompareThresholds checks.
	ackleyLandscape = landscape{
		name: "ackley", f: ackley, threshold: 0.5,
		momentum: map[string]float64{"lr": 0.03, "momentum": 0.99},
		bbi:      map[string]float64{"dt": 0.03, "delta_e": 0.25, "t0": 200, "t1": 1000, "n_bounces": 10},
	}
	// Rastrigin's local minima nearest 0 have f ≈ 0.99.
	rastriginLandscape = landscape{
		name: "rastrigin", f: rastrigin, threshold: 0.5,
		momentum: map[string]float64{"lr": 0.001, "momentum": 0.99},
		bbi:      map[string]float64{"dt": 0.01, "delta_e": 2, "t0": 100, "t1": 200, "n_bounces": 4},
	}
)

// globalBasinCounts runs momentum and BBI (seeded by the run number) from
// `runs` random starts in [−3, 3]^d for iters steps each and returns how
// many runs of each reach the global basin.
func globalBasinCounts(t testing.TB, l landscape, d, runs, iters int) (momentum, bbi int) {
	for run := range runs {
		rng := rand.New(rand.NewPCG(uint64(run), uint64(d)))
		x0 := make([]float64, d)
		for i := range x0 {
			x0[i] = 6*rng.Float64() - 3
		}
		hyper := map[string]float64{"seed": float64(run)}
		for k, v := range l.bbi {
			hyper[k] = v
		}
		for _, tc := range []struct {
			opt   Optimizer
			count *int
		}{
			{mustNew(t, "momentum", l.momentum), &momentum},
			{mustNew(t, "bbi", hyper), &bbi},
		} {
			res, err := Minimize(tc.opt, l.f, x0, iters)
			// A loss of exactly 0 (V = 0 for BBI) is the global minimum.
			if err != nil && !errors.Is(err, ErrBelowV0) {
				t.Fatal(err)
			}
			if res.F < l.threshold {
				*tc.count++
			}
		}
	}
	return momentum, bbi
}

// TestCompareThresholds checks that the success thresholds separate the
// global basin: gradient descent started at a unit vector settles in a local
// minimum above the threshold.
func TestCompareThresholds(t *testing.T) {
	for _, l := range []landscape{ackleyLandscape, rastriginLandscape} {
		for _, d := range []int{2, 3, 5, 10} {
			e1 := make([]float64, d)
			e1[0] = 1
			res, err := Minimize(mustNew(t, "sgd", map[string]float64{"lr": 1e-3}), l.f, e1, 3000)
			if err != nil {
				t.Fatal(err)
			}
			if res.F < 1.5*l.threshold || distance(res.X, make([]float64, d)) < 0.5 {
				t.Errorf("%s, %d-D: local minimum near e₁ at f = %v, x = %v; threshold %v", l.name, d, res.F, res.X, l.threshold)
			}
		}
	}
}

// TestBBIBeatsMomentum is the small version of the comparison: 2-D Ackley,
// 12 random starts, 2000 steps each. BBI must reach the global basin at
// least as often as momentum. QML_LONG=1 runs TestBBIVersusMomentumLong.
func TestBBIBeatsMomentum(t *testing.T) {
	m, b := globalBasinCounts(t, ackleyLandscape, 2, 12, 2000)
	t.Logf("ackley 2-D, 12 starts: momentum %d, bbi %d", m, b)
	if b < m {
		t.Errorf("BBI reached the global basin %d times, momentum %d", b, m)
	}
}

// TestBBIVersusMomentumLong is the full comparison, 30 starts per problem
// and budget; run it with QML_LONG=1 go test -v -run Long ./optim/.
func TestBBIVersusMomentumLong(t *testing.T) {
	if os.Getenv("QML_LONG") == "" {
		t.Skip("set QML_LONG=1 for the full BBI-versus-momentum comparison")
	}
	const runs = 30
	for _, tc := range []struct {
		l        landscape
		d, iters int
	}{
		{ackleyLandscape, 2, 5000},
		{ackleyLandscape, 3, 5000},
		{ackleyLandscape, 5, 5000},
		{ackleyLandscape, 5, 50000},
		{ackleyLandscape, 10, 20000},
		{rastriginLandscape, 2, 5000},
		{rastriginLandscape, 3, 5000},
		{rastriginLandscape, 5, 5000},
	} {
		m, b := globalBasinCounts(t, tc.l, tc.d, runs, tc.iters)
		t.Logf("%-9s %2d-D: global basin reached by momentum %2d/%d, bbi %2d/%d (%d gradient evaluations each)",
			tc.l.name, tc.d, m, runs, b, runs, tc.iters+1)
	}
}
