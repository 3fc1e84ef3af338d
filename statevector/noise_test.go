package statevector_test

import (
	"maps"
	"math"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/density"
	"github.com/qmlgo/qml/statevector"
)

// mustChannel returns a function that passes on the channel a constructor
// made, failing t on an error.
func mustChannel(t testing.TB) func(*circuit.Channel, error) *circuit.Channel {
	return func(ch *circuit.Channel, err error) *circuit.Channel {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return ch
	}
}

func noisyCircuit(t *testing.T) (*circuit.Circuit, *circuit.NoiseModel) {
	t.Helper()
	must := mustChannel(t)
	m := &circuit.NoiseModel{
		Channels: []circuit.NoiseRule{
			{Gates: []string{"cx", "rzz"}, Channel: must(circuit.Depolarizing2(0.06))},
			{Gates: []string{"ry", "h"}, Channel: must(circuit.AmplitudeDamping(0.08))},
			{Gates: []string{"rx", "cx"}, Channel: must(circuit.ThermalRelaxation(30, 25, 2, 0.1))},
			{Qubits: []int{2}, Channel: must(circuit.PauliChannel(map[string]float64{"X": 0.03, "Z": 0.05}))},
			{Gates: []string{"rz"}, Channel: must(circuit.PhaseDamping(0.1))},
		},
		Readout: []circuit.ReadoutRule{{ReadoutError: circuit.ReadoutError{P1Given0: 0.03, P0Given1: 0.08}}},
	}
	c := circuit.New(3).Gate("h", []int{0}).Gate("ry", []int{1}, circuit.Const(0.9)).
		Gate("cx", []int{0, 1}).Gate("rx", []int{2}, circuit.Const(1.3)).Gate("rzz", []int{1, 2}, circuit.Const(0.7)).
		Gate("cx", []int{2, 0}).Gate("rz", []int{1}, circuit.Const(-0.4)).Gate("h", []int{1}).Gate("s", []int{2})
	return c, m
}

// TestTrajectoriesConverge: the mean over 10⁴ trajectories of each
// expectation value lies within 3 standard errors of the exact density-
// matrix value.
func TestTrajectoriesConverge(t *testing.T) {
	c, m := noisyCircuit(t)
	obs := []circuit.Observable{
		circuit.Sum(circuit.Term(1, circuit.Z(0))),
		circuit.Sum(circuit.Term(1, circuit.X(1), circuit.Z(2))),
		circuit.Sum(circuit.Term(1, circuit.Y(2))),
		circuit.Sum(circuit.Term(0.5, circuit.Z(0), circuit.Z(1)), circuit.Term(-1, circuit.X(0))),
	}
	rho, _ := density.New(3)
	if err := rho.Run(c, circuit.Binding{}, m); err != nil {
		t.Fatal(err)
	}
	exact, _ := rho.Expectations(obs)
	mean, se, err := statevector.NoisyExpectations(c, circuit.Binding{}, m, obs, 10000, 42)
	if err != nil {
		t.Fatal(err)
	}
	for k := range obs {
		if math.Abs(mean[k]-exact[k]) > 3*se[k] || se[k] <= 0 || se[k] > 0.011 {
			t.Errorf("%v: trajectories %.5f ± %.5f, exact %.5f", obs[k], mean[k], se[k], exact[k])
		}
	}
}

