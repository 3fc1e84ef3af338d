package spec

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"time"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
)

func init() { registerModelKind("dbm", func() ModelConfig { return &DBMModel{} }) }

// DBMModel is the model section of kind "dbm": a deep Boltzmann machine
// (classical.DBM) with two or three hidden layers, pre-trained greedily
// with RBMs and then trained jointly with mean-field inference and
// persistent chains (Salakhutdinov and Hinton, AISTATS 2009).
type DBMModel struct {
	// Hidden lists the hidden-layer sizes, bottom first (default [16, 8]).
	Hidden []int `json:"hidden"`
	// K is the number of Gibbs sweeps of the persistent chains per update
	// (default 5).
	K int `json:"k"`
	// Chains is the number of persistent chains (default 100).
	Chains int `json:"chains"`
	// MeanFieldSteps bounds the mean-field sweeps per sample (default 10).
	MeanFieldSteps int `json:"mean_field_steps"`
	// PretrainEpochs is the number of epochs of each layer's RBM (default
	// train.epochs, resolved when training starts, so that --epochs and
	// --resume leave the model section unchanged).
	PretrainEpochs int `json:"pretrain_epochs,omitempty"`
	// PretrainLR is the SGD learning rate of the pre-training RBMs
	// (default 0.1).
	PretrainLR float64 `json:"pretrain_lr"`
	// PretrainBatchSize is the pre-training mini-batch size (default
	// train.batch_size).
	PretrainBatchSize int `json:"pretrain_batch_size,omitempty"`
	// WeightDecay is an L2 penalty on the weights of the joint training.
	WeightDecay float64 `json:"weight_decay,omitempty"`
	// LRDecay is "" (constant) or cosine, as for rbm.
	LRDecay string `json:"lr_decay,omitempty"`
	// UseAllData fits every split together, as for rbm.
	UseAllData bool `json:"use_all_data,omitempty"`
	// Samples is the number of samples drawn for samples.png and the
	// sample statistics (default 1000).
	Samples int `json:"samples,omitempty"`
	// AISSteps is the number of annealing distributions of the final log Z
	// estimate when the model is too large to sum (default 10000; 100
	// runs).
	AISSteps int `json:"ais_steps,omitempty"`
}

func (m *DBMModel) setDefaults(s *Spec) {
	if len(m.Hidden) == 0 {
		m.Hidden = []int{16, 8}
	}
	setIfZero(&m.K, 5)
	setIfZero(&m.Chains, 100)
	setIfZero(&m.MeanFieldSteps, 10)
	setIfZero(&m.PretrainLR, 0.1)
	setIfZero(&m.Samples, 1000)
	setIfZero(&m.AISSteps, 10000)
}

func (m *DBMModel) check(s *Spec, p *problems) {
	if len(m.Hidden) < 2 || len(m.Hidden) > 3 {
		p.add("model.hidden", "%v, want 2 or 3 hidden-layer sizes, bottom first", m.Hidden)
	}
	for _, h := range m.Hidden {
		if h < 1 || h > 1<<14 {
			p.add("model.hidden", "%v, want 1 to 16384 units per layer", m.Hidden)
			break
		}
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"k", m.K}, {"chains", m.Chains}, {"mean_field_steps", m.MeanFieldSteps}, {"pretrain_epochs", m.PretrainEpochs},
		{"samples", m.Samples}, {"ais_steps", m.AISSteps}} {
		if f.v < 0 || (f.v == 0 && s.Has("model."+f.name)) {
			p.add("model."+f.name, "%d, want at least 1", f.v)
		}
	}
	if m.PretrainBatchSize < 0 {
		p.add("model.pretrain_batch_size", "%d, want at least 1", m.PretrainBatchSize)
	}
	if !(m.PretrainLR > 0) || math.IsInf(m.PretrainLR, 0) {
		p.add("model.pretrain_lr", "%v, want a finite number > 0", m.PretrainLR)
	}
	checkFinite(p, "model.weight_decay", m.WeightDecay, true)
	if m.LRDecay != "" {
		p.oneOf("model.lr_decay", m.LRDecay, "cosine")
	}
}

func (m *DBMModel) needsData() bool { return true }

func (m *DBMModel) describe() string {
	sizes := make([]string, len(m.Hidden))
	for i, h := range m.Hidden {
		sizes[i] = fmt.Sprint(h)
	}
	return fmt.Sprintf("hidden layers %s, PCD-%d with %d chains, mean field ≤ %d sweeps", strings.Join(sizes, "-"), m.K, m.Chains, m.MeanFieldSteps)
}

