package statevector

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/vqc/backendtest"
)

// wideRandomCircuit returns ops random gates on n qubits drawn from every
// named gate, explicit unitaries on one to three qubits (one in six) and
// barriers (one in twenty), with random angles.
func wideRandomCircuit(n, ops int, rng *rand.Rand) *circuit.Circuit {
	names := circuit.GateNames()
	c := circuit.New(n)
	for range ops {
		switch rng.IntN(20) {
		case 0:
			c.Barrier(rng.Perm(n)[:1+rng.IntN(n)]...)
			continue
		case 1, 2, 3:
			k := 1 + rng.IntN(3)
			c.Unitary(backendtest.RandomUnitary(rng, 1<<k), rng.Perm(n)[:k]...)
			continue
		}
		g, _ := circuit.Lookup(names[rng.IntN(len(names))])
		params := make([]circuit.Param, g.Params)
		for i := range params {
			params[i] = circuit.Const((2*rng.Float64() - 1) * 6.283185307179586)
		}
		c.Gate(g.Name, rng.Perm(n)[:g.Qubits], params...)
	}
	return c
}

// gateByGate applies c's gates one by one, each with its own kernel over
// the whole state: the reference the fused and blocked programs must match.
func gateByGate(t *testing.T, c *circuit.Circuit, p Precision) *State {
	t.Helper()
	s, err := NewPrecision(c.NumQubits, p)
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Ops {
		if op := &c.Ops[i]; op.Kind == circuit.GateOp {
			if err := s.ApplyOp(op, circuit.Binding{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s
}

// TestProgramsMatchGateByGate runs random circuits through every
// combination of fusion, blocking (with blocks small enough that stages
// gather blocks from scattered runs), precision and kernel implementation
// (portable, SIMD) and compares with the reference: the gates applied one
// by one with the portable kernels in double precision.
func TestProgramsMatchGateByGate(t *testing.T) {
	rng := newRNG(40)
	fusions := []int{FusionOff, FusionAuto, 1, 2, 3, 4, 5}
	blocks := []int{-1, 0, 6, 8}
	for trial := range 4 {
		n := 10 + trial
		c := wideRandomCircuit(n, 80, rng)
		if err := c.Err(); err != nil {
			t.Fatal(err)
		}
		var want []complex128
		withKernels("scalar", func() { want = gateByGate(t, c, Double).Amplitudes() })
		for _, path := range kernelPaths {
			for _, p := range []Precision{Double, Single} {
				tol := 1e-12
				if p == Single {
					tol = 1e-5
				}
				for _, f := range fusions {
					for _, bq := range blocks {
						opts := Options{Fusion: f, BlockQubits: bq, Precision: p}
						s, _ := NewPrecision(n, p)
						withKernels(path, func() {
							if err := s.RunWith(c, circuit.Binding{}, opts); err != nil {
								t.Fatal(err)
							}
						})
						if d := maxDiff(s.Amplitudes(), want); d > tol {
							t.Errorf("trial %d (%d qubits), %s kernels, %+v: amplitudes differ by %.3g", trial, n, path, opts, d)
						}
					}
				}
			}
		}
	}
}

// TestDefaultProgram runs a circuit on a register larger than one block
// with the default options, which compile it into a fused, blocked
// program, and compares with the gates applied one by one.
func TestDefaultProgram(t *testing.T) {
	const n = blockQubitsDouble + 1
	if !useProgram(n, Options{}) || useProgram(n-1, Options{}) {
		t.Fatal("the default program threshold moved")
	}
	c := wideRandomCircuit(n, 60, newRNG(42))
	want := gateByGate(t, c, Double).Amplitudes()
	for _, p := range []Precision{Double, Single} {
		s, _ := NewPrecision(n, p)
		if err := s.Run(c, circuit.Binding{}); err != nil {
			t.Fatal(err)
		}
		tol := map[Precision]float64{Double: 1e-12, Single: 1e-5}[p]
		if d := maxDiff(s.Amplitudes(), want); d > tol {
			t.Errorf("%v: amplitudes differ by %.3g", p, d)
		}
	}
}

// TestStagesKeepGateOrder checks the staging invariants directly: every
// gate lands in exactly one stage, inside its block of the requested size,
// and along every qubit the gates keep their circuit order.
func TestStagesKeepGateOrder(t *testing.T) {
	rng := newRNG(41)
	const n, bq = 14, 9
	c := wideRandomCircuit(n, 300, rng)
	index := map[*circuit.Op]int{}
	var items []gateItem
	for i := range c.Ops {
		if op := &c.Ops[i]; op.Kind == circuit.GateOp {
			index[op] = i
			items = append(items, newGateItem(op, circuit.Binding{}, costModel()))
		}
	}
	last := make([]int, n) // op index last applied on each qubit
	for q := range last {
		last[q] = -1
	}
	count, stages := 0, 0
	for rest := items; len(rest) > 0; stages++ {
		in, taken, left := splitStage(rest, itemMask, n, bq)
		if got := bits.OnesCount(uint(in)); got != bq {
			t.Fatalf("stage %d: block of %d qubits, want %d", stages, got, bq)
		}
		if len(taken) == 0 {
			t.Fatalf("stage %d takes no gate", stages)
		}
		for _, it := range taken {
			if it.mask&^in != 0 {
				t.Fatalf("stage %d: gate on qubits %v outside its block", stages, it.qubits)
			}
			for _, q := range it.qubits {
				if index[it.op] < last[q] {
					t.Fatalf("op %d runs after op %d on qubit %d", index[it.op], last[q], q)
				}
				last[q] = index[it.op]
			}
		}
		count += len(taken)
		rest = left
	}
	if count != len(items) {
		t.Errorf("stages hold %d gates, want %d", count, len(items))
	}
	t.Logf("%d gates in %d stages", count, stages)
}

func ExampleOptions() {
	c := circuit.New(12)
	for q := range 12 {
		c.H(q)
		c.RZ(q, circuit.Const(0.1*float64(q)))
	}
	s, _ := New(12)
	// Fuse into gates of up to three qubits, blocks of 2^8 amplitudes.
	if err := s.RunWith(c, circuit.Binding{}, Options{Fusion: 3, BlockQubits: 8}); err != nil {
		fmt.Println(err)
	}
	fmt.Printf("%.4f\n", s.Norm())
	// Output: 1.0000
}
