package density

import (
	"fmt"
	"sync"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/statevector"
)

// Run applies every gate of c with angles bound by b, each followed by the
// channels noise puts after it (noise may be nil), with the default
// statevector.Options; RunWith chooses them. Barriers are skipped; c must
// have s's qubits and no measurement, reset or condition (Execute strips
// terminal measurements).
func (s *State) Run(c *circuit.Circuit, b circuit.Binding, noise *circuit.NoiseModel) error {
	return s.RunWith(c, b, noise, statevector.Options{})
}

// RunWith is Run with the fusion and blocking of opts applied to the
// doubled circuit; opts.Precision must be Double.
func (s *State) RunWith(c *circuit.Circuit, b circuit.Binding, noise *circuit.NoiseModel, opts statevector.Options) error {
	if c == nil {
		return fmt.Errorf("density: nil circuit")
	}
	if c.NumQubits != s.n {
		return fmt.Errorf("density: circuit on %d qubits, state of %d", c.NumQubits, s.n)
	}
	if err := noise.Check(s.n); err != nil {
		return fmt.Errorf("density: %w", err)
	}
	return s.runChecked(c, b, noise, opts)
}

// runChecked is RunWith for a noise model already checked on s's qubits.
func (s *State) runChecked(c *circuit.Circuit, b circuit.Binding, noise *circuit.NoiseModel, opts statevector.Options) error {
	if opts.Precision != statevector.Double {
		return fmt.Errorf("density: only double precision is supported")
	}
	prog, err := compile(c.Ops, s.n, noise)
	if err != nil {
		return err
	}
	return prog.run(s, b, opts)
}

// program is a circuit compiled for a density matrix: runs of gates on the
// doubled register between noise channels.
type program struct {
	n     int
	steps []step
}

// step is a run of doubled gates followed by channels.
type step struct {
	gates    []circuit.Op
	channels []superop
}

// superop is a channel's Σ K ⊗ K* placed on its row and column qubits;
// Pauli channels carry their sparse form instead.
type superop struct {
	m      []complex128
	qubits []int
	pauli  *pauliSuperop
}

// compile doubles the gates of ops and places the channels after them.
func compile(ops []circuit.Op, n int, noise *circuit.NoiseModel) (*program, error) {
	p := &program{n: n, steps: []step{{}}}
	for i := range ops {
		op := &ops[i]
		switch {
		case op.Kind == circuit.BarrierOp:
			continue
		case op.Kind != circuit.GateOp || op.Cond != nil:
			return nil, fmt.Errorf("density: op %d (%s): measurements, resets and conditions are not run here; Execute takes terminal measurements", i, op.Name())
		}
		conj, err := conjugateOp(op, n)
		if err != nil {
			return nil, fmt.Errorf("density: op %d (%s): %w", i, op.Name(), err)
		}
		last := &p.steps[len(p.steps)-1]
		last.gates = append(last.gates, *op, conj)
		after := noise.After(op)
		for _, a := range after {
			if a.Channel.Paulis != nil {
				last.channels = append(last.channels, superop{pauli: newPauliSuperop(a.Channel, a.Qubits, n)})
				continue
			}
			qs := append([]int(nil), a.Qubits...)
			for _, q := range a.Qubits {
				qs = append(qs, q+n)
			}
			last.channels = append(last.channels, superop{m: superoperatorOf(a.Channel), qubits: qs})
		}
		if len(after) > 0 {
			p.steps = append(p.steps, step{})
		}
	}
	return p, nil
}

// run applies the program to s.
func (p *program) run(s *State, b circuit.Binding, opts statevector.Options) error {
	for _, st := range p.steps {
		if len(st.gates) > 0 {
			doubled := &circuit.Circuit{NumQubits: 2 * p.n, Ops: st.gates}
			if err := s.vec.RunWith(doubled, b, opts); err != nil {
				return fmt.Errorf("density: %w", err)
			}
		}
		for _, ch := range st.channels {
			if ch.pauli != nil {
				ch.pauli.apply(s.vec)
				continue
			}
			if err := s.vec.ApplyMatrix(ch.m, ch.qubits...); err != nil {
				return fmt.Errorf("density: %w", err)
			}
		}
	}
	return nil
}

// superops caches the superoperator of every channel met, keyed by the
// channel (read-only once made), so that training, which runs the same
// noise model thousands of times, builds each one once.
var superops sync.Map

// superoperatorOf returns the cached Σ K ⊗ K* of ch.
func superoperatorOf(ch *circuit.Channel) []complex128 {
	if m, ok := superops.Load(ch); ok {
		return m.([]complex128)
	}
	m, _ := superops.LoadOrStore(ch, superoperator(ch))
	return m.([]complex128)
}
