package spec

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/qmlgo/qml/circuit"
)

// Ansatz chooses the trainable layer; a plain name means {kind: name}.
type Ansatz struct {
	// Kind is hardware-efficient (default), strongly-entangling,
	// real-amplitudes or circuit.
	Kind string `json:"kind"`
	// Rotations are hardware-efficient's rotation gates (default [ry, rz]).
	Rotations []string `json:"rotations,omitempty"`
	// Entangler is hardware-efficient's two-qubit gate: cx (default) or cz.
	Entangler string `json:"entangler,omitempty"`
	// Entanglement is the pairs the entangler acts on: linear, ring or
	// full (real-amplitudes also reverse-linear, its default).
	Entanglement string `json:"entanglement,omitempty"`
	// QASM is an OpenQASM 2.0 file, relative to the spec, holding one layer
	// of kind circuit.
	QASM string `json:"qasm,omitempty"`
	// Gates is one layer of kind circuit written out in the spec.
	Gates []Gate `json:"gates,omitempty"`
}

// Gate is one gate of a circuit ansatz: a gate of package circuit, the
// qubits it acts on and its angles, which may use the trainable weights
// θ[i] (also theta[i], w[i]) and the inputs x[j].
type Gate struct {
	Gate   string   `json:"gate"`
	Qubits []int    `json:"qubits"`
	Params []string `json:"params,omitempty"`
}

// check reports problems of the ansatz section.
func (a *Ansatz) check(s *Spec, qubits int, p *problems) {
	if !p.oneOf("model.ansatz.kind", a.Kind, "hardware-efficient", "strongly-entangling", "real-amplitudes", "circuit") {
		return
	}
	only := map[string][]string{
		"rotations": {"hardware-efficient"}, "entangler": {"hardware-efficient"},
		"entanglement": {"hardware-efficient", "real-amplitudes"}, "qasm": {"circuit"}, "gates": {"circuit"},
	}
	for _, f := range sortedKeys(only) {
		if s.Has("model.ansatz."+f) && !strings.Contains(strings.Join(only[f], " "), a.Kind) {
			p.add("model.ansatz."+f, "only the %s ansatz takes %s", strings.Join(only[f], " and "), f)
		}
	}
	for i, r := range a.Rotations {
		p.oneOf(item("model.ansatz.rotations", i), r, "rx", "ry", "rz")
	}
	if a.Entangler != "" {
		p.oneOf("model.ansatz.entangler", a.Entangler, "cx", "cz")
	}
	if a.Entanglement != "" {
		allowed := []string{"linear", "ring", "full"}
		if a.Kind == "real-amplitudes" {
			allowed = append(allowed, "reverse-linear")
		}
		p.oneOf("model.ansatz.entanglement", a.Entanglement, allowed...)
	}
	if a.Kind != "circuit" {
		return
	}
	switch {
	case a.QASM == "" && len(a.Gates) == 0:
		p.add("model.ansatz", "a circuit ansatz needs qasm (a file) or gates (a list)")
	case a.QASM != "" && len(a.Gates) != 0:
		p.add("model.ansatz.gates", "give either qasm or gates, not both")
	}
	if _, err := a.layerQASM(s, qubits); err != nil {
		p.list = append(p.list, err)
	}
}

// layerQASM returns the OpenQASM text of a circuit ansatz's layer, read
// from its file or written from its gate list, after checking that it
// parses and fits on the model's qubits.
func (a *Ansatz) layerQASM(s *Spec, qubits int) (string, *Error) {
	var src, field string
	switch {
	case a.QASM != "":
		field = "model.ansatz.qasm"
		data, err := readLimited(s.Path(a.QASM), maxQASMBytes)
		if err != nil {
			return "", s.Errorf(field, "cannot read %s: %v", s.Path(a.QASM), errorsUnwrap(err))
		}
		src = string(data)
	case len(a.Gates) != 0:
		field = "model.ansatz.gates"
		var err *Error
		if src, err = a.gatesQASM(s, qubits); err != nil {
			return "", err
		}
	default:
		return "", nil
	}
	c, err := circuit.ParseSymbolicQASM(src, s.Path(a.QASM))
	if err != nil {
		return "", s.Errorf(field, "%v", err)
	}
	if c.NumQubits > qubits && qubits >= 1 {
		return "", s.Errorf(field, "the layer uses %d qubits but model.qubits is %d", c.NumQubits, qubits)
	}
	if c.NumWeights() == 0 {
		return "", s.Errorf(field, "the layer has no trainable angle; write θ[0], θ[1], … in its gates")
	}
	return src, nil
}

// maxQASMBytes bounds an ansatz file: one layer is a few lines.
const maxQASMBytes = 1 << 20

// readLimited reads at most limit bytes of a file and fails on more, so that
// a spec naming a device or a huge file cannot exhaust memory.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return data, nil
}

// gatesQASM writes a gate list as an OpenQASM 2.0 program, checking each
// gate so that an error points at its entry.
func (a *Ansatz) gatesQASM(s *Spec, qubits int) (string, *Error) {
	var b strings.Builder
	fmt.Fprintf(&b, "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[%d];\n", max(qubits, 1))
	for i, g := range a.Gates {
		field := item("model.ansatz.gates", i)
		spec, ok := circuit.Lookup(g.Gate)
		if !ok {
			return "", s.Errorf(field+".gate", "unknown gate %q%s", g.Gate, suggestOnly(g.Gate, circuit.GateNames()))
		}
		if len(g.Qubits) != spec.Qubits {
			return "", s.Errorf(field+".qubits", "%s acts on %d qubits, got %d", g.Gate, spec.Qubits, len(g.Qubits))
		}
		if len(g.Params) != spec.Params {
			return "", s.Errorf(field+".params", "%s takes %d angles, got %d", g.Gate, spec.Params, len(g.Params))
		}
		args := make([]string, len(g.Qubits))
		for k, q := range g.Qubits {
			if q < 0 || q >= qubits {
				return "", s.Errorf(item(field+".qubits", k), "qubit %d outside 0..%d", q, qubits-1)
			}
			args[k] = fmt.Sprintf("q[%d]", q)
		}
		for k, prm := range g.Params {
			if _, err := circuit.ParseParam(prm); err != nil {
				return "", s.Errorf(item(field+".params", k), "%v", err)
			}
		}
		b.WriteString(g.Gate)
		if len(g.Params) > 0 {
			b.WriteString("(" + strings.Join(g.Params, ", ") + ")")
		}
		b.WriteString(" " + strings.Join(args, ", ") + ";\n")
	}
	return b.String(), nil
}
