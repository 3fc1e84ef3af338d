package vqc

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlgo/qml/circuit"
)

// Task is what a model learns.
type Task string

const (
	// Classifier predicts one of Classes labels.
	Classifier Task = "classifier"
	// Regressor predicts a real number.
	Regressor Task = "regressor"
	// VQE minimises the energy ⟨H⟩ of a Hamiltonian; it has no data.
	VQE Task = "vqe"
)

// EncoderConfig chooses and tunes the data encoder.
type EncoderConfig struct {
	// Kind is "angle" (default), "iqp" or "amplitude".
	Kind string `json:"kind"`
	// Rotation is the angle encoder's gate: "rx", "ry" (default) or "rz".
	Rotation string `json:"rotation,omitempty"`
	// Scale multiplies every feature (angle encoder); 0 means 1.
	Scale float64 `json:"scale,omitempty"`
	// Reps is the IQP map's repetition count (0 means 2).
	Reps int `json:"reps,omitempty"`
	// Entanglement is the IQP map's pairs: "full" (default) or "linear".
	Entanglement string `json:"entanglement,omitempty"`
}

// AnsatzConfig chooses and tunes the trainable layers.
type AnsatzConfig struct {
	// Kind is "hardware-efficient" (default), "strongly-entangling",
	// "real-amplitudes" or "circuit".
	Kind         string   `json:"kind"`
	Rotations    []string `json:"rotations,omitempty"`
	Entangler    string   `json:"entangler,omitempty"`
	Entanglement string   `json:"entanglement,omitempty"`
	// QASM is the OpenQASM 2.0 text of one layer for Kind "circuit"; its
	// angles name weights as θ[i] (or theta[i], w[i]) and inputs as x[j].
	QASM string `json:"qasm,omitempty"`
}

// Config describes a model completely: building a model twice from one
// Config gives the same circuit, and a saved model stores it.
type Config struct {
	Task     Task `json:"task"`
	Qubits   int  `json:"qubits"`
	Features int  `json:"features,omitempty"`
	Classes  int  `json:"classes,omitempty"`
	// Layers is the number of trainable layers (≥ 1).
	Layers  int           `json:"layers"`
	Encoder EncoderConfig `json:"encoder"`
	Ansatz  AnsatzConfig  `json:"ansatz"`
	// Reupload repeats the encoder before every layer (Pérez-Salinas et al.,
	// Quantum 4, 226 (2020)).
	Reupload bool `json:"reupload,omitempty"`
	// TrainInputScale gives every encoded input of every block a trainable
	// factor, so the model learns the w∘x of data re-uploading.
	TrainInputScale bool `json:"train_input_scale,omitempty"`
	// Readout is "z" (⟨Z_k⟩ on qubit k per class; ⟨Z_0⟩ for two classes and
	// regression; the default) or "parity" (⟨Z_0 Z_1 … Z_{n−1}⟩, binary
	// classification and regression only).
	Readout string `json:"readout,omitempty"`
	// Loss is "cross-entropy" (classifier default) or "square".
	Loss string `json:"loss,omitempty"`
	// Hamiltonian is the VQE observable as a Pauli sum (ParseObservable).
	Hamiltonian string `json:"hamiltonian,omitempty"`
}

// Model is a variational circuit with its readout and parameters.
type Model struct {
	Config  Config
	Circuit *circuit.Circuit
	// Readout lists the observables whose expectation values are the raw
	// outputs e_k.
	Readout []circuit.Observable
	// Params is the flat parameter vector: circuit weights, then input
	// scales (TrainInputScale), then scale a_k and bias b_k of each output
	// z_k = a_k·e_k + b_k.
	Params []float64

	encoder     Encoder
	blocks      int // encoding blocks: Layers when re-uploading, else 1
	blockInputs int
	nWeights    int
	nScales     int

	resume *checkpoint // set by Resume, consumed by Fit
}

// outputs is the number of readout values.
func (m *Model) outputs() int { return len(m.Readout) }

// NumCircuitWeights is the number of circuit weights θ at the start of Params.
func (m *Model) NumCircuitWeights() int { return m.nWeights }

