package spec

import (
	"math/rand/v2"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
)

// isingTemperatures is the number of evenly spaced temperatures in
// [1.5, 3.5] the ising generator samples.
const isingTemperatures = 21

func init() {
	generators["ising"] = generator{
		fields:   []string{"samples", "dimension"},
		defaults: func(d *Data) { setIfZero(&d.Dimension, 16) },
		make:     isingPhases,
	}
}

// isingPhases draws the Ising phase-classification data (classical.IsingPhases):
// n configurations of the dimension×dimension lattice spread over 21
// temperatures in [1.5, 3.5] (Wolff updates, 10 sweeps apart), each
// flipped to non-negative magnetisation so that a linear model can
// separate the phases, shuffled, with each sample's temperature in Targets.
func isingPhases(d *Data, n int, rng *rand.Rand) (*dataset.Dataset, error) {
	ds, err := classical.IsingPhases(classical.IsingPhasesConfig{
		L: d.Dimension, Temperatures: isingTemperatures,
		PerTemperature: (n + isingTemperatures - 1) / isingTemperatures,
		Symmetrize:     true,
	}, rng)
	if err != nil {
		return nil, err
	}
	if err := ds.Shuffle(rng); err != nil {
		return nil, err
	}
	return ds, nil
}
