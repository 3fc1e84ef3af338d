package dataset

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// CircleRadius is √(2/π), the radius of the Circle dataset's boundary: a disc
// of this radius covers half of the square [-1, 1]², whose area is 4.
const CircleRadius = 0.79788456080286535588 // √(2/π)

// Circle returns the "circle" problem of data re-uploading (A. Pérez-Salinas,
// A. Cervera-Lierta, E. Gil-Fuster, J. I. Latorre, "Data re-uploading for a
// universal quantum classifier", Quantum 4, 226 (2020), Sec. VI): n points
// uniform in [-1, 1]², label 1 ("inside") when x² + y² < 2/π, else 0. The
// radius √(2/π) makes both classes equally likely, so the classes balance in
// expectation, not exactly.
func Circle(n int, rng *rand.Rand) (*Dataset, error) {
	if err := checkGenerator("Circle", n, 1, 0, rng); err != nil {
		return nil, err
	}
	d := &Dataset{
		Name:         "circle",
		X:            newRows(n, 2),
		Y:            make([]int, n),
		FeatureNames: slices.Clone(xyNames),
		ClassNames:   []string{"outside", "inside"},
		NumClasses:   2,
	}
	for i, p := range d.X {
		p[0], p[1] = 2*rng.Float64()-1, 2*rng.Float64()-1
		if p[0]*p[0]+p[1]*p[1] < CircleRadius*CircleRadius {
			d.Y[i] = 1
		}
	}
	return d, nil
}

// ConcentricCircles returns sklearn's make_circles: ⌊n/2⌋ points on the unit
// circle (label 0) and ⌈n/2⌉ on a circle of radius factor (label 1), angles
// evenly spaced over [0, 2π) on each, plus Gaussian noise of standard
// deviation noise on each coordinate, shuffled. factor must lie in (0, 1).
func ConcentricCircles(n int, factor, noise float64, rng *rand.Rand) (*Dataset, error) {
	if err := checkGenerator("ConcentricCircles", n, 2, noise, rng); err != nil {
		return nil, err
	}
	if !(factor > 0 && factor < 1) {
		return nil, fmt.Errorf("dataset: ConcentricCircles factor %v outside (0, 1)", factor)
	}
	nOut := n / 2
	d := &Dataset{
		Name:         "concentric-circles",
		X:            newRows(n, 2),
		Y:            make([]int, n),
		FeatureNames: slices.Clone(xyNames),
		ClassNames:   []string{"outer", "inner"},
		NumClasses:   2,
	}
	for i, t := range linspace(0, 2*math.Pi, nOut, false) {
		d.X[i][0], d.X[i][1] = math.Cos(t), math.Sin(t)
	}
	for i, t := range linspace(0, 2*math.Pi, n-nOut, false) {
		d.X[nOut+i][0], d.X[nOut+i][1] = factor*math.Cos(t), factor*math.Sin(t)
		d.Y[nOut+i] = 1
	}
	addNoise(d.X, noise, rng)
	d.shuffle(rng)
	return d, nil
}