// NewModel builds the circuit and readout of cfg and initialises the
// parameters from seed: circuit weights uniform in [−π, π) scaled by 0.1 is
// a common choice against barren plateaus (Grant et al., Quantum 3, 214
// (2019), small-angle initialisation); input scales start at 1, output
// scales at 1 (binary classifiers at −1, so that z ≈ P(1) − P(0)) and biases at 0.
func NewModel(cfg Config, seed uint64) (*Model, error) {
	m := &Model{Config: cfg}
	if err := m.build(); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	m.Params = make([]float64, m.NumParams())
	for i := 0; i < m.nWeights; i++ {
		m.Params[i] = 0.1 * (2*rng.Float64() - 1) * math.Pi
	}
	for i := 0; i < m.nScales; i++ {
		m.Params[m.nWeights+i] = 1
	}
	if cfg.Task != VQE {
		a0 := 1.0
		if cfg.Task == Classifier && m.outputs() == 1 {
			a0 = -1
		}
		for k := 0; k < m.outputs(); k++ {
			m.Params[m.nWeights+m.nScales+2*k] = a0
		}
	}
	return m, nil
}

// NumParams is the length of Params.
func (m *Model) NumParams() int {
	n := m.nWeights + m.nScales
	if m.Config.Task != VQE {
		n += 2 * m.outputs()
	}
	return n
}

func newEncoder(cfg EncoderConfig) (Encoder, error) {
	switch cfg.Kind {
	case "", "angle":
		rot := cfg.Rotation
		if rot == "" {
			rot = "ry"
		}
		return AngleEncoder{Rotation: rot, Scale: cfg.Scale}, nil
	case "iqp", "zz":
		return IQPEncoder{Reps: cfg.Reps, Entanglement: cfg.Entanglement}, nil
	case "amplitude":
		return AmplitudeEncoder{}, nil
	}
	return nil, fmt.Errorf("encoder kind %q: want angle, iqp or amplitude", cfg.Kind)
}

func newAnsatz(cfg AnsatzConfig) (Ansatz, error) {
	switch cfg.Kind {
	case "", "hardware-efficient":
		return HardwareEfficient{Rotations: cfg.Rotations, Entangler: cfg.Entangler, Entanglement: cfg.Entanglement}, nil
	case "strongly-entangling":
		return StronglyEntangling{}, nil
	case "real-amplitudes":
		return RealAmplitudes{Entanglement: cfg.Entanglement}, nil
	case "circuit":
		if cfg.QASM == "" {
			return nil, fmt.Errorf("ansatz kind circuit needs its qasm text")
		}
		layer, err := circuit.ParseSymbolicQASM(cfg.QASM, "ansatz")
		if err != nil {
			return nil, err
		}
		return CircuitAnsatz{Layer: layer}, nil
	}
	return nil, fmt.Errorf("ansatz kind %q: want hardware-efficient, strongly-entangling, real-amplitudes or circuit", cfg.Kind)
}

