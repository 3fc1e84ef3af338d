package spec

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// classicalClassifierDocs are small runs of every classical classifier
// kind, for the save → load → predict round trip.
var classicalClassifierDocs = []struct{ name, doc string }{
	{"logistic", `seed: 1
data: {dataset: iris, test: 0.3, scale: standard}
model: {kind: logistic, l2: 0.001}
train: {epochs: 4, batch_size: 16, optimizer: {name: adam, lr: 0.05}}`},
	{"logistic lbfgs", `seed: 1
data: {dataset: iris, test: 0.3, scale: standard, pca: 3}
model: {kind: logistic, solver: lbfgs}
train: {epochs: 30}`},
	{"mlp", `seed: 2
data: {dataset: iris, test: 0.3, scale: standard}
model: {kind: mlp, hidden: 6}
train: {epochs: 4, batch_size: 8}`},
	{"mps sweeps", `seed: 1
data: {dataset: parity, bits: 4, test: 0.25}
model: {kind: mps-classifier, bond: 4}
train: {epochs: 4}`},
	{"mps gradient", `seed: 1
data: {dataset: parity, bits: 4, test: 0.25}
model: {kind: mps-classifier, bond: 4, training: gradient, input_max: 2}
train: {epochs: 4, batch_size: 4}`},
	{"rbm features", `seed: 1
data: {dataset: iris, test: 0.3, scale: minmax, angle_range: [0, 1]}
model: {kind: rbm, hidden: 5, method: cd, classifier: true, samples: 5}
train: {epochs: 4, batch_size: 10, optimizer: {name: sgd, lr: 0.1}}`},
}

// TestClassicalSaveLoadPredict trains each classical classifier, saves
// it, reads it back with LoadModel and checks that predicting the raw
// test rows gives the in-memory model's probabilities exactly and that
// Evaluate on the raw test split reproduces the run's test metrics.
func TestClassicalSaveLoadPredict(t *testing.T) {
	for _, tc := range classicalClassifierDocs {
		t.Run(tc.name, func(t *testing.T) {
			r := buildRun(t, tc.doc)
			if _, err := r.Trainer.Fit(FitOptions{}); err != nil {
				t.Fatal(err)
			}
			final, path := finalAndSave(t, r)
			saved, err := LoadModel(path)
			if err != nil {
				t.Fatal(err)
			}
			if saved.Kind != r.Spec.Model.Kind || saved.Task() != "classifier" || saved.NumClasses() != r.Train.NumClasses {
				t.Errorf("kind %s, task %s, %d classes", saved.Kind, saved.Task(), saved.NumClasses())
			}
			preds, err := saved.Predict(r.Data.Test.X)
			if err != nil {
				t.Fatal(err)
			}
			want := inMemory(t, r)
			for i, p := range preds {
				if !slices.Equal(p.Probabilities, want[i]) {
					t.Fatalf("sample %d: loaded %v, trained %v", i, p.Probabilities, want[i])
				}
			}
			ev, err := saved.Evaluate(r.Data.Test)
			if err != nil {
				t.Fatal(err)
			}
			if ev.Samples != r.Test.Len() || ev.Loss != final["test_loss"] || ev.Accuracy != final["test_accuracy"] {
				t.Errorf("eval %+v, run final test loss %v accuracy %v", ev, final["test_loss"], final["test_accuracy"])
			}
		})
	}
}

