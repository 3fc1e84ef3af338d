package statevector

import (
	"math"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// TestMeasureCollapses measures qubit 0 of a Bell pair: the outcome decides
// qubit 1 too, and the state is renormalised onto |00⟩ or |11⟩.
func TestMeasureCollapses(t *testing.T) {
	rng := newRNG(9)
	seen := map[int]int{}
	for range 200 {
		s, _ := New(2)
		if err := s.Run(circuit.New(2).H(0).CX(0, 1), circuit.Binding{}); err != nil {
			t.Fatal(err)
		}
		m, err := s.Measure(0, rng)
		if err != nil {
			t.Fatal(err)
		}
		seen[m]++
		if got := s.Amplitude(3 * m); math.Abs(real(got)-1) > 1e-15 || math.Abs(s.Norm()-1) > 1e-15 {
			t.Fatalf("after outcome %d: %v", m, s.Amplitudes())
		}
	}
	if !within(seen[1], 200, 0.5) {
		t.Errorf("outcomes %v", seen)
	}
}

// TestResetQubit resets qubit 0 of (|01⟩ + |10⟩)/√2 (qubit 0 rightmost):
// the partner qubit keeps the correlated value and qubit 0 ends in |0⟩.
func TestResetQubit(t *testing.T) {
	rng := newRNG(10)
	for range 50 {
		s, _ := New(2)
		if err := s.Run(circuit.New(2).H(0).X(1).CX(0, 1), circuit.Binding{}); err != nil {
			t.Fatal(err)
		}
		if err := s.ResetQubit(0, rng); err != nil {
			t.Fatal(err)
		}
		p := s.Probabilities()
		if p[1]+p[3] > 1e-30 || math.Abs(p[0]+p[2]-1) > 1e-15 || (p[0] != 1 && p[2] != 1) {
			t.Fatalf("after reset: %v", p)
		}
	}
	s, _ := New(1)
	if _, err := s.Measure(1, rng); err == nil {
		t.Error("measure of qubit 1 in a 1-qubit state accepted")
	}
	if err := s.ResetQubit(0, nil); err == nil {
		t.Error("reset without a random source accepted")
	}
}
