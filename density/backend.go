package density

import (
	"fmt"
	"sync"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/statevector"
)

// Backend evaluates circuits on density matrices under a fixed noise
// model, the vqc.Backend seam: a variational model trained on it sees the
// noise exactly, and vqc differentiates it by the parameter-shift rule
// (Backend has no adjoint sweep). It is safe for concurrent use; finished
// states are pooled and reused. Do not copy a Backend after first use.
type Backend struct {
	// Noise is applied after the gates it matches; nil runs noise free.
	Noise *circuit.NoiseModel
	// Options choose fusion and blocking for the doubled circuit; the
	// precision must stay Double.
	Options statevector.Options
	pool    sync.Pool
	// checked records, by register size, the noise model's check (it
	// costs more than a small circuit's run); the model must not change
	// once the Backend is in use.
	checked sync.Map
}

// Expectations runs c from |0…0⟩⟨0…0| under the noise model with symbols
// bound by b and returns tr(O_k ρ) for every observable. c must be unitary.
func (be *Backend) Expectations(c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable) ([]float64, error) {
	if c == nil {
		return nil, fmt.Errorf("density: nil circuit")
	}
	if err := c.CheckBinding(b); err != nil {
		return nil, fmt.Errorf("density: %w", err)
	}
	s, ok := be.pool.Get().(*State)
	if ok && s.n == c.NumQubits {
		s.Reset()
	} else {
		var err error
		if s, err = New(c.NumQubits); err != nil {
			return nil, err
		}
	}
	defer be.pool.Put(s)
	if err := be.check(c.NumQubits); err != nil {
		return nil, err
	}
	if err := s.runChecked(c, b, be.Noise, be.Options); err != nil {
		return nil, err
	}
	return s.Expectations(obs)
}

// check checks the noise model for n qubits, once per n.
func (be *Backend) check(n int) error {
	if v, ok := be.checked.Load(n); ok {
		return v.(checkResult).err
	}
	err := be.Noise.Check(n)
	if err != nil {
		err = fmt.Errorf("density: %w", err)
	}
	be.checked.Store(n, checkResult{err})
	return err
}

// checkResult boxes a check's outcome, nil included, for the sync.Map.
type checkResult struct{ err error }
