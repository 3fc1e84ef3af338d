package mps_test

import (
	"math"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/mps"
)

// binaryEntropy is H(p) = −p log₂ p − (1−p) log₂(1−p).
func binaryEntropy(p float64) float64 {
	return -p*math.Log2(p) - (1-p)*math.Log2(1-p)
}

// Bond entropies against closed forms: a product state has none; GHZ has
// one bit on every bond; cos(θ/2)|00⟩ + sin(θ/2)|11⟩ has H(cos²(θ/2)); two
// Bell pairs (0,3) and (1,2) cut by the middle bond give two bits there and
// one on the outer bonds.
func TestBondEntropies(t *testing.T) {
	const theta = 0.7
	for _, tc := range []struct {
		name string
		c    *circuit.Circuit
		want []float64
	}{
		{"product", circuit.New(3).H(0).X(1).RY(2, circuit.Const(0.3)), []float64{0, 0}},
		{"GHZ", ghz(4), []float64{1, 1, 1}},
		{"partial", circuit.New(2).RY(0, circuit.Const(theta)).CX(0, 1), []float64{binaryEntropy(math.Pow(math.Cos(theta/2), 2))}},
		{"nested Bell pairs", circuit.New(4).H(0).CX(0, 3).H(1).CX(1, 2), []float64{1, 2, 1}},
	} {
		s, err := mps.New(tc.c.NumQubits, mps.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Run(tc.c, circuit.Binding{}); err != nil {
			t.Fatal(err)
		}
		got, err := s.BondEntropies()
		if err != nil {
			t.Fatal(err)
		}
		for j := range tc.want {
			if math.Abs(got[j]-tc.want[j]) > 1e-12 {
				t.Errorf("%s: bond %d entropy %.15g, want %.15g", tc.name, j, got[j], tc.want[j])
			}
		}
		// The entropies are a property of the state: the sweep must not
		// change it.
		if math.Abs(s.Norm()-1) > 1e-12 {
			t.Errorf("%s: norm %v after the sweep", tc.name, s.Norm())
		}
	}
}

// Schmidt values of the Bell state are 1/√2, 1/√2.
func TestSchmidtValues(t *testing.T) {
	s, _ := mps.New(2, mps.Options{})
	if err := s.Run(circuit.New(2).H(0).CX(0, 1), circuit.Binding{}); err != nil {
		t.Fatal(err)
	}
	sv, err := s.SchmidtValues(0)
	if err != nil {
		t.Fatal(err)
	}
	if len(sv) != 2 || math.Abs(sv[0]-1/math.Sqrt2) > 1e-14 || math.Abs(sv[1]-1/math.Sqrt2) > 1e-14 {
		t.Errorf("Schmidt values %v, want [1/√2 1/√2]", sv)
	}
	for _, j := range []int{-1, 1} {
		if _, err := s.SchmidtValues(j); err == nil {
			t.Errorf("SchmidtValues(%d): no error", j)
		}
	}
}
