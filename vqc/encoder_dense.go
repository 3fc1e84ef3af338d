package vqc

import (
	"fmt"

	"github.com/qmlgo/qml/circuit"
)

// DenseAngleEncoder puts two features on every qubit, the dense angle
// encoding of LaRose & Coyle, Phys. Rev. A 102, 032420 (2020): feature 2q
// as RY(Scale·x_2q) on qubit q, then feature 2q+1 as RZ(Scale·x_2q+1), so a
// qubit holds a point of the Bloch sphere. With data re-uploading a single
// qubit classifies points of the plane (Pérez-Salinas et al., Quantum 4,
// 226 (2020)).
type DenseAngleEncoder struct {
	Scale float64 // angle per unit feature; 0 means 1
}

// BlockInputs implements Encoder: the features themselves.
func (DenseAngleEncoder) BlockInputs(features, _ int) int { return features }

// AppendBlock implements Encoder.
func (e DenseAngleEncoder) AppendBlock(c *circuit.Circuit, features, offset int) error {
	if features > 2*c.NumQubits {
		return fmt.Errorf("dense angle encoding of %d features needs %d qubits, have %d", features, (features+1)/2, c.NumQubits)
	}
	s := e.Scale
	if s == 0 {
		s = 1
	}
	for j := 0; j < features; j++ {
		rot := "ry"
		if j%2 == 1 {
			rot = "rz"
		}
		c.Gate(rot, []int{j / 2}, circuit.Input(offset+j).Scale(s))
	}
	return c.Err()
}

// Inputs implements Encoder: the features themselves.
func (DenseAngleEncoder) Inputs(dst, x []float64) error {
	copy(dst, x)
	return nil
}
