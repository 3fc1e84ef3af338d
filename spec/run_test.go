package spec

import (
	"math"
	"path/filepath"
	"testing"
)

// tinySpec trains quickly: 4-bit parity on 4 qubits.
const tinySpec = `seed: 1
data: {dataset: parity, bits: 4, test: 0.25, scale: minmax}
model: {qubits: 4, layers: 1, readout: parity}
train: {epochs: 2, batch_size: 4, optimizer: {name: adam, lr: 0.05}}
`

func buildRun(t *testing.T, doc string) *Run {
	t.Helper()
	s, err := Parse("tiny.yaml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// finalAndSave takes a trained run's final metrics and saves its model
// to a temporary file, whose path it returns.
func finalAndSave(t *testing.T, r *Run) (map[string]float64, string) {
	t.Helper()
	final, err := r.Trainer.Final()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "model.json")
	if err := r.Trainer.Save(path); err != nil {
		t.Fatal(err)
	}
	return final, path
}

// TestSaveLoadPredictions trains, saves and reloads a model, and checks that
// the reloaded model, fed raw features, predicts bit for bit what the
// trained one predicts from the prepared features, and scores the raw test
// split exactly as the run's final metrics did.
func TestSaveLoadPredictions(t *testing.T) {
	r := buildRun(t, tinySpec)
	h, err := r.Trainer.Fit(FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Epochs) != 2 || h.CircuitEvaluations == 0 {
		t.Fatalf("history %+v", h)
	}
	final, path := finalAndSave(t, r)
	saved, err := LoadModel(path)
	if err != nil {
		t.Fatal(err)
	}
	preds, err := saved.Predict(r.Data.Test.X)
	if err != nil {
		t.Fatal(err)
	}
	trained := r.Trainer.(*vqcTrainer)
	for i, x := range r.Test.X {
		p, class, err := trained.model.Predict(trained.backend, x)
		if err != nil {
			t.Fatal(err)
		}
		if preds[i].Class != class || preds[i].Label != r.Data.Test.ClassNames[class] {
			t.Errorf("sample %d: class %d (%s) after reload, %d before", i, preds[i].Class, preds[i].Label, class)
		}
		for k := range p {
			if preds[i].Probabilities[k] != p[k] {
				t.Errorf("sample %d: p[%d] = %v after reload, %v before", i, k, preds[i].Probabilities[k], p[k])
			}
		}
	}
	ev, err := saved.Evaluate(r.Data.Test)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Samples != r.Test.Len() || ev.Loss != final["test_loss"] || ev.Accuracy != final["test_accuracy"] {
		t.Errorf("evaluation %+v, final %v", ev, final)
	}
}

// TestVQERun checks a short VQE run reports its energy against the exact
// ground energy.
func TestVQERun(t *testing.T) {
	r := buildRun(t, `model:
  task: vqe
  qubits: 2
  ansatz: real-amplitudes
  hamiltonian: "-1.052373245772859*II + 0.39793742484318045*IZ - 0.39793742484318045*ZI - 0.01128010425623538*ZZ + 0.18093119978423156*XX"
train: {epochs: 3, optimizer: {name: adam, lr: 0.1}}
`)
	if r.Data != nil || r.Preprocess != nil {
		t.Fatal("a VQE run has no data")
	}
	h, err := r.Trainer.Fit(FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	final, err := r.Trainer.Final()
	if err != nil {
		t.Fatal(err)
	}
	e, exact := final["energy"], final["exact_energy"]
	if math.Abs(exact-(-1.857275030202)) > 1e-9 || e < exact || final["energy_error"] != e-exact {
		t.Errorf("final %v", final)
	}
	if last := h.Epochs[len(h.Epochs)-1]; last.TrainLoss != e || !math.IsNaN(last.TrainAccuracy) {
		t.Errorf("last epoch %+v, energy %v", last, e)
	}
}

// TestSeedReproducible checks that one spec and seed give the same data
// split and the same initial parameters, and another seed does not.
func TestSeedReproducible(t *testing.T) {
	a, b := buildRun(t, base), buildRun(t, base)
	if a.Data.SHA256 != b.Data.SHA256 || a.Train.SHA256() != b.Train.SHA256() {
		t.Error("same seed, different data")
	}
	pa, pb := a.Trainer.(*vqcTrainer).model.Params, b.Trainer.(*vqcTrainer).model.Params
	for i := range pa {
		if pa[i] != pb[i] {
			t.Fatal("same seed, different initial parameters")
		}
	}
	c := buildRun(t, edit(t, "seed: 7", "seed: 8"))
	if c.Train.SHA256() == a.Train.SHA256() {
		t.Error("another seed, same split")
	}
}
