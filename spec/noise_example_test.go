package spec_test

import (
	"fmt"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/spec"
)

func ExampleParseNoiseModel() {
	m, err := spec.ParseNoiseModel("noise.yaml", []byte(`
channels:
  - {type: depolarizing2, p: 0.01, gates: [cx]}
  - {type: amplitude_damping, gamma: 0.002}
readout:
  - {p: 0.02}
`))
	if err != nil {
		fmt.Println(err)
		return
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

func ExampleParseNoiseModel_error() {
	_, err := spec.ParseNoiseModel("noise.yaml", []byte(`
channels:
  - type: depolarizing2
    p: 1.5
    gates: [cx]
  - {type: amplitude_damping, gama: 0.002}
`))
	fmt.Println(err)
	// Output:
	// noise.yaml:4: channels[0]: depolarizing2 p 1.5: want a probability in [0, 1]
	// noise.yaml:6: channels[1].gama: unknown field "gama" (did you mean "gamma"?) (known fields: type, gates, qubits, p, gamma, pauli, t1, t2, time, excited)
	// noise.yaml:6: channels[1].gamma: missing: channel amplitude_damping takes gamma
}
