package spec

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/control"
	"github.com/qmlgo/qml/linalg"
)

// streamPulse separates the random stream of pulse initialisation from the
// other uses of the spec's seed.
const streamPulse = 0x70756c7365

// pulseEnvelope returns the envelope a pulse section names.
func pulseEnvelope(ps *PulseSpec) (control.Envelope, error) {
	if ps.Shape == "bspline" || ps.Shape == "iq-bspline" {
		deg := ps.Degree
		if deg == 0 {
			deg = 2
		}
		bs, err := control.NewBSpline(deg, ps.Segments)
		if err != nil {
			return nil, err
		}
		if ps.Shape == "iq-bspline" {
			return control.NewIQ(bs), nil
		}
		return bs, nil
	}
	return control.NewEnvelope(ps.Shape, ps.Segments)
}

// namedGate returns the m×m matrix of a named gate (m ≤ 0: its own size;
// qft has m). Two-qubit gates act on qubit 1 (the more significant bit) as
// control, as QuTiP's cnot() does.
func namedGate(name string, m int) (*linalg.Matrix, error) {
	s := complex(1/math.Sqrt2, 0)
	rows := map[string][][]complex128{
		"x":     {{0, 1}, {1, 0}},
		"y":     {{0, -1i}, {1i, 0}},
		"z":     {{1, 0}, {0, -1}},
		"h":     {{s, s}, {s, -s}},
		"s":     {{1, 0}, {0, 1i}},
		"t":     {{1, 0}, {0, complex(math.Cos(math.Pi/4), math.Sin(math.Pi/4))}},
		"cnot":  {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}, {0, 0, 1, 0}},
		"cz":    {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, -1}},
		"swap":  {{1, 0, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}},
		"iswap": {{1, 0, 0, 0}, {0, 0, 1i, 0}, {0, 1i, 0, 0}, {0, 0, 0, 1}},
	}
	if name == "qft" {
		m = max(m, 1)
		out := &linalg.Matrix{Rows: m, Cols: m, Data: make([]complex128, m*m)}
		for j := range m {
			for k := range m {
				sn, cs := math.Sincos(2 * math.Pi * float64(j*k) / float64(m))
				out.Data[j*m+k] = complex(cs, sn) / complex(math.Sqrt(float64(m)), 0)
			}
		}
		return out, nil
	}
	r, ok := rows[name]
	if !ok {
		return nil, fmt.Errorf("unknown gate %q (known: x, y, z, h, s, t, cnot, cz, swap, iswap, qft)", name)
	}
	if m > 0 && len(r) != m {
		return nil, fmt.Errorf("gate %s is %d×%d, the target space has %d states", name, len(r), len(r), m)
	}
	return linalg.NewFromRows(r)
}

// pulseProblem is the compiled control problem of a spec.
type pulseProblem struct {
	prob      control.Problem
	transmons *control.Transmons
	levels    []int
	ground    float64
	hasGround bool
}

// system builds the system section.
func (sys *PulseSystem) build() (*control.System, *control.Transmons, error) {
	var out *control.System
	var ts *control.Transmons
	var err error
	switch sys.Kind {
	case "pauli":
		out, err = control.PauliSystem(sys.Qubits, sys.Drift, sys.Controls...)
	case "transmon":
		ts = &control.Transmons{FrameFreq: sys.FrameFreqs, Lab: sys.Frame == "lab", RWA: *sys.RWA}
		for _, t := range sys.Transmons {
			ts.Modes = append(ts.Modes, control.Transmon{Levels: t.Levels, Essential: t.Essential, Freq: t.Freq, Anharm: t.Anharmonicity})
		}
		for _, c := range sys.Couplings {
			ts.Couplings = append(ts.Couplings, control.Coupling{I: c.Modes[0], J: c.Modes[1], G: c.G})
		}
		out, err = ts.Build()
	case "ising":
		is := sys.Ising
		chain := control.IsingChain{N: is.Spins, Periodic: is.Periodic, Couplings: is.ZZ, Uniform: is.Uniform}
		for _, f := range is.Fields {
			chain.Transverse = chain.Transverse || f == "x"
			chain.Longitudinal = chain.Longitudinal || f == "z"
		}
		out, err = chain.Build()
	default:
		return nil, nil, fmt.Errorf("unknown system kind %q", sys.Kind)
	}
	if err != nil {
		return nil, nil, err
	}
	levels := out.ModeLevels()
	for i, c := range sys.Collapse {
		if c.Mode < 0 || c.Mode >= len(levels) {
			return nil, nil, fmt.Errorf("collapse %d: mode %d out of range [0, %d)", i, c.Mode, len(levels))
		}
		op := control.Destroy(levels[c.Mode])
		switch c.Kind {
		case "raise":
			op.ConjTranspose(op)
		case "number":
			op = control.Number(levels[c.Mode])
		}
		l, err := control.Embed(op, c.Mode, levels)
		if err != nil {
			return nil, nil, err
		}
		l.Scale(complex(math.Sqrt(c.Rate), 0), l)
		out.Collapse = append(out.Collapse, l)
	}
	return out, ts, nil
}

