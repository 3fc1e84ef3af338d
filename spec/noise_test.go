package spec

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qmlgo/qml/density"
)

// h2Noisy is the H2 VQE of examples/h2-vqe-noisy.yaml with a short run and
// noise p: the real-amplitudes ansatz on 2 qubits with 2 layers has 2 CNOTs,
// and two-qubit depolarizing noise on the whole register commutes with
// every unitary, so ρ = λ|ψ⟩⟨ψ| + (1−λ)I/4 with λ = (1 − 16p/15)² and
// E = λ·⟨H⟩_ψ + (1−λ)·tr(H)/4: the noise-free optimum stays optimal.
const h2Noisy = `seed: 11
model:
  kind: vqc
  task: vqe
  qubits: 2
  layers: 2
  ansatz: {kind: real-amplitudes, entanglement: linear}
  hamiltonian: >-
    -1.052373245772859*II + 0.39793742484318045*IZ - 0.39793742484318045*ZI
    - 0.01128010425623538*ZZ + 0.18093119978423156*XX
noise:
  channels:
    - {type: depolarizing2, p: 0.01, gates: [cx]}
train:
  epochs: 150
  optimizer: {name: adam, lr: 0.1}
`

// TestNoisyVQE trains the H2 VQE under 1 % two-qubit depolarizing noise on
// the density backend and compares the energy with the closed form at the
// exact ground energy E0 = −1.857275030202 Ha.
func TestNoisyVQE(t *testing.T) {
	r := buildRun(t, h2Noisy)
	if _, ok := r.Trainer.(*vqcTrainer).backend.(*density.Backend); !ok {
		t.Fatalf("backend %T, want *density.Backend", r.Trainer.(*vqcTrainer).backend)
	}
	if _, err := r.Trainer.Fit(FitOptions{}); err != nil {
		t.Fatal(err)
	}
	final, err := r.Trainer.Final()
	if err != nil {
		t.Fatal(err)
	}
	const e0, cII = -1.857275030202, -1.052373245772859
	lam := math.Pow(1-16*0.01/15, 2)
	want := lam*e0 + (1-lam)*cII
	if got := final["energy"]; math.Abs(got-want) > 1e-4 {
		t.Errorf("noisy energy %.8f, closed form at the noise-free optimum %.8f", got, want)
	}
	js, err := r.Spec.JSON()
	if err != nil || !strings.Contains(string(js), `"depolarizing2"`) {
		t.Errorf("spec JSON lacks the noise model: %v\n%s", err, js)
	}
}

func TestNoiseSpecErrors(t *testing.T) {
	for _, tc := range []struct {
		noise, want string
	}{
		{"noise:\n  channels:\n    - {type: depolarizing2, p: 1.5}\n", "tiny.yaml:7: noise.channels[0]"},
		{"noise:\n  chanels: []\n", `tiny.yaml:6: noise.chanels: unknown field "chanels" (did you mean "channels"?)`},
		{"noise:\n  channels:\n    - {type: depolarizing, p: 0.1, qubits: [9]}\n", "out of range"},
		{"noise: missing.yaml\n", "missing.yaml"},
		{"noise: /dev/zero\n", "not a regular file"},
	} {
		_, err := Parse("tiny.yaml", []byte(tinySpec+tc.noise))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want one with %q", tc.noise, err, tc.want)
		}
	}
}

// TestNoiseFile reads the noise model from a file named in the spec, and
// writes the name back in the spec as run.
func TestNoiseFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "dev.yaml"), []byte("readout: [{p: 0.1}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Parse(filepath.Join(dir, "run.yaml"), []byte(tinySpec+"noise: dev.yaml\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Noise == nil || len(s.Noise.Model.Readout) != 1 {
		t.Fatalf("noise %+v", s.Noise)
	}
	js, _ := json.Marshal(s)
	if !strings.Contains(string(js), `"noise":"dev.yaml"`) {
		t.Errorf("spec JSON %s does not name the noise file", js)
	}

	// Each problem of the file is reported at the spec's noise line,
	// with the file's own location.
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("channels:\n  - {type: bit_flip}\nreadout: [{p: 2}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Parse(filepath.Join(dir, "run.yaml"), []byte(tinySpec+"noise: bad.yaml\n"))
	var list Errors
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("error %v, want two problems", err)
	}
	line := strings.Count(tinySpec, "\n") + 1
	for i, want := range []string{bad + ":2: channels[0].p: missing", bad + ":3: readout[0]: readout p1_given_0 2"} {
		if e := list[i]; e.Line != line || e.Field != "noise" || !strings.HasPrefix(e.Msg, want) {
			t.Errorf("problem %d: %v, want at line %d, field noise, message %q…", i, e, line, want)
		}
	}
}
