package statevector

import (
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// TestPermPiecesAgainstItsubaki applies permutation gates whose lowest
// qubit is 0 or 1 (the chunked path of runPerm) and others (the run path)
// to a generic 7-qubit state, split into pieces of bases that are and are
// not aligned to the chunks, as parallelFor may split them, and compares
// the result with itsubaki/q applying the same gate.
func TestPermPiecesAgainstItsubaki(t *testing.T) {
	const n = 7
	rng := rand.New(rand.NewPCG(7, 8))
	prep, pb := randomCircuit(n, 40, rng)
	tests := []struct {
		gate   string
		qubits []int
	}{
		{"x", []int{0}},
		{"x", []int{1}},
		{"x", []int{4}},
		{"cx", []int{0, 1}},
		{"cx", []int{1, 0}},
		{"cx", []int{0, 5}},
		{"cx", []int{6, 1}},
		{"cx", []int{3, 4}},
		{"swap", []int{0, 1}},
		{"swap", []int{1, 4}},
		{"swap", []int{2, 6}},
		{"ccx", []int{0, 1, 2}},
		{"ccx", []int{5, 2, 1}},
		{"ccx", []int{2, 3, 6}},
		{"cswap", []int{1, 0, 3}},
	}
	for _, tt := range tests {
		c := prep.Copy().Gate(tt.gate, tt.qubits)
		want := reference(c, pb)
		for _, cuts := range [][]int{{}, {4, 8}, {3, 7, 13}, {1, 2, 5}} {
			s, _ := New(n)
			if err := s.Run(prep, pb); err != nil {
				t.Fatal(err)
			}
			var k kernel
			compileOp(&c.Ops[len(c.Ops)-1], circuit.Binding{}, &k, nil)
			if k.kind != kindPerm {
				t.Fatalf("%s%v compiled to kind %d, not a permutation", tt.gate, tt.qubits, k.kind)
			}
			total := 1 << (n - k.npos)
			lo := 0
			for _, hi := range append(cuts, total) {
				runPerm(&k, floatView(s.amp), lo, min(hi, total))
				lo = min(hi, total)
			}
			if d := maxDiff(s.Amplitudes(), want); d > 1e-12 {
				t.Errorf("%s%v in pieces %v: max difference %.3g", tt.gate, tt.qubits, cuts, d)
			}
		}
	}
}
