package statevector

import (
	"fmt"

	"github.com/qmlgo/qml/circuit"
)

// Run applies every gate of c to s, in order, with angles bound by b;
// barriers are skipped. c must have as many qubits as s and contain no
// measurement, reset or classically conditioned op (Execute runs those).
// Every op is checked before any is applied, so on error s is unchanged.
// Gates are fused and cache-blocked with the default Options; RunWith
// chooses.
func (s *State) Run(c *circuit.Circuit, b circuit.Binding) error {
	return s.RunWith(c, b, Options{Precision: s.Precision()})
}

// RunWith is Run with the fusion and blocking of opts; opts.Precision is
// ignored (a state keeps the precision it was made with).
func (s *State) RunWith(c *circuit.Circuit, b circuit.Binding, opts Options) error {
	if err := opts.check(); err != nil {
		return err
	}
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
	opts.Precision = s.Precision()
	s.runGates(c.Ops, b, opts)
	return nil
}

// runGates applies the gate ops of ops, which passed checkGate; barriers
// are skipped. Registers that fit one block run gate by gate without
// allocating; larger ones through a compiled program (useProgram).
func (s *State) runGates(ops []circuit.Op, b circuit.Binding, opts Options) {
	if useProgram(s.n, opts) {
		compileProgram(ops, s.n, b, opts).run(s)
		return
	}
	for i := range ops {
		if op := &ops[i]; op.Kind != circuit.BarrierOp {
			s.angles = compileOp(op, b, &s.scratch, s.angles)
			s.scratch.applyTo(s)
		}
	}
	s.scratch.big = nil
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
