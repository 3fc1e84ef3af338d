package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalMatchesTraining checks that qml eval on the spec's test split,
// which prepares the raw split from the preprocessing saved in model.json,
// reproduces the test metrics the training run recorded.
func TestEvalMatchesTraining(t *testing.T) {
	dir, path := writeSpec(t, tinySpec)
	out := filepath.Join(dir, "out")
	if code, _, stderr := run(t, "", "train", path, "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	var res struct{ Final map[string]float64 }
	data, _ := os.ReadFile(filepath.Join(out, resultsFile))
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(out, modelFile)
	code, stdout, stderr := run(t, "", "eval", model, "--data", path, "--format", "json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var ev struct {
		Data     string
		Samples  int
		Loss     float64
		Accuracy *float64
	}
	if err := json.Unmarshal([]byte(stdout), &ev); err != nil {
		t.Fatal(err)
	}
	if ev.Samples != 4 || ev.Loss != res.Final["test_loss"] || ev.Accuracy == nil || *ev.Accuracy != res.Final["test_accuracy"] {
		t.Errorf("eval %+v, training final %v", ev, res.Final)
	}
	// The whole dataset by name, and the training split as text.
	code, stdout, stderr = run(t, "", "eval", model, "--data", "parity")
	if code != 0 || !strings.HasPrefix(stdout, "parity, 16 samples: loss ") {
		t.Errorf("eval --data parity: exit %d, %q %q", code, stdout, stderr)
	}
	code, stdout, _ = run(t, "", "eval", model, "--data", path, "--split", "train")
	if code != 0 || !strings.HasPrefix(stdout, "parity-4 train split, 12 samples: loss ") {
		t.Errorf("eval --split train: %q", stdout)
	}
}

// TestEvalCSV checks a CSV file with named and numbered class labels.
func TestEvalCSV(t *testing.T) {
	model := filepath.Join(train(t, tinySpec), modelFile)
	for _, csv := range []string{
		"b0,b1,b2,b3,y\n1,0,0,0,odd\n1,1,0,0,even\n0,0,0,0,even\n",
		"b0,b1,b2,b3,y\n1,0,0,0,1\n1,1,0,0,0\n0,0,0,0,0\n",
	} {
		path := filepath.Join(t.TempDir(), "d.csv")
		if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := run(t, "", "eval", model, "--data", path, "--label", "y")
		if code != 0 || !strings.Contains(stdout, "3 samples") || !strings.Contains(stdout, "accuracy") {
			t.Errorf("exit %d, %q %q", code, stdout, stderr)
		}
	}
}

func TestEvalErrors(t *testing.T) {
	_, path := writeSpec(t, tinySpec)
	model := filepath.Join(train(t, tinySpec), modelFile)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"eval", model}, "--data: which data?"},
		{[]string{"eval", model, "--data", "parity", "--split", "test"}, "--split test: only a spec's data is split"},
		{[]string{"eval", model, "--data", path, "--split", "validation"}, "holds out no validation data"},
		{[]string{"eval", model, "--data", "irs"}, `unknown dataset "irs"`},
		{[]string{"eval", model, "--data", "iris"}, `class "setosa" is not one the model knows (even, odd or their numbers)`},
	}
	for _, tc := range tests {
		code, _, stderr := run(t, "", tc.args...)
		if code != 1 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, %q; want %q", tc.args, code, stderr, tc.want)
		}
	}
}
