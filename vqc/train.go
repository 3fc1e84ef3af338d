package vqc

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
)

// TrainOptions controls Fit.
type TrainOptions struct {
	Epochs int
	// BatchSize is the mini-batch size; 0 or more than the data means full batch.
	BatchSize int
	Optimizer optim.Optimizer
	Gradient  GradientMethod
	// Seed fixes the per-epoch shuffles.
	Seed uint64
	// Workers evaluates the samples of a batch in parallel; 0 means GOMAXPROCS.
	Workers int
	// Validation, when non-nil, is evaluated after every epoch.
	Validation *dataset.Dataset
	// Patience stops training after that many epochs without a lower
	// validation loss (or, without validation data, training loss) and
	// restores the best parameters; 0 disables early stopping.
	Patience int
	// Checkpoint, when set, is a file rewritten atomically after every
	// epoch with everything Resume needs.
	Checkpoint string
	// OnEpoch is called after every epoch (for progress display).
	OnEpoch func(EpochStats)
	// OnBatch is called after every optimizer step.
	OnBatch func(epoch, batch, batches int, loss float64)
}

// EpochStats are the metrics of one epoch. Train metrics average the
// mini-batches as they were seen during the epoch (before each step), the
// usual running estimate; validation metrics use the parameters at the end
// of the epoch. Accuracies are NaN for regressors and VQE.
type EpochStats struct {
	Epoch         int     `json:"epoch"`
	TrainLoss     float64 `json:"train_loss"`
	TrainAccuracy float64 `json:"train_accuracy"`
	ValLoss       float64 `json:"validation_loss"`
	ValAccuracy   float64 `json:"validation_accuracy"`
	Seconds       float64 `json:"seconds"`
}

// MarshalJSON writes NaN metrics as null: JSON has no NaN.
func (s EpochStats) MarshalJSON() ([]byte, error) {
	num := func(v float64) *float64 {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil
		}
		return &v
	}
	return json.Marshal(struct {
		Epoch         int      `json:"epoch"`
		TrainLoss     *float64 `json:"train_loss"`
		TrainAccuracy *float64 `json:"train_accuracy"`
		ValLoss       *float64 `json:"validation_loss"`
		ValAccuracy   *float64 `json:"validation_accuracy"`
		Seconds       float64  `json:"seconds"`
	}{s.Epoch, num(s.TrainLoss), num(s.TrainAccuracy), num(s.ValLoss), num(s.ValAccuracy), s.Seconds})
}

