package spec

import (
	"math"
	"os"
	"strings"
	"testing"
)

// TestNNGPRun fits the nngp kind on iris through the spec.
func TestNNGPRun(t *testing.T) {
	r := buildRun(t, `seed: 1
data: {dataset: iris, test: 0.25, validation: 0.2, scale: standard}
model: {kind: nngp, activation: erf, depth: 2}
train: {epochs: 1}`)
	h, err := r.Trainer.Fit(FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Epochs) != 1 || math.IsNaN(h.Epochs[0].ValAccuracy) {
		t.Fatalf("history %+v", h)
	}
	final, err := r.Trainer.Final()
	if err != nil {
		t.Fatal(err)
	}
	if final["test_accuracy"] < 0.85 {
		t.Errorf("iris test accuracy %v", final["test_accuracy"])
	}
	if err := r.Trainer.Save(t.TempDir() + "/model.json"); err != nil {
		t.Fatal(err)
	}
}

// TestNNGPSpecErrors checks that bad NNGP settings are located errors.
func TestNNGPSpecErrors(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{`data: {dataset: iris}
model: {kind: nngp, activation: tanh}
train: {epochs: 1}`, "model.activation"},
		{`data: {dataset: iris}
model: {kind: nngp, weight_var: -1}
train: {epochs: 1}`, "σ_w²"},
		{`data: {dataset: iris}
model: {kind: nngp, noise: -1}
train: {epochs: 1}`, "model.noise"},
		{`data: {dataset: iris}
model: {kind: nngp}
train: {epochs: 5}`, "want 1"},
	} {
		_, err := Parse("tiny.yaml", []byte(tc.doc))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to mention %q", tc.doc, err, tc.want)
		}
	}
}

// TestNNGPAgainstMLP is the check (QML_LONG=1): on iris and breast
// cancer the nngp test accuracy is within 2 points of the MLP's, on the
// same split.
func TestNNGPAgainstMLP(t *testing.T) {
	if os.Getenv("QML_LONG") == "" {
		t.Skip("QML_LONG=1 compares nngp with the MLP")
	}
	for _, data := range []string{
		`data: {dataset: iris, test: 0.25, scale: standard}`,
		`data: {dataset: breast-cancer, test: 0.25, scale: standard}`,
	} {
		acc := map[string]float64{}
		for _, model := range []string{
			"model: {kind: nngp, depth: 3}\ntrain: {epochs: 1}",
			"model: {kind: mlp, hidden: 32}\ntrain: {epochs: 200, batch_size: 16, optimizer: {name: adam, lr: 0.01}}",
		} {
			r := buildRun(t, "seed: 1\n"+data+"\n"+model)
			if _, err := r.Trainer.Fit(FitOptions{}); err != nil {
				t.Fatal(err)
			}
			final, err := r.Trainer.Final()
			if err != nil {
				t.Fatal(err)
			}
			acc[r.Spec.Model.Kind] = final["test_accuracy"]
		}
		t.Logf("%s: nngp %.3f, mlp %.3f", data, acc["nngp"], acc["mlp"])
		if acc["nngp"] < acc["mlp"]-0.02 {
			t.Errorf("%s: nngp %.3f more than 2 points below the MLP's %.3f", data, acc["nngp"], acc["mlp"])
		}
	}
}
