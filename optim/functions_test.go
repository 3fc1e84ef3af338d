package optim

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/optimize/functions"
)

// Closed-form test problems with known minimisers, shared by the tests.

// quadratic returns f(x) = ½Σ aᵢ(xᵢ − cᵢ)², minimised at x = c with f = 0.
func quadratic(a, c []float64) Objective {
	return func(x, grad []float64) float64 {
		var f float64
		for i := range x {
			d := x[i] - c[i]
			f += 0.5 * a[i] * d * d
			grad[i] = a[i] * d
		}
		return f
	}
}

// rosenbrock is gonum's extended Rosenbrock function, Σ 100(x_{i+1} − xᵢ²)² +
// (1 − xᵢ)², minimised at (1, …, 1) with f = 0.
func rosenbrock(x, grad []float64) float64 {
	functions.ExtendedRosenbrock{}.Grad(grad, x)
	return functions.ExtendedRosenbrock{}.Func(x)
}

// ackley is the Ackley function (Ackley 1987; the form of Jamil & Yang,
// arXiv:1308.4008, no. 2) with a = 20, b = 0.2, c = 2π:
//
//	f(x) = −a·exp(−b·√(Σxᵢ²/n)) − exp(Σcos(c·xᵢ)/n) + a + e,
//
// non-negative, with a single global minimum f(0) = 0 amid a lattice of
// local minima near the integer points. At x = 0, where √ is not
// differentiable, the gradient returned is 0.
func ackley(x, grad []float64) float64 {
	const a, b, c = 20, 0.2, 2 * math.Pi
	n := float64(len(x))
	var s2, sc float64
	for _, xi := range x {
		s2 += xi * xi
		sc += math.Cos(c * xi)
	}
	r := math.Sqrt(s2 / n)
	e1 := math.Exp(-b * r)
	e2 := math.Exp(sc / n)
	for i, xi := range x {
		grad[i] = e2 * c * math.Sin(c*xi) / n
		if r > 0 {
			grad[i] += a * b * e1 * xi / (n * r)
		}
	}
	return math.Max(0, -a*e1-e2+a+math.E)
}

// rastrigin is the Rastrigin function 10n + Σ(xᵢ² − 10cos(2πxᵢ)), with a
// global minimum f(0) = 0 and local minima near every integer point.
func rastrigin(x, grad []float64) float64 {
	f := 10 * float64(len(x))
	for i, xi := range x {
		f += xi*xi - 10*math.Cos(2*math.Pi*xi)
		grad[i] = 2*xi + 20*math.Pi*math.Sin(2*math.Pi*xi)
	}
	return f
}

// TestFunctionGradients checks the hand-written gradients of the test
// problems against central finite differences.
func TestFunctionGradients(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name string
		f    Objective
	}{
		{"quadratic", quadratic([]float64{1, 2, 3, 4}, []float64{0.5, -1, 2, 0})},
		{"ackley", ackley},
		{"rastrigin", rastrigin},
	} {
		for trial := 0; trial < 5; trial++ {
			x := make([]float64, 4)
			for i := range x {
				x[i] = 4*rng.Float64() - 2
			}
			g := make([]float64, len(x))
			tc.f(x, g)
			want := fd.Gradient(nil, func(x []float64) float64 { return tc.f(x, make([]float64, len(x))) }, x,
				&fd.Settings{Formula: fd.Central, Step: 1e-6})
			for i := range g {
				if math.Abs(g[i]-want[i]) > 1e-6*(1+math.Abs(want[i])) {
					t.Errorf("%s at %v: grad[%d] = %v, finite difference %v", tc.name, x, i, g[i], want[i])
				}
			}
		}
	}
}

// TestFunctionMinima checks the known minimum values, f = 0 at the
// published minimisers.
func TestFunctionMinima(t *testing.T) {
	g := make([]float64, 3)
	for _, tc := range []struct {
		name string
		f    Objective
		x    []float64
	}{
		{"rosenbrock", rosenbrock, []float64{1, 1, 1}},
		{"ackley", ackley, []float64{0, 0, 0}},
		{"rastrigin", rastrigin, []float64{0, 0, 0}},
	} {
		if f := tc.f(tc.x, g); math.Abs(f) > 1e-14 {
			t.Errorf("%s(%v) = %v, want 0", tc.name, tc.x, f)
		}
	}
}
