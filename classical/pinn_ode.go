package classical

import (
	"fmt"
	"math"
)

// Oscillator is the damped harmonic oscillator of the physics-informed
// learning lecture, the initial-value problem
//
//	m u″(x) + μ u′(x) + k u(x) = 0,   u(x₀) = U0,   u′(x₀) = V0,
//
// on an interval of x (time). It is defined here, beside the classical
// PINN, and handed to the quantum PINN (vqc.PINN) by package spec as the
// residual function Residual, so that both networks solve the same equation.
type Oscillator struct {
	M, Mu, K float64 // mass m > 0, friction μ ≥ 0, spring constant k > 0
	X0       float64 // where the initial conditions hold
	U0, V0   float64 // u(x₀) and u′(x₀)
}

// Validate reports non-finite coefficients, m ≤ 0, μ < 0 or k ≤ 0.
func (o Oscillator) Validate() error {
	for _, v := range []float64{o.M, o.Mu, o.K, o.X0, o.U0, o.V0} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("classical: oscillator %+v has a non-finite value", o)
		}
	}
	if !(o.M > 0) || !(o.Mu >= 0) || !(o.K > 0) {
		return fmt.Errorf("classical: oscillator m = %v, μ = %v, k = %v: want m > 0, μ ≥ 0, k > 0", o.M, o.Mu, o.K)
	}
	return nil
}

// Exact returns the closed-form solution u(x) (any textbook, e.g. Landau &
// Lifshitz, Mechanics §25): with γ = μ/2m and ω₀² = k/m,
// underdamped (γ < ω₀) e^{−γt}(A cos ωt + B sin ωt), ω = √(ω₀² − γ²);
// critically damped e^{−γt}(A + Bt); overdamped a sum of two decaying
// exponentials; t = x − x₀ and A, B fixed by U0 and V0.
func (o Oscillator) Exact(x float64) float64 {
	t := x - o.X0
	g := o.Mu / (2 * o.M)
	w2 := o.K/o.M - g*g
	a := o.U0
	switch {
	case w2 > 1e-12:
		w := math.Sqrt(w2)
		b := (o.V0 + g*a) / w
		return math.Exp(-g*t) * (a*math.Cos(w*t) + b*math.Sin(w*t))
	case w2 < -1e-12:
		s := math.Sqrt(-w2)
		// u = c₁e^{r₁t} + c₂e^{r₂t}, r = −γ ± s.
		r1, r2 := -g+s, -g-s
		c1 := (o.V0 - r2*a) / (r1 - r2)
		return c1*math.Exp(r1*t) + (a-c1)*math.Exp(r2*t)
	}
	return math.Exp(-g*t) * (a + (o.V0+g*a)*t)
}

// Residual returns r = m u″ + μ u′ + k u, the quantity a PINN drives to
// zero at its collocation points, and its partial derivatives
// (∂r/∂u, ∂r/∂u′, ∂r/∂u″) = (k, μ, m), which the loss gradient needs.
func (o Oscillator) Residual(_, u, du, d2u float64) (r float64, dr [3]float64) {
	return o.M*d2u + o.Mu*du + o.K*u, [3]float64{o.K, o.Mu, o.M}
}
