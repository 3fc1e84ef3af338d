package control

import (
	"errors"
	"fmt"
	"math"

	"github.com/qmlgo/qml/linalg"
)

// BoundMode says how parameter bounds are enforced.
type BoundMode int

const (
	// Reparameterise trains x with value = c + r·tanh(x) for a bound
	// [c − r, c + r]: smooth and unconstrained, so it suits L-BFGS.
	Reparameterise BoundMode = iota
	// Project trains the values themselves; Evaluator.Project clamps them
	// into their bounds after each optimizer step.
	Project
)

// Problem is a pulse-optimisation problem: a system, the time window
// [0, Duration] cut into slices, and what to minimise.
type Problem struct {
	System   *System
	Duration float64
	// Slices is the number of time slices; 0 chooses it from the fastest
	// carrier and the envelopes' resolution (autoSlices) with StepFactor.
	Slices int
	// StepFactor is the phase the fastest carrier may turn through per
	// slice when Slices is 0 (default DefaultStepFactor).
	StepFactor float64
	Integrator Integrator
	Objective  Objective
	// Running costs accrue along the evolution (guard-level population).
	Running   []RunningCost
	Penalties []Penalty
	Bounds    BoundMode
	// Workers bounds the goroutines that exponentiate slices; 0 means
	// GOMAXPROCS.
	Workers int
}

// freeParam is one trainable entry: its pulse, position in the pulse's local
// vector and in the full vector, and its bound.
type freeParam struct {
	pulse, local, full int
	bound              Bound
	scale              float64
}

// Evaluator is a compiled Problem: it maps a trainable parameter vector θ
// to the cost and its exact gradient. Its methods may be called from one
// goroutine at a time (it keeps workspace between calls); Classifier gives
// each worker its own.
type Evaluator struct {
	prob    Problem
	sys     *System
	open    bool
	dim     int // generator dimension: d, or d² for open systems
	n       int
	dt      float64
	nodes   []float64
	weights []float64
	terms   []term
	drift   *linalg.Matrix // closed: H0; open: the Lindblad generator L0
	pulses  []*Pulse
	index   map[*Pulse]int
	avg     []Averager // per pulse, under the midpoint rule
	offset  []int      // per pulse: start of its local vector in the full one
	base    []float64  // full parameter vector at construction
	free    []freeParam
	x0      *linalg.Matrix
	ws      *workspace
}

// NewEvaluator validates and compiles p.
func NewEvaluator(p Problem) (*Evaluator, error) {
	if p.System == nil {
		return nil, errors.New("control: problem has no system")
	}
	if err := p.System.Validate(); err != nil {
		return nil, err
	}
	if !(p.Duration > 0) || math.IsInf(p.Duration, 0) {
		return nil, fmt.Errorf("control: duration %v, want a positive finite time", p.Duration)
	}
	if p.Objective == nil {
		return nil, errors.New("control: problem has no objective")
	}
	if p.Slices < 0 {
		return nil, fmt.Errorf("control: %d slices", p.Slices)
	}
	if p.StepFactor == 0 {
		p.StepFactor = DefaultStepFactor
	}
	if !(p.StepFactor > 0) {
		return nil, fmt.Errorf("control: step factor %v, want > 0", p.StepFactor)
	}
	if p.Integrator != Midpoint && p.Integrator != Magnus4 {
		return nil, fmt.Errorf("control: unknown integrator %d", p.Integrator)
	}
	e := &Evaluator{prob: p, sys: p.System, open: p.System.Open(), index: map[*Pulse]int{}}
	d := p.System.Dim()
	e.dim = d
	if e.open {
		e.dim = d * d
		l0, err := Liouvillian(p.System.Drift, p.System.Collapse)
		if err != nil {
			return nil, err
		}
		e.drift = l0
	} else {
		e.drift = p.System.Drift.Clone()
	}
	e.n = p.Slices
	if e.n == 0 {
		e.n = autoSlices(p.System, p.Duration, p.StepFactor)
	}
	e.dt = p.Duration / float64(e.n)
	e.nodes, e.weights = p.Integrator.nodes()
	e.terms = p.System.terms()
	e.pulses = p.System.Pulses()
	for i, pl := range e.pulses {
		if err := checkTimingGradient(pl, p.Integrator); err != nil {
			return nil, err
		}
		e.index[pl] = i
		e.offset = append(e.offset, len(e.base))
		e.base = append(e.base, pl.Local()...)
		var avg Averager
		if a, ok := pl.Envelope.(Averager); ok && p.Integrator == Midpoint {
			avg = a
		}
		e.avg = append(e.avg, avg)
		for k := range pl.NumLocal() {
			if pl.trainable(k) {
				e.free = append(e.free, freeParam{pulse: i, local: k, full: e.offset[i] + k, bound: pl.bound(k), scale: e.naturalScale(pl, k)})
			}
		}
	}
	e.x0 = p.Objective.Initial()
	if e.x0 == nil || e.x0.Rows != e.dim || e.x0.Cols < 1 {
		rows := 0
		if e.x0 != nil {
			rows = e.x0.Rows
		}
		return nil, fmt.Errorf("control: objective's initial states have %d rows, the system needs %d (open systems propagate vec(ρ))", rows, e.dim)
	}
	for _, pen := range p.Penalties {
		if err := pen.check(e); err != nil {
			return nil, err
		}
	}
	e.ws = e.newWorkspace()
	return e, nil
}

