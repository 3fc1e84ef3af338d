package statevector

import (
	"math/bits"
	"slices"

	"github.com/qmlgo/qml/circuit"
)

// gateItem is one gate of a program before it is placed in a stage: a gate
// op of the circuit with its angles bound, or the product of several such
// gates made by fuse.
type gateItem struct {
	op     *circuit.Op  // the op; nil for a fused product
	angles []float64    // the op's angles under the binding
	qubits []int        // the op's qubits, or the fused gate's (the first is bit 0 of m)
	mask   int          // the bits of qubits
	m      []complex128 // fused: the 2^k × 2^k row-major matrix
	diag   bool         // the gate is diagonal (named diagonal gate, or product of them)
	cost   float64      // estimated time per amplitude of its kernel, see kernelCosts
}

// compile compiles the item onto the given qubits (its own, or their
// positions in a block) into k.
func (it *gateItem) compile(qubits []int, k *kernel) {
	switch {
	case it.op == nil && it.diag:
		k.setQubits(qubits, 0)
		k.setDiag(it.m, qubits)
	case it.op == nil:
		k.setQubits(qubits, 0)
		k.setDense(it.m, qubits)
	case it.op.Gate == nil:
		k.setQubits(qubits, 0)
		k.setDense(it.op.Unitary, qubits)
	default:
		k.tbuf = it.op.Gate.TargetMatrixTo(k.tbuf, it.angles)
		compileNamed(it.op.Gate, qubits, k.tbuf, k)
	}
}

// newGateItem returns the item of gate op (checked by checkGate) with its
// angles under b, and its estimated cost.
func newGateItem(op *circuit.Op, b circuit.Binding, costs *kernelCosts) gateItem {
	it := gateItem{op: op, angles: evalAngles(op, b, nil), qubits: op.Qubits}
	for _, q := range op.Qubits {
		it.mask |= 1 << q
	}
	it.diag = op.Gate != nil && op.Gate.Diagonal
	var k kernel
	it.compile(op.Qubits, &k)
	it.cost = costs.of(&k)
	return it
}

// fuse merges runs of gates into products on at most maxK qubits and
// returns the gates to apply, in an order equivalent to items'.
//
// Gates are taken in order. Each joins the latest group among those that
// last touched its qubits (no gate after that group touches them, so
// moving the gate forward to it commutes with everything it passes), and
// pulls in the other such groups that are still open on all their qubits
// (nothing after them touches their qubits, so they may move down to it).
// With auto set a merge happens only when the cost model says the product
// is cheaper than the parts, pass being the cost of one pass over memory
// that every separate gate pays (0 when stages share passes); otherwise
// whenever the qubits fit, like qsim's fuser.
func fuse(items []gateItem, maxK int, auto bool, costs *kernelCosts, pass float64) []gateItem {
	if maxK < 1 || len(items) < 2 {
		return items
	}
	type group struct {
		members []int // indices into items, in circuit order
		qubits  []int // first-seen order: local bit j is qubits[j]
		mask    int
		diag    bool
		cost    float64
	}
	var groups []*group
	last := map[int]int{}       // qubit → index in groups of the last group touching it
	open := func(gi int) bool { // no later group touches gi's qubits
		for m := groups[gi].mask; m != 0; m &= m - 1 {
			if last[bits.TrailingZeros(uint(m))] != gi {
				return false
			}
		}
		return true
	}
	costOf := func(g *group) float64 { return max(g.cost, pass) }
	for i := range items {
		it := &items[i]
		// Candidate groups: the last group on each qubit, latest first.
		var cands []int
		for _, q := range it.qubits {
			if gi, ok := last[q]; ok && groups[gi] != nil && !slices.Contains(cands, gi) {
				cands = append(cands, gi)
			}
		}
		slices.Sort(cands)
		slices.Reverse(cands)
		// Try to put it into the latest candidate, else into a new group;
		// then pull in open older candidates while they fit and pay.
		target := -1
		mask, diag := it.mask, it.diag
		before := max(it.cost, pass)
		var merged []int
		tryJoin := func(gi int) bool {
			g := groups[gi]
			m := mask | g.mask
			k := bits.OnesCount(uint(m))
			if k > maxK {
				return false
			}
			d := diag && g.diag
			after := max(costs.fused(k, d), pass)
			if auto && after > before+costOf(g) {
				return false
			}
			mask, diag, before = m, d, after
			merged = append(merged, gi)
			return true
		}
		if bits.OnesCount(uint(it.mask)) <= maxK && len(cands) > 0 {
			if tryJoin(cands[0]) {
				target = cands[0]
			}
			for _, gi := range cands[1:] {
				if open(gi) {
					tryJoin(gi)
				}
			}
		}
		if target < 0 {
			groups = append(groups, &group{})
			target = len(groups) - 1
		}
		g := groups[target]
		// Members of merged groups come first (they precede it in the
		// circuit); older groups' gates before newer ones' keeps every
		// qubit's order, since merged groups share no qubit.
		slices.Sort(merged)
		var members []int
		for _, gi := range merged {
			members = append(members, groups[gi].members...)
		}
		members = append(members, i)
		slices.Sort(members)
		g.members = members
		pulled := map[int][]int{}
		for _, gi := range merged {
			if gi != target {
				pulled[gi] = groups[gi].qubits
				groups[gi] = nil
			}
		}
		g.mask, g.diag = mask, diag
		if len(g.members) == 1 {
			g.cost = it.cost
		} else {
			g.cost = costs.fused(bits.OnesCount(uint(mask)), diag)
		}
		g.qubits = g.qubits[:0]
		for _, mi := range g.members {
			for _, q := range items[mi].qubits {
				if !slices.Contains(g.qubits, q) {
					g.qubits = append(g.qubits, q)
				}
			}
		}
		// The group is now last on the gate's qubits and on those of the
		// groups it pulled in (which were open); on its other qubits a
		// later group may already have followed it.
		for _, q := range it.qubits {
			last[q] = target
		}
		for _, gi := range merged {
			for _, q := range pulled[gi] {
				last[q] = target
			}
		}
	}
	out := make([]gateItem, 0, len(groups))
	for _, g := range groups {
		switch {
		case g == nil:
		case len(g.members) == 1:
			out = append(out, items[g.members[0]])
		default:
			out = append(out, fusedItem(items, g.members, g.qubits, g.mask, g.diag, g.cost))
		}
	}
	return out
}

// fusedItem multiplies the member gates (in order) into one matrix on
// qubits. The matrix is built column-major as the state of 2k qubits whose
// low k bits are its row: applying each member's kernel to that state on
// the members' local positions multiplies it from the left.
func fusedItem(items []gateItem, members, qubits []int, mask int, diag bool, cost float64) gateItem {
	k := len(qubits)
	d := 1 << k
	cols := make([]complex128, d*d)
	for r := range d {
		cols[r+d*r] = 1
	}
	var kern kernel
	local := make([]int, 0, k)
	for _, mi := range members {
		it := &items[mi]
		local = local[:0]
		for _, q := range it.qubits {
			local = append(local, slices.Index(qubits, q))
		}
		it.compile(local, &kern)
		if kern.kind == kindDiag && kern.nd == 0 {
			continue
		}
		runKernel(&kern, floatView(cols), 0, (d*d)>>kern.npos)
	}
	m := make([]complex128, d*d)
	for r := range d {
		for c := range d {
			m[r*d+c] = cols[r+d*c]
		}
	}
	return gateItem{qubits: slices.Clone(qubits), mask: mask, m: m, diag: diag, cost: cost}
}
