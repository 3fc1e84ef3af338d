package circuit

import (
	"encoding/json"
	"fmt"
	"slices"
)

// NoiseModel says which channels follow which gates and how measurements
// misread, the way Qiskit Aer's NoiseModel does. A circuit stays noise
// free: a backend asks the model, op by op, for the channels to apply after
// the op (After) and, measurement by measurement, for the readout error
// (ReadoutOf). The zero value is the noiseless model. spec.ParseNoiseModel
// reads one from a YAML or JSON file; it marshals back to JSON in the same
// form.
type NoiseModel struct {
	// Channels are applied after every gate they match, in the order
	// listed.
	Channels []NoiseRule `json:"channels,omitempty"`
	// Readout gives the assignment error of measured qubits; the first
	// rule that lists a qubit (or lists none) is its error.
	Readout []ReadoutRule `json:"readout,omitempty"`
}

// NoiseRule attaches a channel to gates by name, by qubit, or to all gates.
//
// A one-qubit channel follows a matching gate on each of the gate's qubits
// that Qubits lists (on all of them when Qubits is empty); so a two-qubit
// gate with one-qubit depolarizing noise gets it on both qubits. A
// two-qubit channel follows matching gates on exactly two qubits, acting on
// the gate's qubits in the gate's order, when Qubits is empty or lists
// both.
type NoiseRule struct {
	// Gates are the gate names the rule matches ("unitary" for explicit
	// matrices); empty matches every gate.
	Gates []string
	// Qubits restricts the rule to these qubits; empty means any.
	Qubits []int
	// Channel is the channel applied.
	Channel *Channel
}

// ReadoutRule gives the readout error of the measured qubits it lists
// (every measured qubit when Qubits is empty).
type ReadoutRule struct {
	Qubits []int `json:"qubits,omitempty"`
	ReadoutError
}

// NoiseOp is one channel to apply, on the listed qubits (the channel's
// first qubit first).
type NoiseOp struct {
	Channel *Channel
	Qubits  []int
}

// IsZero reports whether m adds no noise at all (m may be nil).
func (m *NoiseModel) IsZero() bool {
	return m == nil || len(m.Channels) == 0 && len(m.Readout) == 0
}

// Check validates m for circuits on n qubits: every channel CPTP on 1 or 2
// qubits, every gate name known, every qubit in [0, n), every readout
// probability in [0, 1].
func (m *NoiseModel) Check(n int) error {
	if m == nil {
		return nil
	}
	for i, r := range m.Channels {
		if r.Channel == nil {
			return fmt.Errorf("noise: channels[%d]: no channel", i)
		}
		if err := r.Channel.CheckCPTP(); err != nil {
			return fmt.Errorf("noise: channels[%d]: %w", i, err)
		}
		for _, g := range r.Gates {
			if _, ok := Lookup(g); !ok && g != "unitary" {
				return fmt.Errorf("noise: channels[%d]: unknown gate %q", i, g)
			}
		}
		if err := checkNoiseQubits(r.Qubits, n); err != nil {
			return fmt.Errorf("noise: channels[%d]: %w", i, err)
		}
	}
	for i, r := range m.Readout {
		if err := r.ReadoutError.Check(); err != nil {
			return fmt.Errorf("noise: readout[%d]: %w", i, err)
		}
		if err := checkNoiseQubits(r.Qubits, n); err != nil {
			return fmt.Errorf("noise: readout[%d]: %w", i, err)
		}
	}
	return nil
}

func checkNoiseQubits(qs []int, n int) error {
	for _, q := range qs {
		if q < 0 || q >= n {
			return fmt.Errorf("qubit %d out of range [0, %d)", q, n)
		}
	}
	return nil
}

// After returns the channels to apply after op, in the order of the rules;
// nil for anything but a gate, and for a noiseless model.
func (m *NoiseModel) After(op *Op) []NoiseOp {
	if m == nil || op.Kind != GateOp {
		return nil
	}
	var out []NoiseOp
	name := op.Name()
	for _, r := range m.Channels {
		if len(r.Gates) > 0 && !slices.Contains(r.Gates, name) {
			continue
		}
		listed := func(q int) bool { return len(r.Qubits) == 0 || slices.Contains(r.Qubits, q) }
		if r.Channel.Qubits == 1 {
			for _, q := range op.Qubits {
				if listed(q) {
					out = append(out, NoiseOp{r.Channel, []int{q}})
				}
			}
			continue
		}
		if len(op.Qubits) == r.Channel.Qubits && !slices.ContainsFunc(op.Qubits, func(q int) bool { return !listed(q) }) {
			out = append(out, NoiseOp{r.Channel, slices.Clone(op.Qubits)})
		}
	}
	return out
}

// ReadoutOf returns the readout error of a measurement of qubit q, and
// false when the model gives it none.
func (m *NoiseModel) ReadoutOf(q int) (ReadoutError, bool) {
	if m == nil {
		return ReadoutError{}, false
	}
	for _, r := range m.Readout {
		if len(r.Qubits) == 0 || slices.Contains(r.Qubits, q) {
			return r.ReadoutError, true
		}
	}
	return ReadoutError{}, false
}

// HasChannels reports whether m puts any channel after some op of c.
func (m *NoiseModel) HasChannels(c *Circuit) bool {
	for i := range c.Ops {
		if len(m.After(&c.Ops[i])) > 0 {
			return true
		}
	}
	return false
}

// MarshalJSON writes the rule in the form spec.ParseNoiseModel reads: the
// channel's spec with the gates and qubits beside it.
func (r NoiseRule) MarshalJSON() ([]byte, error) {
	var fields map[string]any
	if r.Channel != nil {
		fields = r.Channel.Spec.fields()
	} else {
		fields = map[string]any{}
	}
	if len(r.Gates) > 0 {
		fields["gates"] = r.Gates
	}
	if len(r.Qubits) > 0 {
		fields["qubits"] = r.Qubits
	}
	return json.Marshal(fields)
}

// MarshalJSON writes the type and every parameter the type takes, zeros
// included, so that the output parses back.
func (s ChannelSpec) MarshalJSON() ([]byte, error) { return json.Marshal(s.fields()) }

// fields returns the spec as the keys of a noise-model file.
func (s ChannelSpec) fields() map[string]any {
	all := map[string]any{"p": s.P, "gamma": s.Gamma, "pauli": s.Pauli, "t1": s.T1, "t2": s.T2, "time": s.Time, "excited": s.Excited}
	out := map[string]any{"type": s.Type}
	for _, k := range channelParams[s.Type] {
		out[k] = all[k]
	}
	return out
}
