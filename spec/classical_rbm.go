package spec

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
)

func init() { registerModelKind("rbm", func() ModelConfig { return &RBMModel{} }) }

// exactEpochUnits bounds the smaller RBM layer for which every epoch
// records the exact NLL (2^20 states, well under a second).
const exactEpochUnits = 20

// RBMModel is the model section of kind "rbm": a restricted Boltzmann
// machine (classical.RBM) trained as a generative model of the features,
// optionally with a logistic-regression head on its hidden probabilities.
type RBMModel struct {
	// Hidden is the number of hidden units (default 16).
	Hidden int `json:"hidden"`
	// Visible is bernoulli (default; data in [0, 1]) or gaussian (data
	// standardised to unit variance).
	Visible string `json:"visible"`
	// Method is cd, pcd (default) or pt.
	Method string `json:"method"`
	// K is the number of Gibbs steps per update (default 1).
	K int `json:"k"`
	// Chains is the number of persistent chains or tempered systems
	// (default train.batch_size).
	Chains int `json:"chains,omitempty"`
	// Temperatures is the number of PT replicas (default 10).
	Temperatures int `json:"temperatures,omitempty"`
	// WeightDecay is an L2 penalty on W.
	WeightDecay float64 `json:"weight_decay,omitempty"`
	// LRDecay is "" (constant) or cosine (the learning rate falls to 1/100
	// of train.optimizer.lr over the run, which lets persistent chains
	// settle at the end).
	LRDecay string `json:"lr_decay,omitempty"`
	// UseAllData fits the train, validation and test splits together, as
	// the bars-and-stripes benchmarks do (there is no held-out pattern).
	UseAllData bool `json:"use_all_data,omitempty"`
	// Classifier fits logistic regression on the hidden probabilities
	// after training (scikit-learn's RBM-features pipeline) and reports
	// its accuracies.
	Classifier bool `json:"classifier,omitempty"`
	// Samples is the number of samples drawn for samples.png and the
	// sample statistics (default 1000).
	Samples int `json:"samples,omitempty"`
	// AISSteps is the number of annealing distributions of the final log Z
	// estimate when the smaller layer is too large to sum (default 10000;
	// 100 runs).
	AISSteps int `json:"ais_steps,omitempty"`
}

func (m *RBMModel) setDefaults(s *Spec) {
	setIfZero(&m.Hidden, 16)
	setIfZero(&m.K, 1)
	setIfZero(&m.Samples, 1000)
	setIfZero(&m.AISSteps, 10000)
	if m.Visible == "" {
		m.Visible = "bernoulli"
	}
	if m.Method == "" {
		m.Method = classical.PCD
	}
}

func (m *RBMModel) check(s *Spec, p *problems) {
	if m.Hidden < 1 || m.Hidden > 1<<14 {
		p.add("model.hidden", "%d, want 1 to 16384 hidden units", m.Hidden)
	}
	p.oneOf("model.visible", m.Visible, "bernoulli", "gaussian")
	if p.oneOf("model.method", m.Method, classical.CD, classical.PCD, classical.PT) && m.Method == classical.PT && m.Visible == "gaussian" {
		p.add("model.method", "parallel tempering needs bernoulli visibles")
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"k", m.K}, {"chains", m.Chains}, {"samples", m.Samples}, {"ais_steps", m.AISSteps}} {
		if f.v < 0 || (f.v == 0 && s.Has("model."+f.name)) {
			p.add("model."+f.name, "%d, want at least 1", f.v)
		}
	}
	if m.Temperatures != 0 && m.Temperatures < 2 {
		p.add("model.temperatures", "%d, want at least 2 replicas", m.Temperatures)
	}
	if m.Temperatures != 0 && m.Method != classical.PT {
		p.add("model.temperatures", "only method pt uses temperatures")
	}
	checkFinite(p, "model.weight_decay", m.WeightDecay, true)
	if m.LRDecay != "" {
		p.oneOf("model.lr_decay", m.LRDecay, "cosine")
	}
}

func (m *RBMModel) needsData() bool { return true }

func (m *RBMModel) describe() string {
	msg := fmt.Sprintf("%s visibles, %s, %s-%d", m.Visible, plural(m.Hidden, "hidden unit"), m.Method, m.K)
	if m.Classifier {
		msg += " + logistic head"
	}
	return msg
}

