package spec

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
)

// savedClassifier is a classical classifier read back from model.json.
type savedClassifier struct {
	// c gives the class probabilities of prepared features.
	c classical.Classifier
	// prepare maps the run's preprocessed features to the model's input
	// (an MPS's pooling and scaling); nil means none.
	prepare func(*dataset.Dataset) (*dataset.Dataset, error)
	// evaluate scores prepared labelled data with the loss the trainer
	// reported as *_loss; nil means the cross-entropy (classical.Evaluate).
	evaluate func(*dataset.Dataset) (loss, acc float64, err error)
}

// classicalFile is the layout saveClassical writes.
type classicalFile struct {
	Format     string          `json:"format"`
	Kind       string          `json:"kind"`
	Config     json.RawMessage `json:"config"`
	Model      json.RawMessage `json:"model"`
	Preprocess *Preprocess     `json:"preprocess"`
}

// loadClassical reads a qml-classical/1 model file whose kind classifies:
// logistic, mlp, mps-classifier, or rbm with classifier: true.
func loadClassical(path string, data []byte) (*Saved, error) {
	var f classicalFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	newConfig, ok := modelKinds[f.Kind]
	if !ok {
		return nil, fmt.Errorf("%s: unknown model kind %q", path, f.Kind)
	}
	cfg := newConfig()
	if err := json.Unmarshal(f.Config, cfg); err != nil {
		return nil, fmt.Errorf("%s: config: %w", path, err)
	}
	sc, err := decodeClassifier(f.Kind, cfg, f.Model)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if f.Preprocess == nil {
		return nil, fmt.Errorf("%s: no preprocessing record; the model cannot take raw features", path)
	}
	if f.Preprocess.Format != PreprocessFormat {
		return nil, fmt.Errorf("%s: preprocess format %q, want %q", path, f.Preprocess.Format, PreprocessFormat)
	}
	return &Saved{Path: path, Kind: f.Kind, Preprocess: f.Preprocess, classifier: sc}, nil
}

// errGenerative is returned for saved models that do not classify.
var errGenerative = errors.New("qml predict and eval read classifiers (vqc, logistic, mlp, mps-classifier, rbm with classifier: true)")

// decodeClassifier builds the classifier of a kind from its saved model.
func decodeClassifier(kind string, cfg ModelConfig, raw json.RawMessage) (*savedClassifier, error) {
	switch cfg := cfg.(type) {
	case *LogisticModel:
		var m classical.Logistic
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, err
		}
		return &savedClassifier{c: &m}, nil
	case *MLPModel:
		var m classical.MLP
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, err
		}
		return &savedClassifier{c: &m}, nil
	case *MPSClassifierModel:
		if cfg.Training == "gradient" {
			var m classical.MPSGradClassifier
			if err := json.Unmarshal(raw, &m); err != nil {
				return nil, err
			}
			return &savedClassifier{c: &m, prepare: cfg.prepare}, nil
		}
		var m classical.MPSClassifier
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, err
		}
		return &savedClassifier{c: mpsProbabilities{&m}, prepare: cfg.prepare, evaluate: m.Evaluate}, nil
	case *RBMModel:
		var m struct {
			RBM  *classical.RBM      `json:"rbm"`
			Head *classical.Logistic `json:"head"`
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, err
		}
		if m.RBM == nil || m.Head == nil {
			return nil, fmt.Errorf("an rbm trained without classifier: true is a generative model; %w", errGenerative)
		}
		if m.Head.Features != m.RBM.Hidden {
			return nil, fmt.Errorf("the logistic head reads %d features, the RBM has %d hidden units", m.Head.Features, m.RBM.Hidden)
		}
		return &savedClassifier{c: rbmFeatureClassifier{m.RBM, m.Head}}, nil
	}
	return nil, fmt.Errorf("a %s model is generative; %w", kind, errGenerative)
}

// rbmFeatureClassifier is an RBM with a logistic head on its hidden
// probabilities, scikit-learn's RBM-features pipeline as one classifier.
type rbmFeatureClassifier struct {
	rbm  *classical.RBM
	head *classical.Logistic
}

func (r rbmFeatureClassifier) Params() []float64 { return nil }
func (r rbmFeatureClassifier) NumClasses() int   { return r.head.Classes }
func (r rbmFeatureClassifier) LossGrad([][]float64, []int, []float64) (float64, error) {
	return 0, errors.New("a saved RBM-features classifier is not trained further")
}

// Probabilities maps x to the hidden probabilities (RBM.Transform, as in
// training) and applies the head.
func (r rbmFeatureClassifier) Probabilities(x, p []float64) error {
	f, err := r.rbm.Transform([][]float64{x})
	if err != nil {
		return err
	}
	return r.head.Probabilities(f[0], p)
}

// prepared applies the classifier's own preparation to d.
func (s *savedClassifier) prepared(d *dataset.Dataset) (*dataset.Dataset, error) {
	if s.prepare == nil {
		return d, nil
	}
	return s.prepare(d)
}

// predict returns the class probabilities of preprocessed rows.
func (s *savedClassifier) predict(x [][]float64) ([][]float64, error) {
	d, err := s.prepared(&dataset.Dataset{Name: "input", X: x})
	if err != nil {
		return nil, err
	}
	out := make([][]float64, len(d.X))
	for i, row := range d.X {
		out[i] = make([]float64, s.c.NumClasses())
		if err := s.c.Probabilities(row, out[i]); err != nil {
			return nil, fmt.Errorf("input %d: %w", i+1, err)
		}
	}
	return out, nil
}

// score returns the loss and accuracy on preprocessed labelled data.
func (s *savedClassifier) score(d *dataset.Dataset) (loss, acc float64, err error) {
	if d, err = s.prepared(d); err != nil {
		return 0, 0, err
	}
	if s.evaluate != nil {
		return s.evaluate(d)
	}
	return classical.Evaluate(s.c, d)
}
