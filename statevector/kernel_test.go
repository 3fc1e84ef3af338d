package statevector

import (
	"github.com/qmlgo/qml/vqc/backendtest"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// denseReferenceQubits is the largest register on which randomCircuit
// draws gates that the reference applies as a full 2^n × 2^n matrix
// (explicit unitaries on two or three qubits, iswap, rxx, ryy, rzz), to keep
// the reference fast.
const denseReferenceQubits = 8

// randomCircuit returns a circuit of ops random gates on n qubits: every
// named gate that fits, with random angles (half of them bound through
// weights), and with probability 1/6 an explicit Haar-random unitary on one
// to three qubits (one above denseReferenceQubits).
func randomCircuit(n, ops int, rng *rand.Rand) (*circuit.Circuit, circuit.Binding) {
	var names []string
	for _, name := range circuit.GateNames() {
		g, _ := circuit.Lookup(name)
		if g.Qubits <= n && (n <= denseReferenceQubits || textbookGate(name, make([]float64, g.Params)).local == nil) {
			names = append(names, name)
		}
	}
	maxK := min(3, n)
	if n > denseReferenceQubits {
		maxK = 1
	}
	c := circuit.New(n)
	var b circuit.Binding
	for range ops {
		if rng.IntN(6) == 0 {
			k := 1 + rng.IntN(maxK)
			c.Unitary(backendtest.RandomUnitary(rng, 1<<k), rng.Perm(n)[:k]...)
			continue
		}
		g, _ := circuit.Lookup(names[rng.IntN(len(names))])
		params := make([]circuit.Param, g.Params)
		for i := range params {
			angle := (2*rng.Float64() - 1) * 2 * 3.141592653589793
			if rng.IntN(2) == 0 {
				params[i] = circuit.Const(angle)
				continue
			}
			params[i] = circuit.Weight(len(b.Weights))
			b.Weights = append(b.Weights, angle)
		}
		c.Gate(g.Name, rng.Perm(n)[:g.Qubits], params...)
	}
	return c, b
}

// reference runs a circuit's gates on itsubaki/q with textbook matrices.
func reference(c *circuit.Circuit, b circuit.Binding) []complex128 {
	r := newRef(c.NumQubits)
	for _, op := range c.Ops {
		switch {
		case op.Gate == nil && len(op.Qubits) == 1:
			u := op.Unitary
			r.sim.G(mat2(u[0], u[1], u[2], u[3]), r.qubit(op.Qubits[0]))
			continue
		case op.Gate == nil:
			r.matrix(op.Unitary, op.Qubits)
			continue
		}
		r.gate(op.Gate.Name, op.Qubits, op.Angles(b))
	}
	return r.amplitudes()
}

func maxDiff(a, b []complex128) float64 {
	worst := 0.0
	for i := range a {
		worst = max(worst, cmplx.Abs(a[i]-b[i]))
	}
	return worst
}

// TestRandomCircuitsAgainstItsubaki runs 240 random circuits on 1 to 10
// qubits and compares every amplitude with itsubaki/q.
func TestRandomCircuitsAgainstItsubaki(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	used := map[string]bool{}
	for trial := range 240 {
		n := 1 + trial%10
		c, b := randomCircuit(n, 2*n+8, rng)
		if err := c.Err(); err != nil {
			t.Fatal(err)
		}
		for _, op := range c.Ops {
			used[op.Name()] = true
		}
		s, err := New(n)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Run(c, b); err != nil {
			t.Fatal(err)
		}
		if d := maxDiff(s.Amplitudes(), reference(c, b)); d > 1e-10 {
			t.Fatalf("trial %d (%d qubits): max amplitude difference %.3g from itsubaki/q", trial, n, d)
		}
	}
	for _, name := range append(circuit.GateNames(), "unitary") {
		if !used[name] {
			t.Errorf("gate %s never drawn", name)
		}
	}
}

// TestGatesOnEveryQubitOrder applies each named gate alone, on every
// ordered choice of qubits of a 5-qubit register prepared in a generic
// state, so that controls and targets below, between and above each other
// are all covered.
func TestGatesOnEveryQubitOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const n = 5
	prep, pb := randomCircuit(n, 30, rng)
	for _, name := range circuit.GateNames() {
		g, _ := circuit.Lookup(name)
		angles := []float64{0.3, -1.1, 2.2, 0.7}[:g.Params]
		params := make([]circuit.Param, g.Params)
		for i, a := range angles {
			params[i] = circuit.Const(a)
		}
		for _, qubits := range orderedChoices(n, g.Qubits) {
			c := prep.Copy().Gate(name, qubits, params...)
			s, _ := New(n)
			if err := s.Run(c, pb); err != nil {
				t.Fatal(err)
			}
			if d := maxDiff(s.Amplitudes(), reference(c, pb)); d > 1e-10 {
				t.Fatalf("%s on %v: max difference %.3g", name, qubits, d)
			}
		}
	}
}

// orderedChoices lists the ordered k-tuples of distinct qubits below n
// (all of them for k ≤ 2, a deterministic sample of 24 otherwise).
func orderedChoices(n, k int) [][]int {
	var out [][]int
	var rec func(prefix []int)
	rec = func(prefix []int) {
		if len(prefix) == k {
			out = append(out, append([]int(nil), prefix...))
			return
		}
		for q := range n {
			if !containsInt(prefix, q) {
				rec(append(prefix, q))
			}
		}
	}
	rec(nil)
	if len(out) > 24 {
		step := len(out) / 24
		var sample [][]int
		for i := 0; i < len(out); i += step {
			sample = append(sample, out[i])
		}
		out = sample
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestApplyMatrixAgainstItsubaki applies random dense matrices on 1 to 4
// qubits in random order through ApplyMatrix, covering the one-, two- and
// k-qubit kernels directly.
func TestApplyMatrixAgainstItsubaki(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const n = 6
	for trial := range 40 {
		k := 1 + trial%4
		s, _ := New(n)
		r := newRef(n)
		for range 5 {
			m := backendtest.RandomUnitary(rng, 1<<k)
			qubits := rng.Perm(n)[:k]
			if err := s.ApplyMatrix(m, qubits...); err != nil {
				t.Fatal(err)
			}
			r.matrix(m, qubits)
		}
		if d := maxDiff(s.Amplitudes(), r.amplitudes()); d > 1e-10 {
			t.Fatalf("trial %d (k=%d): max difference %.3g", trial, k, d)
		}
	}
}

func newRNG(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed+1)) }
