package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPredictRoundTrip trains a model and checks that qml predict, fed raw
// bit strings, agrees with parity on all of them: the model learns 4-bit
// parity exactly in two epochs (the parity readout starts near the answer).
func TestPredictRoundTrip(t *testing.T) {
	model := filepath.Join(train(t, tinySpec), modelFile)
	var inputs []string
	for i := 0; i < 16; i++ {
		inputs = append(inputs, strings.Join([]string{bit(i, 0), bit(i, 1), bit(i, 2), bit(i, 3)}, ","))
	}
	code, stdout, stderr := run(t, "", "predict", model, "--input", strings.Join(inputs, ";"), "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var preds []struct {
		Class         int
		Label         string
		Probabilities []float64
	}
	if err := json.Unmarshal([]byte(stdout), &preds); err != nil {
		t.Fatal(err)
	}
	if len(preds) != 16 {
		t.Fatalf("%d predictions, want 16", len(preds))
	}
	for i, p := range preds {
		want := (i ^ i>>1 ^ i>>2 ^ i>>3) & 1
		if p.Class != want || p.Label != []string{"even", "odd"}[want] || math.Abs(p.Probabilities[0]+p.Probabilities[1]-1) > 1e-12 {
			t.Errorf("input %s: %+v, want class %d", inputs[i], p, want)
		}
	}
	// Text output: a header and one line per sample.
	code, stdout, stderr = run(t, "", "predict", model, "--input", "1,0,0,0", "--input", "1,1,0,0")
	if code != 0 {
		t.Fatal(stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "p(even)") || !strings.Contains(lines[1], "odd") || !strings.Contains(lines[2], "even") {
		t.Errorf("text output:\n%s", stdout)
	}
}

func bit(i, j int) string { return []string{"0", "1"}[i>>j&1] }

// TestPredictCSV checks CSV input from a file and from stdin, with columns
// matched by name whatever their order and extra columns ignored, and a
// headerless file read in order.
func TestPredictCSV(t *testing.T) {
	model := filepath.Join(train(t, tinySpec), modelFile)
	csv := "label,b3,b2,b1,b0\nodd,0,0,0,1\neven,1,1,0,0\n"
	path := filepath.Join(t.TempDir(), "in.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"--input", path}, {"--input", "-"}} {
		code, stdout, stderr := run(t, csv, append([]string{"predict", model, "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatal(stderr)
		}
		var preds []struct{ Label string }
		if err := json.Unmarshal([]byte(stdout), &preds); err != nil || len(preds) != 2 || preds[0].Label != "odd" || preds[1].Label != "even" {
			t.Errorf("%v: %s (%v)", args, stdout, err)
		}
	}
	code, stdout, stderr := run(t, "1,0,0,0\n1,1,0,0\n1,1,1,0\n", "predict", model, "--input", "-")
	if code != 0 || strings.Count(stdout, "odd") != 3 || strings.Count(stdout, "even") != 2 { // header p(even), p(odd)
		t.Errorf("headerless: exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestPredictErrors(t *testing.T) {
	model := filepath.Join(train(t, tinySpec), modelFile)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"predict", model}, "--input: give feature values"},
		{[]string{"predict", model, "--input", "1,0,1"}, "sample 1 has 3 values, the model reads 4"},
		{[]string{"predict", model, "--input", "1,0,1,x"}, `value 4: "x" is not a number`},
		{[]string{"predict", model, "--input", "1,0,1,0", "--format", "xml"}, `--format "xml": want text or json`},
		{[]string{"predict", "missing.json", "--input", "1,0,1,0"}, "missing.json"},
		{[]string{"predict", model, "--input", "no/such.csv"}, "no/such.csv"},
	}
	for _, tc := range tests {
		code, _, stderr := run(t, "", tc.args...)
		if code != 1 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, %q; want %q", tc.args, code, stderr, tc.want)
		}
	}
}

// classicalSpec trains logistic regression on iris in a few milliseconds.
const classicalSpec = `name: iris-logistic
seed: 3
data: {dataset: iris, test: 0.3, scale: standard}
model: {kind: logistic, l2: 0.001}
train: {epochs: 4, batch_size: 16, optimizer: {name: adam, lr: 0.1}}
`

// TestPredictClassical checks that qml predict and qml eval read a
// classical model.json: the class names come back, eval on the spec's
// test split reproduces the run's test metrics, and a generative model is
// refused with the reason.
func TestPredictClassical(t *testing.T) {
	dir, path := writeSpec(t, classicalSpec)
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(t, "", "train", path, "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	model := filepath.Join(out, modelFile)
	code, stdout, stderr := run(t, "", "predict", model, "--input", "5.1,3.5,1.4,0.2; 6.7,3.0,5.2,2.3", "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var preds []struct {
		Label         string
		Probabilities []float64
	}
	if err := json.Unmarshal([]byte(stdout), &preds); err != nil || len(preds) != 2 {
		t.Fatalf("%s (%v)", stdout, err)
	}
	if preds[0].Label != "setosa" || preds[1].Label != "virginica" || len(preds[0].Probabilities) != 3 {
		t.Errorf("predictions %+v, want setosa and virginica", preds)
	}
	code, stdout, stderr = run(t, "", "predict", model, "--input", "5.1,3.5,1.4,0.2")
	if code != 0 || !strings.Contains(stdout, "p(versicolor)") || !strings.Contains(stdout, "setosa") {
		t.Errorf("text: exit %d\n%s%s", code, stdout, stderr)
	}
	var res struct{ Final map[string]float64 }
	data, _ := os.ReadFile(filepath.Join(out, resultsFile))
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = run(t, "", "eval", model, "--data", path, "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var ev struct {
		Samples  int
		Loss     float64
		Accuracy *float64
	}
	if err := json.Unmarshal([]byte(stdout), &ev); err != nil {
		t.Fatal(err)
	}
	if ev.Samples != 45 || ev.Loss != res.Final["test_loss"] || ev.Accuracy == nil || *ev.Accuracy != res.Final["test_accuracy"] {
		t.Errorf("eval %+v, training final %v", ev, res.Final)
	}
	gen := train(t, `seed: 1
data: {dataset: bars-and-stripes, shape: [3, 3], test: 0.25}
model: {kind: rbm, hidden: 4, samples: 5}
train: {epochs: 1, batch_size: 7}
`)
	code, _, stderr = run(t, "", "predict", filepath.Join(gen, modelFile), "--input", "1,0,0,1,0,0,1,0,0")
	if code != 1 || !strings.Contains(stderr, "generative") {
		t.Errorf("generative model: exit %d, %q", code, stderr)
	}
}

// TestTrainResumeClassical checks qml train --resume on a classical kind:
// 2 epochs and a resume to 4 give the model of 4 epochs in one go.
func TestTrainResumeClassical(t *testing.T) {
	straight, out := trainAndResume(t, classicalSpec)
	a, _ := os.ReadFile(filepath.Join(straight, modelFile))
	b, _ := os.ReadFile(filepath.Join(out, modelFile))
	if len(a) == 0 || string(a) != string(b) {
		t.Errorf("resumed model.json differs from the straight run's")
	}
}