// naturalScale returns the unit in which local parameter k of p trains:
// carriers in units of 1/T (θ = ω·T, the phase the carrier accumulates over
// the window) and times in units of T, so that their gradients are of the
// size of the amplitudes' and one step size suits all (∂c/∂ω = i·t·c grows
// with t, and L-BFGS started in physical units takes wild carrier steps).
func (e *Evaluator) naturalScale(p *Pulse, k int) float64 {
	switch k - p.Envelope.NumParams() {
	case int(Carrier):
		return 1 / e.prob.Duration
	case int(Start), int(Duration):
		return e.prob.Duration
	}
	return 1
}

// NumParams is the length of θ.
func (e *Evaluator) NumParams() int { return len(e.free) }

// Slices returns the slice count N and width Δt.
func (e *Evaluator) Slices() (n int, dt float64) { return e.n, e.dt }

// Names names each entry of θ as pulse.parameter.
func (e *Evaluator) Names() []string {
	out := make([]string, len(e.free))
	for i, f := range e.free {
		p := e.pulses[f.pulse]
		out[i] = p.Name + "." + p.LocalNames()[f.local]
	}
	return out
}

// Initial returns θ for the pulses' current parameter values (values
// outside a bound are pulled just inside it). θ holds unbounded carriers in
// units of 1/T and start times and durations in units of T (see
// naturalScale), bounded parameters as tanh⁻¹ of their place in the bound
// (Reparameterise) or as themselves (Project); Values converts back.
func (e *Evaluator) Initial() []float64 {
	th := make([]float64, len(e.free))
	for i, f := range e.free {
		v := e.base[f.full]
		switch {
		case !f.bound.active():
			th[i] = v / f.scale
		case e.prob.Bounds == Reparameterise:
			c, r := (f.bound.Hi+f.bound.Lo)/2, (f.bound.Hi-f.bound.Lo)/2
			th[i] = math.Atanh(math.Max(-1+1e-12, math.Min(1-1e-12, (v-c)/r)))
		default:
			th[i] = math.Max(f.bound.Lo, math.Min(f.bound.Hi, v))
		}
	}
	return th
}

// value returns the physical value of free parameter i at θ_i, and its
// derivative with respect to θ_i.
func (e *Evaluator) value(i int, x float64) (v, dv float64) {
	b := e.free[i].bound
	if !b.active() {
		s := e.free[i].scale
		return s * x, s
	}
	if e.prob.Bounds == Project {
		return x, 1
	}
	c, r := (b.Hi+b.Lo)/2, (b.Hi-b.Lo)/2
	t := math.Tanh(x)
	return c + r*t, r * (1 - t*t)
}

