package spec

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/qmlgo/qml/control"
	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/vqc"
)

// Files a pulse run writes beside model.json.
const (
	pulsesPlotFile = "pulses.png"
	pulsesCSVFile  = "pulses.csv"
)

// pulseModelFormat identifies the model.json of a pulse run.
const pulseModelFormat = "qml-pulse/1"

func (m *PulseModel) build(r *Run) (Trainer, error) {
	if m.Task == "classifier" {
		return m.buildClassifier(r)
	}
	pp, err := m.problem(r.Spec)
	if err != nil {
		return nil, err
	}
	e, err := control.NewEvaluator(pp.prob)
	if err != nil {
		return nil, r.Spec.Errorf("model", "%v", err)
	}
	if e.NumParams() == 0 {
		return nil, r.Spec.Errorf("model.pulses", "nothing trains: mark envelope, carrier, phase, start or duration in some pulse's train list")
	}
	return &pulseTrainer{run: r, cfg: m, pp: pp, e: e, theta: e.Initial()}, nil
}

// pulseTrainer optimises the pulses of a control task.
type pulseTrainer struct {
	run   *Run
	cfg   *PulseModel
	pp    *pulseProblem
	e     *control.Evaluator
	theta []float64
	res   *control.Result
}

func (t *pulseTrainer) NumParams() int { return t.e.NumParams() }

// Fit runs the optimizer of train.optimizer for train.epochs iterations
// (L-BFGS: major iterations; a stepping optimizer: one step per epoch on the
// exact gradient) or until model.goal, then re-simulates the result.
func (t *pulseTrainer) Fit(o FitOptions) (*History, error) {
	s := t.run.Spec
	if o.Resume {
		return nil, errors.New("pulse runs do not checkpoint; train without --resume")
	}
	opts := control.Options{
		Method: s.Train.Optimizer.Name, Hyper: s.Train.Optimizer.Hyper,
		MaxIters: s.Train.Epochs, Target: t.cfg.Goal,
	}
	if o.OnEpoch != nil {
		opts.OnIter = func(it int, cost float64) { o.OnEpoch(pulseEpoch(it, cost)) }
	}
	res, err := control.Optimize(t.e, t.theta, opts)
	if err != nil {
		return nil, err
	}
	t.res, t.theta = res, res.Theta
	h := &History{BestEpoch: len(res.History)}
	for i, c := range res.History {
		h.Epochs = append(h.Epochs, pulseEpoch(i+1, c))
	}
	return h, nil
}

// pulseEpoch is the per-iteration record: the cost as the training loss.
func pulseEpoch(it int, cost float64) Epoch {
	return Epoch{Epoch: it, TrainLoss: cost, TrainAccuracy: math.NaN(), ValLoss: math.NaN(), ValAccuracy: math.NaN()}
}

// Final reports the objective's figures (infidelity, leakage, energy,
// energy_error, guard_population), the same re-simulated by the independent
// propagator (suffix _resimulated), the cost, whether the goal was reached
// and the optimizer's iteration count.
func (t *pulseTrainer) Final() (map[string]float64, error) {
	if t.res == nil {
		return nil, errors.New("the pulses have not been optimised")
	}
	final := map[string]float64{}
	for k, v := range t.res.Metrics {
		putFinite(final, k, v)
	}
	for k, v := range t.res.Resimulated {
		if k != "ground_energy" {
			putFinite(final, k+"_resimulated", v)
		}
	}
	if g, ok := final["ground_energy"]; ok {
		delete(final, "ground_energy")
		final["exact_energy"] = g
	}
	final["cost"] = t.res.Cost
	final["objective"] = t.res.Objective
	final["iterations"] = float64(t.res.Iterations)
	final["evaluations"] = float64(t.res.Evaluations)
	n, _ := t.e.Slices()
	final["slices"] = float64(n)
	if t.cfg.Goal > 0 {
		final["goal_reached"] = 0
		if t.res.GoalReached {
			final["goal_reached"] = 1
		}
	}
	return final, nil
}

