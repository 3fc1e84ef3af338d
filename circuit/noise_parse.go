package circuit

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// NoiseError is a problem in a noise-model file, located at the line of the
// value that causes it, e.g.
//
//	noise.yaml:4: channels[0].p: depolarizing2 p 1.5: want a probability in [0, 1]
type NoiseError struct {
	File  string
	Line  int    // 1-based; 0 when unknown
	Field string // dotted path such as "channels[1].gates"
	Msg   string
}

func (e *NoiseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ParseNoiseModel reads a noise model from YAML or JSON text (JSON is
// YAML); name labels errors, which are *NoiseError values with the line of
// the offending value. The form is
//
//	channels:                    # applied after every gate they match
//	  - type: depolarizing2      # see ChannelSpec for types and parameters
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
// are errors, so a typo cannot silently mean no noise.
func ParseNoiseModel(name string, data []byte) (*NoiseModel, error) {
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &NoiseModel{}, nil
		}
		return nil, yamlNoiseError(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, &NoiseError{File: name, Line: extra.Line, Msg: "more than one YAML document; a noise model is one"}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return DecodeNoiseModel(name, root)
}

// DecodeNoiseModel reads a noise model from a YAML node (the mapping of
// ParseNoiseModel's form), for formats that embed one, such as the noise
// section of a run spec; errors carry the node's lines.
func DecodeNoiseModel(name string, n *yaml.Node) (*NoiseModel, error) {
	d := noiseDecoder{file: name}
	m := d.model(n)
	if d.err != nil {
		return nil, d.err
	}
	return m, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlNoiseError(name string, err error) error {
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &NoiseError{File: name, Line: line, Msg: "YAML syntax: " + m[2]}
	}
	return &NoiseError{File: name, Msg: "YAML syntax: " + strings.TrimPrefix(msg, "yaml: ")}
}

// noiseDecoder walks the node tree, keeping the first problem.
type noiseDecoder struct {
	file string
	err  *NoiseError
}

func (d *noiseDecoder) fail(n *yaml.Node, field, format string, a ...any) {
	if d.err == nil {
		d.err = &NoiseError{File: d.file, Line: n.Line, Field: field, Msg: fmt.Sprintf(format, a...)}
	}
}

func noiseResolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// mapping returns the key/value pairs of a mapping node, refusing other
// nodes, keys outside allowed and repeated keys.
func (d *noiseDecoder) mapping(n *yaml.Node, field string, allowed []string) map[string]*yaml.Node {
	n = noiseResolve(n)
	if n.Kind != yaml.MappingNode {
		d.fail(n, field, "want a mapping, got %s", noiseNodeKind(n))
		return nil
	}
	out := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := noiseField(field, k.Value)
		switch {
		case k.Kind != yaml.ScalarNode || k.Value == "<<":
			d.fail(k, field, "want a plain key, got %s", noiseNodeKind(k))
		case !slices.Contains(allowed, k.Value):
			d.fail(k, key, "unknown key (want one of %s)", strings.Join(allowed, ", "))
		case out[k.Value] != nil:
			d.fail(k, key, "repeated key")
		default:
			out[k.Value] = v
		}
	}
	return out
}

func noiseField(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}

func noiseNodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return strconv.Quote(n.Value)
	}
	return "nothing"
}

// value decodes a node into v, a pointer, reporting a type mismatch.
func (d *noiseDecoder) value(n *yaml.Node, field string, v any, want string) {
	n = noiseResolve(n)
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		d.fail(n, field, "want %s, got nothing", want)
		return
	}
	if err := n.Decode(v); err != nil {
		d.fail(n, field, "want %s, got %s", want, noiseNodeKind(n))
	}
}

// sequence returns the items of a list node (a null node is an empty list).
func (d *noiseDecoder) sequence(n *yaml.Node, field string) []*yaml.Node {
	n = noiseResolve(n)
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(n, field, "want a list, got %s", noiseNodeKind(n))
		return nil
	}
	return n.Content
}

func (d *noiseDecoder) model(n *yaml.Node) *NoiseModel {
	m := &NoiseModel{}
	if n = noiseResolve(n); n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return m
	}
	top := d.mapping(n, "", []string{"channels", "readout"})
	if c := top["channels"]; c != nil {
		for i, item := range d.sequence(c, "channels") {
			if r, ok := d.rule(item, fmt.Sprintf("channels[%d]", i)); ok {
				m.Channels = append(m.Channels, r)
			}
		}
	}
	if c := top["readout"]; c != nil {
		for i, item := range d.sequence(c, "readout") {
			if r, ok := d.readout(item, fmt.Sprintf("readout[%d]", i)); ok {
				m.Readout = append(m.Readout, r)
			}
		}
	}
	return m
}

