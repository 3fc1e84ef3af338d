package statevector

import (
	"fmt"
	"sync"

	"github.com/qmlgo/qml/circuit"
)

// Simulator evaluates circuits on state vectors for training loops, the
// Backend seam of the design: it runs a bound circuit and returns
// expectation values. It keeps finished states in a pool and reuses their
// memory on the next call with the same number of qubits. A Simulator is
// safe for concurrent use by many goroutines (each call takes its own state
// from the pool). The zero value is ready to use; do not copy a Simulator
// after first use.
type Simulator struct {
	// Options choose fusion, precision and blocking for Expectations; the
	// zero value is the default (double precision). ExpectationGradient
	// always runs in double precision, its backward sweep cache-blocked
	// whatever the options.
	Options Options
	pool    sync.Pool
}

// Expectations runs c from |0…0⟩ with its symbols bound by b and returns
// ⟨ψ|O_k|ψ⟩ for every observable. c must be unitary: no measurement, reset
// or condition.
func (sim *Simulator) Expectations(c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable) ([]float64, error) {
	if c == nil {
		return nil, fmt.Errorf("statevector: nil circuit")
	}
	s, err := sim.state(c.NumQubits, sim.Options.Precision)
	if err != nil {
		return nil, err
	}
	defer sim.pool.Put(s)
	if err := s.RunWith(c, b, sim.Options); err != nil {
		return nil, err
	}
	return s.Expectations(obs)
}

// state returns |0…0⟩ on n qubits in precision p, reusing a pooled state
// when one fits.
func (sim *Simulator) state(n int, p Precision) (*State, error) {
	if s, ok := sim.pool.Get().(*State); ok && s.n == n && s.Precision() == p {
		s.Reset()
		return s, nil
	}
	return NewPrecision(n, p)
}
