package spec

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/qmlgo/qml/circuit"
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

// TestParseNoiseModel compares the parsed sample with the same model
// written out with circuit's constructors.
func TestParseNoiseModel(t *testing.T) {
	m, err := ParseNoiseModel("noise.yaml", []byte(sampleNoise))
	if err != nil {
		t.Fatal(err)
	}
	must := func(c *circuit.Channel, err error) *circuit.Channel {
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	want := &circuit.NoiseModel{
		Channels: []circuit.NoiseRule{
			{Gates: []string{"cx"}, Channel: must(circuit.Depolarizing2(0.01))},
			{Qubits: []int{1}, Channel: must(circuit.AmplitudeDamping(0.02))},
			{Gates: []string{"h", "cx"}, Qubits: []int{0}, Channel: must(circuit.BitFlip(0.1))},
		},
		Readout: []circuit.ReadoutRule{
			{Qubits: []int{0}, ReadoutError: circuit.ReadoutError{P1Given0: 0.03, P0Given1: 0.03}},
			{ReadoutError: circuit.ReadoutError{P1Given0: 0.01, P0Given1: 0.05}},
		},
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("parsed %+v\nwant %+v", m, want)
	}
}

// TestNoiseModelRoundTrip: what the model marshals to parses back to the
// same model.
func TestNoiseModelRoundTrip(t *testing.T) {
	m, err := ParseNoiseModel("noise.yaml", []byte(sampleNoise+"  - {type: thermal_relaxation, t1: 50, t2: 60, time: 5}\n"))
	if err == nil {
		t.Fatal("a channel rule under readout: accepted")
	}
	src := strings.Replace(sampleNoise, "readout:", "  - {type: thermal_relaxation, t1: 50, t2: 60, time: 5}\n  - {type: pauli, pauli: {XZ: 0.1, YY: 0.05}}\nreadout:", 1)
	if m, err = ParseNoiseModel("noise.yaml", []byte(src)); err != nil {
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
	if !reflect.DeepEqual(m, back) {
		t.Errorf("round trip through %s changed the model", js)
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
		{"channels:\n  - type: depolarizng\n    p: 0.1\n", 2, "channels[0].type", `did you mean "depolarizing"`},
		{"channels:\n  - type: depolarizing\n    gamma: 0.1\n", 3, "channels[0].gamma", "takes p, not gamma"},
		{"channels:\n  - type: depolarizing\n", 2, "channels[0].p", "missing"},
		{"channels:\n  - p: 0.1\n", 2, "channels[0].type", "missing"},
		{"channels:\n  - type: depolarizing\n    p: lots\n", 3, "channels[0].p", "want a number"},
		{"channels:\n  - type: depolarizing\n    p: 0.1\n    gates: [h, foo]\n", 4, "channels[0].gates[1]", "unknown gate"},
		{"channels:\n  - type: depolarizing\n    p: 0.1\n    gates: [rxx, cswp]\n", 4, "channels[0].gates[1]", `did you mean "cswap"`},
		{"channels:\n  - type: depolarizing\n    p: 0.1\n    qubits:\n      - 0\n      - -1\n", 6, "channels[0].qubits[1]", "negative"},
		{"channels:\n  - type: depolarizing\n    p: 0.1\n    qubits: [1.5]\n", 4, "channels[0].qubits[0]", "want an integer"},
		{"channels:\n  - type: depolarizing\n    p: 0.1\n    p: 0.2\n", 4, "channels[0].p", "repeated"},
		{"channels:\n  - type: pauli\n    pauli: {XZ: 0.1, Q: 0.1}\n", 3, "channels[0]", "letters"},
		{"chanels: []\n", 1, "chanels", `did you mean "channels"`},
		{"channels: 3\n", 1, "channels[0]", "want a mapping"},
		{"channels: {type: bit_flip, p: 0.1}\nreadout: [3]\n", 2, "readout[0]", "want a mapping"},
		{"readout:\n  - qubits: [0]\n", 2, "readout[0]", "missing"},
		{"readout:\n  - p: 0.1\n    p1_given_0: 0.2\n", 2, "readout[0].p", "either"},
		{"readout:\n  - p1_given_0: 2\n", 2, "readout[0]", "probability"},
		{"readout:\n  - {p: 0.1, qubit: [0]}\n", 2, "readout[0].qubit", `did you mean "qubits"`},
		{"channels:\n  - type: thermal_relaxation\n    t1: 10\n    t2: 50\n    time: 1\n", 3, "channels[0]", "2·t1"},
		{"channels: [\n", 1, "", "YAML syntax"},
		{"- 1\n", 1, "", "want a mapping"},
		{"channels: []\n---\nreadout: []\n", 2, "", "more than one YAML document"},
		{"<<: {channels: []}\n", 1, "", "merge keys"},
	} {
		_, err := ParseNoiseModel("n.yaml", []byte(tc.src))
		var list Errors
		if !errors.As(err, &list) || len(list) == 0 {
			t.Errorf("%q: error %v, want an Errors", tc.src, err)
			continue
		}
		found := false
		for _, e := range list {
			found = found || e.File == "n.yaml" && e.Line == tc.line && e.Field == tc.field && strings.Contains(e.Msg, tc.msg)
		}
		if !found {
			t.Errorf("%q: got %q, want a problem at n.yaml line %d, field %q, with %q", tc.src, err, tc.line, tc.field, tc.msg)
		}
	}
}

// TestParseNoiseModelAll: every problem of a file is reported at once, in
// line order.
func TestParseNoiseModelAll(t *testing.T) {
	_, err := ParseNoiseModel("n.yaml", []byte("channels:\n  - {type: depolarizing, p: 2}\n  - {type: bit_flip}\nreadout: [{p: -1}]\n"))
	want := "n.yaml:2: channels[0]: depolarizing p 2: want a probability in [0, 1]\n" +
		"n.yaml:3: channels[1].p: missing: channel bit_flip takes p\n" +
		"n.yaml:4: readout[0]: readout p1_given_0 -1: want a probability in [0, 1]"
	if err == nil || err.Error() != want {
		t.Errorf("error\n%v\nwant\n%s", err, want)
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
	for _, src := range []string{"", "# only a comment\n", "~\n"} {
		if empty, err := ParseNoiseModel("e.yaml", []byte(src)); err != nil || !empty.IsZero() {
			t.Errorf("%q: %v %v, want the noiseless model", src, empty, err)
		}
	}
}

// TestNoiseExamples reads the noise models of examples/noise and the run
// spec that names one.
func TestNoiseExamples(t *testing.T) {
	for _, name := range []string{"depolarizing.yaml", "superconducting.yaml"} {
		path := "../examples/noise/" + name
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m, err := ParseNoiseModel(path, data)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if len(m.Channels) == 0 || len(m.Readout) == 0 {
			t.Errorf("%s: %d channel rules, %d readout rules", path, len(m.Channels), len(m.Readout))
		}
	}
	s, err := Load("../examples/noise/iris-depolarizing.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if s.Noise == nil || s.Noise.Model.IsZero() {
		t.Errorf("iris-depolarizing.yaml: noise %+v", s.Noise)
	}
}
