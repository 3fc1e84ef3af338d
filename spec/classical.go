package spec

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/vqc"
)

// ClassicalModelFormat identifies the model.json of a classical model
// (package classical): the kind, the model section as run, the fitted
// model and the preprocessing record. qml predict and eval read the
// classifiers among them (LoadModel).
const ClassicalModelFormat = "qml-classical/1"

// streamModel is the random stream of a classical model's initialisation
// and training (see streamData).
const streamModel = 3

// classicalRNG returns the model stream of a run's seed.
func classicalRNG(s *Spec) *rand.Rand { return rand.New(rand.NewPCG(s.Seed, streamModel)) }

// errNoResume is returned by trainers of kinds that do not checkpoint.
var errNoResume = errors.New("this model kind does not checkpoint; train without --resume")

// noResume returns the error of a classical trainer that cannot resume,
// saying why.
func noResume(kind, why string) error {
	return fmt.Errorf("a %s run cannot resume: %s; train without --resume", kind, why)
}

// saveClassical writes a classical model file atomically.
func saveClassical(path string, r *Run, model any) error {
	data, err := json.MarshalIndent(struct {
		Format     string      `json:"format"`
		Kind       string      `json:"kind"`
		Config     ModelConfig `json:"config"`
		Model      any         `json:"model"`
		Preprocess *Preprocess `json:"preprocess,omitempty"`
	}{ClassicalModelFormat, r.Spec.Model.Kind, r.Spec.Model.Config, model, r.Preprocess}, "", "  ")
	if err != nil {
		return err
	}
	return vqc.WriteFileAtomic(path, append(data, '\n'))
}

// epochOfClassical converts a classical.Epoch.
func epochOfClassical(e classical.Epoch) Epoch {
	return Epoch{Epoch: e.Epoch, TrainLoss: e.Loss, TrainAccuracy: e.Accuracy, ValLoss: e.ValLoss, ValAccuracy: e.ValAccuracy, Seconds: e.Seconds}
}

// historyOf wraps classical epochs as a History that keeps the last epoch.
func historyOf(epochs []Epoch) *History {
	return &History{Epochs: epochs, BestEpoch: len(epochs)}
}

// labelled reports an error unless the run's training data has class
// labels (a classifier needs them).
func labelled(r *Run) error {
	if r.Train == nil || r.Train.Y == nil {
		return r.Spec.Errorf("data", "a %s model classifies; the data has no class labels", r.Spec.Model.Kind)
	}
	if r.Train.NumClasses < 2 {
		return r.Spec.Errorf("data", "a classifier needs at least 2 classes, the data has %d", r.Train.NumClasses)
	}
	return nil
}

// setFinite stores v under key unless it is NaN or infinite.
func setFinite(final map[string]float64, key string, v float64) {
	if !math.IsNaN(v) && !math.IsInf(v, 0) {
		final[key] = v
	}
}

// splitsOf lists the run's prepared splits by name, skipping nil ones.
func splitsOf(r *Run) []namedSplit {
	var out []namedSplit
	for _, p := range []namedSplit{{"train", r.Train}, {"validation", r.Validation}, {"test", r.Test}} {
		if p.d != nil {
			out = append(out, p)
		}
	}
	return out
}

type namedSplit struct {
	name string
	d    *dataset.Dataset
}

// checkFinite reports a parameter that is NaN or infinite (or negative
// when nonNegative).
func checkFinite(p *problems, field string, v float64, nonNegative bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) || (nonNegative && v < 0) {
		want := "a finite number"
		if nonNegative {
			want = "a finite number ≥ 0"
		}
		p.add(field, "%v, want %s", v, want)
	}
}

// plural writes "1 unit" or "n units".
func plural(n int, unit string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", unit)
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// entries counts the numbers in a tensor network's site tensors: the
// parameters of an MPS model.
func entries(tensors [][]float64) int {
	n := 0
	for _, x := range tensors {
		n += len(x)
	}
	return n
}
