package spec

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestClassicalKindsRun trains a tiny run of every classical model kind
// through the spec and checks its records, final metrics and files.
func TestClassicalKindsRun(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		keys      []string
		files     []string
	}{
		{"logistic", `seed: 1
data: {dataset: iris, test: 0.25, validation: 0.2, scale: standard}
model: {kind: logistic, l2: 0.001}
train: {epochs: 3, batch_size: 16, optimizer: {name: adam, lr: 0.05}}`,
			[]string{"train_accuracy", "validation_accuracy", "test_accuracy", "test_loss"}, nil},
		{"logistic lbfgs", `seed: 1
data: {dataset: iris, test: 0.25, scale: standard}
model: {kind: logistic, solver: lbfgs}
train: {epochs: 50}`, []string{"test_accuracy"}, nil},
		{"mlp", `seed: 1
data: {dataset: iris, test: 0.25, scale: standard}
model: {kind: mlp, hidden: 8, activation: tanh}
train: {epochs: 3, batch_size: 16}`, []string{"test_accuracy"}, nil},
		{"rbm", `seed: 1
data: {dataset: bars-and-stripes, shape: [3, 3], test: 0.25}
model: {kind: rbm, hidden: 6, method: pcd, k: 2, chains: 20, use_all_data: true, samples: 100}
train: {epochs: 3, batch_size: 14, optimizer: {name: sgd, lr: 0.1}}`,
			[]string{"nll", "log_z", "pseudo_likelihood", "reconstruction_error", "sample_valid"}, []string{samplesFile}},
		{"rbm classifier", `seed: 1
data: {dataset: digits, test: 0.25, scale: minmax, angle_range: [0, 1]}
model: {kind: rbm, hidden: 24, classifier: true, samples: 10, ais_steps: 300}
train: {epochs: 1, batch_size: 10, optimizer: {name: sgd, lr: 0.05}}`,
			[]string{"nll", "log_z_stderr", "test_accuracy", "test_nll"}, []string{samplesFile}},
		{"dbm", `seed: 1
data: {dataset: bars-and-stripes, shape: [3, 3], test: 0.25}
model: {kind: dbm, hidden: [6, 4], chains: 20, pretrain_epochs: 5, samples: 50}
train: {epochs: 3, batch_size: 7, optimizer: {name: sgd, lr: 0.05}}`,
			[]string{"nll", "test_nll", "nll_bound", "log_z", "reconstruction_error", "sample_valid"}, []string{samplesFile}},
		{"dbm ais", `seed: 1
data: {dataset: digits, test: 0.25, scale: minmax, angle_range: [0, 1]}
model: {kind: dbm, hidden: [24, 24], chains: 10, pretrain_epochs: 1, samples: 10, ais_steps: 100, mean_field_steps: 3}
train: {epochs: 1, batch_size: 50}`,
			[]string{"nll_bound", "test_nll_bound", "log_z_stderr", "reconstruction_error"}, []string{samplesFile}},
		{"born", `seed: 1
data: {dataset: bars-and-stripes, shape: [3, 3], test: 0.25}
model: {kind: born-machine, max_bond: 8, samples: 200}
train: {epochs: 2}`, []string{"nll", "test_nll", "sample_valid", "sample_patterns", "max_bond"}, []string{samplesFile}},
		{"mps sweeps", `seed: 1
data: {dataset: parity, bits: 4, test: 0.25}
model: {kind: mps-classifier, bond: 4}
train: {epochs: 1}`, []string{"train_accuracy", "test_loss", "max_bond"}, nil},
		{"mps gradient", `seed: 1
data: {dataset: parity, bits: 4, test: 0.25}
model: {kind: mps-classifier, bond: 4, training: gradient}
train: {epochs: 2, batch_size: 4}`, []string{"train_accuracy", "test_loss"}, nil},
		{"boltzmann", `seed: 1
data: {dataset: bars-and-stripes, shape: [3, 3], test: 0.25}
model: {kind: boltzmann, samples: 50}
train: {epochs: 20, optimizer: {name: adam, lr: 0.05}}`, []string{"nll", "test_nll", "sample_valid"}, []string{samplesFile}},
		{"hopfield", `seed: 1
model: {kind: hopfield, neurons: 20, loads: [0.1, 0.3, 0.5], trials: 2}
train: {epochs: 1}`, []string{"overlap_0.1", "overlap_0.5"}, nil},
		{"ising phases", `seed: 1
data: {dataset: ising, dimension: 6, samples: 210, test: 0.3}
model: {kind: mlp, hidden: 8, critical_band: 0.2}
train: {epochs: 3, batch_size: 16}`, []string{"test_accuracy"}, []string{phasesFile}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := buildRun(t, tc.doc)
			h, err := r.Trainer.Fit(FitOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(h.Epochs) == 0 || h.BestEpoch != len(h.Epochs) {
				t.Fatalf("history %+v", h)
			}
			final, err := r.Trainer.Final()
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range tc.keys {
				if v, ok := final[k]; !ok || math.IsNaN(v) {
					t.Errorf("final has no %s: %v", k, final)
				}
			}
			dir := t.TempDir()
			if err := r.Trainer.Save(filepath.Join(dir, "model.json")); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(filepath.Join(dir, "model.json"))
			if err != nil || !strings.Contains(string(data), ClassicalModelFormat) {
				t.Fatalf("model.json: %v %.100s", err, data)
			}
			for _, f := range tc.files {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Errorf("no %s: %v", f, err)
				}
			}
			if r.Trainer.NumParams() == 0 {
				t.Error("no parameters")
			}
		})
	}
}

