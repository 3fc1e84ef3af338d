package main

import (
	"bytes"
	"encoding/json"
	"fmt"
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
		{[]string{"run", "../../examples/bell.qasm", "--fusion", "9"}, 2, "--fusion"},
		{[]string{"run", "../../examples/bell.qasm", "--precision", "half"}, 2, "--precision"},
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

// writeQASM writes src to a file in a temporary directory and returns its path.
func writeQASM(t *testing.T, name, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// ghzQASM is a GHZ preparation on n qubits.
func ghzQASM(n int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[%d];\nh q[0];\n", n)
	for i := 0; i+1 < n; i++ {
		fmt.Fprintf(&sb, "cx q[%d],q[%d];\n", i, i+1)
	}
	return sb.String()
}

type mpsRunReport struct {
	Backend       string             `json:"backend"`
	Probabilities []float64          `json:"probabilities"`
	Counts        map[string]int     `json:"counts"`
	Expectations  []map[string]any   `json:"expectations"`
	MPS           map[string]float64 `json:"mps"`
	Notes         []string           `json:"notes"`
}

func runJSON(t *testing.T, args ...string) mpsRunReport {
	t.Helper()
	out, errOut, code := qml(t, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("qml %v: exit %d: %s", args, code, errOut)
	}
	var rep mpsRunReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	return rep
}

// The MPS backend gives the state vector's answers on the Bell circuit, plus
// the "mps" key.
func TestRunMPSBell(t *testing.T) {
	rep := runJSON(t, "run", "../../examples/bell.qasm", "--backend", "mps", "--shots", "2000", "--observable", "Z0*Z1", "--observable", "XX")
	if rep.Backend != "mps" || rep.MPS == nil {
		t.Fatalf("backend %q, mps %v", rep.Backend, rep.MPS)
	}
	if rep.MPS["max_bond"] != 2 || rep.MPS["fidelity_estimate"] != 1 || rep.MPS["discarded_weight"] > 1e-20 {
		t.Errorf("mps report %v, want bond 2, exact", rep.MPS)
	}
	for i, want := range []float64{0.5, 0, 0, 0.5} {
		if math.Abs(rep.Probabilities[i]-want) > 1e-12 {
			t.Errorf("P(%d) = %g, want %g", i, rep.Probabilities[i], want)
		}
	}
	if rep.Counts["00"]+rep.Counts["11"] != 2000 {
		t.Errorf("counts %v", rep.Counts)
	}
	for i := range 2 {
		if v := rep.Expectations[i]["value"].(float64); math.Abs(v-1) > 1e-12 {
			t.Errorf("expectation %d = %g, want 1", i, v)
		}
	}
}

// 300 qubits: counts and expectations, no probability array.
func TestRunMPSLarge(t *testing.T) {
	path := writeQASM(t, "ghz300.qasm", ghzQASM(300))
	rep := runJSON(t, "run", path, "--backend", "mps", "--max-bond", "4", "--shots", "100", "--observable", "Z0*Z299")
	if rep.Probabilities != nil || len(rep.Counts) != 2 || rep.MPS["max_bond"] != 2 {
		t.Errorf("probabilities %d, counts %v, mps %v", len(rep.Probabilities), rep.Counts, rep.MPS)
	}
	if v := rep.Expectations[0]["value"].(float64); math.Abs(v-1) > 1e-12 {
		t.Errorf("<Z0 Z299> = %g, want 1", v)
	}
	// auto: 300 qubits cannot be a state vector.
	rep = runJSON(t, "run", path, "--backend", "auto", "--shots", "0")
	if rep.Backend != "mps" || len(rep.Notes) == 0 || !strings.Contains(strings.Join(rep.Notes, " "), "backend auto") {
		t.Errorf("auto picked %q, notes %v", rep.Backend, rep.Notes)
	}
}

// A bond limit below what the circuit needs is reported, with a warning
// below --warn-fidelity, in JSON and in text.
func TestRunMPSTruncationWarning(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[10];\n")
	for l := range 8 {
		for q := range 10 {
			fmt.Fprintf(&sb, "u3(%g,%g,%g) q[%d];\n", 0.3+0.1*float64(q+l), 1.1*float64(l), 0.7*float64(q), q)
		}
		for q := l % 2; q+1 < 10; q += 2 {
			fmt.Fprintf(&sb, "cz q[%d],q[%d];\n", q, q+1)
		}
	}
	path := writeQASM(t, "brick.qasm", sb.String())
	rep := runJSON(t, "run", path, "--backend", "mps", "--max-bond", "2", "--warn-fidelity", "0.999")
	if f := rep.MPS["fidelity_estimate"]; !(f < 0.999) || rep.MPS["max_bond"] != 2 || rep.MPS["discarded_weight"] <= 0 {
		t.Fatalf("mps report %v", rep.MPS)
	}
	if !strings.Contains(strings.Join(rep.Notes, " "), "fidelity estimate") {
		t.Errorf("no fidelity warning in notes %v", rep.Notes)
	}
	out, _, code := qml(t, "run", path, "--backend", "mps", "--max-bond", "2")
	if code != 0 || !strings.Contains(out, "mps: max bond 2") {
		t.Errorf("text output lacks the mps line:\n%s", out)
	}
}

// auto keeps small circuits on the state vector.
func TestRunAutoSmall(t *testing.T) {
	rep := runJSON(t, "run", "../../examples/qft.qasm", "--backend", "auto", "--shots", "0")
	if rep.Backend != "statevector" || rep.MPS != nil {
		t.Errorf("auto on a 4-qubit QFT picked %q", rep.Backend)
	}
}

func TestRunBackendErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--backend", "gpu"}, 2, "--backend"},
		{[]string{"--backend", "mps", "--max-bond", "0"}, 2, "at least 1"},
		{[]string{"--backend", "mps", "--max-bond", "-4"}, 2, "at least 1"},
		{[]string{"--backend", "mps", "--cutoff", "-1e-9"}, 2, "--cutoff"},
		{[]string{"--warn-fidelity", "1.5"}, 2, "--warn-fidelity"},
		{[]string{"--max-memory", "lots"}, 2, "--max-memory"},
		{[]string{"--backend", "mps", "--max-memory", "100B"}, 1, "memory cap"},
	} {
		args := append([]string{"run", "../../examples/bell.qasm"}, tc.args...)
		_, errOut, code := qml(t, args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("qml %v: exit %d, stderr %q; want exit %d containing %q", args, code, errOut, tc.code, tc.want)
		}
	}
}

