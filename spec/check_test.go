package spec

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// base is a valid spec; the table below breaks one field at a time. Its
// line numbers are referred to in the expected errors.
const base = `name: t
seed: 7
data:
  dataset: iris
  test: 0.25
  scale: minmax
model:
  task: classifier
  qubits: 4
  layers: 2
  encoder: {kind: angle, rotation: ry}
  ansatz: strongly-entangling
train:
  epochs: 2
  batch_size: 16
  optimizer: {name: adam, lr: 0.05}
`

// edit replaces old by new in base, failing the test when old is missing.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(base, old) {
		t.Fatalf("base has no %q", old)
	}
	return strings.Replace(base, old, new, 1)
}

func TestParseValid(t *testing.T) {
	s, err := Parse("t.yaml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	m := s.Model.Config.(*VQC)
	if s.Name != "t" || s.Seed != 7 || m.Qubits != 4 || m.Ansatz.Kind != "strongly-entangling" || s.Train.Optimizer.Hyper["lr"] != 0.05 {
		t.Errorf("parsed %+v, model %+v", s, m)
	}
	// Defaults.
	if s.Backend != "statevector" || s.Output != filepath.Join("runs", "t") || s.Train.Gradient != "auto" || m.Readout != "z" || m.Loss != "cross-entropy" {
		t.Errorf("defaults: backend %q output %q gradient %q readout %q loss %q", s.Backend, s.Output, s.Train.Gradient, m.Readout, m.Loss)
	}
	if r := s.Data.AngleRange; len(r) != 2 || r[0] != 0 || float64(r[1]) != 3.141592653589793 {
		t.Errorf("default angle range %v", r)
	}
	if s.Line("model.qubits") != 9 || s.Line("train.optimizer.lr") != 16 || s.Line("model.readout") != 7 {
		t.Errorf("lines: qubits %d, lr %d, readout (absent → model) %d", s.Line("model.qubits"), s.Line("train.optimizer.lr"), s.Line("model.readout"))
	}
}

// TestParseErrors checks that each broken field is reported at its line and
// by its path.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string // substrings of the error
	}{
		{"syntax", "name: [unclosed\n", []string{"t.yaml:1: YAML syntax"}},
		{"empty", "", []string{"t.yaml: empty spec"}},
		{"not a mapping", "- a\n- b\n", []string{"t.yaml:1: a spec is a mapping"}},
		{"two documents", base + "---\nname: u\n", []string{"t.yaml:17: more than one YAML document"}},
		{"unknown top field", edit(t, "seed: 7", "sed: 7"), []string{`t.yaml:2: sed: unknown field "sed" (did you mean "seed"?)`}},
		{"unknown nested field", edit(t, "  qubits: 4", "  qbits: 4"), []string{`t.yaml:9: model.qbits: unknown field "qbits" (did you mean "qubits"?)`}},
		{"repeated field", edit(t, "  layers: 2", "  layers: 2\n  layers: 3"), []string{"t.yaml:11: model.layers: repeated (first set on line 10)"}},
		{"merge key", edit(t, "  layers: 2", "  <<: {layers: 2}"), []string{"t.yaml:10: model: merge keys"}},
		{"wrong type int", edit(t, "  qubits: 4", "  qubits: four"), []string{`t.yaml:9: model.qubits: want an integer, got "four"`}},
		{"float for int", edit(t, "  epochs: 2", "  epochs: 2.5"), []string{`t.yaml:14: train.epochs: want an integer, got "2.5"`}},
		{"wrong type float", edit(t, "test: 0.25", "test: lots"), []string{`t.yaml:5: data.test: want a number, got "lots"`}},
		{"wrong type bool", edit(t, "  layers: 2", "  layers: 2\n  reupload: yes please"), []string{`t.yaml:11: model.reupload: want true or false`}},
		{"negative seed", edit(t, "seed: 7", "seed: -1"), []string{`t.yaml:2: seed: want a non-negative integer, got "-1"`}},
		{"mapping for scalar", edit(t, "  qubits: 4", "  qubits: {n: 4}"), []string{"t.yaml:9: model.qubits: want an integer, got a mapping"}},
		{"negative epochs", edit(t, "epochs: 2", "epochs: -3"), []string{"t.yaml:14: train.epochs: -3, want at least 1"}},
		{"zero qubits", edit(t, "qubits: 4", "qubits: 0"), []string{"t.yaml:9: model.qubits: 0, want 1 to 24"}},
		{"test fraction 0", edit(t, "test: 0.25", "test: 0"), []string{"t.yaml:5: data.test: 0 is outside (0, 1)"}},
		{"test fraction 1", edit(t, "test: 0.25", "test: 1.5"), []string{"t.yaml:5: data.test: 1.5 is outside (0, 1)"}},
		{"test fraction NaN", edit(t, "test: 0.25", "test: .nan"), []string{"t.yaml:5: data.test: NaN is outside (0, 1)"}},
		{"validation too big", edit(t, "test: 0.25", "test: 0.5\n  validation: 0.5"), []string{"t.yaml:6: data.validation: test 0.5 + validation 0.5 leave no training samples"}},
		{"unknown dataset", edit(t, "dataset: iris", "dataset: irs"), []string{`t.yaml:4: data.dataset: unknown dataset "irs"`, `did you mean "iris"?`}},
		{"dataset and csv", edit(t, "dataset: iris", "dataset: iris\n  csv: {path: x.csv}"), []string{"t.yaml:5: data.csv: give either dataset or csv"}},
		{"missing csv", edit(t, "dataset: iris", "csv: {path: no/such/file.csv}"), []string{"t.yaml:4: data.csv.path: cannot read no/such/file.csv"}},
		{"generator field on embedded", edit(t, "test: 0.25", "test: 0.25\n  samples: 100"), []string{"t.yaml:6: data.samples: only generated datasets take samples"}},
		{"generator field not taken", edit(t, "dataset: iris", "dataset: parity\n  noise: 0.1"), []string{"t.yaml:5: data.noise: the parity generator takes no noise (it takes bits)"}},
		{"parity bits", edit(t, "dataset: iris", "dataset: parity\n  bits: 40"), []string{"t.yaml:5: data.bits: 40, want 2 to 20"}},
		{"test samples from embedded", edit(t, "test: 0.25", "test_samples: 100"), []string{"t.yaml:5: data.test_samples: only a random generator"}},
		{"test and test samples", edit(t, "dataset: iris\n  test: 0.25", "dataset: circle\n  test: 0.25\n  test_samples: 100"), []string{"t.yaml:6: data.test_samples: give either test"}},
		{"bad scale", edit(t, "scale: minmax", "scale: minimax"), []string{`t.yaml:6: data.scale: "minimax" is not one of standard, minmax, none (did you mean "minmax"?)`}},
		{"angle range without minmax", edit(t, "scale: minmax", "scale: standard\n  angle_range: [0, 1]"), []string{"t.yaml:7: data.angle_range: only used with scale: minmax"}},
		{"angle range order", edit(t, "scale: minmax", "scale: minmax\n  angle_range: [pi, 0]"), []string{"t.yaml:7: data.angle_range: [3.141592653589793, 0]: want finite low < high"}},
		{"angle range expression", edit(t, "scale: minmax", "scale: minmax\n  angle_range: [0, tau]"), []string{`t.yaml:7: data.angle_range[1]: want a number or an expression such as pi/2, got "tau"`}},
		{"negative pca", edit(t, "scale: minmax", "scale: minmax\n  pca: -2"), []string{"t.yaml:7: data.pca: -2, want a positive number"}},
		{"repeated feature", edit(t, "scale: minmax", "scale: minmax\n  features: [a, b, a]"), []string{`t.yaml:7: data.features[2]: "a" repeats data.features[0]`}},
		{"unknown task", edit(t, "task: classifier", "task: clasifier"), []string{`t.yaml:8: model.task: "clasifier" is not one of classifier, regressor, vqe (did you mean "classifier"?)`}},
		{"unknown kind", edit(t, "model:\n", "model:\n  kind: pulse-thing\n"), []string{`t.yaml:8: model.kind: unknown model kind "pulse-thing" (known: `}},
		{"unknown encoder", edit(t, "kind: angle, rotation: ry", "kind: angel"), []string{`t.yaml:11: model.encoder.kind: "angel" is not one of angle, iqp, amplitude`}},
		{"rotation for iqp", edit(t, "kind: angle, rotation: ry", "kind: iqp, rotation: ry"), []string{"t.yaml:11: model.encoder.rotation: only the angle encoder takes rotation"}},
		{"unknown ansatz", edit(t, "ansatz: strongly-entangling", "ansatz: strong"), []string{`t.yaml:12: model.ansatz.kind: "strong" is not one of`}},
		{"bad rotation list", edit(t, "ansatz: strongly-entangling", "ansatz: {kind: hardware-efficient, rotations: [ry, ru]}"), []string{`t.yaml:12: model.ansatz.rotations[1]: "ru" is not one of rx, ry, rz`}},
		{"circuit ansatz without layer", edit(t, "ansatz: strongly-entangling", "ansatz: circuit"), []string{"t.yaml:12: model.ansatz: a circuit ansatz needs qasm"}},
		{"missing qasm file", edit(t, "ansatz: strongly-entangling", "ansatz: {kind: circuit, qasm: none.qasm}"), []string{"t.yaml:12: model.ansatz.qasm: cannot read none.qasm"}},
		{"unknown gate", edit(t, "ansatz: strongly-entangling", "ansatz:\n    kind: circuit\n    gates:\n      - {gate: ry, qubits: [0], params: [\"θ[0]\"]}\n      - {gate: rq, qubits: [1], params: [\"θ[1]\"]}"), []string{`t.yaml:16: model.ansatz.gates[1].gate: unknown gate "rq"`}},
		{"gate qubit out of range", edit(t, "ansatz: strongly-entangling", "ansatz:\n    kind: circuit\n    gates:\n      - {gate: cx, qubits: [0, 7]}"), []string{"t.yaml:15: model.ansatz.gates[0].qubits[1]: qubit 7 outside 0..3"}},
		{"gate bad angle", edit(t, "ansatz: strongly-entangling", "ansatz:\n    kind: circuit\n    gates:\n      - {gate: ry, qubits: [0], params: [\"θ[0]*x[0]\"]}"), []string{"t.yaml:15: model.ansatz.gates[0].params[0]:"}},
		{"parity readout", edit(t, "  layers: 2", "  layers: 2\n  readout: parity\n  loss: hinge"), []string{`t.yaml:12: model.loss: "hinge" is not one of cross-entropy, square`}},
		{"hamiltonian for classifier", edit(t, "  layers: 2", "  layers: 2\n  hamiltonian: Z0"), []string{"t.yaml:11: model.hamiltonian: only a vqe task"}},
		{"vqe with data", edit(t, "task: classifier", "task: vqe\n  hamiltonian: Z0"), []string{"t.yaml:3: data: this model has no data", "t.yaml:12: model.encoder: a VQE model has no data, so no encoder"}},
		{"vqe bad hamiltonian", "model: {task: vqe, qubits: 2, hamiltonian: \"0.5*ZQ\"}\ntrain: {epochs: 1}\n", []string{"t.yaml:1: model.hamiltonian: observable"}},
		{"vqe hamiltonian too wide", "model: {task: vqe, qubits: 2, hamiltonian: \"Z0 + X3\"}\ntrain: {epochs: 1}\n", []string{"t.yaml:1: model.hamiltonian: acts on 4 qubits but model.qubits is 2"}},
		{"vqe without hamiltonian", "model:\n  task: vqe\n  qubits: 2\ntrain: {epochs: 1}\n", []string{"t.yaml:1: model.hamiltonian: missing"}},
		{"classifier without data", "model: {qubits: 2}\ntrain: {epochs: 1}\n", []string{"t.yaml:1: data: missing"}},
		{"no epochs", edit(t, "  epochs: 2\n", ""), []string{"t.yaml:13: train.epochs: missing: how many epochs"}},
		{"unknown optimizer", edit(t, "name: adam", "name: adamw"), []string{`t.yaml:16: train.optimizer.name: "adamw" is not one of sgd, momentum, nesterov, adam, bbi, lbfgs`}},
		{"full-batch optimizer", edit(t, "name: adam, lr: 0.05", "name: lbfgs"), []string{"t.yaml:16: train.optimizer.name: lbfgs is a full-batch method"}},
		{"bad learning rate", edit(t, "optimizer: {name: adam, lr: 0.05}", "optimizer:\n    name: adam\n    lr: -1"), []string{"t.yaml:18: train.optimizer.lr: -1, want > 0 and finite"}},
		{"unknown hyperparameter", edit(t, "lr: 0.05", "lr: 0.05, momentum: 0.9"), []string{"t.yaml:16: train.optimizer.momentum: 0.9, want a known hyperparameter"}},
		{"unknown gradient", edit(t, "batch_size: 16", "batch_size: 16\n  gradient: backprop"), []string{`t.yaml:16: train.gradient: "backprop" is not one of auto, adjoint, parameter-shift, finite-difference`}},
		{"negative batch", edit(t, "batch_size: 16", "batch_size: -16"), []string{"t.yaml:15: train.batch_size: -16 is negative"}},
		{"unknown backend", edit(t, "seed: 7", "seed: 7\nbackend: gpu"), []string{`t.yaml:3: backend: "gpu" is not one of density, mps, statevector`}},
		{"several at once", edit(t, "epochs: 2", "epochs: 0\n  workers: -1"), []string{"t.yaml:14: train.epochs: 0", "t.yaml:15: train.workers: -1 is negative"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("t.yaml", []byte(tc.yaml))
			if err == nil {
				t.Fatalf("no error for\n%s", tc.yaml)
			}
			var list Errors
			if !errors.As(err, &list) {
				t.Errorf("error %T is not an Errors", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\ndoes not contain\n%s", err, w)
				}
			}
		})
	}
}

