package optim

import (
	"errors"
	"math"
	"testing"
)

// TestLBFGSQuadratic checks that L-BFGS finds the minimiser of a quadratic
// in 3-D within a handful of iterations (it is exact after n steps with exact
// line searches), and that each gradient is computed once per point: the
// objective is called once per distinct point gonum evaluates.
func TestLBFGSQuadratic(t *testing.T) {
	c := []float64{1, -2, 0.5}
	calls := 0
	obj := func(x, g []float64) float64 {
		calls++
		return quadratic([]float64{1, 2, 5}, c)(x, g)
	}
	res, err := MinimizeLBFGS(obj, []float64{0, 0, 0}, DefaultLBFGSConfig())
	if err != nil {
		t.Fatal(err)
	}
	if d := distance(res.X, c); d > 1e-10 || res.Iterations > 20 {
		t.Errorf("|x − c| = %g after %d iterations (%s)", d, res.Iterations, res.Status)
	}
	if res.Evals != calls {
		t.Errorf("Evals = %d, objective called %d times", res.Evals, calls)
	}
	if res.Status != "GradientThreshold" {
		t.Errorf("status %s, want GradientThreshold", res.Status)
	}
}

// TestLBFGSLimits checks that an iteration limit stops the run early with
// gonum's IterationLimit status, and that a non-finite loss is an error.
func TestLBFGSLimits(t *testing.T) {
	l, err := NewLBFGS(DefaultLBFGSConfig())
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Minimize(rosenbrock, []float64{-1.2, 1}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if res.Iterations != 3 || res.Status != "IterationLimit" {
		t.Errorf("%d iterations, status %s; want 3, IterationLimit", res.Iterations, res.Status)
	}
	nan := func(x, g []float64) float64 {
		g[0] = 1
		if x[0] < 0.5 {
			return math.NaN()
		}
		return x[0]
	}
	if _, err := l.Minimize(nan, []float64{1}, 0); !errors.Is(err, ErrNonFinite) {
		t.Errorf("NaN loss: error %v, want ErrNonFinite", err)
	}
	infGrad := func(x, g []float64) float64 {
		g[0] = math.Inf(1)
		return x[0] * x[0]
	}
	if _, err := l.Minimize(infGrad, []float64{1}, 0); !errors.Is(err, ErrNonFinite) {
		t.Errorf("infinite gradient: error %v, want ErrNonFinite", err)
	}
	for _, x0 := range [][]float64{nil, {}} {
		if _, err := l.Minimize(rosenbrock, x0, 0); err == nil {
			t.Error("empty start: no error")
		}
	}
	if _, err := l.Minimize(rosenbrock, []float64{1, 1}, -1); err == nil {
		t.Error("negative iteration count: no error")
	}
	if _, err := l.Minimize(nil, []float64{1, 1}, 0); err == nil {
		t.Error("nil objective: no error")
	}
}
