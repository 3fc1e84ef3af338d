package mps

import (
	"fmt"

	"github.com/qmlgo/qml/circuit"
)

// step is one local operation on the consecutive sites lo … lo+k−1: the
// 2^k × 2^k matrix u in site order (see toSiteOrder).
type step struct {
	lo, k int
	u     []complex128
}

// swapGate exchanges two neighbouring sites' qubits.
var swapGate = []complex128{1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1}

// gateSteps returns the local steps of a gate on qubits qs with matrix m
// (bit j of its index for qs[j]): the gate itself for one qubit; for more,
// the swaps that bring the qubits to consecutive sites, the gate on them and
// the swaps back.
func gateSteps(m []complex128, qs []int, dst []step) []step {
	if len(qs) == 1 {
		return append(dst, step{lo: qs[0], k: 1, u: m})
	}
	w, swaps, order := route(qs)
	for _, j := range swaps {
		dst = append(dst, step{lo: j, k: 2, u: swapGate})
	}
	dst = append(dst, step{lo: w, k: len(qs), u: toSiteOrder(m, order)})
	for i := len(swaps) - 1; i >= 0; i-- {
		dst = append(dst, step{lo: swaps[i], k: 2, u: swapGate})
	}
	return dst
}

// maxGateQubits is the largest gate or explicit unitary accepted: the
// circuit IR allows ten.
const maxGateQubits = 10

// checkGate validates a gate op for an n-qubit state and binding b, so that
// op.Matrix(b) cannot fail.
func checkGate(op *circuit.Op, n int, b circuit.Binding) error {
	k := len(op.Qubits)
	if k == 0 || k > maxGateQubits {
		return fmt.Errorf("gate on %d qubits; want 1 to %d", k, maxGateQubits)
	}
	seen := make(map[int]bool, k)
	for _, q := range op.Qubits {
		if q < 0 || q >= n || seen[q] {
			return fmt.Errorf("qubit %d out of range [0, %d) or repeated", q, n)
		}
		seen[q] = true
	}
	if op.Gate == nil {
		if len(op.Unitary) != 1<<(2*k) {
			return fmt.Errorf("explicit unitary with %d entries on %d qubits", len(op.Unitary), k)
		}
		return nil
	}
	if op.Gate.Qubits != k || len(op.Params) != op.Gate.Params {
		return fmt.Errorf("takes %d qubits and %d angles, got %d and %d", op.Gate.Qubits, op.Gate.Params, k, len(op.Params))
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

// checkCircuit validates c and b for a state of n qubits; with unitary set
// it also refuses measurements, resets and conditions.
func checkCircuit(c *circuit.Circuit, b circuit.Binding, n int, unitary bool) error {
	if c == nil {
		return fmt.Errorf("mps: nil circuit")
	}
	if err := c.CheckBinding(b); err != nil {
		return fmt.Errorf("mps: %w", err)
	}
	if c.NumQubits != n {
		return fmt.Errorf("mps: circuit on %d qubits, state of %d", c.NumQubits, n)
	}
	for i := range c.Ops {
		op := &c.Ops[i]
		switch {
		case unitary && op.Kind != circuit.GateOp && op.Kind != circuit.BarrierOp:
			return fmt.Errorf("mps: op %d (%s): not a gate; run circuits with measurements or resets through Execute", i, op.Name())
		case unitary && op.Cond != nil:
			return fmt.Errorf("mps: op %d (%s): classically conditioned; run it through Execute", i, op.Name())
		case op.Kind == circuit.GateOp:
			if err := checkGate(op, n, b); err != nil {
				return fmt.Errorf("mps: op %d (%s): %w", i, op.Name(), err)
			}
		}
	}
	return nil
}
