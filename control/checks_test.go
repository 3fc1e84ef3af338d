package control

// The problems of issue 4 (P1–P5) with the numbers the issue gives. Slow
// variants run with QML_LONG=1.

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/linalg"
)

// qftProblem is QuTiP's 2-qubit QFT example (control-pulseoptim-QFT):
// H0 = ½(XX+YY+ZZ), controls X⊗I/2, Y⊗I/2, I⊗X/2, I⊗Y/2 (the first factor
// is qubit 1), amplitudes in [−5, 5], Δt = 0.05, linear initial pulses
// (QuTiP's PulseGenLinear with scalings −1.5, −0.5, 0.5, 1.5), and the
// phase-insensitive fidelity 1 − |Tr(U_t†U)|/4.
func qftProblem(t testing.TB, T float64) *Evaluator {
	sys, err := PauliSystem(2, "0.5*X0*X1 + 0.5*Y0*Y1 + 0.5*Z0*Z1", "0.5*X1", "0.5*Y1", "0.5*X0", "0.5*Y0")
	if err != nil {
		t.Fatal(err)
	}
	n := int(math.Round(T / 0.05))
	for j, c := range sys.Channels {
		p := NewPulse(c.Name, PWC{N: n}, 0, T)
		scale := float64(j) - 1.5
		for k := range p.Params {
			p.Params[k] = scale * (-1 + 2*float64(k)/float64(n))
		}
		p.BoundAmplitudes(5)
		c.Add(p)
	}
	g, err := NewGate(qftMatrix(4), 4, nil, TraceAbs, 0)
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEvaluator(Problem{System: sys, Duration: T, Objective: g})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestP1QFT: T = 3 reaches 1 − |Tr|/d ≤ 1e-5; T = 6 reaches ≤ 1e-9 when
// asked for 1e-10; T = 1 is below the quantum speed limit and plateaus near
// QuTiP's 0.3437 without claiming success. Every result is re-simulated.
func TestP1QFT(t *testing.T) {
	for _, c := range []struct {
		T, target, want float64
		goal            bool
	}{{3, 1e-5, 1e-5, true}, {6, 1e-10, 1e-9, true}, {1, 1e-5, math.Inf(1), false}} {
		e := qftProblem(t, c.T)
		if n, _ := e.Slices(); n != int(math.Round(c.T/0.05)) {
			t.Fatalf("T=%v: %d slices", c.T, n)
		}
		res, err := Optimize(e, e.Initial(), Options{Target: c.target})
		if err != nil {
			t.Fatal(err)
		}
		infid, resim := res.Metrics["infidelity"], res.Resimulated["infidelity"]
		t.Logf("T=%v: infidelity %.3g (re-simulated %.3g) after %d iterations, %s", c.T, infid, resim, res.Iterations, res.Status)
		if res.GoalReached != c.goal {
			t.Errorf("T=%v: GoalReached = %v, want %v (%s)", c.T, res.GoalReached, c.goal, res.Status)
		}
		if c.goal && (infid > c.want || resim > c.want) {
			t.Errorf("T=%v: infidelity %g, re-simulated %g, want ≤ %g", c.T, infid, resim, c.want)
		}
		if !c.goal && math.Abs(infid-0.344) > 0.02 {
			t.Errorf("T=1: plateau at %v, QuTiP's is 0.3437", infid)
		}
		for _, v := range res.Values {
			if math.Abs(v) > 5 {
				t.Fatalf("T=%v: amplitude %v outside [−5, 5]", c.T, v)
			}
		}
	}
}

// cnotProblem: H0 = ½Z⊗Z, controls ½X⊗I, ½Y⊗I, ½I⊗X, ½I⊗Y within ±10, the
// CNOT target, 50 slices per time unit, linear initial pulses.
func cnotProblem(t testing.TB, T float64) *Evaluator {
	sys, err := PauliSystem(2, "0.5*Z0*Z1", "0.5*X1", "0.5*Y1", "0.5*X0", "0.5*Y0")
	if err != nil {
		t.Fatal(err)
	}
	n := int(math.Round(50 * T))
	for j, c := range sys.Channels {
		p := NewPulse(c.Name, PWC{N: n}, 0, T)
		scale := float64(j) - 1.5
		for k := range p.Params {
			p.Params[k] = scale * (-1 + 2*float64(k)/float64(n))
		}
		p.BoundAmplitudes(10)
		c.Add(p)
	}
	// CNOT with qubit 1 (the first tensor factor) as control.
	cnot := mustRows(t, [][]complex128{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}, {0, 0, 1, 0}})
	g, err := NewGate(cnot, 4, nil, TraceAbs, 0)
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEvaluator(Problem{System: sys, Duration: T, Objective: g})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestP2CNOT: T = 2 reaches ≤ 1e-8; T = 1 < π/2 stays ≥ 5e-2; the exact
// gradient matches central finite differences to 1e-9.
func TestP2CNOT(t *testing.T) {
	for _, c := range []struct {
		T    float64
		goal bool
	}{{2, true}, {1, false}} {
		e := cnotProblem(t, c.T)
		res, err := Optimize(e, e.Initial(), Options{Target: 1e-8})
		if err != nil {
			t.Fatal(err)
		}
		infid, resim := res.Metrics["infidelity"], res.Resimulated["infidelity"]
		t.Logf("T=%v: infidelity %.3g (re-simulated %.3g), %d iterations, %s", c.T, infid, resim, res.Iterations, res.Status)
		if c.goal && (!res.GoalReached || infid > 1e-8 || resim > 1e-8) {
			t.Errorf("T=2: infidelity %g, re-simulated %g, want ≤ 1e-8", infid, resim)
		}
		if !c.goal && (res.GoalReached || infid < 5e-2) {
			t.Errorf("T=1: infidelity %g, want ≥ 5e-2", infid)
		}
		if c.T == 2 {
			for _, th := range [][]float64{e.Initial(), res.Theta} {
				chk, err := e.CheckGradient(th, 1e-5)
				if err != nil {
					t.Fatal(err)
				}
				if chk.MaxAbs > 1e-9 {
					t.Errorf("gradient vs finite differences: max |Δ| = %g", chk.MaxAbs)
				}
			}
		}
	}
}

// swap02Problem is Juqbox's swap02 example (examples/swap02-setup.jl): one
// transmon, 3 essential + 2 guard levels, f01 = 3.448646 GHz,
// α = −0.208396 GHz, rotating frame at f01 with the RWA, T = 300 ns,
// carriers at the 0–1 and 1–2 transitions (0 and α, plus offMHz),
// quadratic B-spline I/Q envelopes (30 per quadrature) whose coefficients
// are bounded by 2π·7 MHz, so |c(t)| ≤ 2·√2·7 < 20 MHz; the trace infidelity
// 1 − |Tr|²/9 on the essential levels and a time-integrated guard-level
// penalty.
func swap02Problem(t testing.TB, offMHz float64, trainCarrier bool) *Evaluator {
	ts := &Transmons{Modes: []Transmon{{Levels: 5, Essential: 3, Freq: 3.448646, Anharm: -0.208396}}, RWA: true}
	sys, err := ts.Build()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5432, 1))
	bs, _ := NewBSpline(2, 30)
	for i, w := range []float64{0, 2 * math.Pi * -0.208396} {
		p := NewPulse("f"+itoa(i), NewIQ(bs), 0, 300)
		for k := range p.Params {
			p.Params[k] = 2 * math.Pi * 0.002 * (2*r.Float64() - 1)
		}
		p.Carrier = w + 2*math.Pi*offMHz/1000
		p.BoundAmplitudes(2 * math.Pi * 0.007)
		if trainCarrier {
			p.SetTrain(true, Carrier)
		}
		if err := ts.Drive(sys, 0, p); err != nil {
			t.Fatal(err)
		}
	}
	swap := mustRows(t, [][]complex128{{0, 0, 1}, {0, 1, 0}, {1, 0, 0}})
	g, err := NewGate(swap, 5, ts.Essential(), TraceSquared, 0)
	if err != nil {
		t.Fatal(err)
	}
	guard, err := NewGuardPopulation(ts.Guard(), 5, 1e-5)
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEvaluator(Problem{System: sys, Duration: 300, Objective: g, Running: []RunningCost{guard}, Integrator: Magnus4, StepFactor: 0.3})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestP3TransmonSwap02: trace infidelity ≤ 1e-5 with guard population
// ≤ 1e-4; then (QML_LONG) with both carriers 1 MHz off resonance and
// trainable, recovered to ≤ 1e-5.
func TestP3TransmonSwap02(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: run without -short")
	}
	cases := []struct {
		off   float64
		train bool
	}{{0, false}}
	if long() {
		cases = append(cases, struct {
			off   float64
			train bool
		}{1, true})
	}
	for _, c := range cases {
		e := swap02Problem(t, c.off, c.train)
		res, err := Optimize(e, e.Initial(), Options{Target: 1e-6, MaxIters: 300})
		if err != nil {
			t.Fatal(err)
		}
		m, r := res.Metrics, res.Resimulated
		t.Logf("carrier offset %v MHz (trained %v): infidelity %.3g (re-simulated %.3g), guard population %.3g, %d iterations",
			c.off, c.train, m["infidelity"], r["infidelity"], m["guard_population"], res.Iterations)
		if m["infidelity"] > 1e-5 || r["infidelity"] > 1e-5 || m["guard_population"] > 1e-4 {
			t.Errorf("offset %v: infidelity %g (re-simulated %g), guard %g", c.off, m["infidelity"], r["infidelity"], m["guard_population"])
		}
	}
}

