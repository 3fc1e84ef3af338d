package spec

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
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
	opt, lr, err := boltzmannOptimizer(s, m.LRDecay, t.train.Len(), t.batchSize())
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
	rec := &boltzmannEpochs{epochLog: epochLog{cp: cp, onEpoch: o.OnEpoch, model: t.model, opt: opt, extra: state, epochs: epochs},
		run: t.run, onBatch: o.OnBatch, exact: t.exact(), useAll: m.UseAllData,
		logLikelihood: t.model.ExactLogLikelihood, done: len(epochs)}
	cfg := classical.DBMTraining{K: m.K, Epochs: left, BatchSize: t.batchSize(), LearningRate: lr, Optimizer: opt,
		WeightDecay: m.WeightDecay, Persistent: state.Chains, MeanField: t.meanField(),
		NLL: t.exact(), Reconstruction: !t.exact(), OnBatch: rec.batch,
		OnEpoch: func(e classical.DBMEpoch) { rec.epoch(e.Epoch, e.NLL, e.LogZ, e.Reconstruction, e.Seconds) }}
	_, err = t.model.Fit(t.train.X, cfg, t.stream.rng)
	return rec.history(err)
}

// Final reports the NLL of every split: exact for small models (nll), else
// the mean-field lower bound on the log-likelihood with log Z from AIS
// (nll_bound, an upper bound on the NLL up to the AIS error); the
// reconstruction error; and statistics of drawn samples.
func (t *dbmTrainer) Final() (map[string]float64, error) {
	final := map[string]float64{}
	d, rng := t.model, t.stream.rng
	exact := t.exact()
	logZ, err := boltzmannLogZ(final, exact, d.ExactLogZ, func() (float64, float64, error) {
		return d.AIS(classical.AISConfig{Runs: 100, Steps: t.cfg.AISSteps, Data: t.train.X}, rng)
	})
	if err != nil {
		return nil, err
	}
	for _, p := range fittedSplits(t.run, t.train, t.cfg.UseAllData) {
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
