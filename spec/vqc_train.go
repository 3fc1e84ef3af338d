package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/vqc"
)

// vqcTrainer trains a vqc.Model on a run.
type vqcTrainer struct {
	run     *Run
	model   *vqc.Model
	backend vqc.Backend
}

// build checks the model against the prepared data and builds it with its
// initial parameters drawn from the spec's seed.
func (m *VQC) build(r *Run) (Trainer, error) {
	s := r.Spec
	features, classes := 0, 0
	if r.Train != nil {
		features, classes = r.Train.Dim(), r.Train.NumClasses
		if err := m.checkData(s, features, classes); err != nil {
			return nil, err
		}
	}
	cfg, err := m.config(s, features, classes)
	if err != nil {
		return nil, err
	}
	model, err := vqc.NewModel(cfg, s.Seed)
	if err != nil {
		return nil, s.Errorf("model", "%v", err)
	}
	if s.Train.WarmStart != "" {
		if err := warmStart(model, s.Path(s.Train.WarmStart)); err != nil {
			return nil, s.Errorf("train.warm_start", "%v", err)
		}
	}
	be, ok := s.newBackend()
	if !ok {
		return nil, s.Errorf("backend", "unknown backend %q", s.Backend)
	}
	return &vqcTrainer{run: r, model: model, backend: be}, nil
}

// warmStart copies the parameters of the saved model at path into m, after
// checking that both models have the same configuration.
func warmStart(m *vqc.Model, path string) error {
	saved, _, err := vqc.Load(path)
	if err != nil {
		return err
	}
	want, _ := json.Marshal(m.Config)
	got, _ := json.Marshal(saved.Config)
	if !bytes.Equal(want, got) {
		return fmt.Errorf("%s has model %s, the spec builds %s", path, got, want)
	}
	copy(m.Params, saved.Params)
	return nil
}

func (t *vqcTrainer) NumParams() int { return t.model.NumParams() }

func (t *vqcTrainer) Fit(o FitOptions) (*History, error) {
	s := t.run.Spec
	opt, err := s.Train.Optimizer.New()
	if err != nil {
		return nil, s.Errorf("train.optimizer", "%v", err)
	}
	if o.Resume {
		if _, err := t.model.Resume(o.Checkpoint, opt); err != nil {
			return nil, err
		}
	}
	method, err := vqc.ParseGradientMethod(s.Train.Gradient)
	if err != nil {
		return nil, s.Errorf("train.gradient", "%v", err)
	}
	opts := vqc.TrainOptions{
		Epochs:     s.Train.Epochs,
		BatchSize:  s.Train.BatchSize,
		Optimizer:  opt,
		Gradient:   method,
		Seed:       s.Seed,
		Workers:    s.Train.Workers,
		Validation: t.run.Validation,
		Patience:   s.Train.Patience,
		Checkpoint: o.Checkpoint,
		OnBatch:    o.OnBatch,
	}
	if o.OnEpoch != nil {
		opts.OnEpoch = o.OnEpoch
	}
	h, err := t.model.Fit(t.backend, t.run.Train, opts)
	if h == nil {
		return nil, err
	}
	out := &History{BestEpoch: h.BestEpoch, StoppedEarly: h.StoppedEarly, CircuitEvaluations: h.Evaluations}
	for _, e := range h.Epochs {
		out.Epochs = append(out.Epochs, e)
	}
	return out, err
}

// Final evaluates the trained model on every split (classifier, regressor)
// or computes its energy against the exact ground energy (VQE).
func (t *vqcTrainer) Final() (map[string]float64, error) {
	final := map[string]float64{}
	set := func(key string, v float64) {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			final[key] = v
		}
	}
	if t.model.Config.Task == vqc.VQE {
		e, err := t.model.Energy(t.backend)
		if err != nil {
			return nil, err
		}
		set("energy", e)
		if exact, err := t.exactEnergy(); err == nil {
			set("exact_energy", exact)
			set("energy_error", math.Abs(e-exact))
		}
		return final, nil
	}
	for _, part := range []struct {
		name string
		d    *dataset.Dataset
	}{{"train", t.run.Train}, {"validation", t.run.Validation}, {"test", t.run.Test}} {
		if part.d == nil {
			continue
		}
		loss, acc, err := t.model.Evaluate(t.backend, part.d, t.run.Spec.Train.Workers)
		if err != nil {
			return nil, err
		}
		set(part.name+"_loss", loss)
		set(part.name+"_accuracy", acc)
	}
	return final, nil
}

// exactEnergy is the ground energy of the model's Hamiltonian by dense
// diagonalisation.
func (t *vqcTrainer) exactEnergy() (float64, error) {
	h, err := circuit.ParseObservable(t.model.Config.Hamiltonian)
	if err != nil {
		return 0, err
	}
	return GroundEnergy(h, t.model.Config.Qubits)
}

func (t *vqcTrainer) Save(path string) error {
	if t.run.Preprocess == nil {
		return t.model.Save(path, nil)
	}
	return t.model.Save(path, t.run.Preprocess)
}