// piPulse is the P4 qubit: H = ½·2π·5·σz + 2π·0.02·cos(2π·5t)·σx
// (t in ns) for 25 ns from |0⟩, in the lab frame, or its RWA
// ½·2π·0.02·σx, optionally with the collapse operator √(1/1000)·|0⟩⟨1|.
func piPulse(t *testing.T, lab, decay bool) float64 {
	w, om := 2*math.Pi*5, 2*math.Pi*0.02
	sys, _ := PauliSystem(1, "0", "X0")
	p := NewPulse("x", PWC{N: 1}, 0, 25)
	p.Params[0] = om / 2
	if lab {
		sys.Drift.Data[0], sys.Drift.Data[3] = complex(w/2, 0), complex(-w/2, 0)
		p.Params[0], p.Carrier = om, w
	}
	sys.Channels[0].Add(p)
	var obj Objective
	if decay {
		sys.Collapse = []*linalg.Matrix{mustRows(t, [][]complex128{{0, complex(math.Sqrt(1.0/1000), 0)}, {0, 0}})}
		obj, _ = NewDensityTarget(mustRows(t, [][]complex128{{1, 0}, {0, 0}}), mustRows(t, [][]complex128{{0, 0}, {0, 1}}))
	} else {
		obj, _ = NewStateTransfer(BasisState(2, 0), BasisState(2, 1))
	}
	// Lab frame: 0.05 rad of the 2π·5 GHz carrier per slice (15708
	// slices), where the fourth-order Magnus error is below 1e-10.
	prob := Problem{System: sys, Duration: 25, Objective: obj, Integrator: Magnus4, StepFactor: 0.05}
	if !lab {
		prob.Slices = 50
	}
	e, err := NewEvaluator(prob)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := e.Evolve(e.Initial())
	if err != nil {
		t.Fatal(err)
	}
	return 1 - ev.Metrics["infidelity"]
}

