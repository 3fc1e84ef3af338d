package spec

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/qmlgo/qml/circuit"
)

// ParseNoiseModel reads a noise model from YAML or JSON text (JSON is
// YAML). name labels errors: an Errors of *Error values, each naming the
// line and field of the offending value, e.g.
//
//	noise.yaml:4: channels[0]: depolarizing2 p 1.5: want a probability in [0, 1]
//
// The form is
//
//	channels:                    # applied after every gate they match
//	  - type: depolarizing2      # see circuit.ChannelSpec for types and parameters
//	    p: 0.01
//	    gates: [cx, cz]          # optional: by gate name (else all gates)
//	  - type: thermal_relaxation
//	    t1: 50000                # T1, T2 and the gate time in one unit
//	    t2: 70000
//	    time: 35
//	    qubits: [0, 1]           # optional: by qubit (else all qubits)
//	readout:
//	  - p: 0.02                  # symmetric assignment error, or
//	    qubits: [0]
//	  - p1_given_0: 0.01         # P(read 1 | 0) and P(read 0 | 1)
//	    p0_given_1: 0.04
//
// Unknown keys, repeated keys and parameters a channel type does not take
// are errors, so a typo cannot silently mean no noise; excited (the
// equilibrium population of thermal relaxation) may be left out and is 0.
// Empty text is the noiseless model. The channels themselves are made by
// circuit.NewChannel, which checks that they are CPTP; the model marshals
// back to JSON in the same form. The noise: section of a run spec (Noise)
// is this form, inline or in a file.
func ParseNoiseModel(name string, data []byte) (*circuit.NoiseModel, error) {
	root, err := ReadYAML(name, data, "noise model", "a mapping with channels and readout")
	if err != nil {
		if isEmptyYAML(data) {
			return &circuit.NoiseModel{}, nil
		}
		return nil, err
	}
	d := &decoder{&problems{file: name, lines: map[string]int{"": 1}}}
	m := d.noiseModel(root, "")
	if err := d.err(); err != nil {
		return nil, err
	}
	return m, nil
}

// isEmptyYAML reports whether data holds no YAML document at all (nothing,
// or only comments), which ReadYAML refuses and a noise model allows.
func isEmptyYAML(data []byte) bool {
	var n yaml.Node
	return yaml.Unmarshal(data, &n) == nil && n.Kind == 0
}

// noiseForm is a noise model as its file writes it; the decoder fills it
// (locating type errors, unknown and repeated keys) and noiseModel builds
// the circuit.NoiseModel from it.
type noiseForm struct {
	Channels []channelForm `json:"channels"`
	Readout  []readoutForm `json:"readout"`
}

// channelForm is one rule of channels:. The parameters are pointers so
// that a parameter written as 0 differs from one left out.
type channelForm struct {
	Type    string             `json:"type"`
	Gates   []string           `json:"gates"`
	Qubits  []int              `json:"qubits"`
	P       *float64           `json:"p"`
	Gamma   *float64           `json:"gamma"`
	Pauli   map[string]float64 `json:"pauli"`
	T1      *float64           `json:"t1"`
	T2      *float64           `json:"t2"`
	Time    *float64           `json:"time"`
	Excited *float64           `json:"excited"`
}

// readoutForm is one rule of readout:.
type readoutForm struct {
	Qubits   []int    `json:"qubits"`
	P        *float64 `json:"p"`
	P1Given0 *float64 `json:"p1_given_0"`
	P0Given1 *float64 `json:"p0_given_1"`
}

// noiseModel decodes the noise model at n (path is its field, "" for a
// file of its own, "noise" in a run spec) and builds it, recording every
// problem in d. The model holds the rules that had none.
func (d *decoder) noiseModel(n *yaml.Node, path string) *circuit.NoiseModel {
	var f noiseForm
	d.decode(n, reflectValue(&f), path)
	m := &circuit.NoiseModel{}
	for i := range f.Channels {
		if r, ok := d.noiseRule(&f.Channels[i], item(child(path, "channels"), i)); ok {
			m.Channels = append(m.Channels, r)
		}
	}
	for i := range f.Readout {
		if r, ok := d.readoutRule(&f.Readout[i], item(child(path, "readout"), i)); ok {
			m.Readout = append(m.Readout, r)
		}
	}
	return m
}