// inMemory returns the trained model's class probabilities of the run's
// preprocessed test split, through the trainer's own model.
func inMemory(t *testing.T, r *Run) [][]float64 {
	t.Helper()
	var c interface {
		Probabilities(x, p []float64) error
		NumClasses() int
	}
	test := r.Test
	switch tr := r.Trainer.(type) {
	case *classifierTrainer:
		c, test = tr.model, tr.test
	case *mpsGradTrainer:
		c, test = tr.model, tr.test
	case *mpsSweepTrainer:
		c, test = mpsProbabilities{tr.model}, tr.base.test
	case *rbmTrainer:
		c = rbmFeatureClassifier{tr.model, tr.head}
	default:
		t.Fatalf("trainer %T", r.Trainer)
	}
	out := make([][]float64, test.Len())
	for i, x := range test.X {
		out[i] = make([]float64, c.NumClasses())
		if err := c.Probabilities(x, out[i]); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestClassicalLoadErrors checks that generative classical models and
// damaged files are errors that say why.
func TestClassicalLoadErrors(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{`seed: 1
data: {dataset: bars-and-stripes, shape: [3, 3], test: 0.25}
model: {kind: dbm, hidden: [4, 2], chains: 5, pretrain_epochs: 1, samples: 5}
train: {epochs: 1, batch_size: 7}`, "a dbm model is generative"},
		{`seed: 1
data: {dataset: bars-and-stripes, shape: [3, 3], test: 0.25}
model: {kind: rbm, hidden: 4, samples: 5}
train: {epochs: 1, batch_size: 7}`, "an rbm trained without classifier: true"},
	} {
		r := buildRun(t, tc.doc)
		if _, err := r.Trainer.Fit(FitOptions{}); err != nil {
			t.Fatal(err)
		}
		_, path := finalAndSave(t, r)
		if _, err := LoadModel(path); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want %q", err, tc.want)
		}
	}
	dir := t.TempDir()
	for name, body := range map[string]string{
		"short.json": `{"format": "qml-classical/1", "kind": "logistic", "config": {}, "model": {"Features": 4, "Classes": 3, "Theta": [1, 2]}, "preprocess": {}}`,
		"kind.json":  `{"format": "qml-classical/1", "kind": "forest", "config": {}, "model": {}}`,
		"bonds.json": `{"format": "qml-classical/1", "kind": "mps-classifier", "config": {"training": "sweeps"}, "model": {"Sites": 2, "Classes": 2, "Bonds": [1, 2, 1], "Tensors": [[1], [1]]}}`,
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadModel(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
	}
}

// TestClassicalResume interrupts each epoch-trained classical kind after
// 2 of 4 epochs (a copy of the checkpoint written then), resumes a fresh
// run from it and checks that the model and the epoch records equal those
// of 4 epochs in one go: the checkpoint holds the model, the optimizer
// state, the random stream (and a DBM's persistent chains).
func TestClassicalResume(t *testing.T) {
	docs := append([]struct{ name, doc string }{}, classicalClassifierDocs...)
	docs = append(docs, struct{ name, doc string }{"dbm", `seed: 1
data: {dataset: bars-and-stripes, shape: [3, 3], test: 0.25}
model: {kind: dbm, hidden: [5, 3], chains: 10, pretrain_epochs: 3, samples: 5}
train: {epochs: 4, batch_size: 7, optimizer: {name: adam, lr: 0.01}}`},
		struct{ name, doc string }{"born", `seed: 1
data: {dataset: bars-and-stripes, shape: [3, 3], test: 0.25}
model: {kind: born-machine, max_bond: 4, samples: 5}
train: {epochs: 4}`},
		struct{ name, doc string }{"boltzmann", `seed: 1
data: {dataset: bars-and-stripes, shape: [3, 3], test: 0.25}
model: {kind: boltzmann, samples: 5}
train: {epochs: 4, optimizer: {name: adam, lr: 0.05}}`})
	for _, tc := range docs {
		if strings.Contains(tc.doc, "lbfgs") {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			ckpt := filepath.Join(dir, "checkpoint.json")
			interrupted := filepath.Join(dir, "at2.json")
			straight := buildRun(t, tc.doc)
			h1, err := straight.Trainer.Fit(FitOptions{Checkpoint: ckpt, OnEpoch: func(e Epoch) {
				if e.Epoch == 2 {
					data, err := os.ReadFile(ckpt)
					if err == nil {
						err = os.WriteFile(interrupted, data, 0o644)
					}
					if err != nil {
						t.Error(err)
					}
				}
			}})
			if err != nil {
				t.Fatal(err)
			}
			resumed := buildRun(t, tc.doc)
			var seen []int
			h2, err := resumed.Trainer.Fit(FitOptions{Checkpoint: interrupted, Resume: true, OnEpoch: func(e Epoch) { seen = append(seen, e.Epoch) }})
			if err != nil {
				t.Fatal(err)
			}
			if len(seen) != 2 || seen[0] != 3 || len(h2.Epochs) != 4 {
				t.Fatalf("resumed epochs %v, history of %d", seen, len(h2.Epochs))
			}
			for i := range h1.Epochs {
				a, b := h1.Epochs[i], h2.Epochs[i]
				if a.Epoch != b.Epoch || !sameFloat(a.TrainLoss, b.TrainLoss) || !sameFloat(a.ValLoss, b.ValLoss) {
					t.Errorf("epoch %d: straight %+v, resumed %+v", i+1, a, b)
				}
			}
			m1, m2 := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
			if err := straight.Trainer.Save(m1); err != nil {
				t.Fatal(err)
			}
			if err := resumed.Trainer.Save(m2); err != nil {
				t.Fatal(err)
			}
			a, _ := os.ReadFile(m1)
			b, _ := os.ReadFile(m2)
			if !bytes.Equal(a, b) {
				t.Error("the resumed model differs from the straight one")
			}
		})
	}
}

// sameFloat reports a == b, NaN equal to NaN.
func sameFloat(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

// TestClassicalResumeErrors checks the kinds and cases that cannot resume.
func TestClassicalResumeErrors(t *testing.T) {
	dir := t.TempDir()
	ckpt := filepath.Join(dir, "checkpoint.json")
	r := buildRun(t, classicalClassifierDocs[0].doc)
	if _, err := r.Trainer.Fit(FitOptions{Checkpoint: ckpt}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ doc, want string }{
		{classicalClassifierDocs[1].doc, "solver lbfgs is one full-batch minimisation"},
		{`model: {kind: hopfield, neurons: 10, loads: [0.1], trials: 1}
train: {epochs: 1}`, "a hopfield run cannot resume"},
		{strings.Replace(classicalClassifierDocs[0].doc, "l2: 0.001", "l2: 0.01", 1), "holds a logistic model"},
		{classicalClassifierDocs[2].doc, "holds a logistic model"},
	} {
		r := buildRun(t, tc.doc)
		if _, err := r.Trainer.Fit(FitOptions{Checkpoint: ckpt, Resume: true}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want %q", err, tc.want)
		}
	}
	r = buildRun(t, classicalClassifierDocs[0].doc)
	if _, err := r.Trainer.Fit(FitOptions{Checkpoint: filepath.Join(dir, "none.json"), Resume: true}); err == nil {
		t.Error("missing checkpoint: no error")
	}
}
