package optim

import (
	"fmt"
	"slices"
	"strings"
)

// names lists the methods New and NewMinimizer know, in the order Names
// returns them.
var names = []string{"sgd", "momentum", "nesterov", "adam", "bbi", "lbfgs"}

// Names returns the names New and NewMinimizer accept.
func Names() []string { return slices.Clone(names) }

// recipe is one factory entry: the hyperparameters of a fresh default
// configuration, bound to its fields, and the constructors that read that
// configuration when called. step is nil for full-batch methods.
type recipe struct {
	hypers []hyper
	step   func() (Optimizer, error)
	full   func() (Minimizer, error)
}

// recipeFor returns the factory entry for name with default hyperparameters.
func recipeFor(name string) (recipe, error) {
	switch name {
	case "sgd":
		c := DefaultSGDConfig()
		return recipe{hypers: c.hypers(), step: func() (Optimizer, error) { return asOptimizer(NewSGD(c)) }}, nil
	case "momentum", "nesterov":
		c := DefaultMomentumConfig()
		c.Nesterov = name == "nesterov"
		return recipe{hypers: c.hypers(), step: func() (Optimizer, error) { return asOptimizer(NewMomentum(c)) }}, nil
	case "adam":
		c := DefaultAdamConfig()
		return recipe{hypers: c.hypers(), step: func() (Optimizer, error) { return asOptimizer(NewAdam(c)) }}, nil
	case "bbi":
		c := DefaultBBIConfig()
		return recipe{hypers: c.hypers(), step: func() (Optimizer, error) { return asOptimizer(NewBBI(c)) }}, nil
	case "lbfgs":
		c := DefaultLBFGSConfig()
		return recipe{hypers: c.hypers(), full: func() (Minimizer, error) {
			l, err := NewLBFGS(c)
			if err != nil {
				return nil, err
			}
			return l, nil
		}}, nil
	}
	return recipe{}, fmt.Errorf("optim: unknown optimizer %q, want one of %s", name, strings.Join(names, ", "))
}

// asOptimizer turns a constructor's typed result into an interface value
// without wrapping a nil pointer.
func asOptimizer[T Optimizer](o T, err error) (Optimizer, error) {
	if err != nil {
		return nil, err
	}
	return o, nil
}

// New builds the stepping optimizer called name ("sgd", "momentum",
// "nesterov", "adam", "bbi") from the hyperparameters in hyper, taking the
// rest from Defaults(name). Integer hyperparameters (BBI's t0, t1,
// n_bounces, seed) must hold integral values. An unknown or out-of-range
// hyperparameter gives a *ConfigError naming it; "lbfgs" gives ErrFullBatch.
func New(name string, hyper map[string]float64) (Optimizer, error) {
	r, err := recipeFor(name)
	if err != nil {
		return nil, err
	}
	if r.step == nil {
		return nil, fmt.Errorf("%w (%s)", ErrFullBatch, name)
	}
	if err := applyHyper(name, r.hypers, hyper); err != nil {
		return nil, err
	}
	return r.step()
}

// NewMinimizer builds any method of Names as a full-batch Minimizer, with
// hyperparameters as for New: L-BFGS directly, the stepping optimizers
// through Minimize.
func NewMinimizer(name string, hyper map[string]float64) (Minimizer, error) {
	r, err := recipeFor(name)
	if err != nil {
		return nil, err
	}
	if err := applyHyper(name, r.hypers, hyper); err != nil {
		return nil, err
	}
	if r.step == nil {
		return r.full()
	}
	o, err := r.step()
	if err != nil {
		return nil, err
	}
	return stepMinimizer{o}, nil
}

// Defaults returns the hyperparameters of name and their default values,
// the keys New accepts.
func Defaults(name string) (map[string]float64, error) {
	r, err := recipeFor(name)
	if err != nil {
		return nil, err
	}
	return hyperMap(r.hypers), nil
}
