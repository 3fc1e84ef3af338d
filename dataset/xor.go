package dataset

import (
	"math/rand/v2"
	"slices"
)

// XOR returns n points in four Gaussian clusters at the corners (±1, ±1) of
// the square, each coordinate with standard deviation noise; the label is 1
// when the two coordinates of the corner have opposite signs (the exclusive or
// of their sign bits), else 0. Sample i comes from corner i mod 4 before the
// samples are shuffled, so the corners get n/4 points each up to one and the
// classes balance exactly for even n. XOR is the classic problem a single
// linear boundary cannot solve.
func XOR(n int, noise float64, rng *rand.Rand) (*Dataset, error) {
	if err := checkGenerator("XOR", n, 2, noise, rng); err != nil {
		return nil, err
	}
	d := &Dataset{
		Name:         "xor",
		X:            newRows(n, 2),
		Y:            make([]int, n),
		FeatureNames: slices.Clone(xyNames),
		ClassNames:   []string{"same-sign", "opposite-sign"},
		NumClasses:   2,
	}
	// Corner c has sign bits b0 = c&1 (x) and b1 = c>>1 (y).
	for i, p := range d.X {
		b0, b1 := i&1, (i>>1)&1
		p[0], p[1] = float64(2*b0-1), float64(2*b1-1)
		d.Y[i] = b0 ^ b1
	}
	addNoise(d.X, noise, rng)
	d.shuffle(rng)
	return d, nil
}
