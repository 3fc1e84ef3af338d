package mps

import (
	"fmt"
	"slices"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/linalg"
)

// Expectation returns ⟨ψ|O|ψ⟩ for a Pauli sum O (real, O being Hermitian).
func (s *State) Expectation(o circuit.Observable) (float64, error) {
	e, err := s.Expectations([]circuit.Observable{o})
	if err != nil {
		return 0, err
	}
	return e[0], nil
}

// Expectations returns ⟨ψ|O_k|ψ⟩ for every observable, without building the
// state vector. Each Pauli string is contracted with transfer matrices
// (Schollwöck 2011, §4.2.1): with the orthogonality centre on its first
// qubit f, everything left of f is left-canonical and everything right of
// its last qubit l right-canonical, so both sides reduce to the identity and
//
//	E ← Σ_s A_j[s]† · E · (P_j A_j)[s],   j = f … l,   ⟨P⟩ = Tr E,
//
// costs O((l − f + 1)·χ³). The strings of all observables are taken in order
// of their first qubit, so the centre sweeps the chain once. An identity
// term contributes its coefficient times ‖ψ‖² = 1. The centre moves, which
// changes the gauge but not the state.
func (s *State) Expectations(obs []circuit.Observable) ([]float64, error) {
	type term struct {
		obs  int
		coef float64
		ops  []circuit.PauliOp
	}
	var terms []term
	out := make([]float64, len(obs))
	for k, o := range obs {
		if err := o.Validate(s.n); err != nil {
			return nil, fmt.Errorf("mps: observable %d: %w", k, err)
		}
		for _, t := range o.Terms {
			if len(t.Ops) == 0 {
				out[k] += t.Coef
				continue
			}
			terms = append(terms, term{k, t.Coef, t.Ops})
		}
	}
	// Ops are sorted by qubit (Validate): the first is the leftmost.
	slices.SortStableFunc(terms, func(a, b term) int { return a.ops[0].Qubit - b.ops[0].Qubit })
	for _, t := range terms {
		v, err := s.pauliString(t.ops)
		if err != nil {
			return nil, err
		}
		out[t.obs] += t.coef * v
	}
	return out, nil
}

// pauliString returns ⟨ψ|P|ψ⟩ for the product of single-qubit Paulis ops
// (sorted by qubit, distinct).
func (s *State) pauliString(ops []circuit.PauliOp) (float64, error) {
	first, last := ops[0].Qubit, ops[len(ops)-1].Qubit
	if err := s.moveCentre(first); err != nil {
		return 0, err
	}
	var env *linalg.Matrix // nil: the identity
	k := 0
	for j := first; j <= last; j++ {
		a := s.sites[j]
		// pa = (P_j A_j) viewed (a s) × b, after env is applied: e·A.
		pa := a.rows()
		if env != nil {
			var t linalg.Matrix
			if err := t.Mul(env, a.cols()); err != nil {
				return 0, err
			}
			pa = &linalg.Matrix{Rows: 2 * t.Rows, Cols: a.r, Data: t.Data}
		} else {
			pa = &linalg.Matrix{Rows: pa.Rows, Cols: pa.Cols, Data: append([]complex128(nil), pa.Data...)}
		}
		if k < len(ops) && ops[k].Qubit == j {
			applyPauli(pa.Data, a.l, a.r, ops[k].P)
			k++
		}
		if j == last {
			// Tr(A† · pa) closes the chain: the right side is the identity.
			var sum complex128
			for i, v := range a.d {
				sum += complex(real(v), -imag(v)) * pa.Data[i]
			}
			return real(sum), nil
		}
		var ah, next linalg.Matrix
		ah.ConjTranspose(a.rows())
		if err := next.Mul(&ah, pa); err != nil {
			return 0, err
		}
		env = &next
	}
	panic("unreachable")
}

// applyPauli applies X, Y or Z to the qubit index of T[a, s, b] (a < l,
// b < r): X swaps the two halves, Z negates s = 1, Y = iXZ does both with
// Y|0⟩ = i|1⟩, Y|1⟩ = −i|0⟩.
func applyPauli(d []complex128, l, r int, p byte) {
	for a := range l {
		x0 := d[2*a*r : (2*a+1)*r]
		x1 := d[(2*a+1)*r : (2*a+2)*r]
		switch p {
		case 'X':
			for b := range x0 {
				x0[b], x1[b] = x1[b], x0[b]
			}
		case 'Y':
			for b := range x0 {
				x0[b], x1[b] = -1i*x1[b], 1i*x0[b]
			}
		case 'Z':
			for b := range x1 {
				x1[b] = -x1[b]
			}
		}
	}
}
