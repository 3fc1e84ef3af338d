package control

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/qmlgo/qml/linalg"
)

// testSystem is one qubit with a Real σx channel and a Complex σ₋ channel,
// every pulse of shape env with every quantity trainable; open adds
// amplitude damping.
func testSystem(env Envelope, open bool, seed uint64) *System {
	sys, _ := PauliSystem(1, "0.7*Z0", "X0")
	sys.Channels = append(sys.Channels, &Channel{Name: "a", Kind: Complex, Op: Destroy(2)})
	if open {
		l := Destroy(2)
		l.Scale(0.3, l)
		sys.Collapse = []*linalg.Matrix{l}
	}
	r := rand.New(rand.NewPCG(seed, 4))
	for k, c := range sys.Channels {
		// Edges off the slice midpoints: cut envelopes jump there.
		p := NewPulse(c.Name, env, 0.3137+0.1*float64(k), 2.1211)
		for i := range p.Params {
			p.Params[i] += 0.5 * r.NormFloat64()
		}
		switch env.(type) {
		case FlatTop:
			p.Params[1] = 0.4
		case SigmoidRect:
			p.Params[1] = 0.2
		}
		p.Carrier, p.Phase = 1.3, 0.4
		p.SetTrain(true, Carrier, Phase, Start, Duration)
		c.Add(p)
	}
	return sys
}

// TestGradientMatchesFiniteDifferences checks the exact GRAPE gradient —
// through the slice exponentials (eigenbasis Fréchet derivative for closed
// systems, linalg.ExpmFrechet for open ones), the Magnus chain, the running
// cost, the penalties and every pulse quantity — against central finite
// differences, for closed and open systems and both integrators.
func TestGradientMatchesFiniteDifferences(t *testing.T) {
	bs, _ := NewBSpline(2, 6)
	envs := []Envelope{PWC{N: 7}, PWL{N: 5}, Gaussian{}, DRAG{}, FlatTop{}, SigmoidRect{}, Fourier{K: 3, Window: true}, bs, NewIQ(PWC{N: 4})}
	if testing.Short() {
		envs = envs[:3]
	}
	for _, open := range []bool{false, true} {
		for _, integ := range []Integrator{Midpoint, Magnus4} {
			for _, env := range envs {
				sys := testSystem(env, open, 3)
				if _, piecewise := env.(Averager); piecewise && integ != Midpoint {
					// Pointwise sampling cannot see the jumps move: refused.
					obj, _ := NewGate(qftMatrix(2), 2, nil, AverageGate, 0)
					_, err := NewEvaluator(Problem{System: sys, Duration: 3, Slices: 33, Objective: obj, Integrator: integ})
					if err == nil || !strings.Contains(err.Error(), "midpoint integrator") {
						t.Errorf("%s under %v trains its start: error %v, want one asking for the midpoint integrator", env.Kind(), integ, err)
					}
					continue
				}
				var obj Objective
				if open {
					obj, _ = NewSuperopTarget(Superoperator(qftMatrix(2)))
				} else {
					obj, _ = NewGate(qftMatrix(2), 2, nil, AverageGate, 0)
				}
				var running []RunningCost
				if !open {
					g, _ := NewGuardPopulation([]int{1}, 2, 0.1)
					running = append(running, g)
				}
				e, err := NewEvaluator(Problem{System: sys, Duration: 3, Slices: 33, Objective: obj, Integrator: integ, Running: running,
					Penalties: []Penalty{AmplitudePenalty{Weight: 0.01}, SlewPenalty{Weight: 0.001, Channels: []string{"a"}}, TimePenalty{Weight: 0.01}}})
				if err != nil {
					t.Fatal(err)
				}
				chk, err := e.CheckGradient(e.Initial(), 1e-6)
				if err != nil {
					t.Fatal(err)
				}
				if chk.MaxAbs > 1e-7 {
					t.Errorf("open=%v %v %s: |exact − numeric| = %g at %s (exact %g, numeric %g)", open, integ, env.Kind(), chk.MaxAbs, e.Names()[chk.Worst], chk.Exact[chk.Worst], chk.Numeric[chk.Worst])
				}
			}
		}
	}
}

