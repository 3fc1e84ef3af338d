package statevector

import (
	"fmt"
	"math/bits"

	"github.com/qmlgo/qml/circuit"
)

// ExpectationGradient runs c under b, evaluates e_k = ⟨obs_k⟩, asks
// cotangent(e) for weights w_k, and returns e with the gradient of
// Σ_k w_k·e_k with respect to every weight and input of b, by the adjoint
// method (Jones & Gacon, arXiv:2009.02823): one forward run, then one
// backward sweep that carries |ψ_l⟩ = U_l…U_1|0⟩ and |λ_l⟩ =
// U_{l+1}†…U_L†·(Σ_k w_k O_k)|ψ_L⟩ down the circuit. Each angle θ of op l
// contributes ∂/∂θ = 2·Re⟨λ_l|∂U_l/∂θ|ψ_{l−1}⟩, and affine angles pass it on
// to their weights and inputs by their coefficients. The backward sweep is
// cache-blocked like a forward program and runs the same kernels, two
// states at a time (see adjointSweep), so the cost is two state vectors
// and a small multiple of one forward pass, whatever the number of
// parameters. It implements vqc.Differentiator.
func (sim *Simulator) ExpectationGradient(c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable,
	cotangent func(e []float64) ([]float64, error)) (e, gradWeights, gradInputs []float64, err error) {
	if c == nil {
		return nil, nil, nil, fmt.Errorf("statevector: nil circuit")
	}
	psi, err := sim.state(c.NumQubits, Double)
	if err != nil {
		return nil, nil, nil, err
	}
	defer sim.pool.Put(psi)
	opts := sim.Options
	opts.Precision = Double
	if err := psi.RunWith(c, b, opts); err != nil {
		return nil, nil, nil, err
	}
	if e, err = psi.Expectations(obs); err != nil {
		return nil, nil, nil, err
	}
	w, err := cotangent(e)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(w) != len(obs) {
		return nil, nil, nil, fmt.Errorf("statevector: cotangent has %d weights for %d observables", len(w), len(obs))
	}
	lam, err := sim.state(c.NumQubits, Double)
	if err != nil {
		return nil, nil, nil, err
	}
	defer sim.pool.Put(lam)
	psi.applyObservables(obs, w, lam.amp)

	gradWeights, gradInputs = make([]float64, len(b.Weights)), make([]float64, len(b.Inputs))
	sw := newAdjointSweep()
	// Two states share the cache: blocks of half the forward pass's size.
	sw.run(c, b, psi.amp, lam.amp, blockQubitsDouble-1, gradWeights, gradInputs)
	sweeps.Put(sw)
	return e, gradWeights, gradInputs, nil
}

// daggerInPlace replaces the square row-major matrix m by its conjugate transpose.
func daggerInPlace(m []complex128) {
	d := 1
	for d*d < len(m) {
		d++
	}
	for r := 0; r < d; r++ {
		m[r*d+r] = conj(m[r*d+r])
		for c := r + 1; c < d; c++ {
			m[r*d+c], m[c*d+r] = conj(m[c*d+r]), conj(m[r*d+c])
		}
	}
}

// evalAngles evaluates the angles of op under b into buf.
func evalAngles(op *circuit.Op, b circuit.Binding, buf []float64) []float64 {
	buf = buf[:0]
	for _, p := range op.Params {
		buf = append(buf, p.Value(b))
	}
	return buf
}

// addToSymbols passes the derivative g with respect to angle p on to the
// weights and inputs of p by their coefficients (the chain rule of an
// affine angle).
func addToSymbols(p circuit.Param, g float64, gradWeights, gradInputs []float64) {
	for _, t := range p.Terms {
		if t.Kind == circuit.WeightSymbol {
			gradWeights[t.Index] += t.Coef * g
		} else {
			gradInputs[t.Index] += t.Coef * g
		}
	}
}

// applyObservables writes (Σ_k w_k O_k)|ψ⟩ into dst, each Pauli string
// moving amplitude i to i ⊕ flip with its phase (see pauliString).
func (s *State) applyObservables(obs []circuit.Observable, w []float64, dst []complex128) {
	var terms []pauliString
	for k, o := range obs {
		for _, t := range o.Terms {
			p := compilePauli(t, k)
			p.coef *= w[k]
			terms = append(terms, p)
		}
	}
	a := s.amp
	parallelFor(workers(len(a), len(a)), len(a), func(_, lo, hi int) {
		for j := lo; j < hi; j++ {
			var v complex128
			for _, t := range terms {
				i := j ^ t.flip
				c := complex(t.coef, 0) * iPower(t.ny)
				if bits.OnesCount(uint(i&t.sign))&1 == 1 {
					c = -c
				}
				v += c * a[i]
			}
			dst[j] = v
		}
	})
}

func conj(z complex128) complex128 { return complex(real(z), -imag(z)) }
