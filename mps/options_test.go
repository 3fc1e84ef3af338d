package mps_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/mps"
)

func TestOptionsValidate(t *testing.T) {
	for _, tc := range []struct {
		opts mps.Options
		want string // "" for valid
	}{
		{mps.Options{}, ""},
		{mps.Options{MaxBond: 1, Cutoff: 1e-12, MaxMemory: 1 << 20, WarnFidelity: 0.99}, ""},
		{mps.Options{MaxBond: -3}, "MaxBond"},
		{mps.Options{Cutoff: -1}, "Cutoff"},
		{mps.Options{Cutoff: math.Inf(1)}, "Cutoff"},
		{mps.Options{MaxMemory: -5}, "MaxMemory"},
		{mps.Options{WarnFidelity: -0.1}, "WarnFidelity"},
		{mps.Options{WarnFidelity: 1.5}, "WarnFidelity"},
	} {
		err := tc.opts.Validate()
		if (err == nil) != (tc.want == "") || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%+v: error %v, want %q", tc.opts, err, tc.want)
		}
		if _, err := mps.New(3, tc.opts); (err == nil) != (tc.want == "") {
			t.Errorf("New with %+v: error %v", tc.opts, err)
		}
	}
	if _, err := mps.New(0, mps.Options{}); err == nil {
		t.Error("New(0): no error")
	}
}

// The bond bound follows the circuit's structure: GHZ stays at 2 on any
// size; the brickwork's middle bond doubles with each of its cz gates up to
// 2^10 after 20 layers, or to χ; each cz is one split.
func TestEstimateCost(t *testing.T) {
	bw := brickwork(rand.New(rand.NewPCG(1, 1)), 100, 20)
	for _, tc := range []struct {
		name   string
		c      *circuit.Circuit
		opts   mps.Options
		bond   float64
		splits int
	}{
		{"GHZ 1000", ghz(1000), mps.Options{}, 2, 999},
		{"brickwork", bw, mps.Options{}, 1024, 990},
		{"brickwork χ=64", bw, mps.Options{MaxBond: 64}, 64, 990},
		// A cx between qubits 0 and 3 is routed by two swaps there and two
		// back: five splits.
		{"distant cx", circuit.New(4).CX(0, 3), mps.Options{}, 4, 5},
	} {
		cost, err := mps.EstimateCost(tc.c, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		if cost.MaxBond != tc.bond || cost.Splits != tc.splits {
			t.Errorf("%s: bound %v with %d splits, want %v and %d", tc.name, cost.MaxBond, cost.Splits, tc.bond, tc.splits)
		}
	}
	// The bound holds in a run.
	s, _ := mps.New(100, mps.Options{MaxBond: 64, Cutoff: 1e-12})
	if err := s.Run(brickwork(rand.New(rand.NewPCG(1, 1)), 100, 8), circuit.Binding{}); err != nil {
		t.Fatal(err)
	}
	cost, _ := mps.EstimateCost(brickwork(rand.New(rand.NewPCG(1, 1)), 100, 8), mps.Options{MaxBond: 64})
	if got := float64(s.Report().MaxBond); got > cost.MaxBond {
		t.Errorf("run reached bond %v above the bound %v", got, cost.MaxBond)
	}
	if _, err := mps.EstimateCost(nil, mps.Options{}); err == nil {
		t.Error("EstimateCost(nil): no error")
	}
}

// A circuit whose bound exceeds the memory cap is refused before any gate
// is applied, and the state is left as it was.
func TestRunRefusesOverMemory(t *testing.T) {
	s, _ := mps.New(100, mps.Options{MaxMemory: 64 << 20})
	err := s.Run(brickwork(rand.New(rand.NewPCG(1, 1)), 100, 20), circuit.Binding{})
	if err == nil || !strings.Contains(err.Error(), "memory cap") {
		t.Fatalf("error %v, want the memory cap", err)
	}
	if r := s.Report(); r.MaxBond != 1 {
		t.Errorf("state changed before the refusal: %+v", r)
	}
}

// Run and ApplyMatrix refuse what they cannot apply.
func TestRunErrors(t *testing.T) {
	s, _ := mps.New(3, mps.Options{})
	measured := circuit.New(3)
	measured.AddCReg("c", 1)
	measured.Measure(0, 0)
	for _, tc := range []struct {
		name string
		c    *circuit.Circuit
		b    circuit.Binding
	}{
		{"nil", nil, circuit.Binding{}},
		{"size", circuit.New(2).H(0), circuit.Binding{}},
		{"measure", measured, circuit.Binding{}},
		{"unbound", circuit.New(3).RX(0, circuit.Weight(0)), circuit.Binding{}},
	} {
		if err := s.Run(tc.c, tc.b); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	for _, tc := range []struct {
		m  []complex128
		qs []int
	}{
		{[]complex128{1, 0, 0, 1}, []int{3}},
		{[]complex128{1, 0, 0, 1}, []int{0, 1}},
		{[]complex128{1, 1, 0, 1}, []int{0}},
		{[]complex128{1, 0, 0, 1}, nil},
	} {
		if err := s.ApplyMatrix(tc.m, tc.qs...); err == nil {
			t.Errorf("ApplyMatrix(%v, %v): no error", tc.m, tc.qs)
		}
	}
}
