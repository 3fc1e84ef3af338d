package control

import (
	"math"
	"testing"

	"github.com/itsubaki/q/math/matrix"
	"github.com/itsubaki/q/quantum/gate"
)

func TestIsingChain(t *testing.T) {
	sys, err := IsingChain{N: 3, Periodic: true, Transverse: true, Couplings: true}.Build()
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"hx0", "hx1", "hx2", "J0-1", "J1-2", "J2-0"}
	if len(sys.Channels) != len(names) {
		t.Fatalf("%d channels, want %v", len(sys.Channels), names)
	}
	for i, n := range names {
		if sys.Channels[i].Name != n {
			t.Errorf("channel %d is %q, want %q", i, sys.Channels[i].Name, n)
		}
	}
	// J2-0 is Z2·Z0: Z⊗I⊗Z in itsubaki's most-significant-first order.
	if d := maxDiff(sys.Channel("J2-0").Op, fromQ(matrix.TensorProduct(gate.Z(), gate.I(), gate.Z()))); d > 0 {
		t.Errorf("J2-0 operator differs by %g", d)
	}
	u, err := IsingChain{N: 2, Longitudinal: true, Couplings: true, Uniform: true}.Build()
	if err != nil {
		t.Fatal(err)
	}
	want := fromQ(matrix.TensorProduct(gate.Z(), gate.I()).Add(matrix.TensorProduct(gate.I(), gate.Z())))
	if d := maxDiff(u.Channel("hz").Op, want); d > 0 || u.Channel("J") == nil {
		t.Errorf("uniform channels wrong (hz differs by %g)", d)
	}
	if _, err := (IsingChain{N: 2, Periodic: true}).Build(); err == nil {
		t.Error("periodic chain of 2 accepted")
	}
}

// TestIsingFieldTrains: a transverse field strength is a trainable control —
// one spin under hx·X for time 1 from |0⟩ must reach |1⟩, which needs
// hx = π/2.
func TestIsingFieldTrains(t *testing.T) {
	sys, _ := IsingChain{N: 1, Transverse: true}.Build()
	p := NewPulse("hx", Constant{}, 0, 1)
	p.Params[0] = 0.3
	sys.Channels[0].Add(p)
	obj, _ := NewStateTransfer(BasisState(2, 0), BasisState(2, 1))
	e, err := NewEvaluator(Problem{System: sys, Duration: 1, Slices: 1, Objective: obj})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Optimize(e, e.Initial(), Options{Target: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(math.Abs(res.Values[0])-math.Pi/2) > 1e-5 {
		t.Errorf("field %v, want ±π/2", res.Values[0])
	}
}
