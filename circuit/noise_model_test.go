package circuit

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

const sampleNoise = `# a noise model
channels:
  - type: depolarizing2
    p: 0.01
    gates: [cx]
  - type: amplitude_damping
    gamma: 0.02
    qubits: [1]
  - type: bit_flip
    p: 0.1
    gates: [h, cx]
    qubits: [0]
readout:
  - p: 0.03
    qubits: [0]
  - p1_given_0: 0.01
    p0_given_1: 0.05
`

func TestNoiseModelAfter(t *testing.T) {
	m, err := ParseNoiseModel("noise.yaml", []byte(sampleNoise))
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Check(2); err != nil {
		t.Fatal(err)
	}
	c := New(2).Gate("h", []int{0}).Gate("cx", []int{0, 1}).Gate("x", []int{1})
	for i, want := range [][]string{
		{"bit_flip[0]"}, // h on 0: only the bit flip, listed for qubit 0
		{"depolarizing2[0 1]", "amplitude_damping[1]", "bit_flip[0]"},
		{"amplitude_damping[1]"},
	} {
		var got []string
		for _, n := range m.After(&c.Ops[i]) {
			got = append(got, fmt.Sprintf("%s%v", n.Channel.Spec.Type, n.Qubits))
		}
		if strings.Join(got, ";") != strings.Join(want, ";") {
			t.Errorf("op %d: channels %v, want %v", i, got, want)
		}
	}
	if r, ok := m.ReadoutOf(0); !ok || r.P1Given0 != 0.03 || r.P0Given1 != 0.03 {
		t.Errorf("readout of qubit 0: %v %v", r, ok)
	}
	if r, ok := m.ReadoutOf(1); !ok || r.P1Given0 != 0.01 || r.P0Given1 != 0.05 {
		t.Errorf("readout of qubit 1: %v %v", r, ok)
	}
	if m.Check(1) == nil {
		t.Error("qubit 1 accepted on a 1-qubit circuit")
	}
	var none *NoiseModel
	if !none.IsZero() || none.After(&c.Ops[0]) != nil || none.HasChannels(c) {
		t.Error("nil model adds noise")
	}
}

func TestNoiseModelRoundTrip(t *testing.T) {
	m, err := ParseNoiseModel("noise.yaml", []byte(sampleNoise))
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseNoiseModel("noise.json", js)
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	js2, _ := json.Marshal(back)
	if string(js) != string(js2) {
		t.Errorf("round trip changed the model:\n%s\n%s", js, js2)
	}
}

func TestParseNoiseModelErrors(t *testing.T) {
	for _, tc := range []struct {
		src   string
		line  int
		field string
		msg   string
	}{
		{"channels:\n  - type: depolarizing\n    p: 1.5\n", 3, "channels[0]", "probability"},
		{"channels:\n  - type: depolarizng\n    p: 0.1\n", 2, "channels[0].type", "unknown channel type"},
		{"channels:\n  - type: depolarizing\n    gamma: 0.1\n", 3, "channels[0].gamma", "takes p"},
		{"channels:\n  - type: depolarizing\n", 2, "channels[0].p", "missing"},
		{"channels:\n  - type: depolarizing\n    p: lots\n", 3, "channels[0].p", "want a number"},
		{"channels:\n  - type: depolarizing\n    p: 0.1\n    gates: [foo]\n", 4, "channels[0].gates", "unknown gate"},
		{"channels:\n  - type: depolarizing\n    p: 0.1\n    qubits: [-1]\n", 4, "channels[0].qubits", "negative"},
		{"channels:\n  - type: depolarizing\n    p: 0.1\n    p: 0.2\n", 4, "channels[0].p", "repeated"},
		{"chanels: []\n", 1, "chanels", "unknown key"},
		{"channels: 3\n", 1, "channels", "want a list"},
		{"readout:\n  - qubits: [0]\n", 2, "readout[0]", "missing"},
		{"readout:\n  - p: 0.1\n    p1_given_0: 0.2\n", 2, "readout[0].p", "either"},
		{"readout:\n  - p1_given_0: 2\n", 2, "readout[0]", "probability"},
		{"channels:\n  - type: thermal_relaxation\n    t1: 10\n    t2: 50\n    time: 1\n", 3, "channels[0]", "2·t1"},
		{"channels: [\n", 1, "", "YAML syntax"},
		{"- 1\n", 1, "", "want a mapping"},
	} {
		_, err := ParseNoiseModel("n.yaml", []byte(tc.src))
		var ne *NoiseError
		if !errors.As(err, &ne) {
			t.Errorf("%q: error %v, want a *NoiseError", tc.src, err)
			continue
		}
		if ne.Line != tc.line || ne.Field != tc.field || !strings.Contains(ne.Msg, tc.msg) || !strings.HasPrefix(ne.Error(), "n.yaml:") {
			t.Errorf("%q: got %q (line %d, field %q), want line %d, field %q, message with %q", tc.src, ne.Error(), ne.Line, ne.Field, tc.line, tc.field, tc.msg)
		}
	}
}

func TestParseNoiseModelJSON(t *testing.T) {
	m, err := ParseNoiseModel("n.json", []byte(`{"channels": [{"type": "pauli", "pauli": {"X": 0.1, "Z": 0.05}}], "readout": [{"p": 0.02}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Channels) != 1 || len(m.Channels[0].Channel.Paulis) != 3 || len(m.Readout) != 1 {
		t.Errorf("model %+v", m)
	}
	if empty, err := ParseNoiseModel("e.yaml", nil); err != nil || !empty.IsZero() {
		t.Errorf("empty file: %v %v", empty, err)
	}
}
