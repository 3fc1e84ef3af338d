package circuit_test

import (
	"fmt"

	"github.com/qmlgo/qml/circuit"
)

func ExampleNoiseModel() {
	// Two-qubit depolarizing noise after cx, amplitude damping after every
	// gate, and a 2 % readout error (spec.ParseNoiseModel reads the same
	// model from a file).
	dep, err := circuit.Depolarizing2(0.01)
	if err != nil {
		fmt.Println(err)
		return
	}
	damp, err := circuit.AmplitudeDamping(0.002)
	if err != nil {
		fmt.Println(err)
		return
	}
	m := &circuit.NoiseModel{
		Channels: []circuit.NoiseRule{{Gates: []string{"cx"}, Channel: dep}, {Channel: damp}},
		Readout:  []circuit.ReadoutRule{{ReadoutError: circuit.ReadoutError{P1Given0: 0.02, P0Given1: 0.02}}},
	}
	c := circuit.New(2).Gate("h", []int{0}).Gate("cx", []int{0, 1})
	for i := range c.Ops {
		for _, n := range m.After(&c.Ops[i]) {
			fmt.Println(c.Ops[i].Name(), "→", n.Channel.Spec.Type, n.Qubits, len(n.Channel.Kraus), "Kraus operators")
		}
	}
	r, _ := m.ReadoutOf(1)
	fmt.Println(r)
	// Output:
	// h → amplitude_damping [0] 2 Kraus operators
	// cx → depolarizing2 [0 1] 16 Kraus operators
	// cx → amplitude_damping [0] 2 Kraus operators
	// cx → amplitude_damping [1] 2 Kraus operators
	// readout P(1|0)=0.02 P(0|1)=0.02
}

func ExampleThermalRelaxation() {
	// T1 = 50 µs, T2 = 70 µs, a 35 ns gate, at zero temperature.
	ch, err := circuit.ThermalRelaxation(50e3, 70e3, 35, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(ch.Kraus), "Kraus operators, CPTP:", ch.CheckCPTP() == nil)
	// Output: 3 Kraus operators, CPTP: true
}
