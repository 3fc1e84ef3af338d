package optim

import (
	"math"
	"testing"
)

// stepAll applies opt to x once per gradient in grads, failing on error.
func stepAll(t *testing.T, opt Optimizer, x []float64, grads ...[]float64) {
	t.Helper()
	for _, g := range grads {
		if err := opt.Step(x, 0, g); err != nil {
			t.Fatal(err)
		}
	}
}

// TestMomentumHandComputed checks two steps of ω' = μω − η∇C, θ' = θ + ω'
// with μ = 0.9, η = 0.1 from θ = (1, −2), ω = 0 and the gradients
// g₁ = (0.5, −1), g₂ = (2, 4), worked by hand:
//
//	ω₁ = −0.1·g₁ = (−0.05, 0.1),                θ₁ = (0.95, −1.9),
//	ω₂ = 0.9·ω₁ − 0.1·g₂ = (−0.245, −0.31),    θ₂ = (0.705, −2.21).
//
// Nesterov (φ' = φ + μω' − ηg) from the same start:
//
//	φ₁ = (1, −2) + 0.9·ω₁ − 0.1·g₁ = (0.905, −1.81),
//	φ₂ = φ₁ + 0.9·ω₂ − 0.1·g₂ = (0.4845, −2.489).
func TestMomentumHandComputed(t *testing.T) {
	g1, g2 := []float64{0.5, -1}, []float64{2, 4}
	for _, tc := range []struct {
		nesterov bool
		want1    []float64
		want2    []float64
	}{
		{false, []float64{0.95, -1.9}, []float64{0.705, -2.21}},
		{true, []float64{0.905, -1.81}, []float64{0.4845, -2.489}},
	} {
		m, err := NewMomentum(MomentumConfig{LR: 0.1, Momentum: 0.9, Nesterov: tc.nesterov})
		if err != nil {
			t.Fatal(err)
		}
		x := []float64{1, -2}
		for step, want := range [][]float64{tc.want1, tc.want2} {
			stepAll(t, m, x, [][]float64{g1, g2}[step])
			for i := range x {
				if math.Abs(x[i]-want[i]) > 1e-15 {
					t.Errorf("nesterov=%v step %d: x = %v, want %v", tc.nesterov, step+1, x, want)
					break
				}
			}
		}
	}
}

// TestNesterovLookahead checks the stored-look-ahead form against the
// textbook Nesterov iteration ω' = μω − η∇C(θ + μω), θ' = θ + ω' run here
// directly: the optimizer's parameters must equal φ = θ + μω throughout.
func TestNesterovLookahead(t *testing.T) {
	const mu, eta = 0.8, 0.05
	a, c := []float64{1, 3, 7}, []float64{0.5, -1, 2}
	grad := func(x []float64) []float64 {
		g := make([]float64, len(x))
		quadratic(a, c)(x, g)
		return g
	}
	theta := []float64{2, 2, -1}
	w := make([]float64, 3)
	phi := []float64{2, 2, -1} // φ₀ = θ₀ since ω₀ = 0
	m, err := NewMomentum(MomentumConfig{LR: eta, Momentum: mu, Nesterov: true})
	if err != nil {
		t.Fatal(err)
	}
	for step := 0; step < 30; step++ {
		look := make([]float64, 3)
		for i := range look {
			look[i] = theta[i] + mu*w[i]
		}
		g := grad(look)
		for i := range theta {
			w[i] = mu*w[i] - eta*g[i]
			theta[i] += w[i]
		}
		stepAll(t, m, phi, grad(phi))
		for i := range phi {
			if want := theta[i] + mu*w[i]; math.Abs(phi[i]-want) > 1e-12 {
				t.Fatalf("step %d: φ = %v, want θ + μω = %v", step, phi, want)
			}
		}
	}
}
