package classical

import (
	"errors"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
)

// FitLBFGS trains c on the full batch of d with L-BFGS (through
// optim.MinimizeLBFGS), the way scikit-learn fits its LogisticRegression:
// for a convex model such as Logistic this finds the optimum that
// mini-batch descent only approaches. It leaves c at the best point found.
func FitLBFGS(c Classifier, d *dataset.Dataset, cfg optim.LBFGSConfig) (optim.Result, error) {
	if d == nil || d.Y == nil || d.Len() == 0 {
		return optim.Result{}, errors.New("classical: training a classifier needs labelled samples")
	}
	params := c.Params()
	var failed error
	obj := func(x, grad []float64) float64 {
		copy(params, x)
		l, err := c.LossGrad(d.X, d.Y, grad)
		if err != nil && failed == nil {
			failed = err
		}
		return l
	}
	res, err := optim.MinimizeLBFGS(obj, append([]float64(nil), params...), cfg)
	if failed != nil {
		return res, failed
	}
	if res.X != nil {
		copy(params, res.X)
	}
	return res, err
}
