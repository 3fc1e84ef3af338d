package control

import (
	"math"
	"math/cmplx"
	"testing"

	"github.com/qmlgo/qml/linalg"
)

// rabi returns a qubit under (Ω/2)·σx·u(t) with a pulse of envelope env and
// carrier w, and the state-transfer objective |0⟩ → |1⟩.
func rabi(t *testing.T, env Envelope, params []float64, w, T float64) (*System, Objective) {
	t.Helper()
	sys, err := PauliSystem(1, "0", "0.5*X0")
	if err != nil {
		t.Fatal(err)
	}
	p := NewPulse("x", env, 0, T)
	copy(p.Params, params)
	p.Carrier = w
	sys.Channels[0].Add(p)
	obj, err := NewStateTransfer(BasisState(2, 0), BasisState(2, 1))
	if err != nil {
		t.Fatal(err)
	}
	return sys, obj
}

// TestRabiClosedForm: a constant drive (Ω/2)σx rotates |0⟩ to
// P(1) = sin²(ΩT/2) — exactly, for every integrator, slicing and the
// Runge–Kutta re-simulation.
func TestRabiClosedForm(t *testing.T) {
	const omega, T = 1.3, 2.2
	want := math.Pow(math.Sin(omega*T/2), 2)
	for _, integ := range []Integrator{Midpoint, Magnus4} {
		for _, n := range []int{1, 7} {
			sys, obj := rabi(t, PWC{N: 1}, []float64{omega}, 0, T)
			e, err := NewEvaluator(Problem{System: sys, Duration: T, Slices: n, Integrator: integ, Objective: obj})
			if err != nil {
				t.Fatal(err)
			}
			ev, err := e.Evolve(e.Initial())
			if err != nil {
				t.Fatal(err)
			}
			if got := 1 - ev.Metrics["infidelity"]; math.Abs(got-want) > 1e-14 {
				t.Errorf("%v, %d slices: P(1) = %.16f, want sin²(ΩT/2) = %.16f", integ, n, got, want)
			}
			_, m, err := e.Resimulate(e.Initial(), ResimOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := 1 - m["infidelity"]; math.Abs(got-want) > 1e-11 {
				t.Errorf("%v, %d slices: re-simulated P(1) = %.14f, want %.14f", integ, n, got, want)
			}
		}
	}
}

// TestIntegratorOrder measures the convergence order of the two integrators
// on a lab-frame drive: halving Δt divides the error by about 2^order.
func TestIntegratorOrder(t *testing.T) {
	const T = 3.0
	final := func(integ Integrator, n int) *linalg.Matrix {
		sys, obj := rabi(t, Gaussian{}, []float64{2, 0.5, 0.2}, 3, T)
		sys.Drift.Data[0], sys.Drift.Data[3] = 1.5, -1.5
		e, err := NewEvaluator(Problem{System: sys, Duration: T, Slices: n, Integrator: integ, Objective: obj})
		if err != nil {
			t.Fatal(err)
		}
		ev, err := e.Evolve(e.Initial())
		if err != nil {
			t.Fatal(err)
		}
		return ev.States[n]
	}
	ref := final(Magnus4, 4096)
	for _, c := range []struct {
		integ Integrator
		order float64
	}{{Midpoint, 2}, {Magnus4, 4}} {
		e1 := maxDiff(final(c.integ, 64), ref)
		e2 := maxDiff(final(c.integ, 128), ref)
		if got := math.Log2(e1 / e2); math.Abs(got-c.order) > 0.3 {
			t.Errorf("%v: observed order %.2f (errors %.3g, %.3g), want %v", c.integ, got, e1, e2, c.order)
		}
	}
}

// TestResimulateMatchesFineMagnus: the Runge–Kutta re-simulation and a
// fine Magnus propagation of a smooth lab-frame pulse agree.
func TestResimulateMatchesFineMagnus(t *testing.T) {
	sys, obj := rabi(t, DRAG{}, []float64{2, 0.3, 0.5, 0.2}, 3, 3)
	e, err := NewEvaluator(Problem{System: sys, Duration: 3, Slices: 2000, Integrator: Magnus4, Objective: obj})
	if err != nil {
		t.Fatal(err)
	}
	ev, _ := e.Evolve(e.Initial())
	x, _, err := e.Resimulate(e.Initial(), ResimOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if d := maxDiff(x, ev.States[len(ev.States)-1]); d > 1e-10 {
		t.Errorf("Runge–Kutta and Magnus differ by %g", d)
	}
}

// TestPopulations: the populations of a unitary evolution sum to one at
// every slice, and a π pulse ends in |1⟩.
func TestPopulations(t *testing.T) {
	sys, obj := rabi(t, PWC{N: 1}, []float64{math.Pi}, 0, 1)
	e, _ := NewEvaluator(Problem{System: sys, Duration: 1, Slices: 10, Objective: obj})
	ev, _ := e.Evolve(e.Initial())
	pops := ev.Populations()
	for n, p := range pops {
		if math.Abs(p[0]+p[1]-1) > 1e-14 {
			t.Errorf("slice %d: populations sum to %v", n, p[0]+p[1])
		}
	}
	if last := pops[len(pops)-1]; math.Abs(last[1]-1) > 1e-14 {
		t.Errorf("after a π pulse P(1) = %v", last[1])
	}
	if len(ev.Signals) != 1 || len(ev.Signals[0]) != 10 || cmplx.Abs(ev.Signals[0][3]-math.Pi) > 1e-15 {
		t.Errorf("signals %v", ev.Signals)
	}
}

// TestAutoSlices checks the slice count rule.
func TestAutoSlices(t *testing.T) {
	mk := func(env Envelope, start, dur, carrier float64) *System {
		sys, _ := PauliSystem(1, "0", "X0")
		p := NewPulse("p", env, start, dur)
		p.Carrier = carrier
		sys.Channels[0].Add(p)
		return sys
	}
	cases := []struct {
		name string
		sys  *System
		T    float64
		want int
	}{
		{"pwc spanning T", mk(PWC{N: 60}, 0, 3, 0), 3, 60},
		{"pwc half window", mk(PWC{N: 10}, 1, 2, 0), 4, 20},
		{"carrier 10 rad over 5", mk(Gaussian{}, 0, 5, 10), 5, 500},
		{"carrier aligned to pwc", mk(PWC{N: 64}, 0, 5, 2), 5, 128},
	}
	for _, c := range cases {
		if got := autoSlices(c.sys, c.T, DefaultStepFactor); got != c.want {
			t.Errorf("%s: %d slices, want %d", c.name, got, c.want)
		}
	}
}

func TestEvaluatorRejects(t *testing.T) {
	sys, obj := rabi(t, PWC{N: 1}, []float64{1}, 0, 1)
	bad := []Problem{
		{Duration: 1, Objective: obj},
		{System: sys, Objective: obj},
		{System: sys, Duration: 1},
		{System: sys, Duration: 1, Objective: obj, Slices: -1},
		{System: sys, Duration: 1, Objective: obj, Integrator: 7},
		{System: sys, Duration: 1, Objective: &Gate{x0: BasisState(3, 0)}},
		{System: sys, Duration: 1, Objective: obj, Penalties: []Penalty{AmplitudePenalty{Channels: []string{"nope"}}}},
	}
	for i, p := range bad {
		if _, err := NewEvaluator(p); err == nil {
			t.Errorf("problem %d accepted", i)
		}
	}
	e, _ := NewEvaluator(Problem{System: sys, Duration: 1, Objective: obj})
	if _, err := e.Cost([]float64{1, 2}, nil); err == nil {
		t.Error("wrong θ length accepted")
	}
	if _, err := e.Cost([]float64{math.NaN()}, nil); err == nil {
		t.Error("NaN θ accepted")
	}
}