// UnmarshalJSON reads what MarshalJSON wrote, null as NaN.
func (s *EpochStats) UnmarshalJSON(data []byte) error {
	var raw struct {
		Epoch         int      `json:"epoch"`
		TrainLoss     *float64 `json:"train_loss"`
		TrainAccuracy *float64 `json:"train_accuracy"`
		ValLoss       *float64 `json:"validation_loss"`
		ValAccuracy   *float64 `json:"validation_accuracy"`
		Seconds       float64  `json:"seconds"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	val := func(p *float64) float64 {
		if p == nil {
			return math.NaN()
		}
		return *p
	}
	*s = EpochStats{raw.Epoch, val(raw.TrainLoss), val(raw.TrainAccuracy), val(raw.ValLoss), val(raw.ValAccuracy), raw.Seconds}
	return nil
}

// History records a training run.
type History struct {
	Epochs []EpochStats `json:"epochs"`
	// BestEpoch is the epoch whose parameters the model holds after early
	// stopping (the last epoch otherwise).
	BestEpoch int `json:"best_epoch"`
	// Evaluations counts circuit executions: one per expectation-value
	// call, one per adjoint gradient.
	Evaluations int64 `json:"circuit_evaluations"`
	// StoppedEarly reports that Patience ended the run.
	StoppedEarly bool `json:"stopped_early"`
}

// checkpoint is what Fit writes after each epoch.
type checkpoint struct {
	Format     string          `json:"format"`
	Params     []float64       `json:"params"`
	BestParams []float64       `json:"best_params"`
	BestLoss   float64         `json:"best_loss"`
	Optimizer  json.RawMessage `json:"optimizer"`
	History    History         `json:"history"`
}

const checkpointFormat = "qml-vqc-checkpoint/1"

// Resume loads a checkpoint written by Fit into m and opt and returns the
// history so far; the next Fit continues from the epoch after the last one
// saved, with the same batches it would have dealt without the interruption.
func (m *Model) Resume(path string, opt optim.Optimizer) (*History, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cp checkpoint
	if err := json.Unmarshal(data, &cp); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if cp.Format != checkpointFormat {
		return nil, fmt.Errorf("%s: format %q, want %q", path, cp.Format, checkpointFormat)
	}
	if len(cp.Params) != len(m.Params) {
		return nil, fmt.Errorf("%s: %d parameters, model has %d", path, len(cp.Params), len(m.Params))
	}
	copy(m.Params, cp.Params)
	if len(cp.Optimizer) > 0 && string(cp.Optimizer) != "null" {
		if err := opt.SetState(cp.Optimizer); err != nil {
			return nil, fmt.Errorf("%s: optimizer state: %w", path, err)
		}
	}
	m.resume = &cp
	return &cp.History, nil
}

// WriteFileAtomic writes data to path through a temporary file and a
// rename, so a crash never leaves a half-written file.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	// CreateTemp makes the file private; results and models are for sharing.
	merr := f.Chmod(0o644)
	cerr := f.Close()
	if werr != nil || merr != nil || cerr != nil {
		os.Remove(tmp)
		return errors.Join(werr, merr, cerr)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// batch evaluates the samples idx of d in parallel (EvaluateBatch); with
// withGrad it also returns the mean gradient.
func (m *Model) batch(be Backend, method GradientMethod, d *dataset.Dataset, idx []int, workers int, withGrad bool) (loss, acc float64, grad []float64, err error) {
	nParams := 0
	if withGrad {
		nParams = len(m.Params)
	}
	return EvaluateBatch(len(idx), workers, nParams, m.Config.Task == Classifier,
		func(i int, g []float64) (float64, bool, error) {
			t := m.target(d, idx[i])
			loss, z, err := m.sampleLoss(be, method, d.X[idx[i]], t, g)
			if err != nil {
				return 0, false, fmt.Errorf("sample %d: %w", idx[i], err)
			}
			if m.Config.Task != Classifier {
				return loss, false, nil
			}
			_, class, _ := classProbabilities(z)
			return loss, class == t.Class, nil
		})
}

func (m *Model) target(d *dataset.Dataset, i int) Target {
	var t Target
	if d.Y != nil {
		t.Class = d.Y[i]
	}
	if d.Targets != nil {
		t.Value = d.Targets[i]
	}
	return t
}

// checkData reports data the model cannot train or evaluate on.
func (m *Model) checkData(d *dataset.Dataset, what string) error {
	if m.Config.Task == VQE {
		return nil
	}
	if d == nil || d.Len() == 0 {
		return fmt.Errorf("%s data: empty", what)
	}
	if d.Dim() != m.Config.Features {
		return fmt.Errorf("%s data: %d features, model expects %d", what, d.Dim(), m.Config.Features)
	}
	if m.Config.Task == Classifier && d.Y == nil {
		return fmt.Errorf("%s data: no class labels", what)
	}
	if m.Config.Task == Regressor && d.Targets == nil {
		return fmt.Errorf("%s data: no regression targets", what)
	}
	return nil
}

// Evaluate returns the mean loss and the accuracy (NaN for regressors) of m
// on d, evaluating samples in parallel over workers (0: GOMAXPROCS).
func (m *Model) Evaluate(be Backend, d *dataset.Dataset, workers int) (loss, accuracy float64, err error) {
	if m.Config.Task == VQE {
		e, err := m.Energy(be)
		return e, math.NaN(), err
	}
	if err := m.checkData(d, "evaluation"); err != nil {
		return 0, 0, err
	}
	idx := make([]int, d.Len())
	for i := range idx {
		idx[i] = i
	}
	loss, accuracy, _, err = m.batch(be, Auto, d, idx, workers, false)
	return loss, accuracy, err
}

// countingBackend counts circuit executions for History.Evaluations.
type countingBackend struct {
	Backend
	n atomic.Int64
}

func (c *countingBackend) add() { c.n.Add(1) }

func (c *countingBackend) Expectations(cir *circuit.Circuit, b circuit.Binding, obs []circuit.Observable) ([]float64, error) {
	c.add()
	return c.Backend.Expectations(cir, b, obs)
}

// countingDifferentiator keeps the Differentiator of the wrapped backend visible.
type countingDifferentiator struct {
	*countingBackend
	d Differentiator
}

func (c countingDifferentiator) ExpectationGradient(cir *circuit.Circuit, b circuit.Binding, obs []circuit.Observable,
	cot func([]float64) ([]float64, error)) ([]float64, []float64, []float64, error) {
	c.add()
	return c.d.ExpectationGradient(cir, b, obs, cot)
}

func counted(be Backend) (Backend, *countingBackend) {
	cb := &countingBackend{Backend: be}
	if d, ok := be.(Differentiator); ok {
		return countingDifferentiator{cb, d}, cb
	}
	return cb, cb
}

// Fit trains m on train (nil for VQE) with mini-batch gradient descent: per
// epoch a seeded shuffle, then one optimizer step per batch, with the
// samples of a batch evaluated in parallel. The same model, data, options
// and seed give bit-identical parameters on one machine.
func (m *Model) Fit(backend Backend, train *dataset.Dataset, opts TrainOptions) (*History, error) {
	if opts.Optimizer == nil {
		return nil, errors.New("vqc: Fit needs an optimizer")
	}
	if opts.Epochs < 1 {
		return nil, fmt.Errorf("vqc: epochs %d, want at least 1", opts.Epochs)
	}
	if err := m.checkData(train, "training"); err != nil {
		return nil, err
	}
	if opts.Validation != nil {
		if err := m.checkData(opts.Validation, "validation"); err != nil {
			return nil, err
		}
	}
	be, counter := counted(backend)
	hist := &History{}
	bestLoss := math.Inf(1)
	best := append([]float64(nil), m.Params...)
	if cp := m.resume; cp != nil {
		*hist = cp.History
		bestLoss = cp.BestLoss
		if len(cp.BestParams) == len(best) {
			copy(best, cp.BestParams)
		}
		m.resume = nil
	}
	counter.n.Store(hist.Evaluations)
	n := 1
	if train != nil {
		n = train.Len()
	}
	bs := opts.BatchSize
	if bs <= 0 || bs > n {
		bs = n
	}
	for epoch := len(hist.Epochs) + 1; epoch <= opts.Epochs; epoch++ {
		start := time.Now()
		// A generator per epoch, so a resumed run deals the same batches.
		batcher, err := dataset.NewBatcher(n, bs, false, rand.New(rand.NewPCG(opts.Seed, uint64(epoch))))
		if err != nil {
			return hist, err
		}
		epochBatches := batcher.Epoch()
		batches := len(epochBatches)
		var sumLoss, sumAcc float64
		for b, idx := range epochBatches {
			var loss, acc float64
			var grad []float64
			var err error
			if m.Config.Task == VQE {
				grad = make([]float64, len(m.Params))
				loss, _, err = m.sampleLoss(be, opts.Gradient, nil, Target{}, grad)
				acc = math.NaN()
			} else {
				loss, acc, grad, err = m.batch(be, opts.Gradient, train, idx, opts.Workers, true)
			}
			if err != nil {
				return hist, fmt.Errorf("epoch %d batch %d: %w", epoch, b+1, err)
			}
			if err := opts.Optimizer.Step(m.Params, loss, grad); err != nil {
				return hist, fmt.Errorf("epoch %d batch %d: %w", epoch, b+1, err)
			}
			w := float64(len(idx)) / float64(n)
			sumLoss += w * loss
			sumAcc += w * acc
			if opts.OnBatch != nil {
				opts.OnBatch(epoch, b+1, batches, loss)
			}
		}
		st := EpochStats{Epoch: epoch, TrainLoss: sumLoss, TrainAccuracy: sumAcc, ValLoss: math.NaN(), ValAccuracy: math.NaN()}
		monitor := st.TrainLoss
		if m.Config.Task == VQE {
			e, err := m.Energy(be)
			if err != nil {
				return hist, err
			}
			st.TrainLoss, monitor = e, e
		}
		if opts.Validation != nil {
			l, a, err := m.Evaluate(be, opts.Validation, opts.Workers)
			if err != nil {
				return hist, fmt.Errorf("epoch %d validation: %w", epoch, err)
			}
			st.ValLoss, st.ValAccuracy, monitor = l, a, l
		}
		st.Seconds = time.Since(start).Seconds()
		hist.Epochs = append(hist.Epochs, st)
		if monitor < bestLoss {
			bestLoss = monitor
			hist.BestEpoch = epoch
			copy(best, m.Params)
		}
		hist.Evaluations = counter.n.Load()
		if opts.Checkpoint != "" {
			if err := m.writeCheckpoint(opts, hist, best, bestLoss); err != nil {
				return hist, fmt.Errorf("checkpoint: %w", err)
			}
		}
		if opts.OnEpoch != nil {
			opts.OnEpoch(st)
		}
		if opts.Patience > 0 && epoch-hist.BestEpoch >= opts.Patience {
			hist.StoppedEarly = true
			break
		}
	}
	if opts.Patience > 0 {
		copy(m.Params, best)
	} else {
		hist.BestEpoch = len(hist.Epochs)
	}
	hist.Evaluations = counter.n.Load()
	return hist, nil
}

func (m *Model) writeCheckpoint(opts TrainOptions, hist *History, best []float64, bestLoss float64) error {
	state, err := opts.Optimizer.State()
	if err != nil {
		return err
	}
	data, err := json.Marshal(checkpoint{Format: checkpointFormat, Params: m.Params, BestParams: best,
		BestLoss: bestLoss, Optimizer: state, History: *hist})
	if err != nil {
		return err
	}
	return WriteFileAtomic(opts.Checkpoint, data)
}
