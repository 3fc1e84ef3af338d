package circuit_test

import (
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// TestNumGates counts by hand: every gate and unitary op, no measurement,
// reset or barrier.
func TestNumGates(t *testing.T) {
	x := []complex128{0, 1, 1, 0}
	for _, tc := range []struct {
		name string
		c    *circuit.Circuit
		want int
	}{
		{"empty", circuit.New(2), 0},
		{"bell", circuit.New(2).H(0).CX(0, 1), 2},
		{"unitary counts", circuit.New(1).Unitary(x, 0).X(0), 2},
		{"non-gates do not", withClbits(1).H(0).Barrier(0).Measure(0, 0).Reset(0), 1},
	} {
		if got := tc.c.NumGates(); got != tc.want {
			t.Errorf("%s: %d gates, want %d", tc.name, got, tc.want)
		}
	}
}
