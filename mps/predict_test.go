package mps_test

import (
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/mps"
)

// The crossover rule sends little-entangling circuits to the MPS at any
// size and deep circuits on few qubits to the state vector, as the measured
// table does (n = 24, depth 4: MPS ≈ 1 ms against 8 s; n = 16, depth 20:
// state vector 0.07 s against 1.9 s).
func TestPredict(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    *circuit.Circuit
		mps  bool
	}{
		{"GHZ 30", ghz(30), true},
		{"brickwork n=24 depth 4", brickwork(rand.New(rand.NewPCG(1, 1)), 24, 4), true},
		{"brickwork n=16 depth 20", brickwork(rand.New(rand.NewPCG(1, 1)), 16, 20), false},
		{"brickwork n=10 depth 10", brickwork(rand.New(rand.NewPCG(1, 1)), 10, 10), false},
	} {
		p, err := mps.Predict(tc.c, mps.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := p.MPS < p.StateVector; got != tc.mps {
			t.Errorf("%s: predicted %.3g s (state vector) and %.3g s (MPS)", tc.name, p.StateVector, p.MPS)
		}
	}
	if _, err := mps.Predict(nil, mps.Options{}); err == nil {
		t.Error("Predict(nil): no error")
	}
}
