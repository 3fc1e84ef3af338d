package bench

import (
	"fmt"
	"math/cmplx"

	"github.com/itsubaki/q"
	"github.com/itsubaki/q/math/matrix"

	"github.com/qmlgo/qml/circuit"
)

// itsubakiStep is one gate compiled for itsubaki/q.
type itsubakiStep struct {
	swap     bool
	u        *matrix.Matrix // the single-qubit (target) matrix
	controls []int          // our qubit numbers
	target   int
	other    int // the second qubit of a swap
}

// compileItsubaki turns the gates of c into itsubaki/q calls: single-qubit
// gates as G, controlled single-qubit gates (cx, cz, cp, crz, ccx, …) as
// Controlled, swap as Swap. Any other multi-qubit gate is an error, so
// compilation happens before timing and the timed loop only applies gates.
func compileItsubaki(c *circuit.Circuit) ([]itsubakiStep, error) {
	var steps []itsubakiStep
	for i := range c.Ops {
		op := &c.Ops[i]
		switch op.Kind {
		case circuit.BarrierOp:
			continue
		case circuit.GateOp:
		default:
			return nil, fmt.Errorf("itsubaki: op %d (%s) is not a gate", i, op.Name())
		}
		if op.Cond != nil {
			return nil, fmt.Errorf("itsubaki: op %d (%s) is classically conditioned", i, op.Name())
		}
		k := len(op.Qubits)
		if op.Name() == "swap" {
			steps = append(steps, itsubakiStep{swap: true, target: op.Qubits[0], other: op.Qubits[1]})
			continue
		}
		u, ok := controlledBlock(op.Matrix(circuit.Binding{}), k)
		if !ok {
			return nil, fmt.Errorf("itsubaki: op %d (%s) on %d qubits is not a controlled single-qubit gate", i, op.Name(), k)
		}
		steps = append(steps, itsubakiStep{u: u, controls: op.Qubits[:k-1], target: op.Qubits[k-1]})
	}
	return steps, nil
}

// controlledBlock recognises a k-qubit matrix (local order: the first
// listed qubit least significant) that applies a 2×2 block U to the last
// listed qubit when all the others are 1 and the identity otherwise, and
// returns U. Every single-qubit matrix qualifies, with no controls.
func controlledBlock(m []complex128, k int) (*matrix.Matrix, bool) {
	d := 1 << k
	c := d/2 - 1 // every control bit set, target 0
	t := d / 2   // the target's bit
	for r := range d {
		for col := range d {
			if (r == c || r == c|t) && (col == c || col == c|t) {
				continue
			}
			want := complex(0, 0)
			if r == col {
				want = 1
			}
			if cmplx.Abs(m[r*d+col]-want) > 1e-12 {
				return nil, false
			}
		}
	}
	return matrix.New(
		[]complex128{m[c*d+c], m[c*d+(c|t)]},
		[]complex128{m[(c|t)*d+c], m[(c|t)*d+(c|t)]},
	), true
}

// itsubakiRegister is an n-qubit itsubaki/q register in |0…0⟩.
type itsubakiRegister struct {
	sim *q.Q
	qb  []q.Qubit
}

func newItsubakiRegister(n int) *itsubakiRegister {
	sim := q.New()
	return &itsubakiRegister{sim: sim, qb: sim.Zeros(n)}
}

// qubit returns itsubaki's qubit for our qubit k: itsubaki numbers qubits
// from the most significant bit.
func (r *itsubakiRegister) qubit(k int) q.Qubit { return r.qb[len(r.qb)-1-k] }

// apply runs the compiled gates.
func (r *itsubakiRegister) apply(steps []itsubakiStep) {
	for i := range steps {
		s := &steps[i]
		switch {
		case s.swap:
			r.sim.Swap(r.qubit(s.target), r.qubit(s.other))
		case len(s.controls) == 0:
			r.sim.G(s.u, r.qubit(s.target))
		default:
			ctrl := make([]q.Qubit, len(s.controls))
			for j, c := range s.controls {
				ctrl[j] = r.qubit(c)
			}
			r.sim.Controlled(s.u, ctrl, []q.Qubit{r.qubit(s.target)})
		}
	}
}
