package bench

import (
	"math"
	"reflect"
	"testing"

	"github.com/qmlgo/qml/spec"
)

// TestSplitFixed checks the comparison's premise: every model and every
// model seed sees the same raw train/test split of a dataset, drawn by the
// suite's split seed alone.
func TestSplitFixed(t *testing.T) {
	s := loadTiny(t)
	var first *spec.Splits
	for _, c := range []Cell{{"circle", "vqc", 1}, {"circle", "vqc", 2}, {"circle", "mlp", 1}, {"circle", "logistic", 99}} {
		sp, err := s.Spec(c.Dataset, c.Model, c.Seed)
		if err != nil {
			t.Fatal(err)
		}
		run, err := spec.BuildSplit(sp, s.SplitSeed)
		if err != nil {
			t.Fatal(err)
		}
		if run.Spec.Seed != c.Seed {
			t.Errorf("%s: the run's seed is %d", c.ID(), run.Spec.Seed)
		}
		if first == nil {
			first = run.Data
			continue
		}
		if !reflect.DeepEqual(run.Data.Train.X, first.Train.X) || !reflect.DeepEqual(run.Data.Test.Y, first.Test.Y) || run.Data.SHA256 != first.SHA256 {
			t.Errorf("%s: the split differs from the first cell's", c.ID())
		}
	}
}

// TestMPSBackendAgrees trains one variational classifier on the state
// vector (adjoint gradients) and on the MPS backend with unbounded χ
// (parameter-shift gradients): the MPS is exact, and parameter shift is
// an exact gradient rule, so the two runs must agree to rounding.
func TestMPSBackendAgrees(t *testing.T) {
	s, err := ParseSuite("m.yaml", []byte(`seeds: 1
datasets: {circle: {dataset: circle, samples: 30, test_samples: 30}}
models:
  - name: logistic
    model: {kind: logistic}
    train: {epochs: 1}
  - name: sv
    model: &m {kind: vqc, task: classifier, qubits: 2, layers: 1, encoder: {kind: angle, rotation: ry}, ansatz: {kind: hardware-efficient, entangler: cz}}
    train: &t {epochs: 2, batch_size: 10, optimizer: {name: adam, lr: 0.1}}
  - name: mps
    model: *m
    train: *t
    backend: mps
`))
	if err != nil {
		t.Fatal(err)
	}
	sv, mp := RunCell(s, Cell{"circle", "sv", 1}), RunCell(s, Cell{"circle", "mps", 1})
	if sv.Error != "" || mp.Error != "" {
		t.Fatalf("errors: %q, %q", sv.Error, mp.Error)
	}
	if mp.Backend != "mps" || mp.CircuitEvaluations <= sv.CircuitEvaluations {
		t.Errorf("mps run: backend %q, %d evaluations (state vector %d)", mp.Backend, mp.CircuitEvaluations, sv.CircuitEvaluations)
	}
	for k, v := range sv.Final {
		if w := mp.Final[k]; math.Abs(v-w) > 1e-9 {
			t.Errorf("final %s: state vector %v, mps %v", k, v, w)
		}
	}
}