// TestGateMeasureGradients checks the three gate measures with a leakage
// weight on a subspace of a 3-level system.
func TestGateMeasureGradients(t *testing.T) {
	for _, m := range []Measure{TraceAbs, TraceSquared, AverageGate} {
		ts := &Transmons{Modes: []Transmon{{Levels: 3, Essential: 2, Freq: 5, Anharm: -0.3}}, RWA: true}
		sys, _ := ts.Build()
		p := NewPulse("d", NewIQ(PWC{N: 6}), 0, 10)
		r := rand.New(rand.NewPCG(9, 9))
		for i := range p.Params {
			p.Params[i] = 0.2 * r.NormFloat64()
		}
		_ = ts.Drive(sys, 0, p)
		x, _ := Pauli('X')
		g, err := NewGate(x, 3, ts.Essential(), m, 0.5)
		if err != nil {
			t.Fatal(err)
		}
		e, err := NewEvaluator(Problem{System: sys, Duration: 10, Slices: 24, Objective: g})
		if err != nil {
			t.Fatal(err)
		}
		chk, _ := e.CheckGradient(e.Initial(), 1e-6)
		if chk.MaxAbs > 1e-8 {
			t.Errorf("%v: gradient error %g", m, chk.MaxAbs)
		}
	}
}

// TestFrechetHermitianMatchesExpmFrechet compares the eigenbasis
// (Daleckii–Krein) Fréchet derivative used for closed systems with
// linalg.ExpmFrechet, the Al-Mohy–Higham algorithm, at norms where its Padé
// denominator needs no row interchanges.
func TestFrechetHermitianMatchesExpmFrechet(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for _, d := range []int{2, 5, 12} {
		h := randomHermitian(rng, d)
		e := &Evaluator{dt: 0.2 / norm1(h)}
		sl := &sliceState{}
		if d > jacobiMaxDim {
			w, v, _ := linalg.EigHermitian(h)
			sl.w, sl.v = w, v
		} else {
			if err := sl.jac.Factorize(h); err != nil {
				t.Fatal(err)
			}
			sl.w, sl.v = sl.jac.Values(), sl.jac.Vectors()
		}
		sl.vh.ConjTranspose(sl.v)
		sl.m = *randomMatrix(rng, d)
		got := e.frechetHermitian(sl)
		a := h.Clone()
		a.Scale(complex(0, -e.dt), a)
		_, want, err := linalg.ExpmFrechet(a, &sl.m)
		if err != nil {
			t.Fatal(err)
		}
		if diff := maxDiff(got, want); diff > 1e-12 {
			t.Errorf("d=%d: eigenbasis Fréchet derivative differs from ExpmFrechet by %g", d, diff)
		}
	}
}

// TestTransferAndEnergyGradients covers the state-transfer, energy and
// density objectives.
func TestTransferAndEnergyGradients(t *testing.T) {
	sys := testSystem(PWL{N: 5}, false, 5)
	sq := 1 / math.Sqrt2
	plus := &linalg.Matrix{Rows: 2, Cols: 1, Data: []complex128{complex(sq, 0), complex(sq, 0)}}
	st, _ := NewStateTransfer(BasisState(2, 0), plus)
	z, _ := Pauli('Z')
	en, _ := NewEnergy(z, BasisState(2, 0), nil)
	for name, obj := range map[string]Objective{"transfer": st, "energy": en, "sum": Sum{st, en}} {
		e, err := NewEvaluator(Problem{System: sys, Duration: 3, Slices: 20, Objective: obj, Integrator: Magnus4})
		if err != nil {
			t.Fatal(err)
		}
		chk, _ := e.CheckGradient(e.Initial(), 1e-6)
		if chk.MaxAbs > 1e-8 {
			t.Errorf("%s: gradient error %g", name, chk.MaxAbs)
		}
	}
	open := testSystem(PWC{N: 5}, true, 5)
	r0 := mustRows(t, [][]complex128{{1, 0}, {0, 0}})
	r1 := mustRows(t, [][]complex128{{0.5, 0.5}, {0.5, 0.5}})
	dt, _ := NewDensityTarget(r0, r1)
	e, err := NewEvaluator(Problem{System: open, Duration: 3, Slices: 20, Objective: dt})
	if err != nil {
		t.Fatal(err)
	}
	if chk, _ := e.CheckGradient(e.Initial(), 1e-6); chk.MaxAbs > 1e-8 {
		t.Errorf("density target: gradient error %g", chk.MaxAbs)
	}
}

