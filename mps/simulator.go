package mps

import (
	"fmt"
	"sync"

	"github.com/qmlgo/qml/circuit"
)

// Simulator evaluates circuits on matrix product states for training loops:
// the Backend seam of package vqc. It has no adjoint sweep, so vqc
// differentiates it by the parameter-shift rule. A Simulator is safe for
// concurrent use (each call runs on its own State); the zero value
// simulates with the zero Options (unbounded χ). Do not copy a Simulator
// after first use.
type Simulator struct {
	// Options are the truncation and memory limits of every run.
	Options Options

	mu    sync.Mutex
	worst Report
	runs  int
}

// Expectations runs c from |0…0⟩ with its symbols bound by b and returns
// ⟨ψ|O_k|ψ⟩ for every observable. c must be unitary: no measurement, reset
// or condition.
func (sim *Simulator) Expectations(c *circuit.Circuit, b circuit.Binding, obs []circuit.Observable) ([]float64, error) {
	if c == nil {
		return nil, fmt.Errorf("mps: nil circuit")
	}
	s, err := New(c.NumQubits, sim.Options)
	if err != nil {
		return nil, err
	}
	if err := s.Run(c, b); err != nil {
		return nil, err
	}
	e, err := s.Expectations(obs)
	if err != nil {
		return nil, err
	}
	sim.mu.Lock()
	if sim.runs == 0 {
		sim.worst = s.rep
	} else {
		sim.worst.merge(s.rep)
	}
	sim.runs++
	sim.mu.Unlock()
	return e, nil
}

// Worst returns the worst figures over every run so far: the largest bond
// dimension, the largest discarded weight and the lowest fidelity estimate
// of any single circuit evaluated (with Warning set against
// Options.WarnFidelity), so a training loop can tell whether truncation
// touched its gradients.
func (sim *Simulator) Worst() Report {
	sim.mu.Lock()
	defer sim.mu.Unlock()
	if sim.runs == 0 {
		return newReport()
	}
	r := sim.worst
	r.warn(sim.Options.WarnFidelity)
	return r
}
