package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// qml runs the CLI in-process and returns stdout, stderr and the exit status.
func qml(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestRunBellJSON(t *testing.T) {
	out, errOut, code := qml(t, "run", "../../examples/bell.qasm", "--shots", "4000", "--seed", "3", "--format", "json",
		"--observable", "Z0*Z1", "--observable", "XX")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Qubits        int                `json:"qubits"`
		Probabilities []float64          `json:"probabilities"`
		Counts        map[string]int     `json:"counts"`
		Expectations  []map[string]any   `json:"expectations"`
		Extra         map[string]float64 `json:"-"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if rep.Qubits != 2 || len(rep.Probabilities) != 4 {
		t.Fatalf("qubits %d, %d probabilities", rep.Qubits, len(rep.Probabilities))
	}
	// Bell state: P(00) = P(11) = 1/2.
	for i, want := range []float64{0.5, 0, 0, 0.5} {
		if math.Abs(rep.Probabilities[i]-want) > 1e-12 {
			t.Errorf("P(%d) = %g, want %g", i, rep.Probabilities[i], want)
		}
	}
	if rep.Counts["00"]+rep.Counts["11"] != 4000 || len(rep.Counts) != 2 {
		t.Errorf("counts %v: want only 00 and 11, 4000 in all", rep.Counts)
	}
	// 4000 fair coin flips: 5σ ≈ 158.
	if d := rep.Counts["00"] - 2000; d > 158 || d < -158 {
		t.Errorf("counts %v are more than 5σ from even", rep.Counts)
	}
	for i, want := range []float64{1, 1} {
		if v := rep.Expectations[i]["value"].(float64); math.Abs(v-want) > 1e-12 {
			t.Errorf("expectation %d = %g, want %g", i, v, want)
		}
	}
	// Same seed, same counts.
	again, _, _ := qml(t, "run", "../../examples/bell.qasm", "--shots", "4000", "--seed", "3", "--format", "json",
		"--observable", "Z0*Z1", "--observable", "XX")
	if again != out {
		t.Error("same seed gave different output")
	}
}

func TestRunText(t *testing.T) {
	out, errOut, code := qml(t, "run", "../../examples/qft.qasm", "--shots", "0")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// QFT of a basis state: all 16 outcomes with probability 1/16.
	if n := strings.Count(out, "0.0625"); n != 16 {
		t.Errorf("want 16 probabilities 0.0625, got %d:\n%s", n, out)
	}
	if strings.Contains(out, "counts") {
		t.Errorf("--shots 0 printed counts:\n%s", out)
	}
}

func TestRunMidCircuit(t *testing.T) {
	out, errOut, code := qml(t, "run", "../../examples/bell.qasm", "--format", "json")
	if code != 0 {
		t.Fatal(errOut)
	}
	if !strings.Contains(out, `"counts"`) {
		t.Error("a measuring circuit gets 1024 shots by default")
	}
	dir := t.TempDir()
	src := `OPENQASM 2.0;
include "qelib1.inc";
qreg q[1]; creg c[1];
h q[0];
measure q[0] -> c[0];
if (c == 1) x q[0];
measure q[0] -> c[0];
`
	path := filepath.Join(dir, "mid.qasm")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = qml(t, "run", path, "--format", "json", "--shots", "500")
	if code != 0 {
		t.Fatal(errOut)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if _, ok := rep["probabilities"]; ok {
		t.Error("a mid-circuit measurement must leave probabilities out")
	}
	// The conditional X returns every shot to 0.
	if c := rep["counts"].(map[string]any); len(c) != 1 || c["0"].(float64) != 500 {
		t.Errorf("counts %v, want all 500 shots at 0", c)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.qasm")
	os.WriteFile(bad, []byte("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[5];\n"), 0o644)
	big := filepath.Join(dir, "big.qasm")
	os.WriteFile(big, []byte("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[45];\nh q[0];\n"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"run", filepath.Join(dir, "missing.qasm")}, 1, "no such file"},
		{[]string{"run", bad}, 1, "bad.qasm:4:"},
		{[]string{"run", big}, 1, "45 qubits"},
		{[]string{"run", "../../examples/bell.qasm", "--bogus"}, 2, "unknown flag"},
		{[]string{"run", "../../examples/bell.qasm", "--format", "xml"}, 2, "--format"},
		{[]string{"run", "../../examples/bell.qasm", "--shots", "-3"}, 2, "--shots"},
		{[]string{"run", "../../examples/bell.qasm", "--observable", "Q7"}, 2, "observable"},
		{[]string{"run", "../../examples/bell.qasm", "--observable", "Z9"}, 2, "out of range"},
		{[]string{"run"}, 2, "accepts 1 arg"},
	} {
		_, errOut, code := qml(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("qml %v: exit %d, stderr %q; want exit %d containing %q", tc.args, code, errOut, tc.code, tc.want)
		}
		if strings.Count(strings.TrimSpace(errOut), "\n") > 0 || strings.Contains(errOut, "goroutine") {
			t.Errorf("qml %v: want one line on stderr, got %q", tc.args, errOut)
		}
	}
}

func TestVersionAndHelp(t *testing.T) {
	out, _, code := qml(t, "version")
	if code != 0 || !strings.HasPrefix(out, "qml ") {
		t.Errorf("version: %d %q", code, out)
	}
	for _, cmd := range []string{"run", "version", "train", "eval", "predict"} {
		out, _, code := qml(t, cmd, "--help")
		if code != 0 || !strings.Contains(out, "Examples:") {
			t.Errorf("%s --help has no example:\n%s", cmd, out)
		}
	}
}
