package optim

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Result is the outcome of a full-batch minimization.
type Result struct {
	X          []float64 // the point with the lowest loss evaluated
	F          float64   // the loss at X
	Evals      int       // calls of the Objective (each computes loss and gradient)
	Iterations int       // optimizer steps; L-BFGS: major iterations
	Status     string    // why the run stopped, in gonum/optimize's words ("IterationLimit", …)
}

// Minimizer minimizes a full-batch Objective from x0. The stepping
// optimizers become Minimizers through NewMinimizer; L-BFGS is one natively.
type Minimizer interface {
	// Minimize runs at most iters iterations from x0 (which it does not
	// modify) and returns the best point found.
	Minimize(obj Objective, x0 []float64, iters int) (Result, error)
}

// Minimize runs iters steps of opt on obj from x0: it evaluates obj and
// calls opt.Step once per iteration, then evaluates the final point, so it
// makes iters+1 evaluations. It returns the lowest-loss point of all it
// evaluated — the last iterate of an energy-conserving method such as BBI
// need not be the best one. x0 is not modified. On error the Result holds
// the best point so far.
func Minimize(opt Optimizer, obj Objective, x0 []float64, iters int) (Result, error) {
	switch {
	case opt == nil || obj == nil:
		return Result{}, errors.New("optim: nil optimizer or objective")
	case len(x0) == 0:
		return Result{}, errors.New("optim: empty starting point")
	case iters < 0:
		return Result{}, fmt.Errorf("optim: negative iteration count %d", iters)
	}
	x := slices.Clone(x0)
	g := make([]float64, len(x))
	res := Result{X: make([]float64, len(x)), F: math.Inf(1), Status: "IterationLimit"}
	for k := 0; ; k++ {
		f := obj(x, g)
		res.Evals++
		if !finite(f) {
			res.Status = "Failure"
			return res, fmt.Errorf("%w: loss = %v at iteration %d", ErrNonFinite, f, k)
		}
		if f < res.F {
			res.F = f
			copy(res.X, x)
		}
		if k == iters {
			return res, nil
		}
		if err := opt.Step(x, f, g); err != nil {
			res.Status = "Failure"
			return res, fmt.Errorf("optim: iteration %d: %w", k, err)
		}
		res.Iterations++
	}
}

// stepMinimizer adapts a stepping Optimizer to a Minimizer through Minimize.
type stepMinimizer struct{ opt Optimizer }

// Minimize implements Minimizer.
func (s stepMinimizer) Minimize(obj Objective, x0 []float64, iters int) (Result, error) {
	return Minimize(s.opt, obj, x0, iters)
}
