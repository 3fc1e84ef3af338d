package dataset

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Moons returns the two interleaving half circles of sklearn's make_moons:
// ⌊n/2⌋ points (cos t, sin t) on the upper unit half circle, t evenly spaced
// over [0, π] (label 0), and the other ⌈n/2⌉ on the lower half circle moved to
// (1 − cos t, 1/2 − sin t) (label 1). Each coordinate then gets Gaussian noise
// of standard deviation noise, and the samples are shuffled. The classes are
// not linearly separable, a standard small test of non-linear classifiers.
func Moons(n int, noise float64, rng *rand.Rand) (*Dataset, error) {
	if err := checkGenerator("Moons", n, 2, noise, rng); err != nil {
		return nil, err
	}
	nOut := n / 2
	d := &Dataset{
		Name:         "moons",
		X:            newRows(n, 2),
		Y:            make([]int, n),
		FeatureNames: slices.Clone(xyNames),
		ClassNames:   []string{"upper", "lower"},
		NumClasses:   2,
	}
	for i, t := range linspace(0, math.Pi, nOut, true) {
		d.X[i][0], d.X[i][1] = math.Cos(t), math.Sin(t)
	}
	for i, t := range linspace(0, math.Pi, n-nOut, true) {
		d.X[nOut+i][0], d.X[nOut+i][1] = 1-math.Cos(t), 0.5-math.Sin(t)
		d.Y[nOut+i] = 1
	}
	addNoise(d.X, noise, rng)
	d.shuffle(rng)
	return d, nil
}

// addNoise adds independent N(0, noise²) draws to every cell of x.
func addNoise(x [][]float64, noise float64, rng *rand.Rand) {
	if noise == 0 {
		return
	}
	for _, row := range x {
		for j := range row {
			row[j] += noise * rng.NormFloat64()
		}
	}
}
