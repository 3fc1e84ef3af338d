package mps

import "github.com/qmlgo/qml/circuit"

// schedule runs the gates of ops (checked, unconditioned) in an order that
// keeps the orthogonality centre moving as little as possible, instead of
// strictly in circuit order. Gates on disjoint qubits commute, so any order
// that respects, on every qubit, the order of the gates touching it gives
// the same state in exact arithmetic: the gates form a dependency graph,
// and at each step the ready gate (all its predecessors applied) nearest to
// the centre runs next (one-qubit gates, which need no centre, first; ties
// in circuit order). On a brickwork circuit this sweeps alternate layers in
// alternate directions, where circuit order would walk the centre back
// across the chain before every layer. With truncation the result depends
// on the order of the splits only within the truncation error.
func (s *State) schedule(ops []circuit.Op, b circuit.Binding) error {
	var gates []int // indices into ops
	for i := range ops {
		if ops[i].Kind == circuit.GateOp {
			gates = append(gates, i)
		}
	}
	waiting := make([]int, len(gates))    // unapplied predecessors
	children := make([][]int, len(gates)) // gates that wait on this one
	last := make(map[int]int)             // qubit → last gate on it
	for g, i := range gates {
		for _, q := range ops[i].Qubits {
			if p, ok := last[q]; ok && (len(children[p]) == 0 || children[p][len(children[p])-1] != g) {
				children[p] = append(children[p], g)
				waiting[g]++
			}
			last[q] = g
		}
	}
	var ready []int
	for g := range gates {
		if waiting[g] == 0 {
			ready = append(ready, g)
		}
	}
	var steps []step
	for len(ready) > 0 {
		k := s.nearest(ops, gates, ready)
		g := ready[k]
		ready = append(ready[:k], ready[k+1:]...)
		for _, c := range children[g] {
			if waiting[c]--; waiting[c] == 0 {
				ready = append(ready, c)
			}
		}
		op := &ops[gates[g]]
		steps = gateSteps(op.Matrix(b), op.Qubits, steps[:0])
		// The last split leaves the centre towards the next gate the
		// greedy rule is likely to pick: the nearest ready one now.
		next := -1
		if len(ready) > 0 {
			lo, _ := span(ops[gates[ready[s.nearest(ops, gates, ready)]]].Qubits)
			next = lo
		}
		if err := s.applySteps(steps, next); err != nil {
			return err
		}
	}
	return nil
}

// nearest returns the position in ready of the gate that needs the fewest
// centre moves: a one-qubit gate if any, else the least distance from the
// centre to the gate's span of qubits; ties go to the earliest gate.
func (s *State) nearest(ops []circuit.Op, gates, ready []int) int {
	best, bestDist := 0, -1
	for k, g := range ready {
		qs := ops[gates[g]].Qubits
		d := 0
		if len(qs) > 1 {
			lo, hi := span(qs)
			d = max(0, lo-s.centre, s.centre-hi)
		}
		if bestDist < 0 || d < bestDist || d == bestDist && g < ready[best] {
			best, bestDist = k, d
		}
	}
	return best
}

// span returns the smallest and largest of qs.
func span(qs []int) (lo, hi int) {
	lo, hi = qs[0], qs[0]
	for _, q := range qs[1:] {
		lo, hi = min(lo, q), max(hi, q)
	}
	return lo, hi
}
