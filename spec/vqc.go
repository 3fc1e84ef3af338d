package spec

import (
	"fmt"
	"math"
	"strings"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/vqc"
)

func init() { registerModelKind("vqc", func() ModelConfig { return &VQC{} }) }

// maxQubits bounds a trainable model: each sample of each step simulates
// 2^qubits amplitudes, so more is not a training run one waits for.
const maxQubits = 24

// VQC is the model section of kind "vqc": a variational quantum circuit
// (package vqc) trained as a classifier or regressor on data, or as a VQE.
type VQC struct {
	// Task is classifier (default), regressor or vqe.
	Task string `json:"task"`
	// Qubits is the register size.
	Qubits int `json:"qubits"`
	// Layers is the number of trainable layers (default 1).
	Layers int `json:"layers"`
	// Encoder writes the features into the circuit (not for vqe).
	Encoder *Encoder `json:"encoder,omitempty"`
	// Ansatz is the trainable layer.
	Ansatz Ansatz `json:"ansatz"`
	// Reupload repeats the encoder before every layer.
	Reupload bool `json:"reupload,omitempty"`
	// TrainInputScale gives each encoded input a trainable factor.
	TrainInputScale bool `json:"train_input_scale,omitempty"`
	// Readout is z (default) or parity.
	Readout string `json:"readout,omitempty"`
	// Loss is cross-entropy (classifier default) or square.
	Loss string `json:"loss,omitempty"`
	// Hamiltonian is the VQE observable, a Pauli sum such as
	// "-1.05*II + 0.39*IZ" (labels read right to left: qubit 0 last).
	Hamiltonian string `json:"hamiltonian,omitempty"`
}

// Encoder chooses the data encoding; a plain name means {kind: name}.
type Encoder struct {
	// Kind is angle (default; up to three features per qubit), iqp or
	// amplitude.
	Kind string `json:"kind"`
	// Rotation is the angle encoder's gate: rx, ry (default) or rz.
	Rotation string `json:"rotation,omitempty"`
	// Scale multiplies every feature before the angle encoder's rotation.
	Scale Angle `json:"scale,omitempty"`
	// Reps is the IQP map's repetition count (default 2).
	Reps int `json:"reps,omitempty"`
	// Entanglement is the IQP map's pairs: full (default) or linear.
	Entanglement string `json:"entanglement,omitempty"`
}

func (m *VQC) setDefaults(*Spec) {
	if m.Task == "" {
		m.Task = string(vqc.Classifier)
	}
	if m.Layers == 0 {
		m.Layers = 1
	}
	if m.Ansatz.Kind == "" {
		m.Ansatz.Kind = "hardware-efficient"
	}
	if m.Task != string(vqc.VQE) {
		if m.Encoder == nil {
			m.Encoder = &Encoder{}
		}
		if m.Encoder.Kind == "" {
			m.Encoder.Kind = "angle"
		}
		if m.Encoder.Kind == "angle" && m.Encoder.Rotation == "" {
			m.Encoder.Rotation = "ry"
		}
		if m.Readout == "" {
			m.Readout = "z"
		}
		if m.Loss == "" {
			m.Loss = vqc.CrossEntropy
			if m.Task == string(vqc.Regressor) {
				m.Loss = vqc.Square
			}
		}
	}
}

func (m *VQC) describe() string {
	layers := "layer"
	if m.Layers != 1 {
		layers = "layers"
	}
	msg := fmt.Sprintf("%s, %s, %d %s %s", m.Task, qubits(m.Qubits), m.Layers, m.Ansatz.Kind, layers)
	if m.Encoder != nil {
		msg += ", " + m.Encoder.Kind + " encoding"
		if m.Reupload {
			msg += " re-uploaded"
		}
	}
	return msg
}

func (m *VQC) needsData() bool { return m.Task != string(vqc.VQE) }

// check reports the problems of the section that need no data.
func (m *VQC) check(s *Spec, p *problems) {
	if !p.oneOf("model.task", m.Task, "classifier", "regressor", "vqe") {
		return
	}
	if m.Qubits == 0 && !s.Has("model.qubits") {
		p.add("model.qubits", "missing: the register size, e.g. qubits: 4")
	} else if m.Qubits < 1 || m.Qubits > maxQubits {
		p.add("model.qubits", "%d, want 1 to %d", m.Qubits, maxQubits)
	}
	if m.Layers < 1 {
		p.add("model.layers", "%d, want at least 1", m.Layers)
	}
	m.Ansatz.check(s, m.Qubits, p)
	if m.Task == string(vqc.VQE) {
		for _, f := range []string{"encoder", "reupload", "train_input_scale", "readout", "loss"} {
			if s.Has("model." + f) {
				p.add("model."+f, "a VQE model has no data, so no %s", strings.ReplaceAll(f, "_", " "))
			}
		}
		m.checkHamiltonian(p)
		return
	}
	if s.Has("model.hamiltonian") {
		p.add("model.hamiltonian", "only a vqe task minimises a Hamiltonian (task is %s)", m.Task)
	}
	m.Encoder.check(s, p)
	p.oneOf("model.readout", m.Readout, "z", "parity")
	if p.oneOf("model.loss", m.Loss, vqc.CrossEntropy, vqc.Square) && m.Task == string(vqc.Regressor) && m.Loss != vqc.Square {
		p.add("model.loss", "a regressor trains on the square loss, not %s", m.Loss)
	}
	if m.Reupload && m.Encoder.Kind == "amplitude" {
		p.add("model.reupload", "amplitude encoding prepares the initial state and cannot be re-uploaded")
	}
}

