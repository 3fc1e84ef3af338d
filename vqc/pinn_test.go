package vqc_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc"
)

// TestPINNCircuitClosedForm checks a one-qubit circuit at θ = 0, where the
// ansatz is the identity and u = cos(angle): the tower map gives cos x̃ and
// the Chebyshev map T₂(x̃) = 2x̃² − 1, with x̃ the rescaled input.
func TestPINNCircuitClosedForm(t *testing.T) {
	const lo, hi = 0.0, 10.0
	s := (hi - lo) / 2
	for _, tc := range []struct {
		fmap string
		want func(x float64) (u, du, d2u float64)
	}{
		{vqc.TowerMap, func(x float64) (float64, float64, float64) {
			xt := (x - 5) / s
			return math.Cos(xt), -math.Sin(xt) / s, -math.Cos(xt) / (s * s)
		}},
		{vqc.ChebyshevMap, func(x float64) (float64, float64, float64) {
			d := 0.95 / s
			xt := d * (x - 5)
			return 2*xt*xt - 1, 4 * xt * d, 4 * d * d
		}},
	} {
		p, err := vqc.NewPINNCircuit(&statevector.Simulator{}, 1, 1, tc.fmap, lo, hi, rand.New(rand.NewPCG(1, 1)))
		if err != nil {
			t.Fatal(err)
		}
		clear(p.Theta)
		for _, x := range []float64{0, 2.5, 7, 10} {
			u, du, d2u, err := p.Jet(p.Theta, x, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			wu, wdu, wd2u := tc.want(x)
			if math.Abs(u-wu) > 1e-12 || math.Abs(du-wdu) > 1e-12 || math.Abs(d2u-wd2u) > 1e-12 {
				t.Errorf("%s x = %v: jet (%v, %v, %v), want (%v, %v, %v)", tc.fmap, x, u, du, d2u, wu, wdu, wd2u)
			}
		}
	}
}

// TestPINNCircuitDerivatives compares the parameter-shift input derivatives
// with central differences of u and u′ (to 1e-7), and the weight gradient
// of a·u + b·u′ + c·u″ with central differences in θ, for random weights.
func TestPINNCircuitDerivatives(t *testing.T) {
	for _, fmap := range []string{vqc.TowerMap, vqc.ChebyshevMap} {
		p, err := vqc.NewPINNCircuit(&statevector.Simulator{}, 3, 2, fmap, 0, 10, rand.New(rand.NewPCG(2, 3)))
		if err != nil {
			t.Fatal(err)
		}
		jet := func(x float64) (float64, float64, float64) {
			u, du, d2u, err := p.Jet(p.Theta, x, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			return u, du, d2u
		}
		const h = 1e-4
		for _, x := range []float64{0.5, 3.3, 6.1, 9.2} {
			_, du, d2u := jet(x)
			up, dup, _ := jet(x + h)
			um, dum, _ := jet(x - h)
			if d := math.Abs(du - (up-um)/(2*h)); d > 1e-7 {
				t.Errorf("%s x = %v: u′ = %v off finite difference by %.2g", fmap, x, du, d)
			}
			if d := math.Abs(d2u - (dup-dum)/(2*h)); d > 1e-7 {
				t.Errorf("%s x = %v: u″ = %v off finite difference by %.2g", fmap, x, d2u, d)
			}
		}
		const a, b, c, x = 0.3, -0.8, 1.7, 4.2
		grad := make([]float64, p.NumParams())
		if _, _, _, err := p.Jet(p.Theta, x, func(_, _, _ float64) (float64, float64, float64) { return a, b, c }, grad); err != nil {
			t.Fatal(err)
		}
		for i := range p.Theta {
			o := p.Theta[i]
			p.Theta[i] = o + 1e-6
			u1, d1, dd1 := jet(x)
			p.Theta[i] = o - 1e-6
			u2, d2, dd2 := jet(x)
			p.Theta[i] = o
			fd := (a*(u1-u2) + b*(d1-d2) + c*(dd1-dd2)) / 2e-6
			if math.Abs(grad[i]-fd) > 1e-6*(1+math.Abs(fd)) {
				t.Errorf("%s: ∂/∂θ[%d] = %v, finite difference %v", fmap, i, grad[i], fd)
			}
		}
	}
}

// TestNewPINNCircuitErrors checks that bad settings are errors.
func TestNewPINNCircuitErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	be := &statevector.Simulator{}
	for _, tc := range []struct {
		name   string
		be     vqc.Backend
		n, l   int
		fmap   string
		lo, hi float64
	}{
		{"no backend", nil, 2, 1, vqc.TowerMap, 0, 1},
		{"no qubits", be, 0, 1, vqc.TowerMap, 0, 1},
		{"no layers", be, 2, 0, vqc.TowerMap, 0, 1},
		{"bad map", be, 2, 1, "fourier", 0, 1},
		{"empty interval", be, 2, 1, vqc.TowerMap, 1, 1},
	} {
		if _, err := vqc.NewPINNCircuit(tc.be, tc.n, tc.l, tc.fmap, tc.lo, tc.hi, rng); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}