// TestNoisyCounts: counts of 10⁴ noisy shots, readout errors included,
// lie within 3σ of the density matrix's readout probabilities, and do not
// depend on the number of goroutines.
func TestNoisyCounts(t *testing.T) {
	c, m := noisyCircuit(t)
	c.MeasureAll()
	const shots = 10000
	res, err := statevector.ExecuteNoisy(c, circuit.Binding{}, m, shots, 9)
	if err != nil {
		t.Fatal(err)
	}
	exact, err := density.Execute(c, circuit.Binding{}, m, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for i, p := range exact.Probabilities {
		got := float64(res.Counts[statevector.Bitstring(i, 3)]) / shots
		total += res.Counts[statevector.Bitstring(i, 3)]
		if sigma := math.Sqrt(p * (1 - p) / shots); math.Abs(got-p) > 3*sigma {
			t.Errorf("P(%s): %.4f from shots, exact %.4f ± %.4f", statevector.Bitstring(i, 3), got, p, sigma)
		}
	}
	if total != shots {
		t.Errorf("%d shots counted, want %d", total, shots)
	}
	prev := statevector.SetThreads(1)
	again, err := statevector.ExecuteNoisy(c, circuit.Binding{}, m, shots, 9)
	statevector.SetThreads(prev)
	if err != nil || !maps.Equal(again.Counts, res.Counts) {
		t.Errorf("one goroutine gave different counts: %v vs %v (%v)", again.Counts, res.Counts, err)
	}
}

// TestNoisyMidCircuit: a flipped qubit, measured, drives a conditioned X.
// With a bit flip of probability p after the first X and readout error r on
// qubit 0's measurement, the record is 11 with probability
// (1−p)(1−r) + p·r and 00 otherwise (the condition reads the recorded bit).
func TestNoisyMidCircuit(t *testing.T) {
	const p, r, shots = 0.2, 0.1, 20000
	must := mustChannel(t)
	m := &circuit.NoiseModel{
		Channels: []circuit.NoiseRule{{Gates: []string{"x"}, Qubits: []int{0}, Channel: must(circuit.BitFlip(p))}},
		Readout:  []circuit.ReadoutRule{{Qubits: []int{0}, ReadoutError: circuit.ReadoutError{P1Given0: r, P0Given1: r}}},
	}
	c := circuit.New(2)
	creg := c.AddCReg("c", 2)
	c.Gate("x", []int{0}).Measure(0, 0)
	c.Append(circuit.Op{Kind: circuit.GateOp, Gate: noiseGate("x"), Qubits: []int{1}, Cond: &circuit.Condition{Reg: circuit.Register{Name: "c0", Start: creg.Start, Size: 1}, Value: 1}})
	c.Measure(1, 1)
	if c.Err() != nil {
		t.Fatal(c.Err())
	}
	res, err := statevector.ExecuteNoisy(c, circuit.Binding{}, m, shots, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := (1-p)*(1-r) + p*r
	got := float64(res.Counts["11"]) / shots
	if sigma := math.Sqrt(want * (1 - want) / shots); math.Abs(got-want) > 3*sigma || res.Counts["11"]+res.Counts["00"] != shots {
		t.Errorf("counts %v: P(11) = %.4f, want %.4f ± %.4f", res.Counts, got, want, sigma)
	}
}

func noiseGate(name string) *circuit.GateSpec {
	g, _ := circuit.Lookup(name)
	return g
}

func TestNoisyErrors(t *testing.T) {
	c := circuit.New(1).Gate("h", []int{0})
	if _, err := statevector.ExecuteNoisy(c, circuit.Binding{}, nil, -1, 1); err == nil {
		t.Error("negative shots accepted")
	}
	if _, _, err := statevector.NoisyExpectations(c, circuit.Binding{}, nil, nil, 1, 1); err == nil {
		t.Error("one trajectory accepted")
	}
	ch, _ := circuit.Depolarizing(0.1)
	bad := &circuit.NoiseModel{Channels: []circuit.NoiseRule{{Qubits: []int{3}, Channel: ch}}}
	if _, err := statevector.ExecuteNoisy(c, circuit.Binding{}, bad, 10, 1); err == nil {
		t.Error("noise on qubit 3 of 1 accepted")
	}
	if _, err := statevector.ExecuteNoisy(circuit.New(1).Gate("rx", []int{0}, circuit.Weight(0)), circuit.Binding{}, nil, 10, 1); err == nil {
		t.Error("unbound weight accepted")
	}
}

func BenchmarkNoisyTrajectories(b *testing.B) {
	must := mustChannel(b)
	m := &circuit.NoiseModel{Channels: []circuit.NoiseRule{
		{Channel: must(circuit.Depolarizing(0.01))},
		{Channel: must(circuit.AmplitudeDamping(0.01))},
	}}
	c := circuit.New(10)
	for layer := range 5 {
		for q := range 10 {
			c.Gate("ry", []int{q}, circuit.Const(0.1*float64(layer+q)))
		}
		for q := 0; q+1 < 10; q++ {
			c.Gate("cx", []int{q, q + 1})
		}
	}
	c.MeasureAll()
	for b.Loop() {
		if _, err := statevector.ExecuteNoisy(c, circuit.Binding{}, m, 256, 1); err != nil {
			b.Fatal(err)
		}
	}
}