// build turns m.Config into the circuit and readout.
func (m *Model) build() error {
	cfg := &m.Config
	if cfg.Qubits < 1 {
		return fmt.Errorf("qubits: %d, want at least 1", cfg.Qubits)
	}
	if cfg.Layers < 1 {
		return fmt.Errorf("layers: %d, want at least 1", cfg.Layers)
	}
	ans, err := newAnsatz(cfg.Ansatz)
	if err != nil {
		return fmt.Errorf("ansatz: %w", err)
	}
	c := circuit.New(cfg.Qubits)
	switch cfg.Task {
	case Classifier, Regressor:
		if cfg.Features < 1 {
			return fmt.Errorf("features: %d, want at least 1", cfg.Features)
		}
		if m.encoder, err = newEncoder(cfg.Encoder); err != nil {
			return fmt.Errorf("encoder: %w", err)
		}
		if _, amp := m.encoder.(AmplitudeEncoder); amp && cfg.Reupload {
			return fmt.Errorf("encoder: amplitude encoding prepares the initial state and cannot be re-uploaded")
		}
		if cfg.Loss == "" {
			cfg.Loss = CrossEntropy
			if cfg.Task == Regressor {
				cfg.Loss = Square
			}
		}
		if err := checkLoss(cfg.Loss); err != nil {
			return err
		}
		if cfg.Task == Regressor && cfg.Loss != Square {
			return fmt.Errorf("loss: a regressor trains on the square loss, not %q", cfg.Loss)
		}
		m.blockInputs = m.encoder.BlockInputs(cfg.Features, cfg.Qubits)
		m.blocks = 1
		if cfg.Reupload {
			m.blocks = cfg.Layers
		}
		if cfg.TrainInputScale {
			m.nScales = m.blocks * m.blockInputs
		}
		if m.Readout, err = readout(cfg); err != nil {
			return err
		}
	case VQE:
		if cfg.Hamiltonian == "" {
			return fmt.Errorf("hamiltonian: a VQE model needs one")
		}
		h, err := circuit.ParseObservable(cfg.Hamiltonian)
		if err != nil {
			return fmt.Errorf("hamiltonian: %w", err)
		}
		if err := h.Validate(cfg.Qubits); err != nil {
			return fmt.Errorf("hamiltonian: %w", err)
		}
		m.Readout = []circuit.Observable{h}
	default:
		return fmt.Errorf("task %q: want classifier, regressor or vqe", cfg.Task)
	}
	for l := 0; l < cfg.Layers; l++ {
		if m.encoder != nil && (l == 0 || cfg.Reupload) {
			if err := m.encoder.AppendBlock(c, cfg.Features, l*m.blockInputs); err != nil {
				return fmt.Errorf("encoder: %w", err)
			}
		}
		used, err := ans.AppendLayer(c, l, m.nWeights)
		if err != nil {
			return fmt.Errorf("ansatz layer %d: %w", l, err)
		}
		m.nWeights += used
	}
	used, err := ans.AppendFinal(c, m.nWeights)
	if err != nil {
		return fmt.Errorf("ansatz: %w", err)
	}
	m.nWeights += used
	if c.NumWeights() > m.nWeights {
		m.nWeights = c.NumWeights()
	}
	m.Circuit = c
	return c.Err()
}

// readout returns the observables of a classifier or regressor.
func readout(cfg *Config) ([]circuit.Observable, error) {
	if cfg.Readout == "" {
		cfg.Readout = "z"
	}
	outputs := 1
	if cfg.Task == Classifier {
		if cfg.Classes < 2 {
			return nil, fmt.Errorf("classes: %d, want at least 2", cfg.Classes)
		}
		if cfg.Classes > 2 {
			outputs = cfg.Classes
		}
	}
	switch cfg.Readout {
	case "z":
		if outputs > cfg.Qubits {
			return nil, fmt.Errorf("readout: %d classes need one Z readout qubit each, have %d qubits", cfg.Classes, cfg.Qubits)
		}
		obs := make([]circuit.Observable, outputs)
		for k := range obs {
			obs[k] = circuit.Sum(circuit.Term(1, circuit.Z(k)))
		}
		return obs, nil
	case "parity":
		if outputs > 1 {
			return nil, fmt.Errorf("readout: parity gives one output and cannot express %d classes; use z", cfg.Classes)
		}
		ops := make([]circuit.PauliOp, cfg.Qubits)
		for q := range ops {
			ops[q] = circuit.Z(q)
		}
		return []circuit.Observable{circuit.Sum(circuit.Term(1, ops...))}, nil
	}
	return nil, fmt.Errorf("readout %q: want z or parity", cfg.Readout)
}

// binding returns the circuit binding of the current weights and feature
// vector x (nil for VQE).
func (m *Model) binding(x []float64) (circuit.Binding, []float64, error) {
	b := circuit.Binding{Weights: m.Params[:m.nWeights]}
	if m.encoder == nil {
		return b, nil, nil
	}
	if len(x) != m.Config.Features {
		return b, nil, fmt.Errorf("sample has %d features, model expects %d", len(x), m.Config.Features)
	}
	encoded := make([]float64, m.blockInputs)
	if err := m.encoder.Inputs(encoded, x); err != nil {
		return b, nil, err
	}
	b.Inputs = make([]float64, m.blocks*m.blockInputs)
	for blk := 0; blk < m.blocks; blk++ {
		for j, v := range encoded {
			if m.nScales > 0 {
				v *= m.Params[m.nWeights+blk*m.blockInputs+j]
			}
			b.Inputs[blk*m.blockInputs+j] = v
		}
	}
	return b, encoded, nil
}

// outputsOf maps raw expectation values e to outputs z_k = a_k·e_k + b_k.
func (m *Model) outputsOf(e []float64) []float64 {
	z := make([]float64, len(e))
	off := m.nWeights + m.nScales
	for k, v := range e {
		z[k] = m.Params[off+2*k]*v + m.Params[off+2*k+1]
	}
	return z
}

