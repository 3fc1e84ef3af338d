package statevector

import (
	"math"
	"strings"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// within reports whether count/shots is within 4.5 standard deviations of p.
func within(count, shots int, p float64) bool {
	sigma := math.Sqrt(p * (1 - p) / float64(shots))
	return math.Abs(float64(count)/float64(shots)-p) <= 4.5*sigma+1e-12
}

func TestExecuteTerminalMeasurements(t *testing.T) {
	// Bell pair measured into clbits 0 and 1 of a 3-bit register; clbit 2
	// is never written and reads 0.
	c := circuit.New(2)
	c.AddCReg("c", 3)
	c.H(0).CX(0, 1).Measure(0, 0).Measure(1, 1)
	const shots = 4000
	res, err := Execute(c, circuit.Binding{}, shots, newRNG(3))
	if err != nil {
		t.Fatal(err)
	}
	if res.Dynamic || res.State == nil || res.NumQubits != 2 || res.NumClbits != 3 {
		t.Fatalf("result %+v", res)
	}
	if len(res.Counts) != 2 || res.Counts["000"]+res.Counts["011"] != shots || !within(res.Counts["011"], shots, 0.5) {
		t.Errorf("Bell counts %v", res.Counts)
	}
	if d := math.Abs(real(res.State.Amplitude(3)) - 1/math.Sqrt2); d > 1e-15 {
		t.Errorf("final state %v", res.State.Amplitudes())
	}

	// Measuring qubit 1 into clbit 0 and qubit 0 into clbit 1 swaps the key.
	c = circuit.New(2)
	c.AddCReg("c", 2)
	c.X(0).Measure(1, 0).Measure(0, 1)
	res, _ = Execute(c, circuit.Binding{}, 10, newRNG(3))
	if res.Counts["10"] != 10 {
		t.Errorf("crossed measurement counts %v", res.Counts)
	}
}

func TestExecuteWithoutMeasurementsCountsAllQubits(t *testing.T) {
	c := circuit.New(3).X(0).H(2)
	res, err := Execute(c, circuit.Binding{}, 2000, newRNG(4))
	if err != nil {
		t.Fatal(err)
	}
	if res.Counts["001"]+res.Counts["101"] != 2000 || !within(res.Counts["101"], 2000, 0.5) {
		t.Errorf("counts %v", res.Counts)
	}
	res, _ = Execute(c, circuit.Binding{}, 0, nil)
	if len(res.Counts) != 0 || res.State == nil {
		t.Errorf("zero shots: %+v", res)
	}
}

// TestExecuteMeasureReset measures a |+⟩, resets the qubit and measures it
// again: the first bit is a fair coin, the second always 0.
func TestExecuteMeasureReset(t *testing.T) {
	c := circuit.New(1)
	c.AddCReg("c", 2)
	c.H(0).Measure(0, 0).Reset(0).Measure(0, 1)
	const shots = 2000
	res, err := Execute(c, circuit.Binding{}, shots, newRNG(5))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Dynamic || res.State != nil {
		t.Fatalf("dynamic %v, state %v", res.Dynamic, res.State)
	}
	if res.Counts["00"]+res.Counts["01"] != shots || !within(res.Counts["01"], shots, 0.5) {
		t.Errorf("counts %v", res.Counts)
	}
}

// TestExecuteResetWithoutMeasurement resets a used qubit and measures
// nothing: counts are over all qubits.
func TestExecuteResetWithoutMeasurement(t *testing.T) {
	c := circuit.New(2).X(0).X(1).Reset(0)
	res, err := Execute(c, circuit.Binding{}, 50, newRNG(6))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Dynamic || res.Counts["10"] != 50 {
		t.Errorf("dynamic %v counts %v", res.Dynamic, res.Counts)
	}
}

// conditioned appends op to c with the condition creg == value.
func conditioned(t *testing.T, c *circuit.Circuit, name string, qubit int, reg circuit.Register, value uint64) {
	t.Helper()
	g, _ := circuit.Lookup(name)
	op := circuit.Op{Kind: circuit.GateOp, Gate: g, Qubits: []int{qubit}, Cond: &circuit.Condition{Reg: reg, Value: value}}
	if err := c.Append(op); err != nil {
		t.Fatal(err)
	}
}

// TestExecuteConditionalX flips qubit 1 only when the register reads 1.
func TestExecuteConditionalX(t *testing.T) {
	for _, flip := range []bool{false, true} {
		c := circuit.New(2)
		reg := c.AddCReg("c", 2)
		if flip {
			c.X(0)
		}
		c.Measure(0, 0)
		conditioned(t, c, "x", 1, reg, 1)
		c.Measure(1, 1)
		res, err := Execute(c, circuit.Binding{}, 100, newRNG(7))
		if err != nil {
			t.Fatal(err)
		}
		want := map[bool]string{false: "00", true: "11"}[flip]
		if res.Counts[want] != 100 {
			t.Errorf("flip=%v: counts %v, want all %s", flip, res.Counts, want)
		}
	}
}

// TestExecuteTeleportation teleports RY(θ)|0⟩ from qubit 0 to qubit 2 with
// classically conditioned X and Z corrections (Nielsen & Chuang, §1.3.7):
// the two measured bits are uniform and qubit 2 reads 1 with probability
// sin²(θ/2).
func TestExecuteTeleportation(t *testing.T) {
	const theta, shots = 1.2, 4000
	c := circuit.New(3)
	m0, m1, out := c.AddCReg("m0", 1), c.AddCReg("m1", 1), c.AddCReg("out", 1)
	c.RY(0, circuit.Const(theta)).H(1).CX(1, 2).CX(0, 1).H(0).Measure(0, m0.Start).Measure(1, m1.Start)
	conditioned(t, c, "x", 2, m1, 1)
	conditioned(t, c, "z", 2, m0, 1)
	c.Measure(2, out.Start)
	res, err := Execute(c, circuit.Binding{}, shots, newRNG(8))
	if err != nil {
		t.Fatal(err)
	}
	ones, total := 0, 0
	pairs := map[string]int{}
	for key, n := range res.Counts {
		total += n
		pairs[key[1:]] += n
		if key[0] == '1' {
			ones += n
		}
	}
	p1 := math.Pow(math.Sin(theta/2), 2)
	if total != shots || !within(ones, shots, p1) {
		t.Errorf("P(out = 1) = %d/%d, want %.4f (counts %v)", ones, shots, p1, res.Counts)
	}
	for _, key := range []string{"00", "01", "10", "11"} {
		if !within(pairs[key], shots, 0.25) {
			t.Errorf("measured pair %s: %d/%d, want 1/4", key, pairs[key], shots)
		}
	}
}

func TestExecuteErrors(t *testing.T) {
	c := circuit.New(1).H(0)
	tests := []struct {
		name  string
		c     *circuit.Circuit
		b     circuit.Binding
		shots int
		rng   bool
		want  string
	}{
		{"nil circuit", nil, circuit.Binding{}, 1, true, "nil circuit"},
		{"negative shots", c, circuit.Binding{}, -1, true, "-1 shots"},
		{"no rng", c, circuit.Binding{}, 5, false, "random source"},
		{"unbound", circuit.New(1).RX(0, circuit.Input(0)), circuit.Binding{}, 1, true, "inputs"},
	}
	for _, tt := range tests {
		rng := newRNG(1)
		if !tt.rng {
			rng = nil
		}
		_, err := Execute(tt.c, tt.b, tt.shots, rng)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error containing %q", tt.name, err, tt.want)
		}
	}
	prev := SetMaxMemory(1 << 10)
	defer SetMaxMemory(prev)
	if _, err := Execute(circuit.New(8).H(0), circuit.Binding{}, 1, newRNG(1)); err == nil {
		t.Error("Execute beyond the memory limit accepted")
	}
}