// Values returns the physical values of the trainable parameters at θ.
func (e *Evaluator) Values(theta []float64) []float64 {
	out := make([]float64, len(theta))
	for i, x := range theta {
		out[i], _ = e.value(i, x)
	}
	return out
}

// Project clamps θ into the bounds (for BoundMode Project; a no-op
// otherwise).
func (e *Evaluator) Project(theta []float64) {
	if e.prob.Bounds != Project {
		return
	}
	for i, f := range e.free {
		if f.bound.active() {
			theta[i] = math.Max(f.bound.Lo, math.Min(f.bound.Hi, theta[i]))
		}
	}
}

// Apply writes the physical values at θ into the pulses, so that the
// System holds the optimised controls.
func (e *Evaluator) Apply(theta []float64) error {
	full, err := e.fullVector(theta)
	if err != nil {
		return err
	}
	for i, p := range e.pulses {
		p.SetLocal(full[e.offset[i] : e.offset[i]+p.NumLocal()])
	}
	return nil
}

// fullVector returns the full local-parameter vector of every pulse at θ.
func (e *Evaluator) fullVector(theta []float64) ([]float64, error) {
	if len(theta) != len(e.free) {
		return nil, fmt.Errorf("control: %d parameters, the problem has %d", len(theta), len(e.free))
	}
	full := append([]float64(nil), e.base...)
	for i, f := range e.free {
		if math.IsNaN(theta[i]) || math.IsInf(theta[i], 0) {
			return nil, fmt.Errorf("control: parameter %d is %v", i, theta[i])
		}
		full[f.full], _ = e.value(i, theta[i])
	}
	for i, p := range e.pulses {
		if tau := full[e.offset[i]+p.Index(Duration)]; !(tau > 0) {
			return nil, fmt.Errorf("control: pulse %q: duration %v, want > 0", p.Name, tau)
		}
	}
	return full, nil
}

// Cost returns the cost at θ — the objective plus running costs and
// penalties — and, when grad is non-nil (len NumParams), writes its exact
// gradient. LastObjective then returns the objective term alone.
func (e *Evaluator) Cost(theta, grad []float64) (float64, error) {
	full, err := e.fullVector(theta)
	if err != nil {
		return 0, err
	}
	ws := e.ws
	var gfull []float64
	if grad != nil {
		if len(grad) != len(e.free) {
			return 0, fmt.Errorf("control: gradient has %d entries, want %d", len(grad), len(e.free))
		}
		gfull = ws.gfull
		clear(gfull)
	}
	j, err := e.run(ws, full, e.prob.Objective, gfull)
	if err != nil {
		return 0, err
	}
	for i, f := range e.free {
		if grad != nil {
			_, dv := e.value(i, theta[i])
			grad[i] = gfull[f.full] * dv
		}
	}
	return j, nil
}

// LastObjective returns the objective term (the figure of merit, without
// running costs and penalties) of the last Cost call.
func (e *Evaluator) LastObjective() float64 { return e.ws.objective }

// checkTimingGradient refuses to train the start or duration of a
// piecewise-constant pulse under an integrator that samples the envelope at
// points: its pointwise time derivative is zero, and only the midpoint rule
// sees the exact slice averages whose derivatives carry the jumps.
func checkTimingGradient(pl *Pulse, integ Integrator) error {
	if _, piecewise := pl.Envelope.(Averager); !piecewise || integ == Midpoint || pl.Train == nil {
		return nil
	}
	for _, q := range []Quantity{Start, Duration} {
		if pl.Train[pl.Index(q)] {
			return fmt.Errorf("control: pulse %s: training the %s of a %s envelope needs the midpoint integrator, not %s",
				pl.Name, q, pl.Envelope.Kind(), integ)
		}
	}
	return nil
}
