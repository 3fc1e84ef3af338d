package optim

import (
	"fmt"
	"math"
)

// ConfigError reports a hyperparameter outside its valid range. Field is the
// name the factory New uses for it ("lr", "beta1", "dt", …), so that a run
// spec can point at the line that set it.
type ConfigError struct {
	Optimizer string  // "adam", "bbi", …
	Field     string  // hyperparameter name, as in Defaults
	Value     float64 // the value given
	Want      string  // what was expected, e.g. "in [0, 1)"
}

// Error implements error.
func (e *ConfigError) Error() string {
	return fmt.Sprintf("optim: %s: %s = %v, want %s", e.Optimizer, e.Field, e.Value, e.Want)
}

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// checkPositive requires a finite v > 0.
func checkPositive(opt, field string, v float64) error {
	if !(v > 0) || !finite(v) {
		return &ConfigError{opt, field, v, "> 0 and finite"}
	}
	return nil
}

// checkNonNegative requires a finite v ≥ 0.
func checkNonNegative(opt, field string, v float64) error {
	if !(v >= 0) || !finite(v) {
		return &ConfigError{opt, field, v, ">= 0 and finite"}
	}
	return nil
}

// checkFinite requires v to be neither NaN nor infinite.
func checkFinite(opt, field string, v float64) error {
	if !finite(v) {
		return &ConfigError{opt, field, v, "finite"}
	}
	return nil
}

// checkUnit requires v in [0, 1): a decay rate that forgets old values.
func checkUnit(opt, field string, v float64) error {
	if !(v >= 0 && v < 1) {
		return &ConfigError{opt, field, v, "in [0, 1)"}
	}
	return nil
}

// checkAtLeast requires the integer v ≥ lo.
func checkAtLeast(opt, field string, v, lo int) error {
	if v < lo {
		return &ConfigError{opt, field, float64(v), fmt.Sprintf("an integer >= %d", lo)}
	}
	return nil
}