// TestP4FramesAndDecay: the lab-frame π pulse leaves the counter-rotating
// deficit, P(1) = 0.9999990000 ± 1e-9; the RWA gives 1 ± 1e-12.
//
// With decay the issue quotes 0.9906797728 ± 1e-8. Three independent
// integrations agree instead on 0.990679990 (±1e-10): this package's Magnus
// propagation of the Liouvillian, its Runge–Kutta re-simulation, and a
// separate pure-Python RK4 of the 2×2 master equation with 2·10⁵ steps
// (0.990679990483). The quoted value is 2.2e-7 lower, the size of the error
// of an ODE solver at QuTiP's default tolerances; the test checks the
// converged value.
func TestP4FramesAndDecay(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: run without -short")
	}
	if got := piPulse(t, true, false); math.Abs(got-0.9999990000) > 1e-9 {
		t.Errorf("lab frame: P(1) = %.12f, want 0.9999990000 ± 1e-9", got)
	}
	if got := piPulse(t, false, false); math.Abs(got-1) > 1e-12 {
		t.Errorf("RWA: P(1) = %.14f, want 1 ± 1e-12", got)
	}
	if got := piPulse(t, true, true); math.Abs(got-0.990679990483) > 1e-9 {
		t.Errorf("lab frame with decay: P(1) = %.12f, want 0.990679990483 (issue: 0.9906797728)", got)
	}
}