func TestParseBytes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1024", 1024, true},
		{"512MiB", 512 << 20, true},
		{"8GiB", 8 << 30, true},
		{"8G", 8 << 30, true},
		{"2GB", 2e9, true},
		{"1.5KiB", 1536, true},
		{"0", 0, false},
		{"-3G", 0, false},
		{"G", 0, false},
		{"3 furlongs", 0, false},
	} {
		got, err := parseBytes(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseBytes(%q) = %d, %v; want %d (ok %v)", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// TestRunPrecisionAndFusion: single precision and every fusion setting give
// the double-precision unfused probabilities (to 1e-6 and 1e-12).
func TestRunPrecisionAndFusion(t *testing.T) {
	probs := func(args ...string) []float64 {
		out, errOut, code := qml(t, append([]string{"run", "../../examples/qft.qasm", "--shots", "0", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		var rep struct{ Probabilities []float64 }
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		return rep.Probabilities
	}
	want := probs("--fusion", "off")
	for _, tc := range []struct {
		args []string
		tol  float64
	}{
		{[]string{"--fusion", "auto"}, 1e-12},
		{[]string{"--fusion", "3"}, 1e-12},
		{[]string{"--fusion", "5"}, 1e-12},
		{[]string{"--precision", "single"}, 1e-6},
	} {
		got := probs(tc.args...)
		for i := range want {
			if math.Abs(got[i]-want[i]) > tc.tol {
				t.Fatalf("%v: P(%d) = %g, unfused double %g", tc.args, i, got[i], want[i])
			}
		}
	}
}

// writeNoise writes a noise model into the test's directory.
func writeNoise(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "noise.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRunNoise: a Bell pair with two-qubit depolarizing noise p after the
// CNOT and symmetric readout error r. Exactly (density backend):
// ⟨Z0Z1⟩ = 1 − 16p/15 (8 of the 15 Paulis anticommute with Z0Z1), and
// each readout flip multiplies the read-out parity
// P(00) + P(11) − P(01) − P(10) by 1 − 2r. On trajectories the estimate
// must lie within 4 standard errors.
func TestRunNoise(t *testing.T) {
	const p, r = 0.1, 0.05
	noise := writeNoise(t, "channels:\n  - {type: depolarizing2, p: 0.1, gates: [cx]}\nreadout:\n  - {p: 0.05}\n")
	zz := 1 - 16*p/15
	out, errOut, code := qml(t, "run", "../../examples/bell.qasm", "--noise", noise, "--format", "json", "--observable", "Z0*Z1", "--shots", "2000")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Backend       string           `json:"backend"`
		Noise         string           `json:"noise"`
		Probabilities []float64        `json:"probabilities"`
		Counts        map[string]int   `json:"counts"`
		Expectations  []map[string]any `json:"expectations"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if rep.Backend != "density" || rep.Noise != noise {
		t.Errorf("backend %q, noise %q", rep.Backend, rep.Noise)
	}
	if v := rep.Expectations[0]["value"].(float64); math.Abs(v-zz) > 1e-12 {
		t.Errorf("<Z0Z1> = %.15g, want 1 − 16p/15 = %.15g", v, zz)
	}
	pr := rep.Probabilities
	if got, want := pr[0]+pr[3]-pr[1]-pr[2], (1-2*r)*(1-2*r)*zz; math.Abs(got-want) > 1e-12 {
		t.Errorf("read-out parity %.15g, want %.15g", got, want)
	}
	total := 0
	for _, n := range rep.Counts {
		total += n
	}
	if total != 2000 {
		t.Errorf("counts %v sum to %d", rep.Counts, total)
	}

	out, errOut, code = qml(t, "run", "../../examples/bell.qasm", "--noise", noise, "--backend", "trajectories", "--format", "json",
		"--observable", "Z0*Z1", "--trajectories", "4000", "--seed", "5")
	if code != 0 {
		t.Fatalf("trajectories: exit %d: %s", code, errOut)
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	v, se := rep.Expectations[0]["value"].(float64), rep.Expectations[0]["stderr"].(float64)
	if rep.Backend != "trajectories" || math.Abs(v-zz) > 4*se || se <= 0 {
		t.Errorf("trajectories (%s): <Z0Z1> = %v ± %v, want %v", rep.Backend, v, se, zz)
	}

	text, _, code := qml(t, "run", "../../examples/bell.qasm", "--noise", noise, "--observable", "Z0*Z1")
	if code != 0 || !strings.Contains(text, "noise model") || !strings.Contains(text, "<Z0*Z1> = 0.893333333333") {
		t.Errorf("text output (exit %d):\n%s", code, text)
	}
}

func TestRunNoiseErrors(t *testing.T) {
	bad := writeNoise(t, "channels:\n  - type: depolarizing\n    p: 2\n")
	_, errOut, code := qml(t, "run", "../../examples/bell.qasm", "--noise", bad)
	if code != 2 || !strings.Contains(errOut, "noise.yaml:3") {
		t.Errorf("bad noise file: exit %d, %q", code, errOut)
	}
	good := writeNoise(t, "channels: [{type: depolarizing, p: 0.1}]\n")
	if _, errOut, code := qml(t, "run", "../../examples/bell.qasm", "--noise", good, "--backend", "mps"); code != 2 {
		t.Errorf("--backend mps with noise: exit %d, %q", code, errOut)
	}
	far := writeNoise(t, "channels: [{type: depolarizing, p: 0.1, qubits: [7]}]\n")
	if _, errOut, code := qml(t, "run", "../../examples/bell.qasm", "--noise", far); code != 2 || !strings.Contains(errOut, "out of range") {
		t.Errorf("qubit out of range: exit %d, %q", code, errOut)
	}
	if _, _, code := qml(t, "run", "../../examples/bell.qasm", "--noise", "/nonexistent.yaml"); code == 0 {
		t.Error("missing noise file accepted")
	}
}

// qasm3Inputs declares the weights a, b[0], b[1] (θ[0], θ[1], θ[2] in
// declaration order) and the data input x (x[0]); each qubit ends in
// R(φ)|0⟩, so ⟨Z_q⟩ = cos φ_q: cos a, cos 2b[1], cos(x − b[0]).
const qasm3Inputs = `OPENQASM 3.0;
include "stdgates.inc";
input float[64] a;
input array[float[64], 2] b;
input float[64] x;
qubit[3] q;
ry(a) q[0];
rx(2*b[1]) q[1];
ry(x - b[0]) q[2];
`

// TestRunWeightsInputs binds an OpenQASM 3 program's inputs with --weights
// and --inputs and compares ⟨Z_q⟩ and ⟨Z0 Z1⟩ (a product state) with their
// closed forms, on the state vector, the MPS and the density matrix.
func TestRunWeightsInputs(t *testing.T) {
	path := writeQASM(t, "inputs.qasm", qasm3Inputs)
	const a, b0, b1, x = 0.3, math.Pi / 5, -0.7, 1.1
	want := []float64{math.Cos(a), math.Cos(2 * b1), math.Cos(x - b0), math.Cos(a) * math.Cos(2*b1)}
	for _, backend := range []string{"statevector", "mps", "density"} {
		rep := runJSON(t, "run", path, "--weights", "0.3, pi/5,-0.7", "--inputs", "1.1", "--backend", backend,
			"--observable", "Z0", "--observable", "Z1", "--observable", "Z2", "--observable", "Z0*Z1")
		if len(rep.Expectations) != len(want) {
			t.Fatalf("%s: %d expectations, want %d", backend, len(rep.Expectations), len(want))
		}
		for i, w := range want {
			if v := rep.Expectations[i]["value"].(float64); math.Abs(v-w) > 1e-12 {
				t.Errorf("%s: %s = %.15g, want %.15g", backend, rep.Expectations[i]["observable"], v, w)
			}
		}
		if len(rep.Notes) > 0 && backend == "statevector" {
			t.Errorf("notes %q for an exact binding", rep.Notes)
		}
	}
	rep := runJSON(t, "run", path, "--weights", "0.3,0.1,0.2,9", "--inputs", "1,2")
	if strings.Join(rep.Notes, "\n") != "--weights: 4 values given, the circuit uses 3; the rest are ignored\n"+
		"--inputs: 2 values given, the circuit uses 1; the rest are ignored" {
		t.Errorf("notes %q, want one for each list that is too long", rep.Notes)
	}
}

// TestRunWeightsInputsErrors: an unbound circuit and a malformed list are
// refused with exit status 2 and one line naming the flags.
func TestRunWeightsInputsErrors(t *testing.T) {
	path := writeQASM(t, "inputs.qasm", qasm3Inputs)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"inputs.qasm: the circuit has unbound parameters: give --weights with 3 values for θ[0]…θ[2] " +
			"(the OpenQASM 3 inputs other than x, in declaration order; 0 given) and --inputs with 1 value for x[0] (0 given)"}},
		{[]string{"--weights", "1,2,3"}, []string{"unbound parameters: give --inputs with 1 value for x[0] (0 given)"}},
		{[]string{"--weights", "1,2", "--inputs", "0"}, []string{"give --weights with 3 values for θ[0]…θ[2] (the OpenQASM 3 inputs other than x, in declaration order; 2 given)"}},
		{[]string{"--weights", "0.1,abc,0.3"}, []string{`--weights: element 2 "abc": want a finite number`}},
		{[]string{"--weights", "1,2,3", "--inputs", "1,"}, []string{`--inputs: element 2 "": want a finite number`}},
		{[]string{"--weights", "1,theta[0],3"}, []string{`--weights: element 2 "theta[0]"`}},
		{[]string{"--weights", "1,2,1e999", "--inputs", "0"}, []string{`--weights: element 3 "1e999"`}},
	} {
		_, errOut, code := qml(t, append([]string{"run", path}, tc.args...)...)
		if code != 2 || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line", tc.args, code, errOut)
		}
		for _, w := range tc.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: stderr %q lacks %q", tc.args, errOut, w)
			}
		}
	}
}