// Target is one sample's label: Class for classifiers, Value for regressors.
type Target struct {
	Class int
	Value float64
}

// sampleLoss returns the loss of one sample and its outputs z, and, when
// grad is non-nil, adds the gradient of the loss to grad.
func (m *Model) sampleLoss(be Backend, method GradientMethod, x []float64, t Target, grad []float64) (float64, []float64, error) {
	b, encoded, err := m.binding(x)
	if err != nil {
		return 0, nil, err
	}
	var loss float64
	var z, dz []float64
	// cotangent turns expectation values into the loss and returns ∂L/∂e.
	cotangent := func(e []float64) ([]float64, error) {
		if m.Config.Task == VQE {
			loss, z = e[0], e
			return []float64{1}, nil
		}
		z = m.outputsOf(e)
		dz = make([]float64, len(z))
		var err error
		if loss, err = OutputLoss(m.Config.Task, m.Config.Loss, z, t.Class, t.Value, dz); err != nil {
			return nil, err
		}
		de := make([]float64, len(z))
		off := m.nWeights + m.nScales
		for k := range z {
			de[k] = dz[k] * m.Params[off+2*k]
		}
		return de, nil
	}
	if m.Config.Task == Classifier && (t.Class < 0 || t.Class >= m.Config.Classes) {
		return 0, nil, fmt.Errorf("label %d outside [0, %d)", t.Class, m.Config.Classes)
	}
	if grad == nil {
		e, err := be.Expectations(m.Circuit, b, m.Readout)
		if err != nil {
			return 0, nil, err
		}
		if _, err := cotangent(e); err != nil {
			return 0, nil, err
		}
		return loss, z, nil
	}
	e, gw, gx, err := ExpectationGradient(be, method, m.Circuit, b, m.Readout, cotangent)
	if err != nil {
		return 0, nil, err
	}
	for i, g := range gw[:m.nWeights] {
		grad[i] += g
	}
	if m.nScales > 0 {
		// input = scale·encoded ⇒ ∂L/∂scale = ∂L/∂input·encoded.
		for blk := 0; blk < m.blocks; blk++ {
			for j, v := range encoded {
				grad[m.nWeights+blk*m.blockInputs+j] += gx[blk*m.blockInputs+j] * v
			}
		}
	}
	if m.Config.Task != VQE {
		off := m.nWeights + m.nScales
		for k := range z {
			grad[off+2*k] += dz[k] * e[k]
			grad[off+2*k+1] += dz[k]
		}
	}
	return loss, z, nil
}

// Predict returns the model's outputs for x: for a classifier the class
// probabilities (softmax of z, or (1−σ(z), σ(z)) for two classes) and the
// predicted class; for a regressor the value in out[0] and class 0.
func (m *Model) Predict(be Backend, x []float64) (out []float64, class int, err error) {
	if m.Config.Task == VQE {
		return nil, 0, fmt.Errorf("a VQE model has no inputs; use Energy")
	}
	_, z, err := m.sampleLoss(be, Auto, x, Target{}, nil)
	if err != nil {
		return nil, 0, err
	}
	if m.Config.Task == Regressor {
		return z, 0, nil
	}
	return classProbabilities(z)
}

// classProbabilities turns outputs into probabilities and the argmax: σ(z)
// for one output (the probability of class 1), softmax(z) for several.
func classProbabilities(z []float64) ([]float64, int, error) {
	if len(z) == 1 {
		p1 := 1 / (1 + math.Exp(-z[0]))
		class := 0
		if z[0] > 0 {
			class = 1
		}
		return []float64{1 - p1, p1}, class, nil
	}
	p := softmax(z)
	best := 0
	for k, v := range p {
		if v > p[best] {
			best = k
		}
	}
	return p, best, nil
}

// Energy returns ⟨H⟩ of a VQE model at its current parameters.
func (m *Model) Energy(be Backend) (float64, error) {
	if m.Config.Task != VQE {
		return 0, fmt.Errorf("Energy needs a VQE model, this is a %s", m.Config.Task)
	}
	e, err := be.Expectations(m.Circuit, circuit.Binding{Weights: m.Params[:m.nWeights]}, m.Readout)
	if err != nil {
		return 0, err
	}
	return e[0], nil
}