// TestBuildErrors checks the problems only the data reveals.
func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"too many features", strings.Replace(edit(t, "dataset: iris", "dataset: wine"), "qubits: 4", "qubits: 3", 1), "t.yaml:9: model.qubits: 3 qubits cannot angle-encode 13 features, at most 3 per qubit (add data.pca: 9 or use more qubits)"},
		{"too many features for IQP", strings.Replace(edit(t, "qubits: 4", "qubits: 3"), "kind: angle, rotation: ry", "kind: iqp", 1), "t.yaml:9: model.qubits: 3 qubits cannot IQP-encode 4 features, one per qubit (add data.pca: 3 or use more qubits)"},
		{"too many classes for z", strings.Replace(edit(t, "qubits: 4", "qubits: 2"), "kind: angle, rotation: ry", "kind: amplitude", 1), "t.yaml:9: model.qubits: 3 classes need one readout qubit each with readout z, have 2 qubits"},
		{"parity readout for 3 classes", edit(t, "  layers: 2", "  layers: 2\n  readout: parity"), "t.yaml:11: model.readout: parity gives one output and cannot tell 3 classes apart"},
		{"unknown feature", edit(t, "scale: minmax", "scale: minmax\n  features: [petal_length_cm, petal_size]"), `t.yaml:7: data.features[1]: no feature "petal_size"`},
		{"feature index", edit(t, "scale: minmax", "scale: minmax\n  features: [0, 9]"), `t.yaml:7: data.features[1]: no feature "9"`},
		{"too many components", edit(t, "scale: minmax", "scale: minmax\n  pca: 5"), "t.yaml:7: data.pca: 5 components from 4 features"},
		{"regressor on classes", edit(t, "task: classifier", "task: regressor"), "t.yaml:8: model.task: iris has class labels, not regression targets"},
		{"amplitude too small", strings.Replace(edit(t, "qubits: 4", "qubits: 1"), "kind: angle, rotation: ry", "kind: amplitude", 1), "t.yaml:9: model.qubits: 1 qubit cannot amplitude-encode 4 features"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Parse("t.yaml", []byte(tc.yaml))
			if err == nil {
				_, err = Build(s)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error\n%v\nwant\n%s", err, tc.want)
			}
		})
	}
}

