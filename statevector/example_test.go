package statevector_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/statevector"
)

// A Bell pair: H on qubit 0, then CX from qubit 0 to qubit 1. Amplitude i
// belongs to |q1 q0⟩ with qubit 0 rightmost.
func ExampleState_Run() {
	s, err := statevector.New(2)
	if err != nil {
		panic(err)
	}
	if err := s.Run(circuit.New(2).H(0).CX(0, 1), circuit.Binding{}); err != nil {
		panic(err)
	}
	for i, a := range s.Amplitudes() {
		fmt.Printf("|%s⟩ %.4f\n", statevector.Bitstring(i, 2), real(a))
	}
	// Output:
	// |00⟩ 0.7071
	// |01⟩ 0.0000
	// |10⟩ 0.0000
	// |11⟩ 0.7071
}

// Expectation values of cos(θ/2)|00⟩ + sin(θ/2)|11⟩, prepared by RY(θ) and
// a CX: ⟨Z0⟩ = cos θ, ⟨Z0 Z1⟩ = 1 and ⟨X0 X1⟩ = sin θ.
func ExampleState_Expectation() {
	c := circuit.New(2).RY(0, circuit.Weight(0)).CX(0, 1)
	s, _ := statevector.New(2)
	if err := s.Run(c, circuit.Binding{Weights: []float64{1.0471975511965976}}); err != nil { // θ = π/3
		panic(err)
	}
	for _, text := range []string{"Z0", "Z0*Z1", "X0*X1 + 0.5*Z1"} {
		o, _ := circuit.ParseObservable(text)
		v, _ := s.Expectation(o)
		fmt.Printf("⟨%s⟩ = %.4f\n", text, v)
	}
	// Output:
	// ⟨Z0⟩ = 0.5000
	// ⟨Z0*Z1⟩ = 1.0000
	// ⟨X0*X1 + 0.5*Z1⟩ = 1.1160
}

// Execute samples measured circuits: a GHZ state gives only all-zeros and
// all-ones.
func ExampleExecute() {
	c := circuit.New(3).H(0).CX(0, 1).CX(1, 2).MeasureAll()
	res, err := statevector.Execute(c, circuit.Binding{}, 1000, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		panic(err)
	}
	fmt.Println(len(res.Counts), res.Counts["000"]+res.Counts["111"])
	// Output:
	// 2 1000
}

// A Simulator serves the training loops of vqc, from many goroutines at once.
func ExampleSimulator_Expectations() {
	var sim statevector.Simulator
	c := circuit.New(1).RX(0, circuit.Input(0))
	z, _ := circuit.ParseObservable("Z0")
	for _, x := range []float64{0, 1.5707963267948966, 3.141592653589793} {
		v, err := sim.Expectations(c, circuit.Binding{Inputs: []float64{x}}, []circuit.Observable{z})
		if err != nil {
			panic(err)
		}
		fmt.Printf("x = %.4f: ⟨Z⟩ = %.4f\n", x, v[0])
	}
	// Output:
	// x = 0.0000: ⟨Z⟩ = 1.0000
	// x = 1.5708: ⟨Z⟩ = 0.0000
	// x = 3.1416: ⟨Z⟩ = -1.0000
}

// Options chosen from CLI-style flags: a GHZ state on 20 qubits in single
// precision with gates fused up to three qubits.
func ExampleExecuteWith() {
	fusion, _ := statevector.ParseFusion("3")
	precision, _ := statevector.ParsePrecision("single")
	c := circuit.New(20).H(0)
	for q := 1; q < 20; q++ {
		c.CX(q-1, q)
	}
	res, err := statevector.ExecuteWith(c.MeasureAll(), circuit.Binding{}, 1000, rand.New(rand.NewPCG(3, 4)),
		statevector.Options{Fusion: fusion, Precision: precision})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(res.Counts), res.State.Precision())
	// Output:
	// 2 single
}
