package spec

import (
	"math/rand/v2"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
)

// digits-nudged is the data of scikit-learn's "Restricted Boltzmann
// Machine features for digit classification" example: the 8×8 digits
// and their four one-pixel shifts (classical.NudgeImages), 5 × 1797
// images.
func init() {
	generators["digits-nudged"] = generator{
		defaults: func(d *Data) {},
		make: func(*Data, int, *rand.Rand) (*dataset.Dataset, error) {
			d, err := dataset.Load("digits")
			if err != nil {
				return nil, err
			}
			return classical.NudgeImages(d, 8, 8)
		},
	}
}
