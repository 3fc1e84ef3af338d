package spec

import (
	"fmt"
	"math"
	"time"

	"github.com/qmlgo/qml/classical"
)

func init() { registerModelKind("nngp", func() ModelConfig { return &NNGPModel{} }) }

// NNGPModel is the model section of kind "nngp": the infinitely wide
// network as a classifier — exact GP regression with the NNGP kernel of
// a deep ReLU or erf network on centred one-hot targets
// (classical.NNGPClassifier; Lee et al., ICLR 2018) — a baseline beside
// logistic regression and the MLP. Fitting is one Cholesky factorisation,
// so train.epochs must be 1; the record's train_loss is the mean squared
// error on the training targets.
type NNGPModel struct {
	// Activation is relu (default) or erf.
	Activation string `json:"activation"`
	// Depth is the number of hidden layers L (default 3).
	Depth int `json:"depth"`
	// WeightVar is σ_w², the weight variance times the fan-in (default 2,
	// the ReLU critical point).
	WeightVar float64 `json:"weight_var"`
	// BiasVar is σ_b² (default 0.1).
	BiasVar float64 `json:"bias_var"`
	// Noise is σ_ε², the GP's observation noise added to the kernel's
	// diagonal (default 0.1; the targets are of order 1).
	Noise float64 `json:"noise"`
}

func (m *NNGPModel) setDefaults(s *Spec) {
	if m.Activation == "" {
		m.Activation = classical.NNGPReLU
	}
	if !s.Has("model.depth") {
		m.Depth = 3
	}
	setIfZero(&m.WeightVar, 2)
	if !s.Has("model.bias_var") {
		m.BiasVar = 0.1
	}
	if !s.Has("model.noise") {
		m.Noise = 0.1
	}
}

func (m *NNGPModel) kernel() classical.NNGPKernel {
	return classical.NNGPKernel{Activation: m.Activation, Depth: m.Depth, WeightVar: m.WeightVar, BiasVar: m.BiasVar}
}

func (m *NNGPModel) check(s *Spec, p *problems) {
	if p.oneOf("model.activation", m.Activation, classical.NNGPReLU, classical.NNGPErf) {
		if err := m.kernel().Validate(); err != nil {
			p.add("model", "%v", err)
		}
	}
	checkFinite(p, "model.noise", m.Noise, true)
	if s.Train.Epochs != 1 && s.Has("train.epochs") {
		p.add("train.epochs", "%d; a GP is fitted in one step, want 1", s.Train.Epochs)
	}
}

func (m *NNGPModel) needsData() bool { return true }

func (m *NNGPModel) describe() string {
	return fmt.Sprintf("GP with the %s NNGP kernel, %s, σ_w² = %g, σ_b² = %g, noise %g",
		m.Activation, plural(m.Depth, "hidden layer"), m.WeightVar, m.BiasVar, m.Noise)
}

func (m *NNGPModel) build(r *Run) (Trainer, error) {
	if err := labelled(r); err != nil {
		return nil, err
	}
	if n := r.Train.Len(); n > 20000 {
		return nil, r.Spec.Errorf("data", "%d training samples; the GP's n×n kernel matrix allows at most 20000", n)
	}
	return &nngpTrainer{run: r, cfg: m}, nil
}

// nngpTrainer fits an NNGP classifier.
type nngpTrainer struct {
	run   *Run
	cfg   *NNGPModel
	model *classical.NNGPClassifier
}

// NumParams counts the GP's coefficients α (n × classes): its
// nonparametric "weights".
func (t *nngpTrainer) NumParams() int {
	return t.run.Train.Len() * t.run.Train.NumClasses
}

func (t *nngpTrainer) Fit(o FitOptions) (*History, error) {
	if o.Resume {
		return nil, errNoResume
	}
	start := time.Now()
	c, err := classical.FitNNGPClassifier(t.cfg.kernel(), t.cfg.Noise, t.run.Train)
	if err != nil {
		return nil, t.run.Spec.Errorf("model", "%v", err)
	}
	t.model = c
	mse, acc, err := c.Evaluate(t.run.Train)
	if err != nil {
		return nil, err
	}
	e := Epoch{Epoch: 1, TrainLoss: mse, TrainAccuracy: acc, ValLoss: math.NaN(), ValAccuracy: math.NaN()}
	if v := t.run.Validation; v != nil {
		if e.ValLoss, e.ValAccuracy, err = c.Evaluate(v); err != nil {
			return nil, err
		}
	}
	e.Seconds = time.Since(start).Seconds()
	if o.OnBatch != nil {
		o.OnBatch(1, 1, 1, mse)
	}
	if o.OnEpoch != nil {
		o.OnEpoch(e)
	}
	return historyOf([]Epoch{e}), nil
}

// Final reports the loss (mean squared error on the centred one-hot
// targets) and accuracy of every split.
func (t *nngpTrainer) Final() (map[string]float64, error) {
	final := map[string]float64{}
	for _, p := range splitsOf(t.run) {
		mse, acc, err := t.model.Evaluate(p.d)
		if err != nil {
			return nil, err
		}
		setFinite(final, p.name+"_loss", mse)
		setFinite(final, p.name+"_accuracy", acc)
	}
	return final, nil
}

func (t *nngpTrainer) Save(path string) error {
	return saveClassical(path, t.run, t.model)
}
