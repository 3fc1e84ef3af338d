package spec

import (
	"math"
	"time"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
)

// What the rbm and dbm kinds share: the optimizer, the per-epoch records
// and checkpoints, and the splits their final metrics cover.

// boltzmannOptimizer returns train.optimizer for a machine fitted on n
// samples in batches of bs, with its learning rate: nil for plain SGD at a
// constant rate (which classical fuses into the update, without a
// gradient buffer); otherwise the optimizer under the lr_decay schedule
// (withLRDecay).
func boltzmannOptimizer(s *Spec, lrDecay string, n, bs int) (optim.Optimizer, float64, error) {
	opt := s.Train.Optimizer
	lr := trainLR(s)
	if opt.Name == "sgd" && lrDecay == "" {
		return nil, lr, nil
	}
	o, err := opt.New()
	if err != nil {
		return nil, 0, s.Errorf("train.optimizer", "%v", err)
	}
	o, err = withLRDecay(s, o, lrDecay, n, bs)
	return o, lr, err
}

// trainLR is train.optimizer's learning rate, given or default.
func trainLR(s *Spec) float64 {
	opt := s.Train.Optimizer
	if lr, ok := opt.Hyper["lr"]; ok {
		return lr
	}
	d, _ := optim.Defaults(opt.Name)
	return d["lr"]
}

// withLRDecay returns o unchanged for an empty lrDecay; for "cosine", o
// under a schedule that falls from the learning rate to 1/100 of it over
// the run's train.epochs passes of n samples in batches of bs.
func withLRDecay(s *Spec, o optim.Optimizer, lrDecay string, n, bs int) (optim.Optimizer, error) {
	if lrDecay != "cosine" {
		return o, nil
	}
	lr := trainLR(s)
	batches := (n + bs - 1) / bs
	sch, err := optim.CosineDecay(lr, lr/100, s.Train.Epochs*batches)
	if err != nil {
		return nil, s.Errorf("model.lr_decay", "%v", err)
	}
	if o, err = optim.WithSchedule(o, sch); err != nil {
		return nil, s.Errorf("model.lr_decay", "%v", err)
	}
	return o, nil
}

// boltzmannEpochs turns a machine's epoch records into the run's (an
// epochLog): the training loss is the exact NLL when log Z is cheap (with
// the validation NLL beside it), else the reconstruction error.
type boltzmannEpochs struct {
	epochLog
	run     *Run
	onBatch func(epoch, batch, batches int, loss float64)
	exact   bool
	useAll  bool // no held-out split: the machine fits every split
	// logLikelihood is the model's exact mean log-likelihood of x, given
	// log Z.
	logLikelihood func(x [][]float64, logZ float64) (float64, error)
	// done counts the epochs before this Fit.
	done int
}

// batch reports update batch of batches in epoch e of this Fit.
func (b *boltzmannEpochs) batch(e, batch, batches int) {
	if b.onBatch != nil {
		b.onBatch(b.done+e, batch, batches, math.NaN())
	}
}

// epoch records epoch e of this Fit from its exact NLL and the log Z
// behind it, its reconstruction error and its time.
func (b *boltzmannEpochs) epoch(e int, nll, logZ, reconstruction, seconds float64) {
	ep := Epoch{Epoch: b.done + e, TrainLoss: nll, TrainAccuracy: math.NaN(), ValLoss: math.NaN(), ValAccuracy: math.NaN(), Seconds: seconds}
	if !b.exact {
		ep.TrainLoss = reconstruction
	} else if v := b.run.Validation; v != nil && !b.useAll {
		start := time.Now()
		if ll, err := b.logLikelihood(v.X, logZ); err == nil {
			ep.ValLoss = -ll
		} else {
			b.fail(err)
		}
		ep.Seconds += time.Since(start).Seconds()
	}
	b.add(ep)
}

// boltzmannLogZ stores log_z, exact or (with log_z_stderr) by AIS, and
// returns it.
func boltzmannLogZ(final map[string]float64, exact bool, exactLogZ func() (float64, error), ais func() (logZ, stderr float64, err error)) (float64, error) {
	var logZ float64
	var err error
	if exact {
		logZ, err = exactLogZ()
	} else {
		var se float64
		logZ, se, err = ais()
		setFinite(final, "log_z_stderr", se)
	}
	if err != nil {
		return 0, err
	}
	setFinite(final, "log_z", logZ)
	return logZ, nil
}

// fittedSplits names the splits a generative model's final metrics cover:
// train (the data it fitted, named "") and, unless it fitted every split,
// the validation and test splits; nil ones are skipped.
func fittedSplits(r *Run, train *dataset.Dataset, useAll bool) []namedSplit {
	parts := []namedSplit{{"", train}}
	if !useAll {
		parts = append(parts, namedSplit{"validation_", r.Validation}, namedSplit{"test_", r.Test})
	}
	var out []namedSplit
	for _, p := range parts {
		if p.d != nil {
			out = append(out, p)
		}
	}
	return out
}
