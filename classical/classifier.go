package classical

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
)

// Classifier is a differentiable classifier with a flat parameter vector,
// which Fit trains with any optim.Optimizer. Logistic, MLP and
// MPSGradClassifier implement it.
type Classifier interface {
	// Params returns the parameters; Fit updates the slice in place.
	Params() []float64
	// LossGrad returns the mean loss over the samples x[i] with labels
	// y[i] (plus any penalty) and writes its gradient into grad, which
	// has len(Params()).
	LossGrad(x [][]float64, y []int, grad []float64) (float64, error)
	// Probabilities writes the class probabilities of x into p.
	Probabilities(x []float64, p []float64) error
	// NumClasses is the number of classes.
	NumClasses() int
}

// Epoch is the record of one training epoch. Loss and Accuracy are running
// averages over the epoch's mini-batches (before each step); validation
// metrics use the parameters at the epoch's end and are NaN without
// validation data, as are metrics a model lacks (accuracy of a generative
// model, whose Loss is its negative log-likelihood).
type Epoch struct {
	Epoch                int
	Loss, Accuracy       float64
	ValLoss, ValAccuracy float64
	Seconds              float64
}

// FitOptions control Fit.
type FitOptions struct {
	// Epochs is the number of passes over the data (≥ 1).
	Epochs int
	// BatchSize is the mini-batch size; 0 means the full batch.
	BatchSize int
	// Optimizer updates the parameters; nil means Adam with its defaults.
	Optimizer optim.Optimizer
	// Validation, if non-nil, is evaluated after every epoch.
	Validation *dataset.Dataset
	// OnEpoch and OnBatch, if set, are called after every epoch and every
	// optimizer step.
	OnEpoch func(Epoch)
	OnBatch func(epoch, batch, batches int, loss float64)
}

// Fit trains c on d by mini-batch gradient descent with shuffles drawn
// from rng, and returns the epoch records. It returns an error for data
// without labels or of the wrong width, or when the optimizer fails (a
// non-finite loss, say); the records up to the failure are returned with it.
func Fit(c Classifier, d *dataset.Dataset, opts FitOptions, rng *rand.Rand) ([]Epoch, error) {
	if d == nil || d.Y == nil || d.Len() == 0 {
		return nil, errors.New("classical: training a classifier needs labelled samples")
	}
	if d.NumClasses > c.NumClasses() {
		return nil, fmt.Errorf("classical: data has %d classes, the model %d", d.NumClasses, c.NumClasses())
	}
	if opts.Epochs < 1 {
		return nil, fmt.Errorf("classical: %d epochs, want at least 1", opts.Epochs)
	}
	opt := opts.Optimizer
	if opt == nil {
		var err error
		if opt, err = optim.New("adam", nil); err != nil {
			return nil, err
		}
	}
	size := opts.BatchSize
	if size <= 0 || size > d.Len() {
		size = d.Len()
	}
	b, err := dataset.NewBatcher(d.Len(), size, false, rng)
	if err != nil {
		return nil, err
	}
	params := c.Params()
	grad := make([]float64, len(params))
	xs, ys := make([][]float64, 0, size), make([]int, 0, size)
	var hist []Epoch
	for e := 1; e <= opts.Epochs; e++ {
		start := time.Now()
		batches := b.Epoch()
		var loss, correct float64
		for k, batch := range batches {
			xs, ys = xs[:0], ys[:0]
			for _, i := range batch {
				xs, ys = append(xs, d.X[i]), append(ys, d.Y[i])
			}
			// The running accuracy uses the parameters before the step.
			acc, err := accuracyOf(c, xs, ys)
			if err != nil {
				return hist, err
			}
			l, err := c.LossGrad(xs, ys, grad)
			if err != nil {
				return hist, err
			}
			if err := opt.Step(params, l, grad); err != nil {
				return hist, fmt.Errorf("classical: epoch %d: %w", e, err)
			}
			loss += l * float64(len(batch))
			correct += acc * float64(len(batch))
			if opts.OnBatch != nil {
				opts.OnBatch(e, k+1, len(batches), l)
			}
		}
		ep := Epoch{Epoch: e, Loss: loss / float64(d.Len()), Accuracy: correct / float64(d.Len()),
			ValLoss: math.NaN(), ValAccuracy: math.NaN()}
		if opts.Validation != nil {
			if ep.ValLoss, ep.ValAccuracy, err = Evaluate(c, opts.Validation); err != nil {
				return hist, err
			}
		}
		ep.Seconds = time.Since(start).Seconds()
		hist = append(hist, ep)
		if opts.OnEpoch != nil {
			opts.OnEpoch(ep)
		}
	}
	return hist, nil
}

// Evaluate returns the mean cross-entropy (without any penalty) and the
// accuracy of c on d.
func Evaluate(c Classifier, d *dataset.Dataset) (loss, accuracy float64, err error) {
	if d == nil || d.Y == nil || d.Len() == 0 {
		return 0, 0, errors.New("classical: evaluating a classifier needs labelled samples")
	}
	p := make([]float64, c.NumClasses())
	correct := 0
	for i, x := range d.X {
		if err := c.Probabilities(x, p); err != nil {
			return 0, 0, err
		}
		if d.Y[i] >= len(p) {
			return 0, 0, fmt.Errorf("classical: label %d, the model has %d classes", d.Y[i], len(p))
		}
		loss -= math.Log(math.Max(p[d.Y[i]], math.SmallestNonzeroFloat64))
		if argmax(p) == d.Y[i] {
			correct++
		}
	}
	n := float64(d.Len())
	return loss / n, float64(correct) / n, nil
}

// Predict returns the most probable class of x.
func Predict(c Classifier, x []float64) (int, error) {
	p := make([]float64, c.NumClasses())
	if err := c.Probabilities(x, p); err != nil {
		return 0, err
	}
	return argmax(p), nil
}

// accuracyOf is the fraction of xs that c classifies as ys.
func accuracyOf(c Classifier, xs [][]float64, ys []int) (float64, error) {
	p := make([]float64, c.NumClasses())
	correct := 0
	for i, x := range xs {
		if err := c.Probabilities(x, p); err != nil {
			return 0, err
		}
		if argmax(p) == ys[i] {
			correct++
		}
	}
	return float64(correct) / float64(len(xs)), nil
}

// argmax returns the index of the largest value (the first on ties).
func argmax(v []float64) int {
	best := 0
	for i, x := range v {
		if x > v[best] {
			best = i
		}
	}
	return best
}
