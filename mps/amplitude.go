package mps

import (
	"fmt"

	"github.com/qmlgo/qml/linalg"
)

// MaxStateVectorQubits is the largest n StateVector converts: 2^24
// amplitudes are 256 MiB.
const MaxStateVectorQubits = 24

// Amplitude returns ⟨b|ψ⟩ for the basis state written as a bitstring with
// qubit 0 rightmost (the way counts are keyed), e.g. "011" for q0 = q1 = 1,
// q2 = 0. It multiplies one row vector through the chain,
// v ← v·A_j[s_j], in O(n·χ²) without touching the rest of the state.
func (s *State) Amplitude(bits string) (complex128, error) {
	if len(bits) != s.n {
		return 0, fmt.Errorf("mps: Amplitude: bitstring of %d characters for %d qubits", len(bits), s.n)
	}
	v := []complex128{1}
	for j, a := range s.sites {
		var bit int
		switch bits[s.n-1-j] {
		case '0':
		case '1':
			bit = 1
		default:
			return 0, fmt.Errorf("mps: Amplitude: %q is not a bitstring of 0s and 1s", bits)
		}
		w := make([]complex128, a.r)
		for x, c := range v {
			row := a.d[(2*x+bit)*a.r : (2*x+bit+1)*a.r]
			for y, e := range row {
				w[y] += c * e
			}
		}
		v = w
	}
	return v[0], nil
}

// StateVector returns the 2^n amplitudes of ψ, amplitude i belonging to the
// basis state whose bit q is the value of qubit q. It contracts the chain
// from the left, one GEMM per site, and refuses n above
// MaxStateVectorQubits.
func (s *State) StateVector() ([]complex128, error) {
	if s.n > MaxStateVectorQubits {
		return nil, fmt.Errorf("mps: StateVector: %d qubits is more than %d", s.n, MaxStateVectorQubits)
	}
	// m holds ψ_prefix[p, b]: p the value of qubits 0 … j (qubit 0 least
	// significant), b the right bond of site j.
	m := &linalg.Matrix{Rows: 1, Cols: 1, Data: []complex128{1}}
	for _, a := range s.sites {
		var t linalg.Matrix // t[p, (s, b)]
		if err := t.Mul(m, a.cols()); err != nil {
			return nil, err
		}
		rows := m.Rows
		next := &linalg.Matrix{Rows: 2 * rows, Cols: a.r, Data: make([]complex128, 2*rows*a.r)}
		for p := range rows {
			for bit := range 2 {
				copy(next.Data[(bit*rows+p)*a.r:(bit*rows+p+1)*a.r], t.Data[(2*p+bit)*a.r:(2*p+bit+1)*a.r])
			}
		}
		m = next
	}
	return m.Data, nil
}
