package spec

import (
	"errors"
	"fmt"
	"math"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
)

func init() {
	registerModelKind("logistic", func() ModelConfig { return &LogisticModel{} })
	registerModelKind("mlp", func() ModelConfig { return &MLPModel{} })
}

// LogisticModel is the model section of kind "logistic": softmax
// regression with an L2 penalty (classical.Logistic), the linear reference
// of every classification table.
type LogisticModel struct {
	// L2 is the penalty λ on the weights (default 0).
	L2 float64 `json:"l2,omitempty"`
	// Solver is minibatch (default: train.optimizer on train.batch_size
	// mini-batches for train.epochs) or lbfgs (full-batch L-BFGS for at
	// most train.epochs iterations, as scikit-learn fits it).
	Solver string `json:"solver"`
	// CriticalBand leaves out samples within this distance of T_c from
	// training and scoring (Ising-phase data only; see docs/spec.md).
	CriticalBand float64 `json:"critical_band,omitempty"`
}

// MLPModel is the model section of kind "mlp": a one-hidden-layer
// perceptron (classical.MLP), the nonlinear reference.
type MLPModel struct {
	// Hidden is the hidden-layer width (default 32).
	Hidden int `json:"hidden"`
	// Activation is relu (default) or tanh.
	Activation string `json:"activation"`
	// L2 is the penalty λ on the weights (default 0).
	L2 float64 `json:"l2,omitempty"`
	// CriticalBand is as for logistic.
	CriticalBand float64 `json:"critical_band,omitempty"`
}

func (m *LogisticModel) setDefaults(*Spec) {
	if m.Solver == "" {
		m.Solver = "minibatch"
	}
}

func (m *MLPModel) setDefaults(*Spec) {
	setIfZero(&m.Hidden, 32)
	if m.Activation == "" {
		m.Activation = classical.ReLU
	}
}

func (m *LogisticModel) check(s *Spec, p *problems) {
	checkFinite(p, "model.l2", m.L2, true)
	checkFinite(p, "model.critical_band", m.CriticalBand, true)
	p.oneOf("model.solver", m.Solver, "minibatch", "lbfgs")
}

func (m *MLPModel) check(s *Spec, p *problems) {
	checkFinite(p, "model.l2", m.L2, true)
	checkFinite(p, "model.critical_band", m.CriticalBand, true)
	if m.Hidden < 1 {
		p.add("model.hidden", "%d, want at least 1 hidden unit", m.Hidden)
	}
	p.oneOf("model.activation", m.Activation, classical.ReLU, classical.Tanh)
}

func (m *LogisticModel) needsData() bool { return true }
func (m *MLPModel) needsData() bool      { return true }

func (m *LogisticModel) describe() string {
	return fmt.Sprintf("softmax regression, L2 %g, %s", m.L2, m.Solver)
}

func (m *MLPModel) describe() string {
	return fmt.Sprintf("%s, %s, L2 %g", plural(m.Hidden, "hidden unit"), m.Activation, m.L2)
}

func (m *LogisticModel) build(r *Run) (Trainer, error) {
	t, err := newClassifierTrainer(r, m.CriticalBand)
	if err != nil {
		return nil, err
	}
	if t.model, err = classical.NewLogistic(r.Train.Dim(), r.Train.NumClasses, m.L2); err != nil {
		return nil, r.Spec.Errorf("model", "%v", err)
	}
	t.lbfgs = m.Solver == "lbfgs"
	return t, nil
}

func (m *MLPModel) build(r *Run) (Trainer, error) {
	t, err := newClassifierTrainer(r, m.CriticalBand)
	if err != nil {
		return nil, err
	}
	if t.model, err = classical.NewMLP(r.Train.Dim(), m.Hidden, r.Train.NumClasses, m.Activation, m.L2, t.stream.rng); err != nil {
		return nil, r.Spec.Errorf("model", "%v", err)
	}
	return t, nil
}

// classifierTrainer trains any classical.Classifier on a run.
type classifierTrainer struct {
	run   *Run
	model classical.Classifier
	// lbfgs selects full-batch L-BFGS instead of mini-batches.
	lbfgs bool
	// lrDecay is the model's lr_decay schedule of mini-batch training.
	lrDecay string
	// train, validation and test are the run's splits without the
	// critical band.
	train, validation, test *dataset.Dataset
	phases                  *phaseReport
	stream                  classicalStream
}

