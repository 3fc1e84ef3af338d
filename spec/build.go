package spec

import (
	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/statevector"
	"github.com/qmlgo/qml/vqc"
)

// backends maps the names spec.backend accepts to constructors.
var backends = map[string]func() vqc.Backend{
	"statevector": func() vqc.Backend { return &statevector.Simulator{} },
}

// NewBackend returns the simulator called name.
func NewBackend(name string) (vqc.Backend, bool) {
	mk, ok := backends[name]
	if !ok {
		return nil, false
	}
	return mk(), true
}

// Run is a spec made ready to train: data loaded, split and prepared, the
// model built with its initial parameters.
type Run struct {
	Spec *Spec
	// Data holds the raw splits; nil for a model without data.
	Data *Splits
	// Preprocess is the pipeline fitted on Data.Train; nil without data.
	Preprocess *Preprocess
	// Train, Validation and Test are the prepared splits (Validation may be
	// nil); all nil without data.
	Train, Validation, Test *dataset.Dataset
	// Trainer trains and evaluates the model.
	Trainer Trainer
}

// Trainer is a built model of any kind, as the train command drives it.
type Trainer interface {
	// NumParams is the number of trainable parameters.
	NumParams() int
	// Fit trains the model on the run's data.
	Fit(opts FitOptions) (*History, error)
	// Final returns the metrics of the trained model, the "final" object of
	// results.json: train_accuracy, test_accuracy, test_loss, … for
	// classifiers, energy and energy_error for VQE. NaN values are left out.
	Final() (map[string]float64, error)
	// Save writes the model file, with the run's preprocessing, atomically.
	Save(path string) error
}

// FitOptions are what the caller of Trainer.Fit controls.
type FitOptions struct {
	// Checkpoint is a file rewritten atomically after every epoch; "" for
	// none.
	Checkpoint string
	// Resume continues from Checkpoint instead of starting afresh.
	Resume bool
	// OnEpoch is called after every epoch.
	OnEpoch func(Epoch)
	// OnBatch is called after every optimizer step.
	OnBatch func(epoch, batch, batches int, loss float64)
}

// History records a training run.
type History struct {
	Epochs []Epoch `json:"epochs"`
	// BestEpoch is the epoch whose parameters the model holds.
	BestEpoch int `json:"best_epoch"`
	// StoppedEarly reports that train.patience ended the run.
	StoppedEarly bool `json:"stopped_early"`
	// CircuitEvaluations counts circuit executions (one per expectation
	// value call, one per adjoint gradient); 0 for classical models.
	CircuitEvaluations int64 `json:"circuit_evaluations"`
}

// Epoch is one epoch's metrics, the per-epoch record of results.json for
// every model kind: vqc.EpochStats, whose train metrics are running averages
// over the epoch's mini-batches and whose validation metrics use the
// parameters at the epoch's end. Metrics a model lacks (accuracy of a
// regressor) are NaN and written as null. For VQE, TrainLoss is the energy.
type Epoch = vqc.EpochStats

// Build loads and prepares the data of s and builds its model. Problems the
// data reveals (more features than the encoder can hold, a feature name
// the file lacks) are *Error values located in the spec.
func Build(s *Spec) (*Run, error) {
	if err := s.Check(); err != nil {
		return nil, err
	}
	r := &Run{Spec: s}
	var err error
	if r.Data, err = s.LoadData(); err != nil {
		return nil, err
	}
	if r.Data != nil {
		if r.Preprocess, err = s.fitPreprocess(r.Data.Train); err != nil {
			return nil, err
		}
		if r.Train, err = r.Preprocess.Apply(r.Data.Train); err == nil {
			if r.Test, err = r.Preprocess.Apply(r.Data.Test); err == nil && r.Data.Validation != nil {
				r.Validation, err = r.Preprocess.Apply(r.Data.Validation)
			}
		}
		if err != nil {
			return nil, s.Errorf("data", "%v", err)
		}
	}
	if r.Trainer, err = s.Model.Config.build(r); err != nil {
		return nil, err
	}
	return r, nil
}