// savedPulse is one optimised pulse in model.json.
type savedPulse struct {
	Name     string             `json:"name"`
	Shape    string             `json:"shape"`
	Params   map[string]float64 `json:"params"`
	Values   []float64          `json:"values"`
	Carrier  float64            `json:"carrier"`
	Phase    float64            `json:"phase"`
	Start    float64            `json:"start"`
	Duration float64            `json:"duration"`
}

// Save writes model.json — the model section and the optimised pulses with
// their physical parameter values — and, beside it, pulses.csv (controls and
// populations per slice) and pulses.png.
func (t *pulseTrainer) Save(path string) error {
	if err := t.e.Apply(t.theta); err != nil {
		return err
	}
	var pulses []savedPulse
	for _, p := range t.pp.prob.System.Pulses() {
		if p.Envelope.Kind() == "constant" && p.Train != nil && !anyTrue(p.Train) {
			continue // fixed terms of the system, such as rotating-frame couplings
		}
		sp := savedPulse{Name: p.Name, Shape: p.Envelope.Kind(), Params: map[string]float64{}, Values: append([]float64(nil), p.Params...),
			Carrier: p.Carrier, Phase: p.Phase, Start: p.Start, Duration: p.Duration}
		names := p.Envelope.ParamNames()
		if len(names) <= 8 {
			for i, n := range names {
				sp.Params[n] = p.Params[i]
			}
		}
		pulses = append(pulses, sp)
	}
	doc := struct {
		Format string       `json:"format"`
		Model  *PulseModel  `json:"model"`
		Names  []string     `json:"parameter_names"`
		Values []float64    `json:"parameter_values"`
		Pulses []savedPulse `json:"pulses"`
	}{pulseModelFormat, t.cfg, t.e.Names(), t.e.Values(t.theta), pulses}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	if err := vqc.WriteFileAtomic(path, append(data, '\n')); err != nil {
		return err
	}
	ev, err := t.e.Evolve(t.theta)
	if err != nil {
		return err
	}
	return writePulseFiles(filepath.Dir(path), t.run.Spec.Name, ev, t.pp.levels)
}

// putFinite sets final[key] = v unless v is NaN or infinite (JSON has
// neither).
func putFinite(final map[string]float64, key string, v float64) {
	if !math.IsNaN(v) && !math.IsInf(v, 0) {
		final[key] = v
	}
}

func anyTrue(b []bool) bool {
	for _, v := range b {
		if v {
			return true
		}
	}
	return false
}

// writePulseFiles writes pulses.csv and pulses.png for an evolution.
func writePulseFiles(dir, name string, ev *control.Evolution, levels []int) error {
	labels := control.BasisLabels(levels)
	f, err := os.CreateTemp(dir, "."+pulsesCSVFile+".tmp*")
	if err != nil {
		return err
	}
	werr := ev.WriteCSV(f, labels)
	cerr := f.Close()
	if werr != nil || cerr != nil {
		os.Remove(f.Name())
		return errors.Join(werr, cerr)
	}
	if err := os.Rename(f.Name(), filepath.Join(dir, pulsesCSVFile)); err != nil {
		os.Remove(f.Name())
		return err
	}
	png, err := pulsePlot(name, ev, labels)
	if err != nil {
		return fmt.Errorf("pulse plot: %w", err)
	}
	return vqc.WriteFileAtomic(filepath.Join(dir, pulsesPlotFile), png)
}