func (m *RBMModel) build(r *Run) (Trainer, error) {
	t := &rbmTrainer{run: r, cfg: m, stream: newClassicalStream(r.Spec), train: r.Train}
	t.rng = t.stream.rng
	if m.UseAllData {
		t.train = concat(r.Train, r.Validation, r.Test)
	}
	if m.Classifier {
		if err := labelled(r); err != nil {
			return nil, err
		}
	}
	var err error
	if t.model, err = classical.NewRBM(r.Train.Dim(), m.Hidden, m.Visible == "gaussian", t.rng); err != nil {
		return nil, r.Spec.Errorf("model", "%v", err)
	}
	return t, nil
}

// concat joins splits (nil ones skipped) into one unlabelled dataset.
func concat(parts ...*dataset.Dataset) *dataset.Dataset {
	out := &dataset.Dataset{Name: parts[0].Name, FeatureNames: parts[0].FeatureNames}
	for _, p := range parts {
		if p != nil {
			out.X = append(out.X, p.X...)
		}
	}
	return out
}

// rbmTrainer trains an RBM on a run.
type rbmTrainer struct {
	run    *Run
	cfg    *RBMModel
	stream classicalStream
	// rng is stream.rng.
	rng   *rand.Rand
	model *classical.RBM
	// train is what the RBM fits (all splits with use_all_data).
	train *dataset.Dataset
	head  *classical.Logistic
	// samples are drawn by Final for the statistics and samples.png.
	samples [][]float64
}

func (t *rbmTrainer) NumParams() int { return len(t.model.Theta) }

// exact reports whether log Z is cheap enough for every epoch.
func (t *rbmTrainer) exact() bool {
	k := t.model.Hidden
	if !t.model.Gaussian {
		k = min(k, t.model.Visible)
	}
	return k <= exactEpochUnits
}

// Fit trains the RBM for train.epochs, checkpointing the parameters, the
// optimizer state and the random stream after every epoch. A resumed run
// continues from them with the same mini-batches; the persistent chains of
// pcd and pt live inside one classical.RBM.Fit and are not checkpointed,
// so they restart (from zero hidden states, or fresh tempered replicas)
// and re-equilibrate, and only cd resumes bit for bit.
func (t *rbmTrainer) Fit(o FitOptions) (*History, error) {
	s, m := t.run.Spec, t.cfg
	cfg := classical.RBMTraining{Method: m.Method, K: m.K, Epochs: s.Train.Epochs, BatchSize: s.Train.BatchSize,
		Chains: m.Chains, Temperatures: m.Temperatures, WeightDecay: m.WeightDecay,
		NLL: t.exact(), Reconstruction: !t.exact()}
	if cfg.BatchSize == 0 {
		cfg.BatchSize = t.train.Len()
	}
	opt, lr, err := boltzmannOptimizer(s, m.LRDecay, t.train.Len(), cfg.BatchSize)
	if err != nil {
		return nil, err
	}
	cfg.Optimizer = opt
	if opt == nil {
		cfg.LearningRate = lr
	}
	cp := checkpointer{path: o.Checkpoint, run: t.run, stream: t.stream}
	var epochs []Epoch
	if o.Resume {
		n := len(t.model.Theta)
		c, err := cp.resume(t.model, cfg.Optimizer)
		if err != nil {
			return nil, err
		}
		if len(t.model.Theta) != n {
			return nil, fmt.Errorf("%s: %d parameters, the spec's RBM has %d", o.Checkpoint, len(t.model.Theta), n)
		}
		epochs = c.Epochs
	}
	done := len(epochs)
	if cfg.Epochs = remaining(s, done); cfg.Epochs == 0 {
		return historyOf(epochs), t.fitHeadIf()
	}
	rec := &boltzmannEpochs{epochLog: epochLog{cp: cp, onEpoch: o.OnEpoch, model: t.model, opt: cfg.Optimizer, epochs: epochs},
		run: t.run, onBatch: o.OnBatch, exact: t.exact(), useAll: m.UseAllData,
		logLikelihood: t.model.LogLikelihood, done: done}
	cfg.OnBatch = rec.batch
	cfg.OnEpoch = func(e classical.RBMEpoch) { rec.epoch(e.Epoch, e.NLL, e.LogZ, e.Reconstruction, e.Seconds) }
	_, err = t.model.Fit(t.train.X, cfg, t.rng)
	if h, err := rec.history(err); err != nil {
		return h, err
	}
	return historyOf(rec.epochs), t.fitHeadIf()
}

