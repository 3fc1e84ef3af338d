package control

import (
	"fmt"
	"math"
	"math/cmplx"

	"github.com/qmlgo/qml/linalg"
)

// ResimOptions tune Resimulate.
type ResimOptions struct {
	// Tolerance is the largest h·‖G(t)‖₁ of one Runge–Kutta step
	// (default 0.005), which sets the step h in each slice.
	Tolerance float64
	// MinSteps is the least number of steps per slice (default 4).
	MinSteps int
}

// Resimulate propagates the controls at θ with an integrator independent of
// the one the gradient comes from: the classical fourth-order Runge–Kutta
// method on dX/dt = G(t)·X, with G = −iH(t) (or the Lindblad generator)
// evaluated from the continuous-time pulses point by point — no slice
// averaging, no matrix exponentials, no eigendecompositions. Each slice is
// integrated with its own steps (so that the jumps of piecewise-constant
// pulses on the slice grid are never straddled), the controls being read
// from inside the slice. It returns X(T) and the objective's metrics there,
// which say whether the optimised figure of merit survives a change of
// propagator.
func (e *Evaluator) Resimulate(theta []float64, opt ResimOptions) (*linalg.Matrix, map[string]float64, error) {
	full, err := e.fullVector(theta)
	if err != nil {
		return nil, nil, err
	}
	if opt.Tolerance == 0 {
		opt.Tolerance = 0.005
	}
	if opt.MinSteps == 0 {
		opt.MinSteps = 4
	}
	if !(opt.Tolerance > 0) || opt.MinSteps < 1 {
		return nil, nil, fmt.Errorf("control: resimulation tolerance %v and %d steps per slice: want > 0 and ≥ 1", opt.Tolerance, opt.MinSteps)
	}
	x := e.x0.Clone()
	dbuf := make([]complex128, len(full))
	var g0, gm, g1, k1, k2, k3, k4, y linalg.Matrix
	for n := range e.n {
		a, b := float64(n)*e.dt, float64(n+1)*e.dt
		eps := 1e-9 * e.dt
		clamp := func(t float64) float64 { return math.Max(a+eps, math.Min(b-eps, t)) }
		e.generatorAt(&gm, full, (a+b)/2, dbuf)
		steps := max(opt.MinSteps, int(math.Ceil(e.dt*norm1(&gm)/opt.Tolerance)))
		h := e.dt / float64(steps)
		e.generatorAt(&g0, full, clamp(a), dbuf)
		for s := range steps {
			t := a + float64(s)*h
			e.generatorAt(&gm, full, clamp(t+h/2), dbuf)
			e.generatorAt(&g1, full, clamp(t+h), dbuf)
			_ = k1.Mul(&g0, x)
			axpy(&y, x, complex(h/2, 0), &k1)
			_ = k2.Mul(&gm, &y)
			axpy(&y, x, complex(h/2, 0), &k2)
			_ = k3.Mul(&gm, &y)
			axpy(&y, x, complex(h, 0), &k3)
			_ = k4.Mul(&g1, &y)
			for i := range x.Data {
				x.Data[i] += complex(h/6, 0) * (k1.Data[i] + 2*k2.Data[i] + 2*k3.Data[i] + k4.Data[i])
			}
			g0, g1 = g1, g0
		}
	}
	return x, e.metrics(x, nil), nil
}

// generatorAt sets g to the generator at time t from point values of the
// pulses: −iH(t) for closed systems, the Lindblad generator otherwise.
func (e *Evaluator) generatorAt(g *linalg.Matrix, full []float64, t float64, dbuf []complex128) {
	g.Copy(e.drift)
	if !e.open {
		for i, v := range g.Data {
			g.Data[i] = -1i * v
		}
	}
	for _, tm := range e.terms {
		c := e.channelAt(full, tm.ch, t, dbuf)
		v := real(c)
		if tm.im {
			v = imag(c)
		}
		if e.open {
			tm.op.addTo(g, complex(v, 0))
		} else {
			tm.op.addTo(g, complex(0, -v))
		}
	}
}

// channelAt returns channel ch's signal c(t) from point values.
func (e *Evaluator) channelAt(full []float64, ch int, t float64, dbuf []complex128) complex128 {
	var c complex128
	for _, d := range e.sys.Channels[ch].Drives {
		pi := e.index[d.Pulse]
		c += pulseAt(d.Pulse.Envelope, full[e.offset[pi]:e.offset[pi]+d.Pulse.NumLocal()], t, d.Offset, dbuf)
	}
	return c
}

// axpy sets y = x + alpha·z.
func axpy(y, x *linalg.Matrix, alpha complex128, z *linalg.Matrix) {
	y.Copy(x)
	for i, v := range z.Data {
		y.Data[i] += alpha * v
	}
}

// norm1 returns the largest column sum of |g|.
func norm1(g *linalg.Matrix) float64 {
	best := 0.0
	for j := range g.Cols {
		s := 0.0
		for i := range g.Rows {
			s += cmplx.Abs(g.Data[i*g.Cols+j])
		}
		best = math.Max(best, s)
	}
	return best
}

// metrics returns the objective's metrics at X and the final guard-level
// population of each GuardPopulation running cost ("guard_population").
func (e *Evaluator) metrics(x *linalg.Matrix, _ []float64) map[string]float64 {
	m := e.prob.Objective.Metrics(x)
	for _, r := range e.prob.Running {
		if g, ok := r.(*GuardPopulation); ok {
			m["guard_population"] = GuardLevelPopulation(x, g.Guard)
		}
	}
	return m
}
