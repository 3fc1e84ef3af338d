package control

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/qmlgo/qml/optim"
	"gonum.org/v1/gonum/optimize"
)

// Options control Optimize.
type Options struct {
	// Method is "lbfgs" (default) or a stepping optimizer of optim.New
	// ("adam", "sgd", "momentum", "nesterov", "bbi").
	Method string
	// Hyper holds the stepping optimizer's hyperparameters (optim.New).
	Hyper map[string]float64
	// MaxIters bounds the iterations (default 500).
	MaxIters int
	// Target stops the run as soon as the objective term (the figure of
	// merit, without running costs and penalties) is at most Target (0: no
	// target); Result.GoalReached records whether it was met.
	Target float64
	// GradTol stops L-BFGS when max|∂J/∂θ| < GradTol (default 1e-12).
	GradTol float64
	// Stall stops the run when the best cost improved by less than
	// StallTol·|J| (default 1e-9) over Stall iterations (default 50): the
	// plateau of a problem below its quantum speed limit.
	Stall    int
	StallTol float64
	// SkipResimulation leaves Result.Resimulated empty.
	SkipResimulation bool
	Resim            ResimOptions
	// OnIter is called after each iteration with the cost.
	OnIter func(iter int, cost float64)
}

// Result is the outcome of Optimize.
type Result struct {
	Theta       []float64          // the best parameters found (optimizer coordinates)
	Values      []float64          // their physical values
	Names       []string           // what each entry is (pulse.parameter)
	Cost        float64            // the total cost at Theta
	Objective   float64            // its objective term
	Metrics     map[string]float64 // the objective's figures at Theta
	Resimulated map[string]float64 // the same, re-simulated by Resimulate
	Iterations  int
	Evaluations int
	History     []float64 // the cost after each iteration
	// Status says why the run stopped: "goal achieved", "plateau",
	// "gradient below tolerance", "iteration limit", or the L-BFGS line
	// search's own status.
	Status string
	// GoalReached reports that Target was set and met. A run that stops on
	// a plateau above Target has GoalReached false: a problem below its
	// quantum speed limit does not claim success.
	GoalReached bool
	Seconds     float64
}

