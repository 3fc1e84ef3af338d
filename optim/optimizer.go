package optim

import (
	"errors"
	"fmt"
	"math"
)

// Objective evaluates a loss at x, writes its gradient into grad (which has
// len(x) elements) and returns the loss. It must not keep x or grad.
type Objective func(x, grad []float64) float64

// Optimizer updates parameters from one loss and gradient at a time. Training
// loops that compute losses and gradients themselves (mini-batches, shot
// noise, parameter shift) call Step once per gradient.
type Optimizer interface {
	// Step moves x in place, given the loss and its gradient at x. The
	// first Step fixes the dimension; later calls with another length fail.
	// On error x and the optimizer are left unchanged.
	Step(x []float64, loss float64, grad []float64) error
	// State returns everything the optimizer carries between steps, as JSON.
	State() ([]byte, error)
	// SetState restores what State returned, so that the steps that follow
	// are bit-identical to those of the optimizer that was saved.
	SetState(data []byte) error
}

// RateSetter is implemented by optimizers with a step size (the learning
// rate, or BBI's time step dt), so that a Schedule can change it between
// steps.
type RateSetter interface {
	// SetLearningRate sets the step size used from the next Step on; it
	// must be positive and finite.
	SetLearningRate(lr float64) error
}

// The stepping optimizers, and the wrapper that schedules them.
var (
	_ Optimizer  = (*SGD)(nil)
	_ Optimizer  = (*Momentum)(nil)
	_ Optimizer  = (*Adam)(nil)
	_ Optimizer  = (*BBI)(nil)
	_ Optimizer  = (*Scheduled)(nil)
	_ RateSetter = (*SGD)(nil)
	_ RateSetter = (*Momentum)(nil)
	_ RateSetter = (*Adam)(nil)
	_ RateSetter = (*BBI)(nil)
	_ Minimizer  = (*LBFGS)(nil)
)

var (
	// ErrNonFinite reports a NaN or infinite loss or gradient entry.
	ErrNonFinite = errors.New("optim: non-finite value")
	// ErrFullBatch reports that a full-batch method (L-BFGS) was asked to
	// Step; run it through NewMinimizer or MinimizeLBFGS instead.
	ErrFullBatch = errors.New("optim: full-batch method has no Step; use NewMinimizer or MinimizeLBFGS")
)

// checkStep validates the arguments of Step against dim, the dimension the
// optimizer's state already has (0 before the first step).
func checkStep(x, grad []float64, dim int) error {
	if len(x) == 0 {
		return errors.New("optim: empty parameter vector")
	}
	if len(grad) != len(x) {
		return fmt.Errorf("optim: gradient has %d entries, parameters %d", len(grad), len(x))
	}
	if dim != 0 && len(x) != dim {
		return fmt.Errorf("optim: parameters have %d entries, optimizer state %d", len(x), dim)
	}
	for i, g := range grad {
		if math.IsNaN(g) || math.IsInf(g, 0) {
			return fmt.Errorf("%w: gradient[%d] = %v", ErrNonFinite, i, g)
		}
	}
	return nil
}