// TestClassicalSpecErrors checks that bad classical settings are located
// errors naming the field.
func TestClassicalSpecErrors(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{`data: {dataset: iris}
model: {kind: mlp, hidden: -1, activation: sigmoid}
train: {epochs: 1}`, `tiny.yaml:2: model.hidden: -1, want at least 1 hidden unit`},
		{`data: {dataset: iris}
model: {kind: mlp, activation: sigmoid}
train: {epochs: 1}`, `model.activation`},
		{`data: {dataset: bars-and-stripes}
model: {kind: rbm, method: pt, visible: gaussian}
train: {epochs: 1}`, `parallel tempering needs bernoulli visibles`},
		{`data: {dataset: bars-and-stripes}
model: {kind: rbm, temperatures: 5}
train: {epochs: 1}`, `only method pt uses temperatures`},
		{`data: {dataset: bars-and-stripes}
model: {kind: born-machine, learning_rate: -1}
train: {epochs: 1, optimizer: adam}`, `remove train.optimizer`},
		{`data: {dataset: digits}
model: {kind: mps-classifier, training: gradient, cg_steps: 3}
train: {epochs: 1}`, `only sweeps training uses cg_steps`},
		{`data: {dataset: digits}
model: {kind: mps-classifier, logit_scale: 5}
train: {epochs: 1}`, `only gradient training uses logit_scale`},
		{`data: {dataset: digits}
model: {kind: mps-classifier, training: gradient, logit_scale: -1}
train: {epochs: 1}`, `model.logit_scale: -1, want a finite number > 0`},
		{`model: {kind: hopfield, loads: [0.2, 0.1]}
train: {epochs: 2}`, `want increasing loads`},
		{`data: {dataset: iris}
model: {kind: logistic, solver: newton}
train: {epochs: 1}`, `model.solver`},
		{`data: {dataset: bars-and-stripes}
model: {kind: dbm, hidden: [4]}
train: {epochs: 1}`, `model.hidden: [4], want 2 or 3 hidden-layer sizes`},
	} {
		_, err := Parse("tiny.yaml", []byte(tc.doc))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s\nerror %v\nwant %s", tc.doc, err, tc.want)
		}
	}
	for _, tc := range []struct{ doc, want string }{
		{`data: {dataset: iris}
model: {kind: mlp, critical_band: 0.2}
train: {epochs: 1}`, `only Ising-phase data`},
		{`data: {dataset: iris}
model: {kind: born-machine}
train: {epochs: 1}`, `binary data`},
		{`data: {dataset: digits}
model: {kind: mps-classifier, pool: 3}
train: {epochs: 1}`, `side divisible by 3`},
		{`data: {dataset: iris, scale: standard}
model: {kind: dbm}
train: {epochs: 1}`, `wants features in [0, 1]`},
	} {
		s, err := Parse("tiny.yaml", []byte(tc.doc))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Build(s); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s\nerror %v\nwant %s", tc.doc, err, tc.want)
		}
	}
}

// TestClassicalExamplesBuild loads and builds every classical example.
func TestClassicalExamplesBuild(t *testing.T) {
	buildExamples(t, exampleFiles(t, "../examples/classical/*.yaml", 7), false)
}

// TestClassicalExamplesReachTargets trains the classical examples and
// checks the targets (QML_LONG=1; a few minutes, mnist-mps
// excluded: see classical.TestMPSClassifierMNIST).
func TestClassicalExamplesReachTargets(t *testing.T) {
	if os.Getenv("QML_LONG") == "" {
		t.Skip("set QML_LONG=1 to train the classical examples")
	}
	ln30 := math.Log(30)
	for _, tc := range []struct {
		file     string
		min, max map[string]float64
	}{
		{"bas-born.yaml", map[string]float64{"sample_valid": 0.99, "sample_patterns": 30}, map[string]float64{"nll": ln30 + 0.01}},
		{"bas-rbm.yaml", nil, map[string]float64{"nll": ln30 + 0.2}},
		{"bas-dbm.yaml", map[string]float64{"sample_patterns": 14}, map[string]float64{"nll": math.Log(14) + 0.3}},
		{"digits-rbm.yaml", map[string]float64{"test_accuracy": 0.94}, nil},
		{"digits-mps.yaml", map[string]float64{"test_accuracy": 0.95}, nil},
		{"ising-phases.yaml", map[string]float64{"test_accuracy": 0.95}, nil},
		{"ising-phases-logistic.yaml", map[string]float64{"test_accuracy": 0.95}, nil},
		{"hopfield.yaml", map[string]float64{"capacity_transition": 0.12}, map[string]float64{"capacity_transition": 0.16}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			final := trainExample(t, filepath.Join("../examples/classical", tc.file), 0)
			for k, v := range tc.min {
				if got, ok := final[k]; !ok || got < v {
					t.Errorf("%s = %v, want ≥ %g", k, got, v)
				}
			}
			for k, v := range tc.max {
				if got, ok := final[k]; !ok || got > v {
					t.Errorf("%s = %v, want ≤ %g", k, got, v)
				}
			}
			t.Logf("%v", final)
		})
	}
}