func (m *DBMModel) build(r *Run) (Trainer, error) {
	t := &dbmTrainer{run: r, cfg: m, stream: newClassicalStream(r.Spec), train: r.Train}
	if m.UseAllData {
		t.train = concat(r.Train, r.Validation, r.Test)
	}
	if !unitInterval(t.train.X) {
		return nil, r.Spec.Errorf("data", "a dbm has binary units and wants features in [0, 1] (binary data, or scale: minmax)")
	}
	var err error
	if t.model, err = classical.NewDBM(append([]int{r.Train.Dim()}, m.Hidden...), t.stream.rng); err != nil {
		return nil, r.Spec.Errorf("model", "%v", err)
	}
	return t, nil
}

// unitInterval reports whether every value of x lies in [0, 1].
func unitInterval(x [][]float64) bool {
	for _, v := range x {
		for _, e := range v {
			if !(e >= 0 && e <= 1) {
				return false
			}
		}
	}
	return true
}

// dbmTrainer trains a DBM on a run.
type dbmTrainer struct {
	run    *Run
	cfg    *DBMModel
	stream classicalStream
	model  *classical.DBM
	train  *dataset.Dataset
	// samples are drawn by Final for the statistics and samples.png.
	samples [][]float64
}

func (t *dbmTrainer) NumParams() int { return len(t.model.Theta) }

// exact reports whether log Z is cheap enough for every epoch.
func (t *dbmTrainer) exact() bool {
	even, odd := 0, 0
	for l, n := range t.model.Layers {
		if l%2 == 0 {
			even += n
		} else {
			odd += n
		}
	}
	return min(even, odd) <= exactEpochUnits
}

// meanField is the mean-field setting of training and evaluation.
func (t *dbmTrainer) meanField() classical.MeanFieldConfig {
	return classical.MeanFieldConfig{MaxIter: t.cfg.MeanFieldSteps}
}

// optimizer returns the joint training's optimizer, nil for plain SGD.
func (t *dbmTrainer) optimizer() (optim.Optimizer, float64, error) {
	s, m := t.run.Spec, t.cfg
	opt := s.Train.Optimizer
	lr, ok := opt.Hyper["lr"]
	if !ok {
		d, _ := optim.Defaults(opt.Name)
		lr = d["lr"]
	}
	if opt.Name == "sgd" && m.LRDecay == "" {
		return nil, lr, nil
	}
	o, err := opt.New()
	if err != nil {
		return nil, 0, s.Errorf("train.optimizer", "%v", err)
	}
	if m.LRDecay == "cosine" {
		bs := t.batchSize()
		batches := (t.train.Len() + bs - 1) / bs
		sch, err := optim.CosineDecay(lr, lr/100, s.Train.Epochs*batches)
		if err != nil {
			return nil, 0, s.Errorf("model.lr_decay", "%v", err)
		}
		if o, err = optim.WithSchedule(o, sch); err != nil {
			return nil, 0, s.Errorf("model.lr_decay", "%v", err)
		}
	}
	return o, lr, nil
}

// batchSize is train.batch_size, or the whole training set.
func (t *dbmTrainer) batchSize() int {
	if b := t.run.Spec.Train.BatchSize; b > 0 {
		return b
	}
	return t.train.Len()
}

// dbmState is what a DBM checkpoint carries besides the model: the
// persistent chains.
type dbmState struct {
	Chains *classical.DBMChains `json:"chains"`
}

