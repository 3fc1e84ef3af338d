package dataset

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
)

// LinearlySeparable returns n points uniform in the cube [-1, 1]^dim, labelled
// by a random hyperplane through the origin: label 1 when w·x > 0, else 0,
// for a unit normal w drawn uniformly from the sphere. Points closer to the
// plane than margin (|w·x| < margin) are redrawn, so a margin > 0 leaves a
// gap a perfect classifier can widen. It returns w as well, so callers can
// check a learned boundary against it.
//
// margin must lie in [0, 1); large margins in high dimension may need many
// redraws, and LinearlySeparable gives up with an error after 1000 draws per
// sample. The class balance is random, not exact.
func LinearlySeparable(n, dim int, margin float64, rng *rand.Rand) (*Dataset, []float64, error) {
	if err := checkGenerator("LinearlySeparable", n, 1, 0, rng); err != nil {
		return nil, nil, err
	}
	if dim < 1 {
		return nil, nil, fmt.Errorf("dataset: LinearlySeparable dimension %d < 1", dim)
	}
	if !(margin >= 0 && margin < 1) {
		return nil, nil, fmt.Errorf("dataset: LinearlySeparable margin %v outside [0, 1)", margin)
	}
	w := randomUnitVector(dim, rng)
	d := &Dataset{
		Name:         "linear",
		X:            newRows(n, dim),
		Y:            make([]int, n),
		FeatureNames: make([]string, dim),
		NumClasses:   2,
	}
	for j := range d.FeatureNames {
		d.FeatureNames[j] = "x" + strconv.Itoa(j)
	}
	draws := 0
	for i, x := range d.X {
		for {
			if draws++; draws > 1000*n {
				return nil, nil, fmt.Errorf("dataset: LinearlySeparable margin %v too large for dimension %d: gave up after %d draws", margin, dim, draws-1)
			}
			s := 0.0
			for j := range x {
				x[j] = 2*rng.Float64() - 1
				s += w[j] * x[j]
			}
			if math.Abs(s) >= margin {
				if s > 0 {
					d.Y[i] = 1
				}
				break
			}
		}
	}
	return d, w, nil
}

// randomUnitVector draws a direction uniformly from the unit sphere in dim
// dimensions by normalising a standard Gaussian vector (Muller 1959).
func randomUnitVector(dim int, rng *rand.Rand) []float64 {
	w := make([]float64, dim)
	for {
		s := 0.0
		for j := range w {
			w[j] = rng.NormFloat64()
			s += w[j] * w[j]
		}
		if s > 1e-12 {
			s = math.Sqrt(s)
			for j := range w {
				w[j] /= s
			}
			return w
		}
	}
}
