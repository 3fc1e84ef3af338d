package density

import (
	"fmt"

	"github.com/qmlgo/qml/circuit"
)

// Expectation returns tr(Oρ) for a weighted Pauli sum O.
func (s *State) Expectation(o circuit.Observable) (float64, error) {
	v, err := s.Expectations([]circuit.Observable{o})
	if err != nil {
		return 0, err
	}
	return v[0], nil
}

// Expectations returns tr(O_k ρ) for every observable. A Pauli string P
// maps |r⟩ to i^{#Y}(−1)^{|r ∧ (Z∨Y)|}|r ⊕ (X∨Y)⟩, so
// tr(Pρ) = Σ_r i^{#Y}(−1)^{|r ∧ (Z∨Y)|} ρ[r][r ⊕ (X∨Y)]: one pass over
// 2^n entries per term.
func (s *State) Expectations(obs []circuit.Observable) ([]float64, error) {
	out := make([]float64, len(obs))
	a := s.vec.Amplitudes()
	for k, o := range obs {
		if err := o.Validate(s.n); err != nil {
			return nil, fmt.Errorf("density: %w", err)
		}
		for _, t := range o.Terms {
			var flip, sign, ny int
			for _, op := range t.Ops {
				switch op.P {
				case 'X':
					flip |= 1 << op.Qubit
				case 'Y':
					flip |= 1 << op.Qubit
					sign |= 1 << op.Qubit
					ny++
				case 'Z':
					sign |= 1 << op.Qubit
				}
			}
			var sum complex128
			for r := 0; r < 1<<s.n; r++ {
				v := a[r|(r^flip)<<s.n]
				if parity(r & sign) {
					v = -v
				}
				sum += v
			}
			// i^{#Y}: the real part of i^{ny}·sum.
			var re float64
			switch ny % 4 {
			case 0:
				re = real(sum)
			case 1:
				re = -imag(sum)
			case 2:
				re = -real(sum)
			case 3:
				re = imag(sum)
			}
			out[k] += t.Coef * re
		}
	}
	return out, nil
}

func parity(x int) bool {
	p := false
	for ; x != 0; x &= x - 1 {
		p = !p
	}
	return p
}
