package spec

import (
	"encoding/json"
	"runtime"
	"time"
)

// ResultsFormat identifies results.json; a change that removes or renames a
// key gets a new number, added keys do not.
const ResultsFormat = "qml-results/1"

// Results is results.json, the record of one run for every model kind; its
// schema is documented in docs/spec.md. Later model kinds add keys to Final
// (infidelity, nll, …) without changing the format.
type Results struct {
	Format    string `json:"format"`
	Name      string `json:"name"`
	ModelKind string `json:"model_kind"`
	// Task is the model's task where it has one (classifier, regressor, vqe).
	Task string `json:"task,omitempty"`
	// Spec is the spec as run, command-line overrides applied, as a JSON
	// object with the YAML keys.
	Spec    *Spec        `json:"spec"`
	Seed    uint64       `json:"seed"`
	Backend string       `json:"backend"`
	Dataset *DatasetInfo `json:"dataset,omitempty"`
	// Parameters counts the trainable parameters.
	Parameters int    `json:"parameters"`
	GoVersion  string `json:"go_version"`
	QMLVersion string `json:"qml_version,omitempty"`
	// Started is when training began, RFC 3339 in UTC.
	Started string `json:"started"`
	// WallSeconds is the training time of this invocation (a resumed run
	// counts only its own part; the epochs keep their own seconds).
	WallSeconds        float64 `json:"wall_seconds"`
	CircuitEvaluations int64   `json:"circuit_evaluations"`
	BestEpoch          int     `json:"best_epoch"`
	StoppedEarly       bool    `json:"stopped_early"`
	Epochs             []Epoch `json:"epochs"`
	// Final holds the trained model's metrics, e.g. train_accuracy,
	// test_accuracy, test_loss (classifiers) or energy, exact_energy,
	// energy_error (VQE).
	Final map[string]float64 `json:"final"`
}

// DatasetInfo pins the data of a run.
type DatasetInfo struct {
	Name string `json:"name"`
	// SHA256 is dataset.SHA256 of all raw samples before the split.
	SHA256     string `json:"sha256"`
	Samples    int    `json:"samples"`
	Features   int    `json:"features"`
	Classes    int    `json:"classes,omitempty"`
	Train      int    `json:"train"`
	Validation int    `json:"validation,omitempty"`
	Test       int    `json:"test"`
	// ModelFeatures is the feature count after preprocessing, what the
	// model reads.
	ModelFeatures int `json:"model_features"`
}

// NewResults assembles the record of a finished run.
func NewResults(r *Run, h *History, final map[string]float64, started time.Time, wall time.Duration) *Results {
	res := &Results{
		Format:             ResultsFormat,
		Name:               r.Spec.Name,
		ModelKind:          r.Spec.Model.Kind,
		Task:               string(r.Spec.task()),
		Spec:               r.Spec,
		Seed:               r.Spec.Seed,
		Backend:            r.Spec.Backend,
		Parameters:         r.Trainer.NumParams(),
		GoVersion:          runtime.Version(),
		Started:            started.UTC().Format(time.RFC3339),
		WallSeconds:        wall.Seconds(),
		CircuitEvaluations: h.CircuitEvaluations,
		BestEpoch:          h.BestEpoch,
		StoppedEarly:       h.StoppedEarly,
		Epochs:             h.Epochs,
		Final:              final,
	}
	if res.Epochs == nil {
		res.Epochs = []Epoch{}
	}
	if d := r.Data; d != nil {
		res.Dataset = &DatasetInfo{Name: d.Name, SHA256: d.SHA256, Samples: d.Samples, Features: d.Train.Dim(),
			Classes: d.Train.NumClasses, Train: d.Train.Len(), Test: d.Test.Len(), ModelFeatures: r.Train.Dim()}
		if d.Validation != nil {
			res.Dataset.Validation = d.Validation.Len()
		}
	}
	return res
}

// JSON returns the record as indented JSON.
func (r *Results) JSON() ([]byte, error) { return json.MarshalIndent(r, "", "  ") }