// TestLindbladHadamardStalls is QuTiP's Lindblad example
// (control-pulseoptim-Lindbladian): a qubit with amplitude damping
// 2γ·D[σ₋], γ = 0.1 (collapse √0.2·|1⟩⟨0| as in the notebook), controls σz
// and σx, T = 2 in 10 slices, random initial pulses, the target superoperator
// H⊗H* and the trace-difference error ‖S_t − S‖²/(2·4). QuTiP stops at
// 0.0206 after 200 iterations; so does this, and the run reports that the
// 1e-3 goal was not reached.
func TestLindbladHadamardStalls(t *testing.T) {
	sys, _ := PauliSystem(1, "0", "Z0", "X0")
	sys.Collapse = []*linalg.Matrix{mustRows(t, [][]complex128{{0, 0}, {complex(math.Sqrt(0.2), 0), 0}})}
	r := rand.New(rand.NewPCG(2, 9))
	for _, c := range sys.Channels {
		p := NewPulse(c.Name, PWC{N: 10}, 0, 2)
		for i := range p.Params {
			p.Params[i] = 2*r.Float64() - 1
		}
		c.Add(p)
	}
	s := complex(1/math.Sqrt2, 0)
	obj, _ := NewSuperopTarget(Superoperator(mustRows(t, [][]complex128{{s, s}, {s, -s}})))
	e, err := NewEvaluator(Problem{System: sys, Duration: 2, Slices: 10, Objective: obj})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Optimize(e, e.Initial(), Options{Target: 1e-3, MaxIters: 200})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stalled at %.5f (re-simulated %.5f): %s", res.Objective, res.Resimulated["infidelity"], res.Status)
	if res.GoalReached || math.Abs(res.Objective-0.0206) > 1e-3 {
		t.Errorf("fidelity error %v, goal reached %v; want a stall near 0.0206", res.Objective, res.GoalReached)
	}
}

// h2Problem is P5: two transmons in the qubit subspace (4.8080 and
// 4.8333 GHz, g = 0.01831 GHz), each in its own rotating frame with the RWA,
// one piecewise-constant drive per qubit (100 bins) with |Ω| ≤ 2π·20 MHz
// (Rabi frequency) and a trainable phase (and carrier), minimising the H₂
// Hamiltonian of examples/h2-vqe.yaml from |00⟩.
func h2Problem(t testing.TB, T float64, trainCarrier bool) *Evaluator {
	ts := &Transmons{Modes: []Transmon{{Levels: 2, Freq: 4.8080}, {Levels: 2, Freq: 4.8333}}, Couplings: []Coupling{{0, 1, 0.01831}}, RWA: true}
	sys, err := ts.Build()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 7))
	for k := range 2 {
		p := NewPulse("q"+itoa(k), PWC{N: 100}, 0, T)
		for i := range p.Params {
			p.Params[i] = 2 * math.Pi * 0.005 * r.NormFloat64()
		}
		p.BoundAmplitudes(2 * math.Pi * 0.02)
		p.SetTrain(true, Phase)
		if trainCarrier {
			p.SetTrain(true, Phase, Carrier)
		}
		if err := ts.Drive(sys, k, p); err != nil {
			t.Fatal(err)
		}
	}
	obs, _ := circuit.ParseObservable("-1.052373245772859*II + 0.39793742484318045*IZ - 0.39793742484318045*ZI - 0.01128010425623538*ZZ + 0.18093119978423156*XX")
	h, err := PauliSumMatrix(obs, []int{2, 2})
	if err != nil {
		t.Fatal(err)
	}
	en, err := NewEnergy(h, BasisState(4, 0), nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEvaluator(Problem{System: sys, Duration: T, Slices: 400, Objective: en})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestP5PulseVQE: the exact ground energy is the H₂ value −1.857275030202;
// at 15 ns a π rotation at ≤ 20 MHz (25 ns) is out of reach and so is
// chemical accuracy; at 40 ns, 100 Adam epochs reach 1.6e-3 Ha, with fixed
// and with trainable carriers. QML_LONG prints the energy-error curve.
func TestP5PulseVQE(t *testing.T) {
	e := h2Problem(t, 15, false)
	if g := e.prob.Objective.(*Energy).Ground(); math.Abs(g+1.857275030202) > 1e-9 {
		t.Fatalf("ground energy %v", g)
	}
	durations := []float64{15, 40}
	if long() {
		durations = []float64{15, 20, 25, 28, 30, 32, 34, 36, 40}
	}
	for _, T := range durations {
		for _, tc := range []bool{false, true} {
			e := h2Problem(t, T, tc)
			res, err := Optimize(e, e.Initial(), Options{Method: "adam", Hyper: map[string]float64{"lr": 0.1}, MaxIters: 100, Target: 1.6e-3})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("T = %2v ns, carriers trained %-5v: energy error %.4g Ha (re-simulated %.4g) after %d epochs", T, tc, res.Objective, res.Resimulated["energy_error"], res.Iterations)
			switch {
			case T == 15 && res.GoalReached:
				t.Errorf("15 ns claims chemical accuracy: %g", res.Objective)
			case T == 40 && !res.GoalReached:
				t.Errorf("40 ns: energy error %g", res.Objective)
			}
		}
	}
}