// TestExpGeneral compares exp and its Fréchet derivative of large
// anti-Hermitian generators with the eigendecomposition (ExpmHermitian) and
// the Daleckii–Krein formula.
func TestExpGeneral(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for _, d := range []int{3, 4, 5, 9} {
		h := randomHermitian(rng, d)
		const dt = 1.3
		a := h.Clone()
		a.Scale(complex(0, -dt), a)
		m := randomMatrix(rng, d)
		x, l, err := expGeneral(a, m)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := linalg.ExpmHermitian(h, dt)
		if diff := maxDiff(x, want); diff > 1e-12 {
			t.Errorf("d=%d: exp differs from ExpmHermitian by %g", d, diff)
		}
		w, v, _ := linalg.EigHermitian(h)
		sl := &sliceState{w: w, v: v, m: *m}
		sl.vh.ConjTranspose(v)
		if diff := maxDiff(l, (&Evaluator{dt: dt}).frechetHermitian(sl)); diff > 1e-11 {
			t.Errorf("d=%d: Fréchet derivative differs from the Daleckii–Krein formula by %g", d, diff)
		}
	}
}

// TestBoundModes: both bound modes keep the physical values inside the
// bound, round-trip the starting values, and (Project) clamp a step
// outside.
func TestBoundModes(t *testing.T) {
	for _, mode := range []BoundMode{Reparameterise, Project} {
		sys := testSystem(PWC{N: 3}, false, 7)
		for _, c := range sys.Channels {
			p := c.Drives[0].Pulse
			p.Params = []float64{0.3, -0.2, 0.9}
			p.Bounds = make([]Bound, p.NumLocal())
			for i := range p.Params {
				p.Bounds[i] = Bound{-0.5, 0.5}
			}
			p.Bounds[p.Index(Carrier)] = Bound{1, 2}
		}
		obj, _ := NewGate(qftMatrix(2), 2, nil, TraceAbs, 0)
		e, err := NewEvaluator(Problem{System: sys, Duration: 3, Slices: 9, Objective: obj, Bounds: mode})
		if err != nil {
			t.Fatal(err)
		}
		th := e.Initial()
		v := e.Values(th)
		names := e.Names()
		for i, n := range names {
			switch {
			case n == "X0.a2" && math.Abs(v[i]-0.5) > 1e-9:
				t.Errorf("%v: %s starts at %v, want 0.5 (pulled inside the bound)", mode, n, v[i])
			case n == "X0.a0" && math.Abs(v[i]-0.3) > 1e-12:
				t.Errorf("%v: %s = %v, want 0.3", mode, n, v[i])
			case n == "X0.carrier" && math.Abs(v[i]-1.3) > 1e-12:
				t.Errorf("%v: carrier %v, want 1.3", mode, v[i])
			}
		}
		for i := range th {
			th[i] += 5
		}
		e.Project(th)
		for i, x := range e.Values(th) {
			lo, hi := -0.5, 0.5
			switch {
			case strings.HasSuffix(names[i], ".carrier"):
				lo, hi = 1, 2
			case strings.Contains(names[i], ".a"):
			default:
				continue // phase, start, duration: unbounded
			}
			if x < lo-1e-12 || x > hi+1e-12 {
				t.Errorf("%v: %s = %v outside [%v, %v]", mode, names[i], x, lo, hi)
			}
		}
		if chk, _ := e.CheckGradient(e.Initial(), 1e-6); chk.MaxAbs > 1e-7 {
			t.Errorf("%v: gradient error %g", mode, chk.MaxAbs)
		}
	}
}
