package control

import (
	"fmt"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/linalg"
)

// PauliSystem returns an n-qubit system with the drift Hamiltonian and one
// Real channel per control, each written as a Pauli sum in the syntax of
// circuit.ParseObservable ("0.5*X0*X1 + 0.5*Z0*Z1", qubit 0 the
// least-significant bit). Channels are named by their control strings; attach
// pulses with Channel.Add.
func PauliSystem(n int, drift string, controls ...string) (*System, error) {
	if n < 1 {
		return nil, fmt.Errorf("control: PauliSystem: %d qubits", n)
	}
	levels := make([]int, n)
	for i := range levels {
		levels[i] = 2
	}
	h0, err := pauliOperator(drift, levels)
	if err != nil {
		return nil, fmt.Errorf("control: drift: %w", err)
	}
	sys := &System{Levels: levels, Drift: h0}
	for _, c := range controls {
		op, err := pauliOperator(c, levels)
		if err != nil {
			return nil, fmt.Errorf("control: control %q: %w", c, err)
		}
		sys.Channels = append(sys.Channels, &Channel{Name: c, Kind: Real, Op: op})
	}
	return sys, nil
}

// pauliOperator parses a Pauli sum ("0" or "" for zero) into a matrix.
func pauliOperator(s string, levels []int) (*linalg.Matrix, error) {
	d := Dim(levels)
	if s == "" || s == "0" {
		return &linalg.Matrix{Rows: d, Cols: d, Data: make([]complex128, d*d)}, nil
	}
	obs, err := circuit.ParseObservable(s)
	if err != nil {
		return nil, err
	}
	return PauliSumMatrix(obs, levels)
}
