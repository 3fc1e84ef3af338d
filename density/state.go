package density

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/statevector"
)

// MaxQubits is the largest register a density matrix holds: 4^13
// amplitudes, 1 GiB.
const MaxQubits = 13

// State is the density matrix of n qubits, held as the vector of 2n qubits
// described in the package comment. The zero value is not usable; make one
// with New or FromStateVector. A State is not safe for concurrent use.
type State struct {
	n   int
	vec *statevector.State
}

// New returns the pure state |0…0⟩⟨0…0| on n qubits, 0 ≤ n ≤ MaxQubits.
func New(n int) (*State, error) {
	if n < 0 || n > MaxQubits {
		return nil, fmt.Errorf("density: %d qubits; want 0 to %d", n, MaxQubits)
	}
	v, err := statevector.New(2 * n)
	if err != nil {
		return nil, fmt.Errorf("density: %w", err)
	}
	return &State{n: n, vec: v}, nil
}

// FromStateVector returns |ψ⟩⟨ψ| for the amplitudes psi (2^n of them,
// qubit 0 least significant), which are not renormalised.
func FromStateVector(psi []complex128) (*State, error) {
	d := len(psi)
	if d == 0 || d&(d-1) != 0 {
		return nil, fmt.Errorf("density: %d amplitudes is not a power of two", d)
	}
	n := 0
	for 1<<n < d {
		n++
	}
	s, err := New(n)
	if err != nil {
		return nil, err
	}
	a := s.vec.Amplitudes()
	for c, y := range psi {
		for r, x := range psi {
			a[r|c<<n] = x * complex(real(y), -imag(y))
		}
	}
	return s, nil
}

// NumQubits returns n.
func (s *State) NumQubits() int { return s.n }

// Reset returns s to |0…0⟩⟨0…0| in place.
func (s *State) Reset() { s.vec.Reset() }

// At returns ρ[r][c] = ⟨r|ρ|c⟩, 0 outside [0, 2^n).
func (s *State) At(r, c int) complex128 {
	if r < 0 || c < 0 || r >= 1<<s.n || c >= 1<<s.n {
		return 0
	}
	return s.vec.Amplitude(r | c<<s.n)
}

// Matrix returns ρ as a new row-major 2^n × 2^n slice.
func (s *State) Matrix() []complex128 {
	d := 1 << s.n
	a := s.vec.Amplitudes()
	m := make([]complex128, d*d)
	for r := 0; r < d; r++ {
		for c := 0; c < d; c++ {
			m[r*d+c] = a[r|c<<s.n]
		}
	}
	return m
}

// Trace returns tr ρ, 1 up to rounding after trace-preserving evolution.
func (s *State) Trace() float64 {
	t := 0.0
	for _, p := range s.Probabilities() {
		t += p
	}
	return t
}

// Purity returns tr ρ² = Σ |ρ_rc|² (ρ Hermitian): 1 for a pure state, 2^−n
// for the maximally mixed one.
func (s *State) Purity() float64 {
	v := s.vec.Norm()
	return v * v
}

// Probabilities returns the diagonal ρ[i][i], the probability of basis
// state i (qubit 0 least significant), in a new slice.
func (s *State) Probabilities() []float64 {
	d := 1 << s.n
	a := s.vec.Amplitudes()
	p := make([]float64, d)
	for i := range p {
		p[i] = real(a[i|i<<s.n])
	}
	return p
}

// Fidelity returns ⟨ψ|ρ|ψ⟩, the fidelity of ρ with the pure state psi.
func (s *State) Fidelity(psi []complex128) (float64, error) {
	d := 1 << s.n
	if len(psi) != d {
		return 0, fmt.Errorf("density: %d amplitudes for a %d-qubit state", len(psi), s.n)
	}
	a := s.vec.Amplitudes()
	var f complex128
	for c := 0; c < d; c++ {
		var row complex128
		for r := 0; r < d; r++ {
			row += complex(real(psi[r]), -imag(psi[r])) * a[r|c<<s.n]
		}
		f += row * psi[c]
	}
	if math.IsNaN(real(f)) {
		return 0, fmt.Errorf("density: fidelity is not a number")
	}
	return real(f), nil
}
