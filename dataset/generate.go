package dataset

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// checkGenerator validates the arguments every random generator shares: at
// least minN samples, a non-negative finite noise level and a generator.
func checkGenerator(name string, n, minN int, noise float64, rng *rand.Rand) error {
	switch {
	case n < minN:
		return fmt.Errorf("dataset: %s needs at least %d samples, got %d", name, minN, n)
	case noise < 0 || math.IsNaN(noise) || math.IsInf(noise, 0):
		return fmt.Errorf("dataset: %s noise %v must be finite and non-negative", name, noise)
	case rng == nil:
		return fmt.Errorf("dataset: %s needs a random generator", name)
	}
	return nil
}

// linspace returns k evenly spaced values from a to b; b is included when
// endpoint is true (numpy.linspace semantics, which sklearn's generators use).
func linspace(a, b float64, k int, endpoint bool) []float64 {
	out := make([]float64, k)
	div := float64(k)
	if endpoint {
		div = float64(k - 1)
	}
	for i := range out {
		if div > 0 {
			out[i] = a + (b-a)*float64(i)/div
		} else {
			out[i] = a
		}
	}
	return out
}

// xyNames is the feature naming of the two-dimensional generators.
var xyNames = []string{"x", "y"}