// Fit pre-trains the DBM layer by layer (not on a resumed run, whose
// checkpoint holds the model after pre-training) and trains it jointly for
// train.epochs, checkpointing the model, the optimizer, the persistent
// chains and the random stream after every epoch.
func (t *dbmTrainer) Fit(o FitOptions) (*History, error) {
	s, m := t.run.Spec, t.cfg
	opt, lr, err := t.optimizer()
	if err != nil {
		return nil, err
	}
	cp := checkpointer{path: o.Checkpoint, run: t.run, stream: t.stream}
	var epochs []Epoch
	var state dbmState
	if o.Resume {
		c, err := cp.resume(t.model, opt)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(c.Extra, &state); err != nil || state.Chains == nil {
			return nil, fmt.Errorf("%s: no persistent chains: %v", o.Checkpoint, err)
		}
		epochs = c.Epochs
	} else {
		pb := m.PretrainBatchSize
		if pb == 0 {
			pb = t.batchSize()
		}
		pe := m.PretrainEpochs
		if pe == 0 {
			pe = s.Train.Epochs
		}
		pre := classical.DBMPretraining{RBM: classical.RBMTraining{Method: classical.PCD, Epochs: pe,
			BatchSize: pb, LearningRate: m.PretrainLR}}
		if err := t.model.Pretrain(t.train.X, pre, t.stream.rng); err != nil {
			return nil, s.Errorf("model", "%v", err)
		}
		if state.Chains, err = t.model.NewChains(m.Chains, t.stream.rng); err != nil {
			return nil, err
		}
	}
	left := remaining(s, len(epochs))
	if left == 0 {
		return historyOf(epochs), nil
	}
	done := len(epochs)
	var failed error
	cfg := classical.DBMTraining{K: m.K, Epochs: left, BatchSize: t.batchSize(), LearningRate: lr, Optimizer: opt,
		WeightDecay: m.WeightDecay, Persistent: state.Chains, MeanField: t.meanField(),
		NLL: t.exact(), Reconstruction: !t.exact(),
		OnBatch: func(e, b, n int) {
			if o.OnBatch != nil {
				o.OnBatch(done+e, b, n, math.NaN())
			}
		},
		OnEpoch: func(e classical.DBMEpoch) {
			ep := Epoch{Epoch: done + e.Epoch, TrainLoss: e.NLL, TrainAccuracy: math.NaN(), ValLoss: math.NaN(), ValAccuracy: math.NaN(), Seconds: e.Seconds}
			if !t.exact() {
				ep.TrainLoss = e.Reconstruction
			} else if v := t.run.Validation; v != nil && !m.UseAllData {
				start := time.Now()
				if nll, err := t.exactNLL(v.X); err == nil {
					ep.ValLoss = nll
				} else if failed == nil {
					failed = err
				}
				ep.Seconds += time.Since(start).Seconds()
			}
			epochs = append(epochs, ep)
			if err := cp.write(epochs, t.model, opt, state); err != nil && failed == nil {
				failed = err
			}
			if o.OnEpoch != nil {
				o.OnEpoch(ep)
			}
		}}
	if _, err := t.model.Fit(t.train.X, cfg, t.stream.rng); err != nil {
		return historyOf(epochs), err
	}
	return historyOf(epochs), failed
}

// exactNLL returns the exact mean negative log-likelihood of x.
func (t *dbmTrainer) exactNLL(x [][]float64) (float64, error) {
	logZ, err := t.model.ExactLogZ()
	if err != nil {
		return 0, err
	}
	ll, err := t.model.ExactLogLikelihood(x, logZ)
	return -ll, err
}

// Final reports the NLL of every split: exact for small models (nll), else
// the mean-field lower bound on the log-likelihood with log Z from AIS
// (nll_bound, an upper bound on the NLL up to the AIS error); the
// reconstruction error; and statistics of drawn samples.
func (t *dbmTrainer) Final() (map[string]float64, error) {
	final := map[string]float64{}
	d, rng := t.model, t.stream.rng
	exact := t.exact()
	var logZ float64
	var err error
	if exact {
		logZ, err = d.ExactLogZ()
	} else {
		var se float64
		logZ, se, err = d.AIS(classical.AISConfig{Runs: 100, Steps: t.cfg.AISSteps, Data: t.train.X}, rng)
		setFinite(final, "log_z_stderr", se)
	}
	if err != nil {
		return nil, err
	}
	setFinite(final, "log_z", logZ)
	parts := []namedSplit{{"", t.train}}
	if !t.cfg.UseAllData {
		parts = append(parts, namedSplit{"validation_", t.run.Validation}, namedSplit{"test_", t.run.Test})
	}
	for _, p := range parts {
		if p.d == nil {
			continue
		}
		lb, err := d.MeanLowerBound(p.d.X, logZ, t.meanField())
		if err != nil {
			return nil, err
		}
		setFinite(final, p.name+"nll_bound", -lb)
		if exact {
			ll, err := d.ExactLogLikelihood(p.d.X, logZ)
			if err != nil {
				return nil, err
			}
			setFinite(final, p.name+"nll", -ll)
		}
	}
	final["reconstruction_error"] = d.ReconstructionError(t.train.X, t.meanField())
	if t.samples, err = d.Sample(t.cfg.Samples, 1000, rng); err != nil {
		return nil, err
	}
	if binary(t.train.X) {
		sampleStats(final, t.samples, t.train.X)
	}
	return final, nil
}

func (t *dbmTrainer) Save(path string) error {
	if err := saveClassical(path, t.run, struct {
		DBM *classical.DBM `json:"dbm"`
	}{t.model}); err != nil {
		return err
	}
	return writeSampleGrid(filepath.Join(filepath.Dir(path), samplesFile), t.samples, t.run.Spec, t.model.Visible())
}
