package statevector

import (
	"fmt"

	"github.com/qmlgo/qml/circuit"
)

// Run applies every gate of c to s, in order, with angles bound by b;
// barriers are skipped. c must have as many qubits as s and contain no
// measurement, reset or classically conditioned op (Execute runs those).
// Every op is checked before any is applied, so on error s is unchanged.
func (s *State) Run(c *circuit.Circuit, b circuit.Binding) error {
	if err := s.checkCircuit(c, b); err != nil {
		return err
	}
	for i := range c.Ops {
		op := &c.Ops[i]
		if op.Kind == circuit.BarrierOp {
			continue
		}
		if err := checkUnconditionalGate(op, s.n, b); err != nil {
			return fmt.Errorf("statevector: op %d (%s): %w", i, op.Name(), err)
		}
	}
	for i := range c.Ops {
		if op := &c.Ops[i]; op.Kind != circuit.BarrierOp {
			s.angles = compileOp(op, b, &s.scratch, s.angles)
			s.scratch.apply(s.amp)
		}
	}
	s.scratch.big = nil
	return nil
}

// checkCircuit validates c and b for a run on s.
func (s *State) checkCircuit(c *circuit.Circuit, b circuit.Binding) error {
	if c == nil {
		return fmt.Errorf("statevector: nil circuit")
	}
	if err := c.CheckBinding(b); err != nil {
		return fmt.Errorf("statevector: %w", err)
	}
	if c.NumQubits != s.n {
		return fmt.Errorf("statevector: circuit on %d qubits, state of %d", c.NumQubits, s.n)
	}
	return nil
}
