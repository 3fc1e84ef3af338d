package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qmlgo/qml/vqc"
)

// tinySpec trains in well under a second: 4-bit parity on 4 qubits.
const tinySpec = `name: tiny
seed: 1
data: {dataset: parity, bits: 4, test: 0.25, scale: minmax}
model: {qubits: 4, layers: 1, readout: parity, ansatz: {kind: hardware-efficient, entangler: cz}}
train: {epochs: 2, batch_size: 4, optimizer: {name: adam, lr: 0.05}}
`

// run calls Main and returns its exit code, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeSpec writes a spec file into a new temporary directory.
func writeSpec(t *testing.T, doc string) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "tiny.yaml")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// train runs qml train on doc into dir/out and returns the output directory.
func train(t *testing.T, doc string, args ...string) string {
	t.Helper()
	dir, path := writeSpec(t, doc)
	out := filepath.Join(dir, "out")
	code, stdout, stderr := run(t, "", append([]string{"train", path, "--out", out}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	return out
}

func TestTrainWritesFiles(t *testing.T) {
	out := train(t, tinySpec)
	data, err := os.ReadFile(filepath.Join(out, resultsFile))
	if err != nil {
		t.Fatal(err)
	}
	var res map[string]any
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	// The documented schema (docs/spec.md): key → JSON type.
	for key, kind := range map[string]string{
		"format": "string", "name": "string", "model_kind": "string", "task": "string", "spec": "object",
		"seed": "number", "backend": "string", "dataset": "object", "parameters": "number", "go_version": "string",
		"started": "string", "wall_seconds": "number", "circuit_evaluations": "number", "best_epoch": "number",
		"stopped_early": "bool", "epochs": "array", "final": "object",
	} {
		if got := jsonKind(res[key]); got != kind {
			t.Errorf("results.json %q is %s, want %s", key, got, kind)
		}
	}
	if res["format"] != "qml-results/1" || res["model_kind"] != "vqc" || res["seed"] != 1.0 {
		t.Errorf("format %v, model_kind %v, seed %v", res["format"], res["model_kind"], res["seed"])
	}
	spec := res["spec"].(map[string]any)
	if spec["name"] != "tiny" || spec["model"].(map[string]any)["qubits"] != 4.0 || spec["output"] != out {
		t.Errorf("spec as run: %v", spec)
	}
	ds := res["dataset"].(map[string]any)
	if ds["name"] != "parity-4" || len(ds["sha256"].(string)) != 64 || ds["train"] != 12.0 || ds["test"] != 4.0 {
		t.Errorf("dataset %v", ds)
	}
	epochs := res["epochs"].([]any)
	if len(epochs) != 2 {
		t.Fatalf("%d epochs, want 2", len(epochs))
	}
	for _, key := range []string{"epoch", "train_loss", "train_accuracy", "validation_loss", "validation_accuracy", "seconds"} {
		if _, ok := epochs[1].(map[string]any)[key]; !ok {
			t.Errorf("epoch record lacks %q", key)
		}
	}
	final := res["final"].(map[string]any)
	for _, key := range []string{"train_accuracy", "train_loss", "test_accuracy", "test_loss"} {
		if jsonKind(final[key]) != "number" {
			t.Errorf("final.%s = %v", key, final[key])
		}
	}
	if _, _, err := vqc.Load(filepath.Join(out, modelFile)); err != nil {
		t.Errorf("model.json: %v", err)
	}
	png, err := os.ReadFile(filepath.Join(out, plotFile))
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("training.png is not a PNG (%v)", err)
	}
}

func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "bool"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case nil:
		return "null"
	}
	return "?"
}

// TestTrainProgressLines checks the plain per-epoch lines and the summary
// printed when stdout is not a terminal.
func TestTrainProgressLines(t *testing.T) {
	dir, path := writeSpec(t, tinySpec)
	code, stdout, stderr := run(t, "", "train", path, "--out", filepath.Join(dir, "o"), "--epochs", "3", "--seed", "4")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"tiny: vqc classifier, 4 qubits", "3 epochs, seed 4", "epoch 1/3  loss ", "epoch 3/3  loss ", "test accuracy", "wrote "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
}