// fitHeadIf fits the logistic head when the model section asks for one.
func (t *rbmTrainer) fitHeadIf() error {
	if !t.cfg.Classifier {
		return nil
	}
	return t.fitHead()
}

// features maps a labelled split to the RBM's hidden probabilities.
func (t *rbmTrainer) features(d *dataset.Dataset) (*dataset.Dataset, error) {
	if d == nil {
		return nil, nil
	}
	x, err := t.model.Transform(d.X)
	if err != nil {
		return nil, err
	}
	return dataset.New(d.Name+"-rbm-features", x, d.Y)
}

// fitHead fits the logistic head by L-BFGS on the training features, with
// the weak penalty of scikit-learn's example.
func (t *rbmTrainer) fitHead() error {
	f, err := t.features(t.run.Train)
	if err != nil {
		return err
	}
	// scikit-learn's example uses C = 6000, i.e. λ = 1/(6000 n) per sample.
	if t.head, err = classical.NewLogistic(t.model.Hidden, t.run.Train.NumClasses, 1/(6000*float64(f.Len()))); err != nil {
		return err
	}
	cfg := optim.DefaultLBFGSConfig()
	cfg.GradTol, cfg.MaxIters = 1e-5, 2000
	_, err = classical.FitLBFGS(t.head, f, cfg)
	return err
}

// Final reports the NLL (exact, or by AIS for large layers), the
// reconstruction error, the pseudo-likelihood, statistics of drawn
// samples and, with the head, the classification accuracies.
func (t *rbmTrainer) Final() (map[string]float64, error) {
	final := map[string]float64{}
	r := t.model
	logZ, err := boltzmannLogZ(final, t.exact(), r.ExactLogZ, func() (float64, float64, error) {
		return r.AIS(classical.AISConfig{Runs: 100, Steps: max(t.cfg.AISSteps, 3), Data: t.train.X}, t.rng)
	})
	if err != nil {
		return nil, err
	}
	for _, p := range fittedSplits(t.run, t.train, t.cfg.UseAllData) {
		ll, err := r.LogLikelihood(p.d.X, logZ)
		if err != nil {
			return nil, err
		}
		setFinite(final, p.name+"nll", -ll)
	}
	final["reconstruction_error"] = r.ReconstructionError(t.train.X)
	if !r.Gaussian {
		pl, err := r.PseudoLikelihood(t.train.X, t.rng)
		if err != nil {
			return nil, err
		}
		setFinite(final, "pseudo_likelihood", mean(pl))
	}
	if t.samples, err = r.Sample(t.cfg.Samples, 1000, t.rng); err != nil {
		return nil, err
	}
	if binary(t.train.X) {
		sampleStats(final, t.samples, t.train.X)
	}
	if t.head != nil {
		for _, p := range splitsOf(t.run) {
			f, err := t.features(p.d)
			if err != nil {
				return nil, err
			}
			loss, acc, err := classical.Evaluate(t.head, f)
			if err != nil {
				return nil, err
			}
			setFinite(final, p.name+"_loss", loss)
			setFinite(final, p.name+"_accuracy", acc)
		}
	}
	return final, nil
}

func (t *rbmTrainer) Save(path string) error {
	if err := saveClassical(path, t.run, struct {
		RBM  *classical.RBM      `json:"rbm"`
		Head *classical.Logistic `json:"head,omitempty"`
	}{t.model, t.head}); err != nil {
		return err
	}
	return writeSampleGrid(filepath.Join(filepath.Dir(path), samplesFile), t.samples, t.run.Spec, t.model.Visible)
}

// binary reports whether every value of x is 0 or 1.
func binary(x [][]float64) bool {
	for _, v := range x {
		for _, e := range v {
			if e != 0 && e != 1 {
				return false
			}
		}
	}
	return true
}

// mean returns the average of x.
func mean(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}
