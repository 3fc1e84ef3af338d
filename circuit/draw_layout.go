package circuit

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// The layout both diagram writers share: one wire per qubit (qubit 0 on top,
// as Qiskit draws it) and one per classical register below them; each op
// placed in the earliest column (layer) after every earlier op that occupies
// one of the wires its drawing spans, so that connectors never cross a box.

// drawWire is one horizontal line of a diagram.
type drawWire struct {
	label     string // "q_0", "c: 2/"
	classical bool
}

// drawOp is one op placed in the diagram, with everything a writer needs.
type drawOp struct {
	op       *Op
	layer    int
	label    string // the box's text, "" for ops drawn without a box
	targets  []int  // wires of the box (or of the swap crosses), in op order
	controls []int  // wires with a control dot
	// measure: the classical wire written and the bit's index in its register
	clWire  int
	clLabel string
	// condition: the classical wire read and the compared value, "=3"
	condWire  int
	condLabel string
	lo, hi    int // the wires the drawing spans
	width     int // characters the widest part needs
}

// swapCrosses reports whether the op's targets are drawn as the crosses of
// a swap rather than as a box.
func (d *drawOp) swapCrosses() bool {
	return d.op.Kind == GateOp && d.op.Gate != nil && (d.op.Gate.Name == "swap" || d.op.Gate.Name == "cswap")
}

// diagram is a laid-out circuit.
type diagram struct {
	wires  []drawWire
	nq     int // the first nq wires are qubits
	ops    []drawOp
	layers [][]int // indices into ops, per layer
	widths []int   // characters per layer, the wire on both sides included
}

// newDiagram lays out c.
func newDiagram(c *Circuit) (*diagram, error) {
	if err := c.Err(); err != nil {
		return nil, err
	}
	d := &diagram{nq: c.NumQubits}
	qregs := c.QRegs
	if len(qregs) == 0 && c.NumQubits > 0 {
		qregs = []Register{{Name: "q", Size: c.NumQubits}}
	}
	d.wires = make([]drawWire, c.NumQubits)
	for i := range d.wires {
		d.wires[i].label = "q_" + strconv.Itoa(i)
	}
	for _, r := range qregs {
		for i := 0; i < r.Size && r.Start+i < c.NumQubits && r.Start+i >= 0; i++ {
			d.wires[r.Start+i].label = r.Name + "_" + strconv.Itoa(i)
		}
	}
	cregs := c.CRegs
	if len(cregs) == 0 && c.NumClbits > 0 {
		cregs = []Register{{Name: "c", Size: c.NumClbits}}
	}
	// clbit b is on wire clWire[b], at index clIndex[b] of its register.
	clWire := make([]int, c.NumClbits)
	clIndex := make([]int, c.NumClbits)
	for _, r := range cregs {
		w := len(d.wires)
		d.wires = append(d.wires, drawWire{label: fmt.Sprintf("%s: %d/", r.Name, r.Size), classical: true})
		for i := 0; i < r.Size; i++ {
			if b := r.Start + i; b >= 0 && b < c.NumClbits {
				clWire[b], clIndex[b] = w, i
			}
		}
	}
	level := make([]int, len(d.wires))
	for i := range c.Ops {
		op := &c.Ops[i]
		do, err := d.place(op, clWire, clIndex, cregs)
		if err != nil {
			return nil, fmt.Errorf("circuit: Draw: op %d (%s): %w", i, op.Name(), err)
		}
		for w := do.lo; w <= do.hi; w++ {
			do.layer = max(do.layer, level[w])
		}
		for w := do.lo; w <= do.hi; w++ {
			level[w] = do.layer + 1
		}
		for len(d.layers) <= do.layer {
			d.layers = append(d.layers, nil)
			d.widths = append(d.widths, 0)
		}
		d.layers[do.layer] = append(d.layers[do.layer], len(d.ops))
		d.widths[do.layer] = max(d.widths[do.layer], do.width+2)
		d.ops = append(d.ops, do)
	}
	return d, nil
}

// place works out how op is drawn, except its layer.
func (d *diagram) place(op *Op, clWire, clIndex []int, cregs []Register) (drawOp, error) {
	do := drawOp{op: op, clWire: -1, condWire: -1, lo: len(d.wires), hi: -1}
	for _, q := range op.Qubits {
		if q < 0 || q >= d.nq {
			return do, fmt.Errorf("qubit %d out of range", q)
		}
	}
	span := func(w int) { do.lo, do.hi = min(do.lo, w), max(do.hi, w) }
	switch op.Kind {
	case GateOp:
		nc := 0
		if op.Gate != nil {
			nc = op.Gate.Controls
		}
		do.controls, do.targets = op.Qubits[:nc], op.Qubits[nc:]
		do.width = 1
		if !do.swapCrosses() {
			do.label = gateLabel(op)
			do.width = boxWidth(do.label, len(do.targets))
		}
	case MeasureOp:
		if op.Clbit < 0 || op.Clbit >= len(clWire) {
			return do, fmt.Errorf("classical bit %d out of range", op.Clbit)
		}
		do.targets, do.label = op.Qubits, "M"
		do.clWire, do.clLabel = clWire[op.Clbit], strconv.Itoa(clIndex[op.Clbit])
		do.width = max(3, utf8.RuneCountInString(do.clLabel))
		span(do.clWire)
	case ResetOp:
		do.targets, do.width = op.Qubits, 3
	case BarrierOp:
		do.targets, do.width = op.Qubits, 1
	}
	for _, q := range op.Qubits {
		span(q)
	}
	if op.Cond != nil {
		w, label, err := d.condition(op.Cond, clWire, clIndex, cregs)
		if err != nil {
			return do, err
		}
		do.condWire, do.condLabel = w, label
		do.width = max(do.width, utf8.RuneCountInString(label)+2)
		span(w)
	}
	if do.hi < 0 { // a barrier on no qubits
		do.lo, do.hi = 0, 0
	}
	return do, nil
}

// condition finds the wire of the register a condition reads and labels the
// test: "=3" for a whole register, "[1]=1" for one bit of it.
func (d *diagram) condition(cond *Condition, clWire, clIndex []int, cregs []Register) (int, string, error) {
	r := cond.Reg
	if r.Start < 0 || r.Size <= 0 || r.Start+r.Size > len(clWire) {
		return 0, "", fmt.Errorf("condition register %s out of range", r.Name)
	}
	w := clWire[r.Start]
	v := strconv.FormatUint(cond.Value, 10)
	for _, cr := range cregs {
		if cr.Start == r.Start && cr.Size == r.Size {
			return w, "=" + v, nil
		}
	}
	if r.Size == 1 {
		return w, "[" + strconv.Itoa(clIndex[r.Start]) + "]=" + v, nil
	}
	return w, fmt.Sprintf("[%d:%d]=%s", clIndex[r.Start], clIndex[r.Start]+r.Size-1, v), nil
}

// boxWidth is the width of a gate box around label on k target qubits:
// "┤ H ├" for one; "┤0 Rzz(π) ├" with each argument's index for several.
func boxWidth(label string, k int) int {
	n := utf8.RuneCountInString(label) + 4
	if k > 1 {
		n += len(strconv.Itoa(k - 1))
	}
	return n
}

func itoa(i int) string { return strconv.Itoa(i) }