// trainAndResume trains doc for 4 epochs straight and, elsewhere, for 2
// then resumed to 4, checks that the resumed run continued at epoch 3, and
// returns both output directories.
func trainAndResume(t *testing.T, doc string) (straight, resumed string) {
	t.Helper()
	straight = train(t, doc, "--epochs", "4")
	dir, path := writeSpec(t, doc)
	resumed = filepath.Join(dir, "out")
	if code, _, stderr := run(t, "", "train", path, "--out", resumed, "--epochs", "2"); code != 0 {
		t.Fatal(stderr)
	}
	code, stdout, stderr := run(t, "", "train", path, "--out", resumed, "--epochs", "4", "--resume")
	if code != 0 {
		t.Fatal(stderr)
	}
	if strings.Contains(stdout, "epoch 1/4") || !strings.Contains(stdout, "epoch 3/4") {
		t.Errorf("resumed run did not continue at epoch 3:\n%s", stdout)
	}
	return straight, resumed
}

// TestTrainResume checks that training 2 epochs and resuming to 4 gives the
// parameters of 4 epochs in one go.
func TestTrainResume(t *testing.T) {
	straight, out := trainAndResume(t, tinySpec)
	a, _, err := vqc.Load(filepath.Join(straight, modelFile))
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := vqc.Load(filepath.Join(out, modelFile))
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Params {
		if a.Params[i] != b.Params[i] {
			t.Fatalf("param %d: %v resumed, %v straight", i, b.Params[i], a.Params[i])
		}
	}
	var res struct{ Epochs []json.RawMessage }
	data, _ := os.ReadFile(filepath.Join(out, resultsFile))
	if err := json.Unmarshal(data, &res); err != nil || len(res.Epochs) != 4 {
		t.Errorf("resumed results hold %d epochs (%v), want 4", len(res.Epochs), err)
	}
}

func TestTrainErrors(t *testing.T) {
	dir, path := writeSpec(t, strings.Replace(tinySpec, "qubits: 4", "qubits: 1", 1))
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"train", path}, 1, path + ":4: model.qubits: 1 qubit cannot angle-encode 4 features, at most 3 per qubit (add data.pca: 3 or use more qubits)"},
		{[]string{"train", filepath.Join(dir, "none.yaml")}, 1, "no such file"},
		{[]string{"train"}, 2, "accepts 1 arg"},
		{[]string{"train", path, "--epochs", "0"}, 1, "--epochs 0: want at least 1"},
	}
	for _, tc := range tests {
		code, _, stderr := run(t, "", tc.args...)
		if code != tc.code || !strings.HasPrefix(stderr, "qml: ") || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and one line containing %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
	_, good := writeSpec(t, tinySpec)
	code, _, stderr := run(t, "", "train", good, "--resume", "--out", filepath.Join(dir, "fresh"))
	if code != 1 || !strings.Contains(stderr, "--resume: no checkpoint") {
		t.Errorf("resume without checkpoint: exit %d, %q", code, stderr)
	}
}

func TestTrainVQE(t *testing.T) {
	out := train(t, `name: h2
model:
  task: vqe
  qubits: 2
  ansatz: real-amplitudes
  hamiltonian: "-1.052373245772859*II + 0.39793742484318045*IZ - 0.39793742484318045*ZI - 0.01128010425623538*ZZ + 0.18093119978423156*XX"
train: {epochs: 5, optimizer: {name: adam, lr: 0.1}}
`)
	var res struct {
		Task    string
		Dataset *json.RawMessage
		Final   map[string]float64
	}
	data, _ := os.ReadFile(filepath.Join(out, resultsFile))
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	if res.Task != "vqe" || res.Dataset != nil || res.Final["energy_error"] <= 0 || res.Final["exact_energy"] > -1.857 {
		t.Errorf("VQE results: %s", data)
	}
}

// TestTrainProgressBar checks that a terminal gets a progress bar carrying
// the epoch and the metrics instead of per-epoch lines.
func TestTrainProgressBar(t *testing.T) {
	dir, path := writeSpec(t, tinySpec)
	var out, errOut bytes.Buffer
	s := &IO{In: strings.NewReader(""), Out: &out, Err: &errOut, IsTerminal: true}
	root := newRootCmd(s)
	root.SetArgs([]string{"train", path, "--out", filepath.Join(dir, "o")})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.Contains(got, "100%") || !strings.Contains(got, "epoch 2/2  loss ") || strings.Contains(got, "\nepoch 1/2") {
		t.Errorf("terminal output:\n%q", got)
	}
}
