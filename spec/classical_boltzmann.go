package spec

import (
	"fmt"
	"math"
	"path/filepath"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
)

func init() { registerModelKind("boltzmann", func() ModelConfig { return &BoltzmannModel{} }) }

// BoltzmannModel is the model section of kind "boltzmann": a fully
// visible Boltzmann machine (classical.BoltzmannMachine) over binary
// features, trained by full-batch steps of train.optimizer on the exact
// NLL gradient (up to 20 units) or a persistent-Gibbs estimate.
type BoltzmannModel struct {
	// Chains and Sweeps configure the Gibbs estimate (defaults 100, 1);
	// they apply only above 20 units.
	Chains int `json:"chains,omitempty"`
	Sweeps int `json:"sweeps,omitempty"`
	// UseAllData fits all splits together.
	UseAllData bool `json:"use_all_data,omitempty"`
	// Samples is the number of Gibbs samples (1000 sweeps each) for the
	// statistics and samples.png (default 1000).
	Samples int `json:"samples,omitempty"`
}

// exactBoltzmannUnits is the largest machine trained with exact gradients.
const exactBoltzmannUnits = 20

func (m *BoltzmannModel) setDefaults(*Spec) {
	setIfZero(&m.Chains, 100)
	setIfZero(&m.Sweeps, 1)
	setIfZero(&m.Samples, 1000)
}

func (m *BoltzmannModel) check(s *Spec, p *problems) {
	for _, f := range []struct {
		name string
		v    int
	}{{"chains", m.Chains}, {"sweeps", m.Sweeps}, {"samples", m.Samples}} {
		if f.v < 1 {
			p.add("model."+f.name, "%d, want at least 1", f.v)
		}
	}
}

func (m *BoltzmannModel) needsData() bool { return true }

func (m *BoltzmannModel) describe() string { return "fully visible" }

func (m *BoltzmannModel) build(r *Run) (Trainer, error) {
	t := &boltzmannTrainer{run: r, cfg: m, train: r.Train}
	if m.UseAllData {
		t.train = concat(r.Train, r.Validation, r.Test)
	}
	if !binary(t.train.X) {
		return nil, r.Spec.Errorf("data", "a boltzmann machine models binary data; %s has values other than 0 and 1", r.Data.Name)
	}
	var err error
	if t.model, err = classical.NewBoltzmannMachine(t.train.Dim(), classicalRNG(r.Spec)); err != nil {
		return nil, r.Spec.Errorf("model", "%v", err)
	}
	return t, nil
}

// boltzmannTrainer trains a fully visible Boltzmann machine on a run.
type boltzmannTrainer struct {
	run     *Run
	cfg     *BoltzmannModel
	model   *classical.BoltzmannMachine
	train   *dataset.Dataset
	samples [][]float64
}

func (t *boltzmannTrainer) NumParams() int { return len(t.model.Theta) }

func (t *boltzmannTrainer) exact() bool { return t.model.N <= exactBoltzmannUnits }

// Fit takes train.epochs optimizer steps, checkpointing the machine, the
// optimizer and the random stream after each. A resumed run with the
// exact gradient continues exactly; the persistent chains of the Gibbs
// estimate (above 20 units) live inside one classical fit and restart.
func (t *boltzmannTrainer) Fit(o FitOptions) (*History, error) {
	s := t.run.Spec
	opt, err := s.Train.Optimizer.New()
	if err != nil {
		return nil, s.Errorf("train.optimizer", "%v", err)
	}
	cp := checkpointer{path: o.Checkpoint, run: t.run, stream: newClassicalStream(s)}
	var epochs []Epoch
	if o.Resume {
		n := len(t.model.Theta)
		c, err := cp.resume(t.model, opt)
		if err != nil {
			return nil, err
		}
		if len(t.model.Theta) != n {
			return nil, fmt.Errorf("%s: %d parameters, the spec's machine has %d", o.Checkpoint, len(t.model.Theta), n)
		}
		epochs = c.Epochs
	}
	left, done := remaining(s, len(epochs)), len(epochs)
	if left == 0 {
		return historyOf(epochs), nil
	}
	log := &epochLog{cp: cp, onEpoch: o.OnEpoch, model: t.model, opt: opt, epochs: epochs}
	err = t.model.Fit(t.train.X, classical.BoltzmannTraining{Epochs: left, Optimizer: opt, Exact: t.exact(),
		Chains: t.cfg.Chains, Sweeps: t.cfg.Sweeps,
		OnEpoch: func(e int, nll, sec float64) {
			log.add(Epoch{Epoch: done + e, TrainLoss: nll, TrainAccuracy: math.NaN(), ValLoss: math.NaN(), ValAccuracy: math.NaN(), Seconds: sec})
		}}, cp.stream.rng)
	return log.history(err)
}

// Final reports the exact NLL (up to 20 units) and sample statistics.
func (t *boltzmannTrainer) Final() (map[string]float64, error) {
	final := map[string]float64{}
	if t.exact() {
		logZ, err := t.model.ExactLogZ()
		if err != nil {
			return nil, err
		}
		final["log_z"] = logZ
		parts := []namedSplit{{"", t.train}}
		if !t.cfg.UseAllData {
			parts = append(parts, namedSplit{"test_", t.run.Test})
		}
		for _, p := range parts {
			var e float64
			for _, v := range p.d.X {
				ev, err := t.model.Energy(v)
				if err != nil {
					return nil, err
				}
				e += ev
			}
			setFinite(final, p.name+"nll", e/float64(p.d.Len())+logZ)
		}
	}
	t.samples = make([][]float64, t.cfg.Samples)
	rng := classicalRNG(t.run.Spec)
	for i := range t.samples {
		t.samples[i] = make([]float64, t.model.N)
		for j := range t.samples[i] {
			t.samples[i][j] = float64(rng.IntN(2))
		}
	}
	t.model.Gibbs(t.samples, 1000, rng)
	sampleStats(final, t.samples, t.train.X)
	return final, nil
}

func (t *boltzmannTrainer) Save(path string) error {
	if err := saveClassical(path, t.run, t.model); err != nil {
		return err
	}
	return writeSampleGrid(filepath.Join(filepath.Dir(path), samplesFile), t.samples, t.run.Spec, t.model.N)
}
