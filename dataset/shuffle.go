package dataset

import (
	"errors"
	"math/rand/v2"
)

// Shuffle permutes d's samples in place (rows with their labels and targets)
// uniformly at random with rng.
func (d *Dataset) Shuffle(rng *rand.Rand) error {
	if rng == nil {
		return errors.New("dataset: Shuffle needs a random generator")
	}
	d.shuffle(rng)
	return nil
}

// shuffle is Shuffle for a known non-nil rng.
func (d *Dataset) shuffle(rng *rand.Rand) {
	rng.Shuffle(len(d.X), func(i, j int) {
		d.X[i], d.X[j] = d.X[j], d.X[i]
		if d.Y != nil {
			d.Y[i], d.Y[j] = d.Y[j], d.Y[i]
		}
		if d.Targets != nil {
			d.Targets[i], d.Targets[j] = d.Targets[j], d.Targets[i]
		}
	})
}