// newClassifierTrainer checks the run's labels and removes the critical
// band from its splits.
func newClassifierTrainer(r *Run, band float64) (*classifierTrainer, error) {
	if err := labelled(r); err != nil {
		return nil, err
	}
	t := &classifierTrainer{run: r, stream: newClassicalStream(r.Spec)}
	var err error
	for _, p := range []struct {
		dst **dataset.Dataset
		src *dataset.Dataset
	}{{&t.train, r.Train}, {&t.validation, r.Validation}, {&t.test, r.Test}} {
		if *p.dst, err = withoutBand(r.Spec, p.src, band); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func (t *classifierTrainer) NumParams() int { return len(t.model.Params()) }

// errLBFGSResume is returned when a full-batch L-BFGS run is asked to
// resume.
var errLBFGSResume = errors.New("solver lbfgs is one full-batch minimisation, not epochs: there is no checkpoint to resume; train without --resume")

// Fit trains by L-BFGS, or by mini-batches for train.epochs with a
// checkpoint (parameters, optimizer state, random stream) after every
// epoch, from which a resumed run continues as if never stopped.
func (t *classifierTrainer) Fit(o FitOptions) (*History, error) {
	s := t.run.Spec
	if t.lbfgs {
		if o.Resume {
			return nil, errLBFGSResume
		}
		cfg := optim.DefaultLBFGSConfig()
		cfg.MaxIters = s.Train.Epochs
		res, err := classical.FitLBFGS(t.model, t.train, cfg)
		if err != nil {
			return nil, err
		}
		e := Epoch{Epoch: 1, TrainLoss: res.F, ValLoss: math.NaN(), ValAccuracy: math.NaN()}
		_, e.TrainAccuracy, _ = classical.Evaluate(t.model, t.train)
		if t.validation != nil {
			e.ValLoss, e.ValAccuracy, _ = classical.Evaluate(t.model, t.validation)
		}
		if o.OnEpoch != nil {
			o.OnEpoch(e)
		}
		return historyOf([]Epoch{e}), nil
	}
	opt, err := s.Train.Optimizer.New()
	if err != nil {
		return nil, s.Errorf("train.optimizer", "%v", err)
	}
	if opt, err = withLRDecay(s, opt, t.lrDecay, t.train.Len(), s.Train.BatchSize); err != nil {
		return nil, err
	}
	cp := checkpointer{path: o.Checkpoint, run: t.run, stream: t.stream}
	var epochs []Epoch
	if o.Resume {
		n := len(t.model.Params())
		c, err := cp.resume(t.model, opt)
		if err != nil {
			return nil, err
		}
		if len(t.model.Params()) != n {
			return nil, fmt.Errorf("%s: %d parameters, the spec's model has %d", o.Checkpoint, len(t.model.Params()), n)
		}
		epochs = c.Epochs
	}
	left, done := remaining(s, len(epochs)), len(epochs)
	if left == 0 {
		return historyOf(epochs), nil
	}
	log := &epochLog{cp: cp, onEpoch: o.OnEpoch, model: t.model, opt: opt, epochs: epochs}
	_, err = classical.Fit(t.model, t.train, classical.FitOptions{
		Epochs: left, BatchSize: s.Train.BatchSize, Optimizer: opt, Validation: t.validation,
		OnBatch: func(e, b, n int, loss float64) {
			if o.OnBatch != nil {
				o.OnBatch(done+e, b, n, loss)
			}
		},
		OnEpoch: func(e classical.Epoch) {
			ep := epochOfClassical(e)
			ep.Epoch += done
			log.add(ep)
		},
	}, t.stream.rng)
	return log.history(err)
}

// Final reports loss and accuracy on every split (without the critical
// band) and, for Ising-phase data, the accuracy against temperature.
func (t *classifierTrainer) Final() (map[string]float64, error) {
	return classifierFinal(t.model, t.train, t.validation, t.test, t.run.Test, &t.phases)
}

// classifierFinal evaluates c on the splits and, when full (the test split
// with the critical band) carries temperatures, adds the phase report.
func classifierFinal(c classical.Classifier, train, val, test, full *dataset.Dataset, report **phaseReport) (map[string]float64, error) {
	final := map[string]float64{}
	for _, p := range []namedSplit{{"train", train}, {"validation", val}, {"test", test}} {
		if p.d == nil {
			continue
		}
		loss, acc, err := classical.Evaluate(c, p.d)
		if err != nil {
			return nil, err
		}
		setFinite(final, p.name+"_loss", loss)
		setFinite(final, p.name+"_accuracy", acc)
	}
	if isPhaseData(full) {
		rep, err := newPhaseReport(c, full)
		if err != nil {
			return nil, err
		}
		*report = rep
		rep.addTo(final)
	}
	return final, nil
}

func (t *classifierTrainer) Save(path string) error {
	if err := saveClassical(path, t.run, t.model); err != nil {
		return err
	}
	return t.phases.save(path)
}
