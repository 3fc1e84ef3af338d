package classical

import (
	"slices"

	"gonum.org/v1/gonum/diff/fd"
)

// centralDiff returns the central-difference gradient, step h, of f with
// respect to x, a slice f reads in place (a model's Theta, which its
// weight matrices view); x is left as it was. The differences are gonum's,
// independent of the gradients under test.
func centralDiff(x []float64, h float64, f func() float64) []float64 {
	at := slices.Clone(x)
	return fd.Gradient(nil, func(y []float64) float64 {
		copy(x, y)
		v := f()
		copy(x, at)
		return v
	}, at, &fd.Settings{Formula: fd.Central, Step: h})
}