// pulse builds pulse i and attaches it.
func (ps *PulseSpec) build(m *PulseModel, i int, sys *control.System, ts *control.Transmons, seed uint64) error {
	env, err := pulseEnvelope(ps)
	if err != nil {
		return err
	}
	dur := float64(m.Duration) - float64(ps.Start)
	if ps.Duration != nil {
		dur = float64(*ps.Duration)
	}
	p := control.NewPulse(ps.Name, env, float64(ps.Start), dur)
	p.Carrier, p.Phase = float64(ps.Carrier), float64(ps.Phase)
	names := env.ParamNames()
	for k, v := range ps.Params {
		idx := -1
		for j, n := range names {
			if n == k {
				idx = j
			}
		}
		if idx < 0 {
			return fmt.Errorf("shape %s has no parameter %q (it has %v)", env.Kind(), k, names)
		}
		p.Params[idx] = float64(v)
	}
	if err := ps.initialise(p, rand.New(rand.NewPCG(seed, streamPulse+uint64(i)))); err != nil {
		return err
	}
	train := ps.Train
	if train == nil {
		train = []string{"envelope"}
	}
	var qs []control.Quantity
	envelope := false
	for _, t := range train {
		switch t {
		case "envelope":
			envelope = true
		case "carrier":
			qs = append(qs, control.Carrier)
		case "phase":
			qs = append(qs, control.Phase)
		case "start":
			qs = append(qs, control.Start)
		case "duration":
			qs = append(qs, control.Duration)
		}
	}
	p.SetTrain(envelope, qs...)
	if ps.Bound > 0 {
		p.BoundAmplitudes(float64(ps.Bound))
	}
	if ps.Drive != nil {
		return ts.Drive(sys, *ps.Drive, p)
	}
	c := sys.Channel(ps.Channel)
	if c == nil {
		var have []string
		for _, c := range sys.Channels {
			have = append(have, c.Name)
		}
		return fmt.Errorf("no channel %q (the system has %v)", ps.Channel, have)
	}
	c.Add(p)
	return nil
}

// initialise sets the amplitude parameters from the init section.
func (ps *PulseSpec) initialise(p *control.Pulse, rng *rand.Rand) error {
	in := ps.Init
	if in == nil {
		return nil
	}
	amp := p.Envelope.AmplitudeParams()
	switch in.Kind {
	case "constant":
		for _, i := range amp {
			p.Params[i] = float64(in.Value)
		}
	case "linear":
		// QuTiP's PulseGenLinear: from + (to − from)·k/n at the start of
		// each of the n pieces.
		for k, i := range amp {
			p.Params[i] = float64(in.From) + float64(in.To-in.From)*float64(k)/float64(len(amp))
		}
	case "random":
		for _, i := range amp {
			p.Params[i] = float64(in.Scale) * (2*rng.Float64() - 1)
		}
	case "values":
		if len(in.Values) != len(amp) {
			return fmt.Errorf("init has %d values, the shape has %d amplitudes", len(in.Values), len(amp))
		}
		for k, i := range amp {
			p.Params[i] = float64(in.Values[k])
		}
	}
	return nil
}

