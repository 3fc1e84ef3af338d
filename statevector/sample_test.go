package statevector

import (
	"math"
	"slices"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// TestSampleChiSquare draws 20000 shots from a random 4-qubit state and
// checks Pearson's χ² against the Born probabilities. With 15 degrees of
// freedom P(χ² > 37.70) = 0.001; the seed is fixed, so the test is
// deterministic, and a sampler off by a bin would exceed it by far.
func TestSampleChiSquare(t *testing.T) {
	rng := newRNG(21)
	c, b := randomCircuit(4, 20, rng)
	s, _ := New(4)
	if err := s.Run(c, b); err != nil {
		t.Fatal(err)
	}
	const shots = 20000
	samples := s.Sample(shots, rng)
	if len(samples) != shots || !slices.IsSorted(samples) {
		t.Fatalf("%d samples, sorted %v", len(samples), slices.IsSorted(samples))
	}
	observed := make([]float64, 16)
	for _, i := range samples {
		observed[i]++
	}
	chi2 := 0.0
	for i, p := range s.Probabilities() {
		want := p * shots
		chi2 += (observed[i] - want) * (observed[i] - want) / want
	}
	if chi2 > 37.70 {
		t.Errorf("χ² = %.2f > 37.70 (15 dof, p = 0.001)", chi2)
	}
}

func TestSampleEdgeCases(t *testing.T) {
	s, _ := New(2)
	if err := s.Run(circuit.New(2).X(1), circuit.Binding{}); err != nil {
		t.Fatal(err)
	}
	for _, i := range s.Sample(100, newRNG(1)) {
		if i != 2 {
			t.Fatalf("sampled %d from |10⟩", i)
		}
	}
	if s.Sample(0, newRNG(1)) != nil || s.Sample(5, nil) != nil {
		t.Error("no shots or no rng should give nil")
	}
	// A norm slightly below 1 sends the leftover draws to the last nonzero index.
	short, _ := FromAmplitudes([]complex128{0, complex(math.Sqrt(0.5), 0), complex(math.Sqrt(0.5)-1e-9, 0), 0})
	for _, i := range short.Sample(1000, newRNG(2)) {
		if i != 1 && i != 2 {
			t.Fatalf("sampled %d", i)
		}
	}
}

func TestMarginalCountsAndBitstring(t *testing.T) {
	samples := []int{0b101, 0b101, 0b011, 0b110}
	tests := []struct {
		qubits []int
		want   map[string]int
	}{
		{[]int{0}, map[string]int{"1": 3, "0": 1}},
		{[]int{0, 1}, map[string]int{"01": 2, "11": 1, "10": 1}},
		{[]int{2, 0}, map[string]int{"11": 2, "10": 1, "01": 1}},
	}
	for _, tt := range tests {
		got := MarginalCounts(samples, tt.qubits)
		if len(got) != len(tt.want) {
			t.Errorf("MarginalCounts(%v) = %v, want %v", tt.qubits, got, tt.want)
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("MarginalCounts(%v)[%s] = %d, want %d", tt.qubits, k, got[k], v)
			}
		}
	}
	if got := Bitstring(0b0110, 5); got != "00110" {
		t.Errorf("Bitstring = %q", got)
	}
}