// buildClassifier makes the re-uploading pulse classifier for the data.
func (m *PulseModel) buildClassifier(r *Run) (Trainer, error) {
	s := r.Spec
	c := m.Classifier
	features, classes := r.Train.Dim(), r.Train.NumClasses
	if features > 2*c.Qubits {
		return nil, s.Errorf("model.classifier.qubits", "%d features need at least %d qubits (two per qubit)", features, (features+1)/2)
	}
	rc := control.ReuploadConfig{
		Qubits: c.Qubits, Features: features, Layers: c.Layers, Classes: classes,
		Encoding: c.Encoding, EncodeTime: c.EncodeTime, PulseTime: c.PulseTime, Segments: c.Segments,
		Coupling: float64(c.Coupling), Scale: float64(c.InputScale), TrainScale: c.TrainInputScale,
		Readout: c.Readout, Drives: c.Drives, Bound: c.Bound, Loss: c.Loss,
	}
	probe, err := control.NewReuploading(rc)
	if err != nil {
		return nil, s.Errorf("model.classifier", "%v", err)
	}
	n := 0
	for _, p := range probe.Problem.System.Pulses() {
		if p.Train == nil {
			n += p.Envelope.NumParams()
		}
	}
	rng := rand.New(rand.NewPCG(s.Seed, streamPulse))
	rc.Init = make([]float64, n)
	for i := range rc.Init {
		rc.Init[i] = c.InitScale * rng.NormFloat64()
	}
	cfg, err := control.NewReuploading(rc)
	if err != nil {
		return nil, s.Errorf("model.classifier", "%v", err)
	}
	model, err := control.NewClassifier(cfg)
	if err != nil {
		return nil, s.Errorf("model.classifier", "%v", err)
	}
	return &pulseClassifierTrainer{run: r, cfg: m, model: model, levels: cfg.Problem.System.ModeLevels()}, nil
}

// pulseClassifierTrainer trains a control.Classifier through vqc's loop
// and losses.
type pulseClassifierTrainer struct {
	run    *Run
	cfg    *PulseModel
	model  *control.Classifier
	levels []int
}

func (t *pulseClassifierTrainer) NumParams() int { return len(t.model.Params) }

func (t *pulseClassifierTrainer) Fit(o FitOptions) (*History, error) {
	s := t.run.Spec
	if o.Resume {
		return nil, errors.New("pulse runs do not checkpoint; train without --resume")
	}
	opt, err := s.Train.Optimizer.New()
	if err != nil {
		return nil, s.Errorf("train.optimizer", "%v", err)
	}
	h, err := t.model.Fit(t.run.Train, vqc.TrainOptions{
		Epochs: s.Train.Epochs, BatchSize: s.Train.BatchSize, Optimizer: opt, Seed: s.Seed,
		Workers: s.Train.Workers, Validation: t.run.Validation, Patience: s.Train.Patience,
		OnEpoch: o.OnEpoch, OnBatch: o.OnBatch,
	})
	if h == nil {
		return nil, err
	}
	return &History{Epochs: h.Epochs, BestEpoch: h.BestEpoch, StoppedEarly: h.StoppedEarly, CircuitEvaluations: h.Evaluations}, err
}

// Final evaluates the trained classifier on every split.
func (t *pulseClassifierTrainer) Final() (map[string]float64, error) {
	final := map[string]float64{}
	for _, part := range []struct {
		name string
		d    *dataset.Dataset
	}{{"train", t.run.Train}, {"validation", t.run.Validation}, {"test", t.run.Test}} {
		if part.d == nil {
			continue
		}
		loss, acc, err := t.model.Evaluate(part.d, t.run.Spec.Train.Workers)
		if err != nil {
			return nil, err
		}
		putFinite(final, part.name+"_loss", loss)
		putFinite(final, part.name+"_accuracy", acc)
	}
	return final, nil
}

// Save writes model.json (the model section, the preprocessing and the
// parameters) and pulses.csv/png of the pulse schedule on the first
// training sample.
func (t *pulseClassifierTrainer) Save(path string) error {
	doc := struct {
		Format     string      `json:"format"`
		Model      *PulseModel `json:"model"`
		Preprocess *Preprocess `json:"preprocess,omitempty"`
		Params     []float64   `json:"params"`
	}{pulseModelFormat, t.cfg, t.run.Preprocess, t.model.Params}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	if err := vqc.WriteFileAtomic(path, append(data, '\n')); err != nil {
		return err
	}
	ev, err := t.model.EvolveSample(t.run.Train.X[0])
	if err != nil {
		return err
	}
	return writePulseFiles(filepath.Dir(path), t.run.Spec.Name, ev, t.levels)
}