// problem compiles the control task of the section.
func (m *PulseModel) problem(s *Spec) (*pulseProblem, error) {
	sys, ts, err := m.System.build()
	if err != nil {
		return nil, s.Errorf("model.system", "%v", err)
	}
	for i := range m.Pulses {
		if err := m.Pulses[i].build(m, i, sys, ts, s.Seed); err != nil {
			return nil, s.Errorf(item("model.pulses", i), "%v", err)
		}
	}
	pp := &pulseProblem{transmons: ts, levels: sys.ModeLevels()}
	o := m.Objective
	obj, running, err := o.build(sys, ts, pp)
	if err != nil {
		return nil, s.Errorf("model.objective", "%v", err)
	}
	integ := control.Midpoint
	if m.Integrator == "magnus4" {
		integ = control.Magnus4
	}
	pp.prob = control.Problem{System: sys, Duration: float64(m.Duration), Slices: m.Slices, StepFactor: m.StepFactor,
		Integrator: integ, Objective: obj, Running: running}
	if m.Bounds == "project" {
		pp.prob.Bounds = control.Project
	}
	if pen := m.Penalties; pen != nil {
		if pen.Amplitude > 0 {
			pp.prob.Penalties = append(pp.prob.Penalties, control.AmplitudePenalty{Weight: pen.Amplitude})
		}
		if pen.Slew > 0 {
			pp.prob.Penalties = append(pp.prob.Penalties, control.SlewPenalty{Weight: pen.Slew})
		}
		if pen.Time > 0 {
			pp.prob.Penalties = append(pp.prob.Penalties, control.TimePenalty{Weight: pen.Time})
		}
	}
	return pp, nil
}

// build returns the objective and running costs.
func (o *PulseObjective) build(sys *control.System, ts *control.Transmons, pp *pulseProblem) (control.Objective, []control.RunningCost, error) {
	d := sys.Dim()
	essential := o.Essential
	if essential == nil && ts != nil {
		essential = ts.Essential()
	}
	if essential == nil {
		essential = seq(0, d)
	}
	target := func(m int) (*linalg.Matrix, error) {
		if o.Gate != "" {
			return namedGate(o.Gate, m)
		}
		rows, err := complexMatrix(o.Matrix)
		if err != nil {
			return nil, err
		}
		return linalg.NewFromRows(rows)
	}
	state := func(i int) (*linalg.Matrix, error) {
		if i < 0 || i >= d {
			return nil, fmt.Errorf("basis state %d out of range [0, %d)", i, d)
		}
		return control.BasisState(d, i), nil
	}
	switch o.Kind {
	case "gate":
		u, err := target(len(essential))
		if err != nil {
			return nil, nil, err
		}
		measure, err := control.ParseMeasure(o.Measure)
		if err != nil {
			return nil, nil, err
		}
		g, err := control.NewGate(u, d, essential, measure, o.Leakage)
		if err != nil {
			return nil, nil, err
		}
		var running []control.RunningCost
		if o.Guard > 0 {
			in := map[int]bool{}
			for _, e := range essential {
				in[e] = true
			}
			var guard []int
			for i := range d {
				if !in[i] {
					guard = append(guard, i)
				}
			}
			gp, err := control.NewGuardPopulation(guard, d, o.Guard)
			if err != nil {
				return nil, nil, err
			}
			running = append(running, gp)
		}
		return g, running, nil
	case "state":
		a, err := state(o.Initial)
		if err != nil {
			return nil, nil, err
		}
		b, err := state(o.Final)
		if err != nil {
			return nil, nil, err
		}
		st, err := control.NewStateTransfer(a, b)
		return st, nil, err
	case "energy":
		obs, err := circuit.ParseObservable(o.Hamiltonian)
		if err != nil {
			return nil, nil, err
		}
		h, err := control.PauliSumMatrix(obs, pp.levels)
		if err != nil {
			return nil, nil, err
		}
		psi, err := state(o.Initial)
		if err != nil {
			return nil, nil, err
		}
		var sub []int
		for i := range d {
			q, ok := i, true
			for _, l := range pp.levels {
				ok = ok && q%l < 2
				q /= l
			}
			if ok {
				sub = append(sub, i)
			}
		}
		en, err := control.NewEnergy(h, psi, sub)
		if err != nil {
			return nil, nil, err
		}
		pp.ground, pp.hasGround = en.Ground(), true
		return en, nil, nil
	case "superop":
		u, err := target(d)
		if err != nil {
			return nil, nil, err
		}
		so, err := control.NewSuperopTarget(control.Superoperator(u))
		return so, nil, err
	case "density":
		a, err := state(o.Initial)
		if err != nil {
			return nil, nil, err
		}
		b, err := state(o.Final)
		if err != nil {
			return nil, nil, err
		}
		var ra, rb linalg.Matrix
		var ah, bh linalg.Matrix
		ah.ConjTranspose(a)
		bh.ConjTranspose(b)
		_ = ra.Mul(a, &ah)
		_ = rb.Mul(b, &bh)
		dt, err := control.NewDensityTarget(&ra, &rb)
		return dt, nil, err
	}
	return nil, nil, fmt.Errorf("unknown objective %q", o.Kind)
}
