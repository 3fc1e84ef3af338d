package statevector

import (
	"fmt"
	"math"
	"math/bits"
)

// State is the state vector of n qubits: 2^n complex amplitudes, amplitude i
// belonging to the basis state whose bit k is the value of qubit k (qubit 0
// least significant). The zero value is not usable; create one with New or
// FromAmplitudes. A State is not safe for concurrent use; distinct States
// are independent.
type State struct {
	n   int
	amp []complex128
	// scratch is the kernel each gate is compiled into and angles the
	// buffer its angles are evaluated into, kept here so that applying a
	// gate does not allocate them.
	scratch kernel
	angles  []float64
}

// New returns the n-qubit state |0…0⟩. It refuses, before allocating, a
// state whose 16·2^n bytes exceed MaxMemory, and any n above MaxQubits.
func New(n int) (*State, error) {
	if err := checkSize(n); err != nil {
		return nil, err
	}
	s := &State{n: n, amp: make([]complex128, 1<<n)}
	s.amp[0] = 1
	return s, nil
}

// FromAmplitudes returns a state holding a copy of amp, whose length must
// be a power of two (2^n for n qubits). The amplitudes are not normalised
// or checked for normalisation: use Norm.
func FromAmplitudes(amp []complex128) (*State, error) {
	if len(amp) == 0 || len(amp)&(len(amp)-1) != 0 {
		return nil, fmt.Errorf("statevector: %d amplitudes is not a power of two", len(amp))
	}
	n := bits.TrailingZeros(uint(len(amp)))
	if err := checkSize(n); err != nil {
		return nil, err
	}
	return &State{n: n, amp: append([]complex128(nil), amp...)}, nil
}

// NumQubits returns n.
func (s *State) NumQubits() int { return s.n }

// Amplitudes returns the 2^n amplitudes. The slice aliases the state's
// storage: writes through it change the state, and later gates change what
// it holds. Copy it to keep a snapshot.
func (s *State) Amplitudes() []complex128 { return s.amp }

// Amplitude returns amplitude i, the coefficient of the basis state whose
// bit k is qubit k; 0 when i is outside [0, 2^n).
func (s *State) Amplitude(i int) complex128 {
	if i < 0 || i >= len(s.amp) {
		return 0
	}
	return s.amp[i]
}

// Copy returns an independent copy of s.
func (s *State) Copy() *State {
	return &State{n: s.n, amp: append([]complex128(nil), s.amp...)}
}

// CopyFrom overwrites s with the amplitudes of src without allocating. The
// two states must have the same number of qubits.
func (s *State) CopyFrom(src *State) error {
	if src.n != s.n {
		return fmt.Errorf("statevector: copy of a %d-qubit state into a %d-qubit state", src.n, s.n)
	}
	copy(s.amp, src.amp)
	return nil
}

// Reset returns s to |0…0⟩ in place, without reallocating.
func (s *State) Reset() {
	clear(s.amp)
	s.amp[0] = 1
}

// Norm returns the Euclidean norm √(Σ|a_i|²), 1 for a normalised state.
func (s *State) Norm() float64 {
	return math.Sqrt(s.sumSquares(0, len(s.amp)))
}

// Probabilities returns |a_i|² for every basis index i, in a new slice.
func (s *State) Probabilities() []float64 {
	p := make([]float64, len(s.amp))
	for i, a := range s.amp {
		p[i] = real(a)*real(a) + imag(a)*imag(a)
	}
	return p
}

// sumSquares returns Σ|a_i|² over [lo, hi).
func (s *State) sumSquares(lo, hi int) float64 {
	sum := 0.0
	for _, a := range s.amp[lo:hi] {
		sum += real(a)*real(a) + imag(a)*imag(a)
	}
	return sum
}
