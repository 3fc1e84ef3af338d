package spec

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
)

func init() { registerModelKind("mps-classifier", func() ModelConfig { return &MPSClassifierModel{} }) }

// MPSClassifierModel is the model section of kind "mps-classifier": the
// matrix-product-state classifier of Stoudenmire and Schwab, one site per
// feature, trained by DMRG sweeps on the quadratic cost
// (classical.MPSClassifier) or by gradient descent on the cross-entropy
// (classical.MPSGradClassifier).
type MPSClassifierModel struct {
	// Bond is the bond dimension: the initial one and, unless MaxBond
	// says otherwise, the largest a sweep keeps (default 10).
	Bond int `json:"bond"`
	// MaxBond caps the bond dimension of sweeps (default Bond).
	MaxBond int `json:"max_bond,omitempty"`
	// Cutoff drops singular values whose squares sum to less than this
	// fraction of the total (default 1e-10).
	Cutoff float64 `json:"cutoff,omitempty"`
	// Training is sweeps (default; train.epochs counts full sweeps) or
	// gradient (train.optimizer on train.batch_size mini-batches).
	Training string `json:"training"`
	// CGSteps is the number of conjugate-gradient steps per bond (default 2).
	CGSteps int `json:"cg_steps,omitempty"`
	// InputMax divides every feature before the feature map, which wants
	// values in [0, 1] (16 for raw digits, 255 for raw MNIST; default 1);
	// values outside [0, 1] are clipped.
	InputMax float64 `json:"input_max,omitempty"`
	// Pool average-pools square images over pool×pool blocks first
	// (2 turns MNIST's 28×28 into 14×14, 196 sites).
	Pool int `json:"pool,omitempty"`
	// Nudge adds to the training split four copies of every image shifted
	// by one pixel (classical.NudgeImages, before pooling; the images must
	// be square): the augmentation that takes the gradient-trained MPS on
	// 10k MNIST images from 0.965 to 0.977.
	Nudge bool `json:"nudge,omitempty"`
	// LogitScale κ multiplies the normalised outputs of the
	// gradient-trained MPS before the softmax (default 10; see
	// classical.MPSConfig).
	LogitScale float64 `json:"logit_scale,omitempty"`
	// LRDecay is "cosine" for a learning rate of gradient training that
	// falls to 1/100 of train.optimizer's over the run (default constant).
	LRDecay string `json:"lr_decay,omitempty"`
	// CriticalBand is as for logistic (Ising-phase data only).
	CriticalBand float64 `json:"critical_band,omitempty"`
}

func (m *MPSClassifierModel) setDefaults(*Spec) {
	setIfZero(&m.Bond, 10)
	setIfZero(&m.MaxBond, m.Bond)
	setIfZero(&m.Cutoff, 1e-10)
	setIfZero(&m.CGSteps, 2)
	setIfZero(&m.InputMax, 1)
	if m.Training == "gradient" {
		setIfZero(&m.LogitScale, 10)
	}
	if m.Training == "" {
		m.Training = "sweeps"
	}
}

func (m *MPSClassifierModel) check(s *Spec, p *problems) {
	if m.Bond < 1 || m.Bond > 1024 {
		p.add("model.bond", "%d, want 1 to 1024", m.Bond)
	}
	if m.MaxBond < 1 || m.MaxBond > 1024 {
		p.add("model.max_bond", "%d, want 1 to 1024", m.MaxBond)
	}
	if !(m.Cutoff >= 0 && m.Cutoff < 1) {
		p.add("model.cutoff", "%v, want a fraction in [0, 1)", m.Cutoff)
	}
	if m.CGSteps < 1 {
		p.add("model.cg_steps", "%d, want at least 1", m.CGSteps)
	}
	if !(m.InputMax > 0) || math.IsInf(m.InputMax, 0) {
		p.add("model.input_max", "%v, want a finite number > 0", m.InputMax)
	}
	if m.Pool < 0 || m.Pool == 1 {
		p.add("model.pool", "%d, want a block side of at least 2 (or leave it out)", m.Pool)
	}
	checkFinite(p, "model.critical_band", m.CriticalBand, true)
	if m.Training == "gradient" && (!(m.LogitScale > 0) || math.IsInf(m.LogitScale, 0)) {
		p.add("model.logit_scale", "%v, want a finite number > 0", m.LogitScale)
	}
	if m.LRDecay != "" {
		p.oneOf("model.lr_decay", m.LRDecay, "cosine")
	}
	for _, f := range []string{"logit_scale", "lr_decay"} {
		if m.Training != "gradient" && s.Has("model."+f) {
			p.add("model."+f, "only gradient training uses %s", f)
		}
	}
	if p.oneOf("model.training", m.Training, "sweeps", "gradient") && m.Training == "gradient" {
		for _, f := range []string{"max_bond", "cutoff", "cg_steps"} {
			if s.Has("model." + f) {
				p.add("model."+f, "only sweeps training uses %s", f)
			}
		}
	}
}

