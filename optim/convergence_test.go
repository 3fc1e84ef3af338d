package optim

import (
	"math"
	"math/rand/v2"
	"testing"
)

// distance returns |x − y|.
func distance(x, y []float64) float64 {
	var s float64
	for i := range x {
		s += (x[i] - y[i]) * (x[i] - y[i])
	}
	return math.Sqrt(s)
}

// mustNew builds a stepping optimizer by name or fails the test.
func mustNew(t testing.TB, name string, hyper map[string]float64) Optimizer {
	t.Helper()
	o, err := New(name, hyper)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestQuadraticConvergence checks every method against the closed-form
// minimiser c of ½Σaᵢ(xᵢ − cᵢ)² (condition number 5).
func TestQuadraticConvergence(t *testing.T) {
	a := []float64{1, 2, 5}
	c := []float64{1, -2, 0.5}
	obj := quadratic(a, c)
	x0 := []float64{0, 0, 0}
	for _, tc := range []struct {
		name  string
		hyper map[string]float64
		iters int
		tol   float64 // on |x − c|
	}{
		{"sgd", map[string]float64{"lr": 0.1}, 300, 1e-10},
		{"momentum", map[string]float64{"lr": 0.05, "momentum": 0.5}, 300, 1e-10},
		{"nesterov", map[string]float64{"lr": 0.05, "momentum": 0.5}, 300, 1e-10},
		{"adam", map[string]float64{"lr": 0.05}, 3000, 1e-6},
		{"bbi", map[string]float64{"dt": 0.03, "delta_e": 1}, 3000, 1e-10},
		{"lbfgs", nil, 100, 1e-10},
	} {
		m, err := NewMinimizer(tc.name, tc.hyper)
		if err != nil {
			t.Fatal(err)
		}
		res, err := m.Minimize(obj, x0, tc.iters)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if d := distance(res.X, c); d > tc.tol {
			t.Errorf("%s: |x − c| = %g after %d iterations, want <= %g (x = %v)", tc.name, d, res.Iterations, tc.tol, res.X)
		}
	}
}

// TestRosenbrock checks Adam and L-BFGS on the 2-D and 10-D Rosenbrock
// function from the standard start (−1.2, 1, −1.2, 1, …) against its
// minimiser (1, …, 1).
func TestRosenbrock(t *testing.T) {
	for _, d := range []int{2, 10} {
		x0 := make([]float64, d)
		ones := make([]float64, d)
		for i := range x0 {
			x0[i], ones[i] = -1.2, 1
			if i%2 == 1 {
				x0[i] = 1
			}
		}
		adam := mustNew(t, "adam", map[string]float64{"lr": 0.03})
		res, err := Minimize(adam, rosenbrock, x0, 10000)
		if err != nil {
			t.Fatal(err)
		}
		if dist := distance(res.X, ones); dist > 1e-6 {
			t.Errorf("adam, %d-D: |x − 1| = %g, f = %g", d, dist, res.F)
		}
		res, err = MinimizeLBFGS(rosenbrock, x0, DefaultLBFGSConfig())
		if err != nil {
			t.Fatal(err)
		}
		if dist := distance(res.X, ones); dist > 1e-8 {
			t.Errorf("lbfgs, %d-D: |x − 1| = %g, f = %g, status %s", d, dist, res.F, res.Status)
		}
		if res.Evals < res.Iterations || res.Evals > 10*res.Iterations+10 {
			t.Errorf("lbfgs, %d-D: %d evaluations for %d iterations", d, res.Evals, res.Iterations)
		}
	}
}

// TestAckleyLocal checks that each method, started inside the global basin
// of the Ackley function, reaches its minimum f(0) = 0 in 2 to 10
// dimensions.
func TestAckleyLocal(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for _, d := range []int{2, 5, 10} {
		x0 := make([]float64, d)
		for i := range x0 {
			x0[i] = 0.4*rng.Float64() - 0.2
		}
		for _, tc := range []struct {
			name  string
			hyper map[string]float64
			iters int
			tol   float64 // on f; near 0, f ≈ 4|x|/√n
		}{
			{"sgd", map[string]float64{"lr": 0.001}, 3000, 1e-2},
			{"momentum", map[string]float64{"lr": 0.001, "momentum": 0.9}, 3000, 1e-2},
			{"adam", map[string]float64{"lr": 0.001}, 3000, 1e-2},
			{"bbi", map[string]float64{"dt": 0.01, "delta_e": 0.5}, 3000, 1e-2},
			{"lbfgs", nil, 200, 1e-6},
		} {
			m, err := NewMinimizer(tc.name, tc.hyper)
			if err != nil {
				t.Fatal(err)
			}
			res, err := m.Minimize(ackley, x0, tc.iters)
			if err != nil {
				t.Logf("%s, %d-D: %v", tc.name, d, err)
			}
			if res.F > tc.tol {
				t.Errorf("%s, %d-D: f = %g, want <= %g", tc.name, d, res.F, tc.tol)
			}
		}
	}
}