// checkHamiltonian parses the VQE Hamiltonian and checks its qubits.
func (m *VQC) checkHamiltonian(p *problems) {
	if m.Hamiltonian == "" {
		p.add("model.hamiltonian", "missing: a vqe task needs a Pauli sum such as \"-1.05*II + 0.39*IZ - 0.39*ZI\"")
		return
	}
	h, err := circuit.ParseObservable(m.Hamiltonian)
	if err != nil {
		p.add("model.hamiltonian", "%v", err)
		return
	}
	if n := h.NumQubits(); n > m.Qubits && m.Qubits >= 1 {
		p.add("model.hamiltonian", "acts on %d qubits but model.qubits is %d", n, m.Qubits)
	}
}

// check reports problems of the encoder section.
func (e *Encoder) check(s *Spec, p *problems) {
	if !p.oneOf("model.encoder.kind", e.Kind, "angle", "iqp", "amplitude") {
		return
	}
	only := map[string]string{"rotation": "angle", "scale": "angle", "reps": "iqp", "entanglement": "iqp"}
	for _, f := range sortedKeys(only) {
		if s.Has("model.encoder."+f) && e.Kind != only[f] {
			p.add("model.encoder."+f, "only the %s encoder takes %s", only[f], f)
		}
	}
	if e.Kind == "angle" {
		p.oneOf("model.encoder.rotation", e.Rotation, "rx", "ry", "rz")
	}
	if math.IsNaN(float64(e.Scale)) || math.IsInf(float64(e.Scale), 0) {
		p.add("model.encoder.scale", "%v, want a finite number", e.Scale)
	}
	if e.Reps < 0 {
		p.add("model.encoder.reps", "%d, want at least 1", e.Reps)
	}
	if e.Kind == "iqp" && e.Entanglement != "" {
		p.oneOf("model.encoder.entanglement", e.Entanglement, "full", "linear")
	}
}

// config returns the vqc.Config of the section for data with the given
// number of features and classes.
func (m *VQC) config(s *Spec, features, classes int) (vqc.Config, error) {
	cfg := vqc.Config{
		Task:            vqc.Task(m.Task),
		Qubits:          m.Qubits,
		Layers:          m.Layers,
		Reupload:        m.Reupload,
		TrainInputScale: m.TrainInputScale,
		Readout:         m.Readout,
		Loss:            m.Loss,
		Hamiltonian:     m.Hamiltonian,
		Ansatz: vqc.AnsatzConfig{
			Kind:         m.Ansatz.Kind,
			Rotations:    m.Ansatz.Rotations,
			Entangler:    m.Ansatz.Entangler,
			Entanglement: m.Ansatz.Entanglement,
		},
	}
	if m.Encoder != nil {
		cfg.Encoder = vqc.EncoderConfig{Kind: m.Encoder.Kind, Rotation: m.Encoder.Rotation,
			Scale: float64(m.Encoder.Scale), Reps: m.Encoder.Reps, Entanglement: m.Encoder.Entanglement}
	}
	if m.Task != string(vqc.VQE) {
		cfg.Features = features
		if m.Task == string(vqc.Classifier) {
			cfg.Classes = classes
		}
	}
	if m.Ansatz.Kind == "circuit" {
		src, err := m.Ansatz.layerQASM(s, m.Qubits)
		if err != nil {
			return cfg, err
		}
		cfg.Ansatz.QASM = src
	}
	return cfg, nil
}

// checkData reports what the data asks of the model that it cannot do: more
// features than the encoder can hold, more classes than the readout can
// tell apart.
func (m *VQC) checkData(s *Spec, features, classes int) error {
	switch m.Encoder.Kind {
	case "angle":
		// Feature j acts on qubit j mod n, a different axis on each pass.
		if features > 3*m.Qubits {
			return s.Errorf("model.qubits", "%s cannot angle-encode %d features, at most 3 per qubit (add data.pca: %d or use more qubits)",
				qubits(m.Qubits), features, 3*m.Qubits)
		}
	case "iqp":
		if features > m.Qubits {
			return s.Errorf("model.qubits", "%s cannot IQP-encode %d features, one per qubit (add data.pca: %d or use more qubits)",
				qubits(m.Qubits), features, m.Qubits)
		}
	case "amplitude":
		if features > 1<<min(m.Qubits, 30) {
			need := int(math.Ceil(math.Log2(float64(features))))
			return s.Errorf("model.qubits", "%s cannot amplitude-encode %d features (%s hold 2^%d = %d amplitudes; use %d qubits or data.pca)",
				qubits(m.Qubits), features, qubits(m.Qubits), m.Qubits, 1<<m.Qubits, need)
		}
	}
	if m.Task != string(vqc.Classifier) {
		return nil
	}
	switch {
	case classes < 2:
		return s.Errorf("data", "a classifier needs at least 2 classes, the data has %d", classes)
	case m.Readout == "parity" && classes > 2:
		return s.Errorf("model.readout", "parity gives one output and cannot tell %d classes apart; use readout: z", classes)
	case classes > 2 && classes > m.Qubits:
		return s.Errorf("model.qubits", "%d classes need one readout qubit each with readout z, have %s", classes, qubits(m.Qubits))
	}
	return nil
}

// qubits writes "1 qubit" or "n qubits".
func qubits(n int) string {
	if n == 1 {
		return "1 qubit"
	}
	return fmt.Sprintf("%d qubits", n)
}
