package density_test

import (
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/density"
)

// benchCircuit is a layered ry/cx circuit with depolarizing noise after
// every gate and amplitude damping after every one-qubit gate.
func benchCircuit(n int) (*circuit.Circuit, *circuit.NoiseModel) {
	c := circuit.New(n)
	for layer := range 4 {
		for q := range n {
			c.Gate("ry", []int{q}, circuit.Const(0.3*float64(layer+q)))
		}
		for q := 0; q+1 < n; q++ {
			c.Gate("cx", []int{q, q + 1})
		}
	}
	dep, _ := circuit.Depolarizing2(0.01)
	damp, _ := circuit.AmplitudeDamping(0.001)
	m := &circuit.NoiseModel{Channels: []circuit.NoiseRule{
		{Gates: []string{"cx"}, Channel: dep},
		{Gates: []string{"ry"}, Channel: damp},
	}}
	return c, m
}

func BenchmarkRun(b *testing.B) {
	for _, n := range []int{4, 8, 10} {
		c, m := benchCircuit(n)
		s, err := density.New(n)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(string(rune('0'+n/10))+string(rune('0'+n%10))+"q", func(b *testing.B) {
			for b.Loop() {
				s.Reset()
				if err := s.Run(c, circuit.Binding{}, m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBackend times one expectation value of a small noisy circuit,
// the unit of work of training (parameter shift calls it 2·params + 1
// times per sample).
func BenchmarkBackend(b *testing.B) {
	c, m := benchCircuit(4)
	be := &density.Backend{Noise: m}
	obs := []circuit.Observable{circuit.Sum(circuit.Term(1, circuit.Z(0)))}
	for b.Loop() {
		if _, err := be.Expectations(c, circuit.Binding{}, obs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRun8 is one 8-qubit run, the size where the doubled register
// (16 qubits) starts to run through statevector's compiled programs.
func BenchmarkRun8(b *testing.B) {
	c, m := benchCircuit(8)
	s, err := density.New(8)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s.Reset()
		if err := s.Run(c, circuit.Binding{}, m); err != nil {
			b.Fatal(err)
		}
	}
}
