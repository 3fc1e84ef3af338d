package statevector

import (
	"fmt"
	"math"
	"math/bits"
)

// State is the state vector of n qubits: 2^n complex amplitudes, amplitude i
// belonging to the basis state whose bit k is the value of qubit k (qubit 0
// least significant), held in double (complex128) or single (complex64)
// precision. The zero value is not usable; create one with New,
// NewPrecision or FromAmplitudes. A State is not safe for concurrent use;
// distinct States are independent.
type State struct {
	n      int
	single bool
	amp    []complex128 // the amplitudes of a double-precision state
	amp64  []complex64  // the amplitudes of a single-precision state
	// scratch is the kernel each gate is compiled into and angles the
	// buffer its angles are evaluated into, kept here so that applying a
	// gate does not allocate them.
	scratch kernel
	angles  []float64
}

// New returns the n-qubit state |0…0⟩ in double precision. It refuses,
// before allocating, a state whose 16·2^n bytes exceed MaxMemory, and any n
// above MaxQubits.
func New(n int) (*State, error) { return NewPrecision(n, Double) }

// NewPrecision returns the n-qubit state |0…0⟩ with amplitudes of the
// given precision: 16·2^n bytes in Double, 8·2^n in Single, refused before
// allocating when they exceed MaxMemory.
func NewPrecision(n int, p Precision) (*State, error) {
	if err := checkSize(n, p); err != nil {
		return nil, err
	}
	s := &State{n: n, single: p == Single}
	if s.single {
		s.amp64 = make([]complex64, 1<<n)
		adviseHugePages(s.amp64)
		s.amp64[0] = 1
	} else {
		s.amp = make([]complex128, 1<<n)
		adviseHugePages(s.amp)
		s.amp[0] = 1
	}
	return s, nil
}

// FromAmplitudes returns a double-precision state holding a copy of amp,
// whose length must be a power of two (2^n for n qubits). The amplitudes
// are not normalised or checked for normalisation: use Norm.
func FromAmplitudes(amp []complex128) (*State, error) {
	if len(amp) == 0 || len(amp)&(len(amp)-1) != 0 {
		return nil, fmt.Errorf("statevector: %d amplitudes is not a power of two", len(amp))
	}
	n := bits.TrailingZeros(uint(len(amp)))
	if err := checkSize(n, Double); err != nil {
		return nil, err
	}
	return &State{n: n, amp: append([]complex128(nil), amp...)}, nil
}

// NumQubits returns n.
func (s *State) NumQubits() int { return s.n }

// Precision returns the precision the amplitudes are held in.
func (s *State) Precision() Precision {
	if s.single {
		return Single
	}
	return Double
}

// Amplitudes returns the 2^n amplitudes. For a double-precision state the
// slice aliases the state's storage: writes through it change the state,
// and later gates change what it holds (copy it to keep a snapshot). For a
// single-precision state it is a new double-precision copy; Amplitudes64
// aliases the storage.
func (s *State) Amplitudes() []complex128 {
	if !s.single {
		return s.amp
	}
	out := make([]complex128, len(s.amp64))
	for i, a := range s.amp64 {
		out[i] = complex128(a)
	}
	return out
}

// Amplitudes64 returns the amplitudes of a single-precision state, aliasing
// its storage, and nil for a double-precision state.
func (s *State) Amplitudes64() []complex64 { return s.amp64 }

// Amplitude returns amplitude i, the coefficient of the basis state whose
// bit k is qubit k; 0 when i is outside [0, 2^n).
func (s *State) Amplitude(i int) complex128 {
	if i < 0 || i >= 1<<s.n {
		return 0
	}
	if s.single {
		return complex128(s.amp64[i])
	}
	return s.amp[i]
}

// size returns the number of amplitudes, 2^n.
func (s *State) size() int { return 1 << s.n }

// Copy returns an independent copy of s, in the same precision.
func (s *State) Copy() *State {
	return &State{n: s.n, single: s.single, amp: cloneAmplitudes(s.amp), amp64: cloneAmplitudes(s.amp64)}
}

// cloneAmplitudes copies a into new memory advised like a new state's; nil
// stays nil.
func cloneAmplitudes[T complex64 | complex128](a []T) []T {
	if a == nil {
		return nil
	}
	c := make([]T, len(a))
	adviseHugePages(c)
	copy(c, a)
	return c
}

// CopyFrom overwrites s with the amplitudes of src without allocating. The
// two states must have the same number of qubits and precision.
func (s *State) CopyFrom(src *State) error {
	if src.n != s.n || src.single != s.single {
		return fmt.Errorf("statevector: copy of a %d-qubit %v state into a %d-qubit %v state",
			src.n, src.Precision(), s.n, s.Precision())
	}
	copy(s.amp, src.amp)
	copy(s.amp64, src.amp64)
	return nil
}

// Reset returns s to |0…0⟩ in place, without reallocating.
func (s *State) Reset() {
	if s.single {
		clear(s.amp64)
		s.amp64[0] = 1
		return
	}
	clear(s.amp)
	s.amp[0] = 1
}

// Norm returns the Euclidean norm √(Σ|a_i|²), 1 for a normalised state.
func (s *State) Norm() float64 {
	if s.single {
		return math.Sqrt(sumSquares(floatView32(s.amp64)))
	}
	return math.Sqrt(sumSquares(floatView(s.amp)))
}

// Probabilities returns |a_i|² for every basis index i, in a new slice.
func (s *State) Probabilities() []float64 {
	p := make([]float64, s.size())
	if s.single {
		probabilities(floatView32(s.amp64), p)
	} else {
		probabilities(floatView(s.amp), p)
	}
	return p
}

// probabilities writes |a_i|² of the interleaved amplitudes a into p.
func probabilities[F float](a []F, p []float64) {
	for i := range p {
		re, im := float64(a[2*i]), float64(a[2*i+1])
		p[i] = re*re + im*im
	}
}

// sumSquares returns Σ|a_i|² of interleaved amplitudes, in float64.
func sumSquares[F float](a []F) float64 {
	sum := 0.0
	for _, x := range a {
		sum += float64(x) * float64(x)
	}
	return sum
}
