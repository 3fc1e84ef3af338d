package mps

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/linalg"
)

// State is a matrix product state of n qubits,
//
//	ψ(s_0, …, s_{n−1}) = A_0[s_0] · A_1[s_1] ⋯ A_{n−1}[s_{n−1}],
//
// site j holding qubit j (qubit 0 is the least-significant bit of a basis
// index, as everywhere in qml). It is kept in mixed-canonical form about an
// orthogonality centre c (Schollwöck, Ann. Phys. 326, 96 (2011), §4.4):
// sites left of c are left-canonical, sites right of c right-canonical, so
// the whole norm and every Schmidt decomposition across a bond next to c sit
// in the centre site. Truncating there is optimal, and a local expectation
// value needs only the sites it touches.
//
// The zero value is not usable; create one with New. A State is not safe for
// concurrent use; distinct States are independent.
type State struct {
	n      int
	sites  []tensor
	centre int
	opts   Options
	trunc  linalg.Truncation
	rep    Report
	buf    []complex128 // scratch for applying gates
}

// New returns the n-qubit product state |0…0⟩ (every bond of dimension 1)
// that will be simulated under opts. It returns an error for n < 1 or
// invalid options.
func New(n int, opts Options) (*State, error) {
	if n < 1 {
		return nil, fmt.Errorf("mps: %d qubits; want at least 1", n)
	}
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	s := &State{n: n, sites: make([]tensor, n), opts: opts, trunc: opts.truncation(), rep: newReport()}
	for j := range s.sites {
		s.sites[j] = product(0)
	}
	return s, nil
}

// NumQubits returns n.
func (s *State) NumQubits() int { return s.n }

// Options returns the options s was created with.
func (s *State) Options() Options { return s.opts }

// Report returns what the operations applied so far have discarded, with
// Warning set when the fidelity estimate is below Options.WarnFidelity.
func (s *State) Report() Report {
	r := s.rep
	r.warn(s.opts.WarnFidelity)
	return r
}

// BondDims returns the n−1 bond dimensions; entry j is the bond between
// qubits j and j+1.
func (s *State) BondDims() []int {
	d := make([]int, s.n-1)
	for j := range d {
		d[j] = s.sites[j].r
	}
	return d
}

// bondBounds returns the bond dimensions as the starting point of estimate.
func (s *State) bondBounds() []float64 {
	b := make([]float64, s.n-1)
	for j := range b {
		b[j] = float64(s.sites[j].r)
	}
	return b
}

// Norm returns ‖ψ‖, which the centre site holds alone: 1 up to rounding
// after any sequence of gates and truncations, since every split is
// renormalised.
func (s *State) Norm() float64 {
	var sum float64
	for _, v := range s.sites[s.centre].d {
		sum += real(v)*real(v) + imag(v)*imag(v)
	}
	return math.Sqrt(sum)
}

// Copy returns a deep copy of s, report included.
func (s *State) Copy() *State {
	t := *s
	t.buf = nil
	t.sites = make([]tensor, s.n)
	for j, a := range s.sites {
		t.sites[j] = a.clone()
	}
	return &t
}

// Bytes returns the memory the site tensors occupy.
func (s *State) Bytes() int64 {
	var b int64
	for _, a := range s.sites {
		b += 16 * int64(len(a.d))
	}
	return b
}

// checkQubit returns an error unless 0 ≤ q < n.
func (s *State) checkQubit(q int) error {
	if q < 0 || q >= s.n {
		return fmt.Errorf("mps: qubit %d out of range [0, %d)", q, s.n)
	}
	return nil
}
