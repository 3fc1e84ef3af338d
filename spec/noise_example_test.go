package spec_test

import (
	"fmt"

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
	// The file reads to the model circuit.ExampleNoiseModel builds by hand.
	for _, r := range m.Channels {
		fmt.Println(r.Channel.Spec.Type, "after", r.Gates, "on", r.Qubits, "-", len(r.Channel.Kraus), "Kraus operators")
	}
	r, _ := m.ReadoutOf(1)
	fmt.Println(r)
	// Output:
	// depolarizing2 after [cx] on [] - 16 Kraus operators
	// amplitude_damping after [] on [] - 2 Kraus operators
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
