package circuit

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// sampleNoise is the model of spec's noise-model tests, written out with
// the constructors: two-qubit depolarizing after cx, amplitude damping on
// qubit 1, a bit flip on qubit 0 after h and cx, and two readout rules.
func sampleNoise(t *testing.T) *NoiseModel {
	t.Helper()
	must := func(c *Channel, err error) *Channel {
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	return &NoiseModel{
		Channels: []NoiseRule{
			{Gates: []string{"cx"}, Channel: must(Depolarizing2(0.01))},
			{Qubits: []int{1}, Channel: must(AmplitudeDamping(0.02))},
			{Gates: []string{"h", "cx"}, Qubits: []int{0}, Channel: must(BitFlip(0.1))},
		},
		Readout: []ReadoutRule{
			{Qubits: []int{0}, ReadoutError: ReadoutError{P1Given0: 0.03, P0Given1: 0.03}},
			{ReadoutError: ReadoutError{P1Given0: 0.01, P0Given1: 0.05}},
		},
	}
}

func TestNoiseModelAfter(t *testing.T) {
	m := sampleNoise(t)
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

// TestNoiseModelJSON pins the JSON form, the form of a noise-model file
// (spec.ParseNoiseModel reads it back; spec's tests check the round trip):
// every parameter the type takes, zeros included, and the filters beside.
func TestNoiseModelJSON(t *testing.T) {
	th, err := ThermalRelaxation(50, 60, 5, 0)
	if err != nil {
		t.Fatal(err)
	}
	m := sampleNoise(t)
	m.Channels = append(m.Channels, NoiseRule{Channel: th})
	js, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"channels":[` +
		`{"gates":["cx"],"p":0.01,"type":"depolarizing2"},` +
		`{"gamma":0.02,"qubits":[1],"type":"amplitude_damping"},` +
		`{"gates":["h","cx"],"p":0.1,"qubits":[0],"type":"bit_flip"},` +
		`{"excited":0,"t1":50,"t2":60,"time":5,"type":"thermal_relaxation"}],` +
		`"readout":[{"qubits":[0],"p1_given_0":0.03,"p0_given_1":0.03},{"p1_given_0":0.01,"p0_given_1":0.05}]}`
	if string(js) != want {
		t.Errorf("JSON\n%s\nwant\n%s", js, want)
	}
}
