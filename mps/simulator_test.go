package mps_test

import (
	"math"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/mps"
	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc"
	"github.com/qmlgo/qml/vqc/backendtest"
)

// The Simulator is safe for concurrent use: goroutines sharing one
// evaluate different circuits and each gets the reference values (run with
// -race).
func TestSimulatorConcurrent(t *testing.T) {
	sim := &mps.Simulator{Options: mps.Options{WarnFidelity: 0.9}}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for g := range errs {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(g), 3))
			for range 5 {
				n := 2 + rng.IntN(5)
				c := backendtest.RandomCircuit(rng, n, 15)
				b := backendtest.RandomBinding(rng, c)
				obs := []circuit.Observable{backendtest.RandomObservable(rng, n)}
				got, err := sim.Expectations(c, b, obs)
				if err != nil {
					errs[g] = err
					return
				}
				if want := backendtest.ReferenceExpectations(c, b, obs); math.Abs(got[0]-want[0]) > 1e-10 {
					t.Errorf("goroutine %d: %.15g, reference %.15g", g, got[0], want[0])
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if w := sim.Worst(); w.FidelityEstimate != 1 || w.Warning != "" || w.MaxBond < 2 {
		t.Errorf("Worst() = %+v after exact runs", w)
	}
	// A truncating run makes the worst report warn.
	sim.Options.MaxBond = 2
	c := brickwork(rand.New(rand.NewPCG(1, 1)), 8, 6)
	if _, err := sim.Expectations(c, circuit.Binding{}, []circuit.Observable{circuit.Sum(circuit.Term(1, circuit.Z(0)))}); err != nil {
		t.Fatal(err)
	}
	if w := sim.Worst(); w.FidelityEstimate >= 0.9 || w.Warning == "" {
		t.Errorf("Worst() = %+v after a χ = 2 brickwork run", w)
	}
}

// lightCone returns the ops of c that can influence observables on the
// qubits in support (walking backwards, an op joins when it touches the
// growing support) and the number of qubits they span. Dropping the others
// leaves the expectation values unchanged: they commute past the
// observable and cancel against their adjoints.
func lightCone(c *circuit.Circuit, support []int) (*circuit.Circuit, int) {
	in := make(map[int]bool)
	for _, q := range support {
		in[q] = true
	}
	keep := make([]bool, len(c.Ops))
	for i := len(c.Ops) - 1; i >= 0; i-- {
		for _, q := range c.Ops[i].Qubits {
			if in[q] {
				keep[i] = true
			}
		}
		if keep[i] {
			for _, q := range c.Ops[i].Qubits {
				in[q] = true
			}
		}
	}
	m := 0
	for q := range in {
		m = max(m, q+1)
	}
	out := circuit.New(m)
	for i, op := range c.Ops {
		if keep[i] {
			if err := out.Append(op); err != nil {
				panic(err)
			}
		}
	}
	return out, m
}

// hardwareEfficient64 builds a 1-D hardware-efficient ansatz on n qubits
// (RY, RZ on every qubit, then a linear chain of CX; Kandala et al. 2017)
// with the given number of layers, through vqc's own ansatz.
func hardwareEfficient(t testing.TB, n, layers int) *circuit.Circuit {
	c := circuit.New(n)
	h := vqc.HardwareEfficient{Rotations: []string{"ry", "rz"}, Entangler: "cx", Entanglement: "linear"}
	off := 0
	for l := range layers {
		used, err := h.AppendLayer(c, l, off)
		if err != nil {
			t.Fatal(err)
		}
		off += used
	}
	return c
}

// A 64-qubit hardware-efficient ansatz is evaluated and differentiated by
// the parameter-shift rule inside vqc on the MPS backend. The reference is
// independent: the observables' backward light cone spans only the first
// few qubits, so the state vector on that cone gives the exact values and,
// by central differences, the gradient (zero outside the cone).
func TestHardwareEfficient64Gradient(t *testing.T) {
	const n, layers = 64, 2
	c := hardwareEfficient(t, n, layers)
	rng := rand.New(rand.NewPCG(64, 2))
	b := backendtest.RandomBinding(rng, c)
	obs := []circuit.Observable{
		circuit.Sum(circuit.Term(1, circuit.Z(0))),
		circuit.Sum(circuit.Term(0.5, circuit.X(0), circuit.Z(1)), circuit.Term(-0.25, circuit.Y(1))),
	}
	cot := []float64{0.7, -1.3}
	e, gw, _, err := vqc.ExpectationGradient(&mps.Simulator{}, vqc.ParameterShift, c, b, obs,
		func([]float64) ([]float64, error) { return cot, nil })
	if err != nil {
		t.Fatal(err)
	}
	cone, m := lightCone(c, []int{0, 1})
	if m > 12 {
		t.Fatalf("light cone spans %d qubits; the reference needs a small one", m)
	}
	loss := func(b circuit.Binding) float64 {
		s, err := statevector.New(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Run(cone, b); err != nil {
			t.Fatal(err)
		}
		v, err := s.Expectations(obs)
		if err != nil {
			t.Fatal(err)
		}
		return cot[0]*v[0] + cot[1]*v[1]
	}
	ref, _ := statevector.New(m)
	_ = ref.Run(cone, b)
	want, _ := ref.Expectations(obs)
	for k := range want {
		if math.Abs(e[k]-want[k]) > 1e-10 {
			t.Errorf("<O_%d> = %.15g, light-cone state vector %.15g", k, e[k], want[k])
		}
	}
	const h = 1e-6
	for i := range b.Weights {
		orig := b.Weights[i]
		b.Weights[i] = orig + h
		plus := loss(b)
		b.Weights[i] = orig - h
		minus := loss(b)
		b.Weights[i] = orig
		if fd := (plus - minus) / (2 * h); math.Abs(gw[i]-fd) > 1e-7 {
			t.Errorf("∂/∂θ[%d] = %.12g, finite difference %.12g", i, gw[i], fd)
		}
	}
}

func TestSimulatorErrors(t *testing.T) {
	obs := []circuit.Observable{circuit.Sum(circuit.Term(1, circuit.Z(0)))}
	measured := circuit.New(1)
	measured.AddCReg("c", 1)
	measured.H(0).Measure(0, 0)
	for _, tc := range []struct {
		name string
		sim  *mps.Simulator
		c    *circuit.Circuit
		obs  []circuit.Observable
	}{
		{"bad options", &mps.Simulator{Options: mps.Options{MaxBond: -1}}, circuit.New(1).H(0), obs},
		{"nil circuit", &mps.Simulator{}, nil, obs},
		{"measurement", &mps.Simulator{}, measured, obs},
		{"observable out of range", &mps.Simulator{}, circuit.New(1).H(0), []circuit.Observable{circuit.Sum(circuit.Term(1, circuit.Z(3)))}},
	} {
		if _, err := tc.sim.Expectations(tc.c, circuit.Binding{}, tc.obs); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	if w := (&mps.Simulator{}).Worst(); w.FidelityEstimate != 1 || w.MaxBond != 1 {
		t.Errorf("Worst() before any run = %+v", w)
	}
}
