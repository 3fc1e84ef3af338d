package mps

import (
	"fmt"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/linalg"
)

// Run applies every gate of c to s with angles bound by b; barriers are
// skipped. Gates that commute because they share no qubit may run in
// another order than the circuit's, chosen to move the orthogonality centre
// least (see the package documentation); on every qubit the circuit's order is kept. c must
// have as many qubits as s and contain no measurement, reset or
// classically conditioned op (Execute runs those).
// Every op is checked before any is applied, and so is the memory the
// circuit may need (see Cost): on such an error s is unchanged.
func (s *State) Run(c *circuit.Circuit, b circuit.Binding) error {
	if err := checkCircuit(c, b, s.n, true); err != nil {
		return err
	}
	if err := checkMemory(s.bondBounds(), c.Ops, s.opts, 1); err != nil {
		return err
	}
	return s.schedule(c.Ops, b)
}

// ApplyMatrix applies the 2^k × 2^k unitary m (row-major; bit j of its
// index is the value of qubits[j]) to the k listed qubits, which need not be
// neighbours. It returns an error when the qubits are out of range or
// repeated, when m has the wrong size or is not unitary to 1e-10.
func (s *State) ApplyMatrix(m []complex128, qubits ...int) error {
	op := circuit.Op{Kind: circuit.GateOp, Qubits: qubits, Unitary: m}
	if err := checkGate(&op, s.n, circuit.Binding{}); err != nil {
		return fmt.Errorf("mps: ApplyMatrix: %w", err)
	}
	if dev, err := circuit.UnitarityError(m); err != nil || dev > 1e-10 {
		return fmt.Errorf("mps: ApplyMatrix: matrix is not unitary (max |U†U − I| = %.3g)", dev)
	}
	return s.applySteps(gateSteps(m, qubits, nil), -1)
}

// applySteps applies steps in order. After each split the centre is left on
// the side of the next multi-site step, so that the next one moves it least;
// after the last, on the side of site next (−1: no preference).
func (s *State) applySteps(steps []step, next int) error {
	ahead := make([]int, len(steps))
	for i := len(steps) - 1; i >= 0; i-- {
		ahead[i] = next
		if steps[i].k > 1 {
			next = steps[i].lo
		}
	}
	for i, st := range steps {
		if err := s.apply(st, ahead[i]); err != nil {
			return err
		}
	}
	return nil
}

// apply applies one step; next is the first site of the following
// multi-site step, −1 if none.
func (s *State) apply(st step, next int) error {
	switch st.k {
	case 1:
		// A unitary on one site keeps it left- or right-canonical: no
		// centre move, no split.
		a := s.sites[st.lo]
		applyMiddle(a.d, a.l, 2, a.r, st.u, s.scratch(2*a.r))
		return nil
	case 2:
		return s.applyPair(st.lo, st.u, next < 0 || next > st.lo)
	}
	return s.applyBlock(st)
}

// applyPair applies the 4×4 site-order matrix u to sites i and i+1: the
// centre is moved onto the pair, the two sites are contracted into
// θ[(a s_i), (s_{i+1} b)], u is applied, and θ is split again by the
// truncated SVD θ ≈ U·S·V†. U becomes site i (left-canonical) and S·V† site
// i+1 when right is set (the centre moves to i+1); otherwise U·S and V†.
func (s *State) applyPair(i int, u []complex128, right bool) error {
	if err := s.moveInto(i, i+1); err != nil {
		return err
	}
	a, b := s.sites[i], s.sites[i+1]
	var theta linalg.Matrix
	if err := theta.Mul(a.rows(), b.cols()); err != nil {
		return err
	}
	applyMiddle(theta.Data, a.l, 4, b.r, u, s.scratch(4*b.r))
	uu, sv, vh, w, err := linalg.TruncatedSVD(&theta, s.trunc)
	if err != nil {
		return fmt.Errorf("mps: split of sites %d, %d: %w", i, i+1, err)
	}
	s.rep.record(len(sv), w)
	if right {
		scaleRows(vh, sv)
		s.centre = i + 1
	} else {
		scaleCols(uu, sv)
		s.centre = i
	}
	s.sites[i], s.sites[i+1] = fromRows(uu), fromCols(vh)
	return nil
}

// applyBlock applies a gate on k ≥ 3 consecutive sites: they are contracted
// into one tensor T[a, m, b] (m enumerating the k qubits, the first site
// most significant), the gate is applied to m, and T is split back site by
// site from the left with truncated SVDs, leaving the centre on the last
// site of the block.
func (s *State) applyBlock(st step) error {
	lo, k := st.lo, st.k
	if err := s.moveInto(lo, lo+k-1); err != nil {
		return err
	}
	t := s.sites[lo].rows() // (l·2^j) × r_j after j+1 sites
	for j := 1; j < k; j++ {
		var next linalg.Matrix
		if err := next.Mul(t, s.sites[lo+j].cols()); err != nil {
			return err
		}
		next.Rows, next.Cols = next.Rows*2, next.Cols/2
		t = &next
	}
	l, r := s.sites[lo].l, s.sites[lo+k-1].r
	applyMiddle(t.Data, l, 1<<k, r, st.u, s.scratch((1<<k)*r))
	rest := &linalg.Matrix{Rows: 2 * l, Cols: (1 << (k - 1)) * r, Data: t.Data}
	for j := 0; j < k-1; j++ {
		uu, sv, vh, w, err := linalg.TruncatedSVD(rest, s.trunc)
		if err != nil {
			return fmt.Errorf("mps: split of site %d from a %d-site block: %w", lo+j, k, err)
		}
		s.rep.record(len(sv), w)
		scaleRows(vh, sv)
		s.sites[lo+j] = fromRows(uu)
		rest = &linalg.Matrix{Rows: 2 * vh.Rows, Cols: vh.Cols / 2, Data: vh.Data}
	}
	s.sites[lo+k-1] = fromRows(rest)
	s.centre = lo + k - 1
	return nil
}

// scratch returns a buffer of at least n elements, reused across calls.
func (s *State) scratch(n int) []complex128 {
	if cap(s.buf) < n {
		s.buf = make([]complex128, n)
	}
	return s.buf[:n]
}
