package statevector

import (
	"fmt"

	"github.com/qmlgo/qml/circuit"
)

// ApplyOp applies one gate op (a named gate or an explicit unitary) with its
// angles evaluated under b. Measurements, resets, barriers and classically
// conditioned ops are refused: Execute runs those.
func (s *State) ApplyOp(op *circuit.Op, b circuit.Binding) error {
	if err := checkUnconditionalGate(op, s.n, b); err != nil {
		return fmt.Errorf("statevector: %s: %w", op.Name(), err)
	}
	s.angles = compileOp(op, b, &s.scratch, s.angles)
	s.scratch.applyTo(s)
	return nil
}

// ApplyMatrix applies the row-major 2^k × 2^k matrix m to the k listed
// qubits, the first listed being the least-significant bit of m's index.
// With the control listed first, CX is therefore
// [[1,0,0,0], [0,0,0,1], [0,0,1,0], [0,1,0,0]] (Qiskit's order), not the
// textbook matrix whose control is the high bit. m is not checked for
// unitarity: non-unitary matrices (projectors, generators) are applied as
// given. k is at most MaxMatrixQubits.
func (s *State) ApplyMatrix(m []complex128, qubits ...int) error {
	k := len(qubits)
	if k == 0 || k > MaxMatrixQubits {
		return fmt.Errorf("statevector: matrix on %d qubits; want 1 to %d", k, MaxMatrixQubits)
	}
	if len(m) != 1<<(2*k) {
		return fmt.Errorf("statevector: matrix on %d qubits needs %d entries, got %d", k, 1<<(2*k), len(m))
	}
	if err := checkQubits(qubits, s.n); err != nil {
		return fmt.Errorf("statevector: matrix: %w", err)
	}
	s.scratch.setQubits(qubits, 0)
	s.scratch.setDense(m, qubits)
	s.scratch.applyTo(s)
	s.scratch.big = nil // do not keep the caller's matrix alive
	return nil
}

// checkUnconditionalGate refuses everything but a gate op without a
// classical condition, then checks it with checkGate.
func checkUnconditionalGate(op *circuit.Op, n int, b circuit.Binding) error {
	switch {
	case op.Kind != circuit.GateOp:
		return fmt.Errorf("not a gate: run circuits with measurements or resets through Execute")
	case op.Cond != nil:
		return fmt.Errorf("classically conditioned gate: run it through Execute")
	}
	return checkGate(op, n, b)
}

// checkGate validates the qubits, arity and angles of a gate op for an
// n-qubit register and binding b, so that compileOp cannot fail.
func checkGate(op *circuit.Op, n int, b circuit.Binding) error {
	if err := checkQubits(op.Qubits, n); err != nil {
		return err
	}
	if op.Gate == nil {
		k := len(op.Qubits)
		if k == 0 || k > MaxMatrixQubits || len(op.Unitary) != 1<<(2*k) {
			return fmt.Errorf("explicit unitary with %d entries on %d qubits", len(op.Unitary), k)
		}
		return nil
	}
	g := op.Gate
	if g.Qubits > MaxMatrixQubits {
		return fmt.Errorf("gate on %d qubits; kernels take at most %d", g.Qubits, MaxMatrixQubits)
	}
	if len(op.Qubits) != g.Qubits || len(op.Params) != g.Params {
		return fmt.Errorf("takes %d qubits and %d angles, got %d and %d", g.Qubits, g.Params, len(op.Qubits), len(op.Params))
	}
	for _, p := range op.Params {
		for _, t := range p.Terms {
			have, what := len(b.Weights), "weight"
			if t.Kind == circuit.InputSymbol {
				have, what = len(b.Inputs), "input"
			}
			if t.Index < 0 || t.Index >= have {
				return fmt.Errorf("%s %d is not bound (binding has %d)", what, t.Index, have)
			}
		}
	}
	return nil
}

// compileOp compiles a gate op that passed checkGate into k, choosing the
// diagonal, permutation or dense kernel from the gate's spec. The angles are
// evaluated into buf, which is returned for reuse.
func compileOp(op *circuit.Op, b circuit.Binding, k *kernel, buf []float64) []float64 {
	if op.Gate == nil {
		k.setQubits(op.Qubits, 0)
		k.setDense(op.Unitary, op.Qubits)
		return buf
	}
	g := op.Gate
	buf = buf[:0]
	for _, p := range op.Params {
		buf = append(buf, p.Value(b))
	}
	k.tbuf = g.TargetMatrixTo(k.tbuf, buf)
	compileTarget(op, k.tbuf, k)
	return buf
}

// compileTarget compiles the named gate of op with target matrix t (its own,
// or its adjoint for the backward sweep), choosing the diagonal,
// permutation or dense kernel from the gate's spec.
func compileTarget(op *circuit.Op, t []complex128, k *kernel) {
	compileNamed(op.Gate, op.Qubits, t, k)
}

// compileNamed compiles gate g with target matrix t on the given qubits
// (controls first), which may be op's qubits or their positions in a block.
func compileNamed(g *circuit.GateSpec, qubits []int, t []complex128, k *kernel) {
	k.setQubits(qubits, g.Controls)
	targets := qubits[g.Controls:]
	small := 1<<len(targets) <= maxNamedDiag
	switch {
	case g.Diagonal && small:
		k.setDiag(t, targets)
	case g.Permutation && small && k.setPerm(t, targets):
	default:
		k.setDense(t, targets)
	}
}
