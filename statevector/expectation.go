package statevector

import (
	"fmt"
	"math/bits"

	"github.com/qmlgo/qml/circuit"
)

// pauliString is one Pauli term in bit-mask form. A Pauli string P maps a
// basis state to another with a phase,
//
//	P|i⟩ = i^{#Y} · (−1)^{popcount(i & sign)} · |i ⊕ flip⟩,
//
// with flip the qubits carrying X or Y and sign those carrying Y or Z (from
// X|b⟩ = |b⊕1⟩, Y|b⟩ = i(−1)^b|b⊕1⟩, Z|b⟩ = (−1)^b|b⟩). Hence
//
//	⟨ψ|P|ψ⟩ = i^{#Y} Σ_i (−1)^{popcount(i & sign)} conj(a[i⊕flip]) a[i],
//
// one pass over the amplitudes and no copy of the state.
type pauliString struct {
	flip, sign int
	ny         int // number of Y factors
	coef       float64
	obs        int // which observable the term belongs to
}

// Expectation returns ⟨ψ|O|ψ⟩ for the observable o, a real-weighted sum of
// Pauli strings, without copying the state. It is ⟨ψ|O|ψ⟩ as written, not
// divided by ⟨ψ|ψ⟩: identity terms contribute their coefficient times
// Σ|a_i|², which is the coefficient for a normalised state.
func (s *State) Expectation(o circuit.Observable) (float64, error) {
	v, err := s.Expectations([]circuit.Observable{o})
	if err != nil {
		return 0, err
	}
	return v[0], nil
}

// Expectations returns ⟨ψ|O_k|ψ⟩ for every observable. Terms of all the
// observables that flip the same qubits share one pass over the state, so
// any number of diagonal (Z-only) terms cost a single pass.
func (s *State) Expectations(obs []circuit.Observable) ([]float64, error) {
	var terms []pauliString
	for k, o := range obs {
		if err := o.Validate(s.n); err != nil {
			return nil, fmt.Errorf("statevector: observable %d: %w", k, err)
		}
		for _, t := range o.Terms {
			terms = append(terms, compilePauli(t, k))
		}
	}
	out := make([]float64, len(obs))
	for len(terms) > 0 {
		// Move the terms with the same flip mask as the first to the front.
		group := 1
		for j := 1; j < len(terms); j++ {
			if terms[j].flip == terms[0].flip {
				terms[group], terms[j] = terms[j], terms[group]
				group++
			}
		}
		sums := s.pauliSums(terms[:group])
		for j, t := range terms[:group] {
			out[t.obs] += t.coef * real(iPower(t.ny)*sums[j])
		}
		terms = terms[group:]
	}
	return out, nil
}

// compilePauli turns a validated term into its masks.
func compilePauli(t circuit.PauliTerm, obs int) pauliString {
	p := pauliString{coef: t.Coef, obs: obs}
	for _, op := range t.Ops {
		bit := 1 << op.Qubit
		switch op.P {
		case 'X':
			p.flip |= bit
		case 'Y':
			p.flip |= bit
			p.sign |= bit
			p.ny++
		case 'Z':
			p.sign |= bit
		}
	}
	return p
}

// iPower returns i^k.
func iPower(k int) complex128 {
	return [4]complex128{1, 1i, -1, -1i}[k&3]
}

// pauliSums returns, for terms sharing one flip mask, the sums
// Σ_i (−1)^{popcount(i & sign)} conj(a[i⊕flip]) a[i], split over goroutines
// on large states.
func (s *State) pauliSums(terms []pauliString) []complex128 {
	nt := len(terms)
	p := workers(len(s.amp), len(s.amp))
	part := make([]complex128, p*nt)
	if p == 1 {
		s.pauliSumRange(terms, 0, len(s.amp), part)
		return part
	}
	parallelFor(p, len(s.amp), func(w, lo, hi int) { s.pauliSumRange(terms, lo, hi, part[w*nt:(w+1)*nt]) })
	for w := 1; w < p; w++ {
		for j := range nt {
			part[j] += part[w*nt+j]
		}
	}
	return part[:nt]
}

// pauliSumRange adds the contributions of indices [lo, hi) to acc.
func (s *State) pauliSumRange(terms []pauliString, lo, hi int, acc []complex128) {
	a := s.amp
	if flip := terms[0].flip; flip != 0 {
		for i := lo; i < hi; i++ {
			z := complex(real(a[i^flip]), -imag(a[i^flip])) * a[i]
			for j := range terms {
				if bits.OnesCount(uint(i&terms[j].sign))&1 == 0 {
					acc[j] += z
				} else {
					acc[j] -= z
				}
			}
		}
		return
	}
	// Diagonal terms: real weights |a_i|², accumulated in float64.
	racc := make([]float64, len(terms))
	for i := lo; i < hi; i++ {
		w := real(a[i])*real(a[i]) + imag(a[i])*imag(a[i])
		for j := range terms {
			if bits.OnesCount(uint(i&terms[j].sign))&1 == 0 {
				racc[j] += w
			} else {
				racc[j] -= w
			}
		}
	}
	for j, v := range racc {
		acc[j] += complex(v, 0)
	}
}
