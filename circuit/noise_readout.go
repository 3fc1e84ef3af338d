package circuit

import (
	"fmt"
	"math"
)

// ReadoutError is a measurement's assignment error: the classical bit it
// records is flipped with a probability that depends on the qubit's value,
// the confusion matrix [[1−P1Given0, P1Given0], [P0Given1, 1−P0Given1]]
// (rows: the qubit's value; columns: the bit read), Qiskit's ReadoutError.
type ReadoutError struct {
	// P1Given0 is the probability of reading 1 from a qubit in |0⟩.
	P1Given0 float64 `json:"p1_given_0"`
	// P0Given1 is the probability of reading 0 from a qubit in |1⟩.
	P0Given1 float64 `json:"p0_given_1"`
}

// Check refuses probabilities outside [0, 1].
func (r ReadoutError) Check() error {
	if err := checkProbability("readout p1_given_0", r.P1Given0); err != nil {
		return err
	}
	return checkProbability("readout p0_given_1", r.P0Given1)
}

// Confusion returns the confusion matrix: Confusion()[v][b] is the
// probability of reading b from a qubit whose value is v. Its rows sum to 1.
func (r ReadoutError) Confusion() [2][2]float64 {
	return [2][2]float64{{1 - r.P1Given0, r.P1Given0}, {r.P0Given1, 1 - r.P0Given1}}
}

// Read returns the bit recorded for a qubit whose value is v, given a
// uniform random u in [0, 1).
func (r ReadoutError) Read(v int, u float64) int {
	if v == 0 && u < r.P1Given0 || v == 1 && u < r.P0Given1 {
		return 1 - v
	}
	return v
}

// Channel returns the one-qubit channel with the same measurement
// statistics: K0 = diag(√(1−P1Given0), √(1−P0Given1)),
// K1 = √P1Given0·|1⟩⟨0|, K2 = √P0Given1·|0⟩⟨1|. Applied just before a
// measurement it turns the populations (p0, p1) into those the confusion
// matrix gives; it is a way to run readout error on backends that only
// apply channels, not a model of what happens to the state.
func (r ReadoutError) Channel() (*Channel, error) {
	if err := r.Check(); err != nil {
		return nil, err
	}
	spec := ChannelSpec{Type: "readout"}
	return newKrausChannel(spec,
		[]complex128{complex(math.Sqrt(1-r.P1Given0), 0), 0, 0, complex(math.Sqrt(1-r.P0Given1), 0)},
		[]complex128{0, 0, complex(math.Sqrt(r.P1Given0), 0), 0},
		[]complex128{0, complex(math.Sqrt(r.P0Given1), 0), 0, 0})
}

// String formats r for messages.
func (r ReadoutError) String() string {
	return fmt.Sprintf("readout P(1|0)=%g P(0|1)=%g", r.P1Given0, r.P0Given1)
}
