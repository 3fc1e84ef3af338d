package vqc_test

import (
	"math"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc"
)

// TestDenseAngleEncoder checks the Bloch vector of RZ(b)·RY(a)|0⟩ against
// its closed form (sin a cos b, sin a sin b, cos a), on both qubits of a
// 3-feature block (the third feature alone on qubit 1).
func TestDenseAngleEncoder(t *testing.T) {
	tests := []struct{ a, b, c float64 }{{0.3, 1.1, -0.7}, {2.5, -2.0, 1.9}, {math.Pi, 0.4, 0}}
	for _, scale := range []float64{0, 0.5} {
		enc := vqc.DenseAngleEncoder{Scale: scale}
		s := scale
		if s == 0 {
			s = 1
		}
		for _, tc := range tests {
			c := circuit.New(2)
			if err := enc.AppendBlock(c, 3, 0); err != nil {
				t.Fatal(err)
			}
			x := []float64{tc.a, tc.b, tc.c}
			in := make([]float64, enc.BlockInputs(3, 2))
			if err := enc.Inputs(in, x); err != nil {
				t.Fatal(err)
			}
			obs := []circuit.Observable{
				circuit.Sum(circuit.Term(1, circuit.X(0))), circuit.Sum(circuit.Term(1, circuit.Y(0))),
				circuit.Sum(circuit.Term(1, circuit.Z(0))), circuit.Sum(circuit.Term(1, circuit.Z(1))),
			}
			var sim statevector.Simulator
			got, err := sim.Expectations(c, circuit.Binding{Inputs: in}, obs)
			if err != nil {
				t.Fatal(err)
			}
			a, b, cc := s*tc.a, s*tc.b, s*tc.c
			want := []float64{math.Sin(a) * math.Cos(b), math.Sin(a) * math.Sin(b), math.Cos(a), math.Cos(cc)}
			for k := range want {
				if math.Abs(got[k]-want[k]) > 1e-12 {
					t.Errorf("scale %v, x %v: ⟨obs %d⟩ = %v, want %v", scale, x, k, got[k], want[k])
				}
			}
		}
	}
	if err := (vqc.DenseAngleEncoder{}).AppendBlock(circuit.New(1), 3, 0); err == nil {
		t.Error("3 features on 1 qubit: no error")
	}
}
