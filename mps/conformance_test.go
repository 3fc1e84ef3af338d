package mps_test

import (
	"testing"

	"github.com/qmlgo/qml/mps"
	"github.com/qmlgo/qml/vqc"
	"github.com/qmlgo/qml/vqc/backendtest"
)

var _ vqc.Backend = (*mps.Simulator)(nil)

// The shared Backend conformance suite, with χ unbounded: expectation values
// of random circuits (every named gate, symbolic angles, explicit unitaries)
// against the suite's naive dense reference to 1e-10.
func TestConformance(t *testing.T) {
	backendtest.Run(t, &mps.Simulator{}, backendtest.Options{MaxQubits: 8, Circuits: 60})
}