// Optimize minimises the evaluator's cost from θ₀, then re-simulates the
// result with the independent propagator.
func Optimize(e *Evaluator, theta0 []float64, opt Options) (*Result, error) {
	if len(theta0) != e.NumParams() {
		return nil, fmt.Errorf("control: %d starting parameters, the problem has %d", len(theta0), e.NumParams())
	}
	if e.NumParams() == 0 {
		return nil, errors.New("control: nothing to optimise: no trainable parameter")
	}
	if opt.Method == "" {
		opt.Method = "lbfgs"
	}
	if opt.MaxIters == 0 {
		opt.MaxIters = 500
	}
	if opt.GradTol == 0 {
		opt.GradTol = 1e-12
	}
	if opt.Stall == 0 {
		opt.Stall = 50
	}
	if opt.StallTol == 0 {
		opt.StallTol = 1e-9
	}
	start := time.Now()
	res := &Result{Names: e.Names()}
	var err error
	if opt.Method == "lbfgs" {
		err = runLBFGS(e, theta0, opt, res)
	} else {
		err = runStepping(e, theta0, opt, res)
	}
	if err != nil {
		return res, err
	}
	if err := e.finish(res, opt); err != nil {
		return res, err
	}
	res.GoalReached = opt.Target > 0 && res.Objective <= opt.Target
	if res.GoalReached {
		res.Status = "goal achieved"
	}
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

// finish fills the metrics, physical values and the re-simulation.
func (e *Evaluator) finish(res *Result, opt Options) error {
	res.Values = e.Values(res.Theta)
	ev, err := e.Evolve(res.Theta)
	if err != nil {
		return err
	}
	res.Metrics, res.Objective = ev.Metrics, ev.Objective
	if !opt.SkipResimulation {
		_, m, err := e.Resimulate(res.Theta, opt.Resim)
		if err != nil {
			return err
		}
		res.Resimulated = m
	}
	return nil
}

// stallConverger stops when the objective term reaches the target or when
// the best cost stalls.
type stallConverger struct {
	target, tol float64
	iters       int
	best        float64
	since       int
	objective   func() float64
}

func (c *stallConverger) Init(int) { c.best, c.since = math.Inf(1), 0 }

func (c *stallConverger) Converged(l *optimize.Location) optimize.Status {
	if c.target > 0 && c.objective() <= c.target {
		return optimize.FunctionThreshold
	}
	if c.best-l.F > c.tol*math.Abs(l.F) {
		c.best, c.since = l.F, 0
		return optimize.NotTerminated
	}
	c.since++
	if c.since >= c.iters {
		return optimize.FunctionConvergence
	}
	return optimize.NotTerminated
}

// recorder keeps the cost history.
type recorder struct {
	res    *Result
	onIter func(int, float64)
}

func (r *recorder) Init() error { return nil }

func (r *recorder) Record(l *optimize.Location, op optimize.Operation, _ *optimize.Stats) error {
	if op == optimize.MajorIteration {
		r.res.History = append(r.res.History, l.F)
		if r.onIter != nil {
			r.onIter(len(r.res.History), l.F)
		}
	}
	return nil
}

// runLBFGS minimises with gonum's L-BFGS, stopping at the target, on a
// plateau, on a small gradient or at the iteration limit. (It calls gonum
// directly rather than optim.MinimizeLBFGS for the target and plateau
// tests, which optim's configuration does not expose.)
func runLBFGS(e *Evaluator, theta0 []float64, opt Options, res *Result) error {
	var evalErr error
	grad := make([]float64, len(theta0))
	lastX := make([]float64, len(theta0))
	lastF, lastObj := math.NaN(), math.Inf(1)
	eval := func(x []float64) float64 {
		if lastF == lastF && equal(x, lastX) {
			return lastF
		}
		res.Evaluations++
		f, err := e.Cost(x, grad)
		if err != nil && evalErr == nil {
			evalErr = err
		}
		copy(lastX, x)
		lastF, lastObj = f, e.LastObjective()
		return f
	}
	p := optimize.Problem{
		Func: eval,
		Grad: func(g, x []float64) { eval(x); copy(g, grad) },
		Status: func() (optimize.Status, error) {
			if evalErr != nil {
				return optimize.Failure, evalErr
			}
			return optimize.NotTerminated, nil
		},
	}
	settings := &optimize.Settings{
		GradientThreshold: opt.GradTol,
		MajorIterations:   opt.MaxIters,
		Converger:         &stallConverger{target: opt.Target, tol: opt.StallTol, iters: opt.Stall, objective: func() float64 { return lastObj }},
		Recorder:          &recorder{res: res, onIter: opt.OnIter},
	}
	r, err := optimize.Minimize(p, append([]float64(nil), theta0...), settings, &optimize.LBFGS{Store: 20})
	if r == nil {
		return fmt.Errorf("control: lbfgs: %w", err)
	}
	res.Theta, res.Cost, res.Iterations = r.X, r.F, r.MajorIterations
	res.Status = statusName(r.Status)
	if evalErr != nil {
		return evalErr
	}
	// A line search that cannot progress ends gonum's run with an error;
	// the best point is still a valid result.
	return nil
}

func statusName(s optimize.Status) string {
	switch s {
	case optimize.FunctionThreshold:
		return "goal achieved"
	case optimize.FunctionConvergence:
		return "plateau"
	case optimize.GradientThreshold:
		return "gradient below tolerance"
	case optimize.IterationLimit:
		return "iteration limit"
	case optimize.Failure:
		return "line search stalled"
	}
	return s.String()
}

func equal(a, b []float64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// runStepping runs a stepping optimizer of optim (Adam, …): one full
// gradient per step, projection into the bounds after each, stopping at
// the target, on a plateau or at the iteration limit.
func runStepping(e *Evaluator, theta0 []float64, opt Options, res *Result) error {
	o, err := optim.New(opt.Method, opt.Hyper)
	if err != nil {
		return err
	}
	x := append([]float64(nil), theta0...)
	g := make([]float64, len(x))
	res.Theta, res.Cost = append([]float64(nil), x...), math.Inf(1)
	conv := &stallConverger{target: opt.Target, tol: opt.StallTol, iters: opt.Stall, objective: e.LastObjective}
	conv.Init(len(x))
	res.Status = "iteration limit"
	for it := 0; ; it++ {
		f, err := e.Cost(x, g)
		res.Evaluations++
		if err != nil {
			return err
		}
		if f < res.Cost {
			res.Cost = f
			copy(res.Theta, x)
		}
		if it > 0 {
			res.History = append(res.History, f)
			if opt.OnIter != nil {
				opt.OnIter(it, f)
			}
		}
		if st := conv.Converged(&optimize.Location{F: f}); st != optimize.NotTerminated {
			res.Status = statusName(st)
			break
		}
		if it == opt.MaxIters {
			break
		}
		if err := o.Step(x, f, g); err != nil {
			return err
		}
		e.Project(x)
		res.Iterations++
	}
	return nil
}