// filters decodes the gates and qubits keys of a rule.
func (d *noiseDecoder) filters(kv map[string]*yaml.Node, field string) (gates []string, qubits []int) {
	if n := kv["gates"]; n != nil {
		d.value(n, noiseField(field, "gates"), &gates, "a list of gate names")
		for _, g := range gates {
			if _, ok := Lookup(g); !ok && g != "unitary" {
				d.fail(n, noiseField(field, "gates"), "unknown gate %q", g)
			}
		}
	}
	if n := kv["qubits"]; n != nil {
		d.value(n, noiseField(field, "qubits"), &qubits, "a list of qubit indices")
		for _, q := range qubits {
			if q < 0 {
				d.fail(n, noiseField(field, "qubits"), "qubit %d is negative", q)
			}
		}
	}
	return gates, qubits
}

var channelKeys = []string{"type", "gates", "qubits", "p", "gamma", "pauli", "t1", "t2", "time", "excited"}

func (d *noiseDecoder) rule(n *yaml.Node, field string) (NoiseRule, bool) {
	kv := d.mapping(n, field, channelKeys)
	if kv == nil {
		return NoiseRule{}, false
	}
	var r NoiseRule
	r.Gates, r.Qubits = d.filters(kv, field)
	tn := kv["type"]
	if tn == nil {
		d.fail(n, noiseField(field, "type"), "missing (want one of %s)", strings.Join(ChannelTypes(), ", "))
		return r, false
	}
	var s ChannelSpec
	d.value(tn, noiseField(field, "type"), &s.Type, "a channel type")
	params, ok := channelParams[s.Type]
	if !ok {
		d.fail(tn, noiseField(field, "type"), "unknown channel type %q (want one of %s)", s.Type, strings.Join(ChannelTypes(), ", "))
		return r, false
	}
	floats := map[string]*float64{"p": &s.P, "gamma": &s.Gamma, "t1": &s.T1, "t2": &s.T2, "time": &s.Time, "excited": &s.Excited}
	first := tn
	for _, key := range channelKeys[3:] {
		v := kv[key]
		if v == nil {
			continue
		}
		if !slices.Contains(params, key) {
			d.fail(v, noiseField(field, key), "channel %s takes %s, not %s", s.Type, strings.Join(params, ", "), key)
			continue
		}
		if first == tn {
			first = v
		}
		if key == "pauli" {
			d.value(v, noiseField(field, key), &s.Pauli, "a mapping of Pauli labels to probabilities")
		} else {
			d.value(v, noiseField(field, key), floats[key], "a number")
		}
	}
	for _, key := range params {
		if kv[key] == nil && key != "excited" {
			d.fail(n, noiseField(field, key), "missing: channel %s takes %s", s.Type, strings.Join(params, ", "))
		}
	}
	if d.err != nil {
		return r, false
	}
	ch, err := NewChannel(s)
	if err != nil {
		d.fail(first, field, "%v", err)
		return r, false
	}
	r.Channel = ch
	return r, true
}

func (d *noiseDecoder) readout(n *yaml.Node, field string) (ReadoutRule, bool) {
	kv := d.mapping(n, field, []string{"qubits", "p", "p1_given_0", "p0_given_1"})
	if kv == nil {
		return ReadoutRule{}, false
	}
	var r ReadoutRule
	_, r.Qubits = d.filters(kv, field)
	if p := kv["p"]; p != nil {
		if kv["p1_given_0"] != nil || kv["p0_given_1"] != nil {
			d.fail(p, noiseField(field, "p"), "give either p or p1_given_0 and p0_given_1")
		}
		d.value(p, noiseField(field, "p"), &r.P1Given0, "a probability")
		r.P0Given1 = r.P1Given0
	} else {
		if v := kv["p1_given_0"]; v != nil {
			d.value(v, noiseField(field, "p1_given_0"), &r.P1Given0, "a probability")
		}
		if v := kv["p0_given_1"]; v != nil {
			d.value(v, noiseField(field, "p0_given_1"), &r.P0Given1, "a probability")
		}
		if kv["p1_given_0"] == nil && kv["p0_given_1"] == nil {
			d.fail(n, field, "missing: give p, or p1_given_0 and p0_given_1")
		}
	}
	if d.err != nil {
		return r, false
	}
	if err := r.ReadoutError.Check(); err != nil {
		d.fail(n, field, "%v", err)
		return r, false
	}
	return r, true
}