// repeatedMeasurements prepares RY(θ_k)|0⟩ on qubit 0, measures it into
// clbit k and resets it, for each θ_k: a circuit whose outcome histories
// branch at every step. The bits are independent with P(1) = sin²(θ_k/2).
func repeatedMeasurements(thetas []float64) *circuit.Circuit {
	c := circuit.New(2)
	c.AddCReg("c", len(thetas))
	for k, th := range thetas {
		c.RY(0, circuit.Const(th)).CX(0, 1).Measure(0, k).Reset(0)
	}
	return c
}

// TestExecuteBranchingDistribution checks the joint distribution of four
// branching measurements against the product of their Born probabilities
// with Pearson's χ² (15 degrees of freedom, P(χ² > 37.70) = 0.001), with
// room for all branches and with memory for only two states, which makes
// Execute run the shots in batches.
func TestExecuteBranchingDistribution(t *testing.T) {
	thetas := []float64{0.7, 1.9, 2.6, 1.2}
	c := repeatedMeasurements(thetas)
	const shots = 20000
	for _, limit := range []int64{0, 2 * 16 << 2} {
		prev := SetMaxMemory(limit)
		res, err := Execute(c, circuit.Binding{}, shots, newRNG(41))
		SetMaxMemory(prev)
		if err != nil {
			t.Fatal(err)
		}
		chi2 := 0.0
		for v := range 16 {
			p := 1.0
			for k, th := range thetas {
				p1 := math.Pow(math.Sin(th/2), 2)
				if v>>k&1 == 1 {
					p *= p1
				} else {
					p *= 1 - p1
				}
			}
			want := p * shots
			got := float64(res.Counts[Bitstring(v, 4)])
			chi2 += (got - want) * (got - want) / want
		}
		if chi2 > 37.70 {
			t.Errorf("memory limit %d: χ² = %.2f > 37.70; counts %v", limit, chi2, res.Counts)
		}
	}
}
