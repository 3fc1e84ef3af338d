package spec

import (
	"fmt"
	"math"
	"path/filepath"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
)

func init() { registerModelKind("born-machine", func() ModelConfig { return &BornMachineModel{} }) }

// BornMachineModel is the model section of kind "born-machine": the MPS
// Born machine of Han et al. (classical.BornMachine), a generative model of
// binary data trained by two-site gradient sweeps on the exact NLL;
// train.epochs counts full sweeps.
type BornMachineModel struct {
	// Bond is the initial bond dimension (default 2); MaxBond caps it
	// (default 16) and Cutoff drops singular values whose squares sum to
	// less than this fraction (default 1e-9).
	Bond    int     `json:"bond"`
	MaxBond int     `json:"max_bond"`
	Cutoff  float64 `json:"cutoff,omitempty"`
	// LearningRate is the gradient step on each two-site tensor (default
	// 0.05); Steps the steps per bond (default 1).
	LearningRate float64 `json:"learning_rate"`
	Steps        int     `json:"steps"`
	// UseAllData fits all splits together (the bars-and-stripes benchmark).
	UseAllData bool `json:"use_all_data,omitempty"`
	// Samples is the number of exact samples drawn for the statistics and
	// samples.png (default 1000).
	Samples int `json:"samples,omitempty"`
}

func (m *BornMachineModel) setDefaults(*Spec) {
	setIfZero(&m.Bond, 2)
	setIfZero(&m.MaxBond, 16)
	setIfZero(&m.Cutoff, 1e-9)
	setIfZero(&m.LearningRate, 0.05)
	setIfZero(&m.Steps, 1)
	setIfZero(&m.Samples, 1000)
}

func (m *BornMachineModel) check(s *Spec, p *problems) {
	if m.Bond < 1 || m.Bond > 1024 {
		p.add("model.bond", "%d, want 1 to 1024", m.Bond)
	}
	if m.MaxBond < 1 || m.MaxBond > 1024 {
		p.add("model.max_bond", "%d, want 1 to 1024", m.MaxBond)
	}
	if !(m.Cutoff >= 0 && m.Cutoff < 1) {
		p.add("model.cutoff", "%v, want a fraction in [0, 1)", m.Cutoff)
	}
	if !(m.LearningRate > 0) || math.IsInf(m.LearningRate, 0) {
		p.add("model.learning_rate", "%v, want a finite number > 0", m.LearningRate)
	}
	if m.Steps < 1 {
		p.add("model.steps", "%d, want at least 1", m.Steps)
	}
	if m.Samples < 1 {
		p.add("model.samples", "%d, want at least 1", m.Samples)
	}
	if s.Has("train.optimizer") {
		p.add("train.optimizer", "a born-machine takes plain gradient steps of model.learning_rate; remove train.optimizer")
	}
}

func (m *BornMachineModel) needsData() bool { return true }

func (m *BornMachineModel) describe() string {
	return fmt.Sprintf("bond %d → max %d, learning rate %g", m.Bond, m.MaxBond, m.LearningRate)
}

func (m *BornMachineModel) build(r *Run) (Trainer, error) {
	t := &bornTrainer{run: r, cfg: m, train: r.Train}
	if m.UseAllData {
		t.train = concat(r.Train, r.Validation, r.Test)
	}
	if !binary(t.train.X) {
		return nil, r.Spec.Errorf("data", "a born-machine models binary data; %s has values other than 0 and 1", r.Data.Name)
	}
	var err error
	if t.model, err = classical.NewBornMachine(t.train.Dim(), m.Bond, m.MaxBond, m.Cutoff, classicalRNG(r.Spec)); err != nil {
		return nil, r.Spec.Errorf("model", "%v", err)
	}
	return t, nil
}

// bornTrainer trains a Born machine on a run.
type bornTrainer struct {
	run     *Run
	cfg     *BornMachineModel
	model   *classical.BornMachine
	train   *dataset.Dataset
	samples [][]float64
}

func (t *bornTrainer) NumParams() int { return entries(t.model.Tensors) }

// Fit runs train.epochs gradient sweeps, checkpointing the machine after
// each; the sweeps draw no random numbers and start from the center on
// site 0, so a resumed run continues exactly.
func (t *bornTrainer) Fit(o FitOptions) (*History, error) {
	cp := checkpointer{path: o.Checkpoint, run: t.run}
	var epochs []Epoch
	if o.Resume {
		c, err := cp.resume(t.model, nil)
		if err != nil {
			return nil, err
		}
		if t.model.Sites != t.train.Dim() {
			return nil, fmt.Errorf("%s: a Born machine of %d sites; the run needs %d", o.Checkpoint, t.model.Sites, t.train.Dim())
		}
		epochs = c.Epochs
	}
	left, done := remaining(t.run.Spec, len(epochs)), len(epochs)
	if left == 0 {
		return historyOf(epochs), nil
	}
	log := &epochLog{cp: cp, onEpoch: o.OnEpoch, model: t.model, epochs: epochs}
	_, err := t.model.Train(t.train.X, classical.BornTraining{
		Sweeps: left, LearningRate: t.cfg.LearningRate, Steps: t.cfg.Steps,
		OnSweep: func(s classical.BornSweep) {
			e := Epoch{Epoch: done + s.Sweep, TrainLoss: s.NLL, TrainAccuracy: math.NaN(), ValLoss: math.NaN(), ValAccuracy: math.NaN(), Seconds: s.Seconds}
			if v := t.run.Validation; v != nil && !t.cfg.UseAllData {
				var err error
				e.ValLoss, err = t.model.NLL(v.X)
				log.fail(err)
			}
			log.add(e)
		},
	})
	return log.history(err)
}

// Final reports the exact NLL of the fitted data (and of the held-out
// splits), the largest bond and the statistics of exact samples.
func (t *bornTrainer) Final() (map[string]float64, error) {
	final := map[string]float64{}
	for _, p := range fittedSplits(t.run, t.train, t.cfg.UseAllData) {
		nll, err := t.model.NLL(p.d.X)
		if err != nil {
			return nil, err
		}
		setFinite(final, p.name+"nll", nll)
	}
	maxBond := 0
	for _, d := range t.model.Bonds {
		maxBond = max(maxBond, d)
	}
	final["max_bond"] = float64(maxBond)
	var err error
	if t.samples, err = t.model.Sample(t.cfg.Samples, classicalRNG(t.run.Spec)); err != nil {
		return nil, err
	}
	sampleStats(final, t.samples, t.train.X)
	return final, nil
}

func (t *bornTrainer) Save(path string) error {
	if err := saveClassical(path, t.run, t.model); err != nil {
		return err
	}
	return writeSampleGrid(filepath.Join(filepath.Dir(path), samplesFile), t.samples, t.run.Spec, t.model.Sites)
}