// noiseFilters checks the gate names and qubits a rule lists.
func (d *decoder) noiseFilters(gates []string, qubits []int, path string) {
	for j, g := range gates {
		if _, ok := circuit.Lookup(g); !ok && g != "unitary" {
			d.add(item(child(path, "gates"), j), "unknown gate %q%s", g, suggestOnly(g, circuit.GateNames()))
		}
	}
	for j, q := range qubits {
		if q < 0 {
			d.add(item(child(path, "qubits"), j), "qubit %d is negative", q)
		}
	}
}

// noiseParams are the parameter keys of a channel rule, in the order
// problems with them are reported.
var noiseParams = []string{"p", "gamma", "pauli", "t1", "t2", "time", "excited"}

// given returns the parameters f sets, by key.
func (f *channelForm) given() map[string]bool {
	return map[string]bool{
		"p": f.P != nil, "gamma": f.Gamma != nil, "pauli": f.Pauli != nil,
		"t1": f.T1 != nil, "t2": f.T2 != nil, "time": f.Time != nil, "excited": f.Excited != nil,
	}
}

// spec returns the channel f describes, parameters left out being 0.
func (f *channelForm) spec() circuit.ChannelSpec {
	return circuit.ChannelSpec{Type: f.Type, P: orZero(f.P), Gamma: orZero(f.Gamma), Pauli: f.Pauli,
		T1: orZero(f.T1), T2: orZero(f.T2), Time: orZero(f.Time), Excited: orZero(f.Excited)}
}

// orZero returns *p, or 0 for a parameter left out.
func orZero(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

// noiseRule builds the channel rule f at path: a known type, exactly the
// parameters it takes (excited optional), and a channel NewChannel accepts,
// whose error is located at the first parameter.
func (d *decoder) noiseRule(f *channelForm, path string) (circuit.NoiseRule, bool) {
	d.noiseFilters(f.Gates, f.Qubits, path)
	typeField := child(path, "type")
	if f.Type == "" {
		if !d.reported(typeField) {
			d.add(typeField, "missing (want one of %s)", strings.Join(circuit.ChannelTypes(), ", "))
		}
		return circuit.NoiseRule{}, false
	}
	takes, ok := circuit.ChannelParams(f.Type)
	if !ok {
		d.oneOf(typeField, f.Type, circuit.ChannelTypes()...)
		return circuit.NoiseRule{}, false
	}
	given, first := f.given(), ""
	for _, key := range noiseParams {
		switch {
		case !given[key]:
		case !slices.Contains(takes, key):
			d.add(child(path, key), "channel %s takes %s, not %s", f.Type, strings.Join(takes, ", "), key)
		case first == "":
			first = key
		}
	}
	for _, key := range takes {
		if !given[key] && key != "excited" {
			d.add(child(path, key), "missing: channel %s takes %s", f.Type, strings.Join(takes, ", "))
		}
	}
	if d.reported(path) {
		return circuit.NoiseRule{}, false
	}
	ch, err := circuit.NewChannel(f.spec())
	if err != nil {
		d.addAt(d.lines[child(path, first)], path, "%v", err)
		return circuit.NoiseRule{}, false
	}
	return circuit.NoiseRule{Gates: f.Gates, Qubits: f.Qubits, Channel: ch}, true
}

// readoutRule builds the readout rule f at path: either p (a symmetric
// error) or p1_given_0 and p0_given_1 (one of them may be left out, 0).
func (d *decoder) readoutRule(f *readoutForm, path string) (circuit.ReadoutRule, bool) {
	d.noiseFilters(nil, f.Qubits, path)
	switch {
	case f.P != nil && (f.P1Given0 != nil || f.P0Given1 != nil):
		d.add(child(path, "p"), "give either p or p1_given_0 and p0_given_1")
	case f.P == nil && f.P1Given0 == nil && f.P0Given1 == nil:
		d.add(path, "missing: give p, or p1_given_0 and p0_given_1")
	}
	if d.reported(path) {
		return circuit.ReadoutRule{}, false
	}
	e := circuit.ReadoutError{P1Given0: orZero(f.P1Given0), P0Given1: orZero(f.P0Given1)}
	if f.P != nil {
		e = circuit.ReadoutError{P1Given0: *f.P, P0Given1: *f.P}
	}
	if err := e.Check(); err != nil {
		d.add(path, "%v", err)
		return circuit.ReadoutRule{}, false
	}
	return circuit.ReadoutRule{Qubits: f.Qubits, ReadoutError: e}, true
}