// TestExamplesBuild loads every example spec and builds its run.
func TestExamplesBuild(t *testing.T) {
	files := exampleFiles(t, "../examples/*.yaml", 5)
	buildExamples(t, files, true)
}

// exampleFiles lists the example specs matching pattern and fails unless
// there are at least min of them.
func exampleFiles(t *testing.T, pattern string, min int) []string {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) < min {
		t.Fatalf("examples %s: %v %v", pattern, files, err)
	}
	return files
}

// buildExamples loads and builds each spec in a subtest, skipping one
// whose CSV data is not on this machine; withParams also wants a model
// with trainable parameters.
func buildExamples(t *testing.T, files []string, withParams bool) {
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			s, err := Load(f)
			if err != nil {
				t.Fatal(err)
			}
			if s.Data != nil && s.Data.CSV != nil {
				if _, err := os.Stat(s.Path(s.Data.CSV.Path)); err != nil {
					t.Skipf("data not available: %v", err)
				}
			}
			r, err := Build(s)
			if err != nil {
				t.Fatal(err)
			}
			if withParams && r.Trainer.NumParams() == 0 {
				t.Error("no parameters")
			}
		})
	}
}

func TestCSVRelativeToSpec(t *testing.T) {
	dir := t.TempDir()
	csv := "a,b,label\n0.1,0.2,x\n0.3,0.1,y\n0.5,0.9,x\n0.2,0.7,y\n0.8,0.4,x\n0.6,0.6,y\n0.9,0.1,x\n0.4,0.3,y\n"
	if err := os.WriteFile(filepath.Join(dir, "d.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := "data:\n  csv: {path: d.csv, label: label}\n  test: 0.5\nmodel: {qubits: 2}\ntrain: {epochs: 1}\n"
	path := filepath.Join(dir, "s.yaml")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if r.Train.Len() != 4 || r.Test.Len() != 4 || r.Train.NumClasses != 2 || r.Preprocess.Label != "label" {
		t.Errorf("train %d, test %d, classes %d, label %q", r.Train.Len(), r.Test.Len(), r.Train.NumClasses, r.Preprocess.Label)
	}
}

// TestCircuitAnsatz builds a user layer from a gate list and from a QASM
// file next to the spec, and checks both give the same circuit.
func TestCircuitAnsatz(t *testing.T) {
	dir := t.TempDir()
	qasm := "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[4];\nry(theta[0]) q[0];\nrz(θ[1] + pi/2) q[1];\ncx q[0], q[1];\n"
	if err := os.WriteFile(filepath.Join(dir, "layer.qasm"), []byte(qasm), 0o644); err != nil {
		t.Fatal(err)
	}
	gates := "ansatz:\n    kind: circuit\n    gates:\n      - {gate: ry, qubits: [0], params: [\"theta[0]\"]}\n      - {gate: rz, qubits: [1], params: [\"θ[1] + pi/2\"]}\n      - {gate: cx, qubits: [0, 1]}"
	var weights []int
	for _, doc := range []string{
		edit(t, "ansatz: strongly-entangling", "ansatz: {kind: circuit, qasm: layer.qasm}"),
		edit(t, "ansatz: strongly-entangling", gates),
	} {
		path := filepath.Join(dir, "s.yaml")
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Load(path)
		var r *Run
		if err == nil {
			r, err = Build(s)
		}
		if err != nil {
			t.Fatal(err)
		}
		m := r.Trainer.(*vqcTrainer).model
		weights = append(weights, m.NumCircuitWeights())
	}
	// Two layers of two weights each.
	if weights[0] != 4 || weights[1] != 4 {
		t.Errorf("circuit weights %v, want 4 from both", weights)
	}
}

// TestWarmStart starts a model from a saved one, and refuses a saved model
// of another configuration with the field's line.
func TestWarmStart(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "first.yaml")
	if err := os.WriteFile(first, []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(first)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Trainer.Fit(FitOptions{}); err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(dir, "model.json")
	if err := r.Trainer.Save(saved); err != nil {
		t.Fatal(err)
	}
	trained := r.Trainer.(*vqcTrainer).model.Params

	for _, tc := range []struct {
		doc, wantErr string
	}{
		{edit(t, "  epochs: 2\n", "  epochs: 2\n  warm_start: model.json\n"), ""},
		{edit(t, "  layers: 2\n", "  layers: 3\n") + "  warm_start: model.json\n", "s.yaml:17: train.warm_start:"},
	} {
		path := filepath.Join(dir, "s.yaml")
		if err := os.WriteFile(path, []byte(tc.doc), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Build(s)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %v, want one containing %q", err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		got := r.Trainer.(*vqcTrainer).model.Params
		for i := range trained {
			if got[i] != trained[i] {
				t.Fatalf("param %d: %g, saved %g", i, got[i], trained[i])
			}
		}
	}
}
