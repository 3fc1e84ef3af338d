package control

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/vqc"
)

// batch returns the mean loss, accuracy (NaN for regressors) and, when
// withGrad, the mean gradient over samples idx of d, evaluated on workers
// goroutines and reduced in index order (bit-identical for any schedule).
func (c *Classifier) batch(d *dataset.Dataset, idx []int, workers int, withGrad bool) (loss, acc float64, grad []float64, err error) {
	base, err := c.e.fullVector(c.Params[:c.nPulse])
	if err != nil {
		return 0, 0, nil, err
	}
	nParams := 0
	if withGrad {
		nParams = len(c.Params)
	}
	return vqc.EvaluateBatch(len(idx), workers, nParams, c.cfg.Task == vqc.Classifier,
		func(i int, grad []float64) (float64, bool, error) {
			ws := c.pool.Get().(*workspace)
			defer c.pool.Put(ws)
			var class int
			var value float64
			if d.Y != nil {
				class = d.Y[idx[i]]
			}
			if d.Targets != nil {
				value = d.Targets[idx[i]]
			}
			out, err := c.sample(ws, base, c.Params, d.X[idx[i]], class, value, grad, false)
			if err != nil {
				return 0, false, fmt.Errorf("sample %d: %w", idx[i], err)
			}
			correct := false
			if c.cfg.Task == vqc.Classifier {
				_, k := vqc.ClassProbabilities(out.z)
				correct = k == class
			}
			return out.loss, correct, nil
		})
}

// Evaluate returns the mean loss and accuracy (NaN for regressors) on d.
func (c *Classifier) Evaluate(d *dataset.Dataset, workers int) (loss, accuracy float64, err error) {
	if err := c.checkData(d, "evaluation"); err != nil {
		return 0, 0, err
	}
	idx := make([]int, d.Len())
	for i := range idx {
		idx[i] = i
	}
	loss, accuracy, _, err = c.batch(d, idx, workers, false)
	return loss, accuracy, err
}

func (c *Classifier) checkData(d *dataset.Dataset, what string) error {
	if d == nil || d.Len() == 0 {
		return fmt.Errorf("control: %s data: empty", what)
	}
	if c.cfg.Task == vqc.Classifier && d.Y == nil {
		return fmt.Errorf("control: %s data: no class labels", what)
	}
	if c.cfg.Task == vqc.Regressor && d.Targets == nil {
		return fmt.Errorf("control: %s data: no regression targets", what)
	}
	return nil
}

// Fit trains the classifier with vqc's mini-batch loop and losses: per epoch
// a seeded shuffle (dataset.NewBatcher), one optimizer step per batch with
// the batch's samples evaluated in parallel, projection into the bounds,
// validation and early stopping as vqc.Model.Fit. It honours Epochs,
// BatchSize, Optimizer, Seed, Workers, Validation, Patience, OnEpoch and
// OnBatch of opts; gradients are always exact (GRAPE), and checkpoints are
// not written.
func (c *Classifier) Fit(train *dataset.Dataset, opts vqc.TrainOptions) (*vqc.History, error) {
	if opts.Optimizer == nil {
		return nil, errors.New("control: Fit needs an optimizer")
	}
	if opts.Epochs < 1 {
		return nil, fmt.Errorf("control: epochs %d, want at least 1", opts.Epochs)
	}
	if err := c.checkData(train, "training"); err != nil {
		return nil, err
	}
	hist := &vqc.History{}
	bestLoss := math.Inf(1)
	best := append([]float64(nil), c.Params...)
	bs := opts.BatchSize
	n := train.Len()
	if bs <= 0 || bs > n {
		bs = n
	}
	stale := 0
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		start := time.Now()
		batcher, err := dataset.NewBatcher(n, bs, false, rand.New(rand.NewPCG(opts.Seed, uint64(epoch))))
		if err != nil {
			return hist, err
		}
		batches := batcher.Epoch()
		var sumLoss, sumAcc float64
		for b, idx := range batches {
			loss, acc, grad, err := c.batch(train, idx, opts.Workers, true)
			if err != nil {
				return hist, fmt.Errorf("epoch %d batch %d: %w", epoch, b+1, err)
			}
			if err := opts.Optimizer.Step(c.Params, loss, grad); err != nil {
				return hist, fmt.Errorf("epoch %d batch %d: %w", epoch, b+1, err)
			}
			c.e.Project(c.Params[:c.nPulse])
			w := float64(len(idx)) / float64(n)
			sumLoss += w * loss
			sumAcc += w * acc
			hist.Evaluations += int64(len(idx))
			if opts.OnBatch != nil {
				opts.OnBatch(epoch, b+1, len(batches), loss)
			}
		}
		st := vqc.EpochStats{Epoch: epoch, TrainLoss: sumLoss, TrainAccuracy: sumAcc, ValLoss: math.NaN(), ValAccuracy: math.NaN()}
		monitor := st.TrainLoss
		if opts.Validation != nil {
			l, a, err := c.Evaluate(opts.Validation, opts.Workers)
			if err != nil {
				return hist, fmt.Errorf("epoch %d validation: %w", epoch, err)
			}
			st.ValLoss, st.ValAccuracy, monitor = l, a, l
		}
		st.Seconds = time.Since(start).Seconds()
		hist.Epochs = append(hist.Epochs, st)
		if opts.OnEpoch != nil {
			opts.OnEpoch(st)
		}
		if monitor < bestLoss {
			bestLoss, stale = monitor, 0
			copy(best, c.Params)
			hist.BestEpoch = epoch
		} else {
			stale++
		}
		if opts.Patience > 0 && stale >= opts.Patience {
			hist.StoppedEarly = true
			break
		}
	}
	if opts.Patience > 0 {
		copy(c.Params, best)
	} else {
		hist.BestEpoch = len(hist.Epochs)
	}
	return hist, nil
}
