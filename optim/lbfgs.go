package optim

import (
	"errors"
	"fmt"
	"slices"

	"gonum.org/v1/gonum/optimize"
)

// LBFGSConfig holds the settings of L-BFGS, which runs through
// gonum.org/v1/gonum/optimize (optimize.LBFGS with its default line search).
type LBFGSConfig struct {
	Memory   int     // (s, y) pairs kept ("memory", gonum's Store), >= 1
	GradTol  float64 // stop when max|∂f/∂xᵢ| < GradTol ("grad_tol"), > 0
	MaxIters int     // major-iteration limit ("max_iters"), >= 0; 0 means none
	MaxEvals int     // objective-evaluation limit ("max_evals"), >= 0; 0 means none
}

// DefaultLBFGSConfig returns the defaults New uses for "lbfgs".
func DefaultLBFGSConfig() LBFGSConfig {
	return LBFGSConfig{Memory: 15, GradTol: 1e-10, MaxIters: 1000}
}

func (c *LBFGSConfig) hypers() []hyper {
	return []hyper{{key: "memory", i: &c.Memory}, {key: "grad_tol", f: &c.GradTol}, {key: "max_iters", i: &c.MaxIters}, {key: "max_evals", i: &c.MaxEvals}}
}

// Validate reports a bad setting as a *ConfigError.
func (c LBFGSConfig) Validate() error {
	for _, err := range []error{
		checkAtLeast("lbfgs", "memory", c.Memory, 1),
		checkPositive("lbfgs", "grad_tol", c.GradTol),
		checkAtLeast("lbfgs", "max_iters", c.MaxIters, 0),
		checkAtLeast("lbfgs", "max_evals", c.MaxEvals, 0),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// LBFGS is the limited-memory BFGS quasi-Newton method (Nocedal & Wright,
// Numerical Optimization, 2nd ed., Algorithm 7.5) for full-batch, smooth
// objectives, as implemented by gonum's optimize.LBFGS. It needs the whole
// loss at every evaluation of its line search, so it has no Step.
type LBFGS struct {
	cfg LBFGSConfig
}

// NewLBFGS returns an L-BFGS minimizer, or a *ConfigError for a bad cfg.
func NewLBFGS(cfg LBFGSConfig) (*LBFGS, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &LBFGS{cfg: cfg}, nil
}

// MinimizeLBFGS minimizes obj from x0 with L-BFGS under cfg.
func MinimizeLBFGS(obj Objective, x0 []float64, cfg LBFGSConfig) (Result, error) {
	l, err := NewLBFGS(cfg)
	if err != nil {
		return Result{}, err
	}
	return l.Minimize(obj, x0, 0)
}

// Minimize implements Minimizer; iters > 0 replaces the configured MaxIters.
// Result.Status is gonum's termination status, and a run that gonum ends in
// failure (a line search that cannot progress, a non-finite loss) returns
// the best point so far together with the error.
func (l *LBFGS) Minimize(obj Objective, x0 []float64, iters int) (Result, error) {
	switch {
	case obj == nil:
		return Result{}, errors.New("optim: lbfgs: nil objective")
	case len(x0) == 0:
		return Result{}, errors.New("optim: lbfgs: empty starting point")
	case iters < 0:
		return Result{}, fmt.Errorf("optim: lbfgs: negative iteration count %d", iters)
	}
	maxIters := l.cfg.MaxIters
	if iters > 0 {
		maxIters = iters
	}
	c := &sharedEval{obj: obj, x: make([]float64, len(x0)), g: make([]float64, len(x0))}
	p := optimize.Problem{
		Func: c.loss,
		Grad: c.grad,
		Status: func() (optimize.Status, error) {
			if c.err != nil {
				return optimize.Failure, c.err
			}
			return optimize.NotTerminated, nil
		},
	}
	settings := &optimize.Settings{
		GradientThreshold: l.cfg.GradTol,
		MajorIterations:   maxIters,
		FuncEvaluations:   l.cfg.MaxEvals,
	}
	method := &optimize.LBFGS{Store: l.cfg.Memory, GradStopThreshold: l.cfg.GradTol}
	r, err := optimize.Minimize(p, slices.Clone(x0), settings, method)
	if r == nil {
		return Result{Evals: c.evals, Status: "Failure"}, fmt.Errorf("optim: lbfgs: %w", err)
	}
	res := Result{
		X: r.X, F: r.F, Evals: c.evals,
		Iterations: r.MajorIterations, Status: r.Status.String(),
	}
	if err != nil {
		return res, fmt.Errorf("optim: lbfgs: %w", err)
	}
	return res, nil
}

// sharedEval serves gonum's separate Func and Grad calls from one Objective
// call per point: gonum asks for both at the same x, and the cache answers
// the second.
type sharedEval struct {
	obj   Objective
	x, g  []float64 // last point evaluated and its gradient
	f     float64
	ok    bool // x, f, g hold an evaluation
	evals int
	err   error // first non-finite loss or gradient, which stops the run
}

// at evaluates the objective at x unless it was the last point evaluated.
func (c *sharedEval) at(x []float64) {
	if c.ok && slices.Equal(x, c.x) {
		return
	}
	copy(c.x, x)
	c.f = c.obj(c.x, c.g)
	c.ok = true
	c.evals++
	if c.err != nil {
		return
	}
	if !finite(c.f) {
		c.err = fmt.Errorf("%w: loss = %v", ErrNonFinite, c.f)
	}
	for i, g := range c.g {
		if !finite(g) {
			c.err = fmt.Errorf("%w: gradient[%d] = %v", ErrNonFinite, i, g)
			return
		}
	}
}

func (c *sharedEval) loss(x []float64) float64 {
	c.at(x)
	return c.f
}

func (c *sharedEval) grad(g, x []float64) {
	c.at(x)
	copy(g, c.g)
}
