package spec

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/vqc"
)

// Saved is a trained model read back from model.json with the
// preprocessing it was trained behind, ready to predict from raw features:
// a variational model (kind vqc) or a classical classifier (logistic, mlp,
// mps-classifier, or rbm with a logistic head).
type Saved struct {
	// Path is the file it was read from.
	Path string
	// Kind is the model kind: vqc, or the classical kind.
	Kind string
	// Model is the variational model; nil for a classical one.
	Model *vqc.Model
	// Preprocess prepares raw features; nil for a model without data (VQE).
	Preprocess *Preprocess
	backend    vqc.Backend
	// classifier is the classical classifier; nil for a vqc model.
	classifier *savedClassifier
}

// Task is what the model predicts: vqc.Classifier, vqc.Regressor or
// vqc.VQE (every classical model read here is a classifier).
func (m *Saved) Task() vqc.Task {
	if m.Model == nil {
		return vqc.Classifier
	}
	return m.Model.Config.Task
}

// NumClasses is the number of classes of a classifier.
func (m *Saved) NumClasses() int {
	if m.classifier != nil {
		return m.classifier.c.NumClasses()
	}
	return m.Model.Config.Classes
}

// LoadModel reads a model file written by `qml train`: a vqc model
// (format qml-vqc) or a classical classifier (ClassicalModelFormat),
// with its preprocessing record. Generative classical models (rbm
// without a head, dbm, born-machine, boltzmann, hopfield) are an error.
func LoadModel(path string) (*Saved, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var head struct {
		Format string `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("%s: not a model file: %v", path, err)
	}
	if head.Format == ClassicalModelFormat {
		return loadClassical(path, data)
	}
	if head.Format != vqc.ModelFormat {
		return nil, fmt.Errorf("%s: model format %q; this build reads %q and %q", path, head.Format, vqc.ModelFormat, ClassicalModelFormat)
	}
	m, raw, err := vqc.UnmarshalModel(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	be, _ := NewBackend("statevector")
	saved := &Saved{Path: path, Kind: "vqc", Model: m, backend: be}
	if len(raw) > 0 && string(raw) != "null" {
		saved.Preprocess = &Preprocess{}
		if err := json.Unmarshal(raw, saved.Preprocess); err != nil {
			return nil, fmt.Errorf("%s: preprocess: %w", path, err)
		}
		if saved.Preprocess.Format != PreprocessFormat {
			return nil, fmt.Errorf("%s: preprocess format %q, want %q", path, saved.Preprocess.Format, PreprocessFormat)
		}
	}
	if m.Config.Task != vqc.VQE && saved.Preprocess == nil {
		return nil, fmt.Errorf("%s: no preprocessing record; the model cannot take raw features", path)
	}
	return saved, nil
}

// Prediction is a model's answer for one sample.
type Prediction struct {
	// Class is the predicted class (classifiers).
	Class int `json:"class"`
	// Label is the class's name, when the data named its classes.
	Label string `json:"label,omitempty"`
	// Probabilities are the class probabilities (classifiers).
	Probabilities []float64 `json:"probabilities,omitempty"`
	// Value is the prediction of a regressor.
	Value *float64 `json:"value,omitempty"`
}

// Predict prepares raw feature vectors and predicts each.
func (m *Saved) Predict(raw [][]float64) ([]Prediction, error) {
	if m.Preprocess == nil {
		return nil, fmt.Errorf("%s: a %s model takes no inputs", m.Path, m.Task())
	}
	for i, row := range raw {
		if len(row) != len(m.Preprocess.RawFeatures) {
			return nil, fmt.Errorf("input %d has %d values, the model reads %d (%v)", i+1, len(row), len(m.Preprocess.RawFeatures), m.Preprocess.RawFeatures)
		}
	}
	x, err := m.Preprocess.ApplyRows(raw)
	if err != nil {
		return nil, err
	}
	if m.classifier != nil {
		return m.predictClassical(x)
	}
	out := make([]Prediction, len(x))
	for i, row := range x {
		p, class, err := m.Model.Predict(m.backend, row)
		if err != nil {
			return nil, fmt.Errorf("input %d: %w", i+1, err)
		}
		if m.Model.Config.Task == vqc.Regressor {
			out[i] = Prediction{Value: &p[0]}
			continue
		}
		out[i] = Prediction{Class: class, Probabilities: p}
		if class < len(m.Preprocess.ClassNames) {
			out[i].Label = m.Preprocess.ClassNames[class]
		}
	}
	return out, nil
}

// predictClassical predicts preprocessed rows with the classical
// classifier: the class of largest probability.
func (m *Saved) predictClassical(x [][]float64) ([]Prediction, error) {
	probs, err := m.classifier.predict(x)
	if err != nil {
		return nil, err
	}
	out := make([]Prediction, len(probs))
	for i, p := range probs {
		class := 0
		for k, v := range p {
			if v > p[class] {
				class = k
			}
		}
		out[i] = Prediction{Class: class, Probabilities: p}
		if class < len(m.Preprocess.ClassNames) {
			out[i].Label = m.Preprocess.ClassNames[class]
		}
	}
	return out, nil
}

// Evaluation is a model's score on a dataset.
type Evaluation struct {
	Samples int
	// Loss is the mean training loss (the energy for VQE): for classical
	// classifiers the cross-entropy, or the quadratic cost of the
	// sweep-trained MPS, as their runs report test_loss.
	Loss float64
	// Accuracy is the fraction classified correctly; NaN for regressors
	// and VQE.
	Accuracy float64
}

// Evaluate prepares raw labelled data and scores the model on it. Class
// labels are matched to the model's classes by name when both are named, so
// a file holding only some of the classes still scores correctly.
func (m *Saved) Evaluate(raw *dataset.Dataset) (Evaluation, error) {
	if m.Task() == vqc.VQE {
		e, err := m.Model.Energy(m.backend)
		return Evaluation{Loss: e, Accuracy: math.NaN()}, err
	}
	d, err := m.Preprocess.Apply(raw)
	if err != nil {
		return Evaluation{}, err
	}
	if m.Task() == vqc.Classifier {
		if err := m.matchClasses(d); err != nil {
			return Evaluation{}, err
		}
	}
	if m.classifier != nil {
		loss, acc, err := m.classifier.score(d)
		return Evaluation{Samples: d.Len(), Loss: loss, Accuracy: acc}, err
	}
	loss, acc, err := m.Model.Evaluate(m.backend, d, 0)
	return Evaluation{Samples: d.Len(), Loss: loss, Accuracy: acc}, err
}

// matchClasses renumbers d's labels to the model's class numbering: a
// label that names one of the model's classes becomes its number, and a
// label that is itself a class number (an unnamed "0", "1", …) stays it.
func (m *Saved) matchClasses(d *dataset.Dataset) error {
	names, classes := m.Preprocess.ClassNames, m.NumClasses()
	if d.Y == nil {
		return fmt.Errorf("%s: no class labels to score against", d.Name)
	}
	if d.ClassNames == nil || slices.Equal(d.ClassNames, names) {
		if d.NumClasses > classes {
			return fmt.Errorf("%s has %d classes, the model knows %d", d.Name, d.NumClasses, classes)
		}
		return nil
	}
	to := make([]int, len(d.ClassNames))
	for k, name := range d.ClassNames {
		to[k] = slices.Index(names, name)
		if n, err := strconv.Atoi(name); to[k] < 0 && err == nil && n >= 0 && n < classes {
			to[k] = n
		}
		if to[k] < 0 {
			return fmt.Errorf("%s: class %q is not one the model knows (%s)", d.Name, name, knownClasses(names, classes))
		}
	}
	for i, c := range d.Y {
		d.Y[i] = to[c]
	}
	d.ClassNames, d.NumClasses = nil, classes
	if names != nil {
		d.ClassNames = slices.Clone(names)
	}
	return nil
}

// knownClasses lists the labels a model accepts, for messages.
func knownClasses(names []string, classes int) string {
	if names != nil {
		return strings.Join(names, ", ") + " or their numbers"
	}
	return fmt.Sprintf("0 to %d", classes-1)
}