func (m *MPSClassifierModel) needsData() bool { return true }

func (m *MPSClassifierModel) describe() string {
	if m.Training == "gradient" {
		return fmt.Sprintf("bond %d, gradient training", m.Bond)
	}
	return fmt.Sprintf("bond %d (max %d), DMRG sweeps", m.Bond, m.MaxBond)
}

// prepare pools, scales and clips a split for the feature map (nil stays
// nil). It is all an MPS model does to its features beyond the run's
// preprocessing, so a saved model repeats it (LoadModel).
func (m *MPSClassifierModel) prepare(d *dataset.Dataset) (*dataset.Dataset, error) {
	if d == nil {
		return nil, nil
	}
	if m.Pool > 0 {
		side := int(math.Round(math.Sqrt(float64(d.Dim()))))
		if side*side != d.Dim() || side%m.Pool != 0 {
			return nil, fmt.Errorf("pooling needs square images with a side divisible by %d; the data has %d features", m.Pool, d.Dim())
		}
		var err error
		if d, err = classical.PoolImages(d, side, side, m.Pool); err != nil {
			return nil, err
		}
	} else {
		d = d.Clone()
	}
	for _, x := range d.X {
		for j, v := range x {
			x[j] = math.Min(math.Max(v/m.InputMax, 0), 1)
		}
	}
	return d, nil
}

func (m *MPSClassifierModel) build(r *Run) (Trainer, error) {
	t, err := newClassifierTrainer(r, m.CriticalBand)
	if err != nil {
		return nil, err
	}
	full, err := m.prepare(r.Test)
	if err != nil {
		return nil, r.Spec.Errorf("model.pool", "%v", err)
	}
	if m.Nudge {
		side := int(math.Round(math.Sqrt(float64(t.train.Dim()))))
		if side*side != t.train.Dim() {
			return nil, r.Spec.Errorf("model.nudge", "shifting needs square images; the data has %d features", t.train.Dim())
		}
		if t.train, err = classical.NudgeImages(t.train, side, side); err != nil {
			return nil, r.Spec.Errorf("model.nudge", "%v", err)
		}
	}
	for _, p := range []**dataset.Dataset{&t.train, &t.validation, &t.test} {
		if *p, err = m.prepare(*p); err != nil {
			return nil, r.Spec.Errorf("model.pool", "%v", err)
		}
	}
	sites, classes := t.train.Dim(), r.Train.NumClasses
	cfg := classical.MPSConfig{Bond: m.Bond, MaxBond: m.MaxBond, Cutoff: m.Cutoff, LogitScale: m.LogitScale}
	if m.Training == "gradient" {
		g, err := classical.NewMPSGradClassifier(sites, classes, cfg, t.stream.rng)
		if err != nil {
			return nil, r.Spec.Errorf("model", "%v", err)
		}
		// The data initialisation (a resumed run replaces it with its
		// checkpoint): from random tensors the 196-site MNIST model
		// barely learns.
		if err := g.InitFromData(t.train); err != nil {
			return nil, r.Spec.Errorf("model", "%v", err)
		}
		t.model = g
		t.lrDecay = m.LRDecay
		return &mpsGradTrainer{classifierTrainer: t, full: full}, nil
	}
	mps, err := classical.NewMPSClassifier(sites, classes, cfg, t.stream.rng)
	if err != nil {
		return nil, r.Spec.Errorf("model", "%v", err)
	}
	return &mpsSweepTrainer{cfg: m, base: t, model: mps, full: full}, nil
}

// mpsGradTrainer is the gradient-trained MPS: a classifierTrainer whose
// phase report reads the pooled, scaled test split.
type mpsGradTrainer struct {
	*classifierTrainer
	full *dataset.Dataset
}

func (t *mpsGradTrainer) Final() (map[string]float64, error) {
	return classifierFinal(t.model, t.train, t.validation, t.test, t.full, &t.phases)
}

// mpsSweepTrainer trains the DMRG classifier on a run.
type mpsSweepTrainer struct {
	cfg   *MPSClassifierModel
	base  *classifierTrainer
	model *classical.MPSClassifier
	full  *dataset.Dataset
}

