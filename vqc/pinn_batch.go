package vqc

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/circuit"
)

// degree is D = Σⱼ cⱼ, the highest frequency of u as a function of the
// feature value y: qubit j's rotation RY(cⱼy) contributes frequencies
// −cⱼ, 0, cⱼ to an expectation value, so u(y) = Σ_{|ω|≤D} û_ω e^{iωy}.
func (p *PINNCircuit) degree() int {
	d := 0.0
	for _, c := range p.coef {
		d += c
	}
	return int(d)
}

// Jets returns u, u′ and u″ at every point of xs under theta and, with
// grad non-nil, asks cot(i, …) for the adjoints (a, b, c) of point i and
// adds ∇_θ Σᵢ(aᵢuᵢ + bᵢu′ᵢ + cᵢu″ᵢ) to grad. It equals Jet point by point,
// at a cost independent of len(xs): u(y) is a trigonometric polynomial of
// degree D = Σⱼ cⱼ in the feature value y, so its 2D+1 values at the
// equidistant shifts y_m = 2πm/(2D+1) determine it, and every derivative
// at any y is a fixed combination of them — the general parameter-shift
// rule of Wierichs, Izaac, Wang & Lin, Quantum 6, 677 (2022), with the
// Dirichlet kernel K(t) = (1 + 2Σ_{ω=1}^{D} cos ωt)/(2D+1) as the
// interpolant: u(y) = Σ_m u(y_m) K(y − y_m). The weight gradient then needs
// one gradient evaluation per shift, 2D+1 in all, instead of one per
// point and stencil term. The circuits run in parallel on workers
// goroutines (0: GOMAXPROCS) through EvaluateBatch.
func (p *PINNCircuit) Jets(theta, xs []float64, cot func(i int, u, du, d2u float64) (a, b, c float64), grad []float64, workers int) (u, du, d2u []float64, err error) {
	if len(theta) != len(p.Theta) {
		return nil, nil, nil, fmt.Errorf("vqc: %d weights for a PINN circuit with %d", len(theta), len(p.Theta))
	}
	d := p.degree()
	n := 2*d + 1
	obs := []circuit.Observable{p.Obs}
	at := func(m int) circuit.Binding {
		in := make([]float64, p.Qubits)
		for j := range in {
			in[j] = 2 * math.Pi * float64(m) / float64(n)
		}
		return circuit.Binding{Weights: theta, Inputs: in}
	}
	f := make([]float64, n)
	if _, _, _, err := EvaluateBatch(n, workers, 0, false, func(m int, _ []float64) (float64, bool, error) {
		e, err := p.Backend.Expectations(p.Circuit, at(m), obs)
		if err == nil {
			f[m] = e[0]
		}
		return 0, false, err
	}); err != nil {
		return nil, nil, nil, err
	}
	// kernel returns K, K′, K″ at t.
	kernel := func(t float64) (k, dk, d2k float64) {
		k = 1
		for w := 1; w <= d; w++ {
			fw := float64(w)
			s, c := math.Sincos(fw * t)
			k += 2 * c
			dk -= 2 * fw * s
			d2k -= 2 * fw * fw * c
		}
		return k / float64(n), dk / float64(n), d2k / float64(n)
	}
	u, du, d2u = make([]float64, len(xs)), make([]float64, len(xs)), make([]float64, len(xs))
	beta := make([]float64, n) // ∂(Σᵢ aᵢuᵢ + bᵢu′ᵢ + cᵢu″ᵢ)/∂f_m
	for i, x := range xs {
		y, dy, d2y := p.feature(x)
		var fy, fyy float64
		ks := make([][3]float64, n)
		for m := range n {
			k, dk, d2k := kernel(y - 2*math.Pi*float64(m)/float64(n))
			ks[m] = [3]float64{k, dk, d2k}
			u[i] += f[m] * k
			fy += f[m] * dk
			fyy += f[m] * d2k
		}
		du[i], d2u[i] = fy*dy, fyy*dy*dy+fy*d2y
		if grad == nil {
			continue
		}
		a, b, c := cot(i, u[i], du[i], d2u[i])
		for m, k := range ks {
			beta[m] += a*k[0] + b*dy*k[1] + c*(dy*dy*k[2]+d2y*k[1])
		}
	}
	if grad == nil {
		return u, du, d2u, nil
	}
	// EvaluateBatch averages the per-shift gradients; scale back by n.
	_, _, g, err := EvaluateBatch(n, workers, len(theta), false, func(m int, gm []float64) (float64, bool, error) {
		w := beta[m] * float64(n)
		_, gw, _, err := ExpectationGradient(p.Backend, p.Gradient, p.Circuit, at(m), obs,
			func([]float64) ([]float64, error) { return []float64{w}, nil })
		copy(gm, gw)
		return 0, false, err
	})
	if err != nil {
		return nil, nil, nil, err
	}
	for j := range grad {
		grad[j] += g[j]
	}
	return u, du, d2u, nil
}
