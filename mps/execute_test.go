package mps_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/mps"
	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc/backendtest"
)

// dynamicCircuit returns a random circuit with mid-circuit measurements,
// resets and gates conditioned on the classical register.
func dynamicCircuit(rng *rand.Rand, n int) *circuit.Circuit {
	c := circuit.New(n)
	reg := c.AddCReg("c", n)
	for range 4 {
		c.Compose(backendtest.RandomCircuit(rng, n, 5))
		q := rng.IntN(n)
		switch rng.IntN(3) {
		case 0:
			c.Measure(q, reg.Start+rng.IntN(n))
		case 1:
			c.Reset(q)
		default:
			g, _ := circuit.Lookup("x")
			cond := &circuit.Condition{Reg: reg, Value: uint64(rng.IntN(1 << n))}
			if err := c.Append(circuit.Op{Kind: circuit.GateOp, Gate: g, Qubits: []int{q}, Cond: cond}); err != nil {
				panic(err)
			}
		}
	}
	for q := range n {
		c.Measure(q, reg.Start+q)
	}
	if c.Err() != nil {
		panic(c.Err())
	}
	return c
}

// Circuits with mid-circuit measurement, reset and if() run as trajectories
// on the MPS; their outcome distribution matches the state vector's
// trajectories (an independent simulator) within sampling error.
func TestExecuteDynamicMatchesStateVector(t *testing.T) {
	const shots = 8000
	for seed := range 8 {
		rng := rand.New(rand.NewPCG(uint64(seed), 21))
		n := 2 + seed%3
		c := dynamicCircuit(rng, n)
		b := backendtest.RandomBinding(rng, c)
		want, err := statevector.Execute(c, b, shots, rand.New(rand.NewPCG(1, uint64(seed))))
		if err != nil {
			t.Fatal(err)
		}
		got, err := mps.Execute(c, b, shots, rand.New(rand.NewPCG(2, uint64(seed))), mps.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !got.Dynamic || got.State != nil {
			t.Fatalf("seed %d: Dynamic %v, State %v; want a dynamic run", seed, got.Dynamic, got.State)
		}
		// At most 2^4 outcomes: E[TV] between two 8000-shot tallies ≲ 0.03.
		if tv := totalVariation(got.Counts, shots, want.Counts, shots); tv > 0.05 {
			t.Errorf("seed %d: total variation %.4f between MPS and state-vector outcomes\nmps %v\nsv  %v", seed, tv, got.Counts, want.Counts)
		}
	}
}

// Teleportation (closed form): with the corrections conditioned on the two
// measured bits, qubit 2 ends in the state RY(θ)|0⟩ of qubit 0, so it reads
// 1 with probability sin²(θ/2) whatever the other bits.
func TestExecuteTeleportation(t *testing.T) {
	const theta, shots = 1.1, 20000
	c := circuit.New(3)
	m0 := c.AddCReg("m0", 1)
	m1 := c.AddCReg("m1", 1)
	out := c.AddCReg("out", 1)
	c.RY(0, circuit.Const(theta)).H(1).CX(1, 2).CX(0, 1).H(0).Measure(0, m0.Start).Measure(1, m1.Start)
	x, _ := circuit.Lookup("x")
	z, _ := circuit.Lookup("z")
	_ = c.Append(circuit.Op{Kind: circuit.GateOp, Gate: x, Qubits: []int{2}, Cond: &circuit.Condition{Reg: m1, Value: 1}})
	_ = c.Append(circuit.Op{Kind: circuit.GateOp, Gate: z, Qubits: []int{2}, Cond: &circuit.Condition{Reg: m0, Value: 1}})
	c.Measure(2, out.Start)
	res, err := mps.Execute(c, circuit.Binding{}, shots, rand.New(rand.NewPCG(4, 4)), mps.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ones := 0
	for k, v := range res.Counts {
		if k[0] == '1' { // clbit 2 is printed first
			ones += v
		}
	}
	p := float64(ones) / shots
	want := 0.5 - 0.5*math.Cos(theta) // sin²(θ/2)
	// σ = sqrt(p(1−p)/shots) ≈ 0.0033; allow 5σ.
	if d := p - want; d > 0.017 || d < -0.017 {
		t.Errorf("P(qubit 2 = 1) = %.4f, want sin²(θ/2) = %.4f", p, want)
	}
}

// Terminal measurements are sampled once from the final state and written
// to their classical bits; a circuit without measurements counts qubits.
func TestExecuteTerminal(t *testing.T) {
	c := circuit.New(3)
	reg := c.AddCReg("c", 2)
	c.X(1).X(2).Measure(1, reg.Start).Measure(0, reg.Start+1) // c0 = q1 = 1, c1 = q0 = 0
	res, err := mps.Execute(c, circuit.Binding{}, 10, rand.New(rand.NewPCG(1, 1)), mps.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Dynamic || res.State == nil || res.Counts["01"] != 10 {
		t.Errorf("counts %v (dynamic %v), want 10 × \"01\"", res.Counts, res.Dynamic)
	}
	res, err = mps.Execute(circuit.New(3).X(0), circuit.Binding{}, 5, rand.New(rand.NewPCG(1, 1)), mps.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Counts["001"] != 5 {
		t.Errorf("counts %v, want 5 × \"001\"", res.Counts)
	}
}

// Bad input is refused before any work: invalid options (χ < 0, negative
// cutoff), shots without a random source, and a circuit whose bond bound
// needs more memory than the cap.
func TestExecuteErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	c := ghz(4)
	for _, tc := range []struct {
		name  string
		c     *circuit.Circuit
		shots int
		rng   *rand.Rand
		opts  mps.Options
		want  string
	}{
		{"negative χ", c, 1, rng, mps.Options{MaxBond: -1}, "MaxBond"},
		{"negative cutoff", c, 1, rng, mps.Options{Cutoff: -1e-9}, "Cutoff"},
		{"fidelity threshold", c, 1, rng, mps.Options{WarnFidelity: 2}, "WarnFidelity"},
		{"negative memory", c, 1, rng, mps.Options{MaxMemory: -1}, "MaxMemory"},
		{"negative shots", c, -1, rng, mps.Options{}, "shots"},
		{"nil rng", c, 3, nil, mps.Options{}, "random source"},
		{"nil circuit", nil, 0, nil, mps.Options{}, "nil circuit"},
		{"memory cap", brickwork(rand.New(rand.NewPCG(1, 1)), 60, 40), 0, nil, mps.Options{MaxMemory: 1 << 30}, "memory cap"},
	} {
		_, err := mps.Execute(tc.c, circuit.Binding{}, tc.shots, tc.rng, tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
}