func (t *mpsSweepTrainer) NumParams() int { return entries(t.model.Tensors) }

// Fit runs train.epochs DMRG sweeps with a checkpoint of the MPS after
// each; the sweeps draw no random numbers and every sweep starts and ends
// with the class index on site 0, so a resumed run continues exactly.
func (t *mpsSweepTrainer) Fit(o FitOptions) (*History, error) {
	b := t.base
	cp := checkpointer{path: o.Checkpoint, run: b.run, stream: b.stream}
	var epochs []Epoch
	if o.Resume {
		c, err := cp.resume(t.model, nil)
		if err != nil {
			return nil, err
		}
		if t.model.Sites != b.train.Dim() || t.model.Label != 0 {
			return nil, fmt.Errorf("%s: an MPS of %d sites with the class index on site %d; the run needs %d sites and site 0",
				o.Checkpoint, t.model.Sites, t.model.Label, b.train.Dim())
		}
		epochs = c.Epochs
	}
	left, done := remaining(b.run.Spec, len(epochs)), len(epochs)
	if left == 0 {
		return historyOf(epochs), nil
	}
	log := &epochLog{cp: cp, onEpoch: o.OnEpoch, model: t.model, epochs: epochs}
	total := 2 * (t.model.Sites - 1)
	_, err := t.model.Train(b.train, classical.SweepConfig{
		Sweeps: left, CGSteps: t.cfg.CGSteps,
		OnBond: func(k, _ int) {
			if o.OnBatch != nil {
				o.OnBatch(len(epochs)+1, k, total, math.NaN())
			}
		},
		OnSweep: func(s classical.SweepStats) {
			e := Epoch{Epoch: done + s.Sweep, TrainLoss: s.Cost, TrainAccuracy: s.Accuracy, ValLoss: math.NaN(), ValAccuracy: math.NaN(), Seconds: s.Seconds}
			if b.validation != nil {
				var err error
				e.ValLoss, e.ValAccuracy, err = t.model.Evaluate(b.validation)
				log.fail(err)
			}
			log.add(e)
		},
	})
	return log.history(err)
}

// Final reports the quadratic cost (as *_loss) and accuracy of every
// split, the largest bond, and the phase report for Ising data.
func (t *mpsSweepTrainer) Final() (map[string]float64, error) {
	b := t.base
	final := map[string]float64{}
	for _, p := range []namedSplit{{"train", b.train}, {"validation", b.validation}, {"test", b.test}} {
		if p.d == nil {
			continue
		}
		cost, acc, err := t.model.Evaluate(p.d)
		if err != nil {
			return nil, err
		}
		setFinite(final, p.name+"_loss", cost)
		setFinite(final, p.name+"_accuracy", acc)
	}
	maxBond := 0
	for _, d := range t.model.Bonds {
		maxBond = max(maxBond, d)
	}
	final["max_bond"] = float64(maxBond)
	if isPhaseData(t.full) {
		rep, err := newPhaseReport(mpsProbabilities{t.model}, t.full)
		if err != nil {
			return nil, err
		}
		b.phases = rep
		rep.addTo(final)
	}
	return final, nil
}

func (t *mpsSweepTrainer) Save(path string) error {
	if err := saveClassical(path, t.base.run, t.model); err != nil {
		return err
	}
	return t.base.phases.save(path)
}

// mpsProbabilities reads the DMRG classifier's normalised outputs as
// class scores for the phase report: the softmax of f̂, whose largest
// entry is the predicted class.
type mpsProbabilities struct{ m *classical.MPSClassifier }

func (p mpsProbabilities) Params() []float64 { return nil }
func (p mpsProbabilities) NumClasses() int   { return p.m.Classes }
func (p mpsProbabilities) LossGrad([][]float64, []int, []float64) (float64, error) {
	return 0, fmt.Errorf("the DMRG classifier trains by sweeps")
}
func (p mpsProbabilities) Probabilities(x, out []float64) error {
	if err := p.m.Outputs(x, out); err != nil {
		return err
	}
	softmaxInPlace(out)
	return nil
}

// softmaxInPlace overwrites z with its softmax.
func softmaxInPlace(z []float64) {
	m := math.Inf(-1)
	for _, v := range z {
		m = math.Max(m, v)
	}
	var s float64
	for i, v := range z {
		z[i] = math.Exp(v - m)
		s += z[i]
	}
	for i := range z {
		z[i] /= s
	}
}
