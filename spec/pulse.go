package spec

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/control"
	"github.com/qmlgo/qml/optim"
	"github.com/qmlgo/qml/vqc"
)

func init() { registerModelKind("pulse", func() ModelConfig { return &PulseModel{} }) }

// PulseModel is the model section of kind "pulse": pulse-level control
// (package control), whose trainable parameters are the physical controls.
// Task "control" (default) optimises pulses for an objective — a gate, a
// state, an energy — with no data; task "classifier" trains a pulse-level
// re-uploading classifier on data. docs/spec.md documents every field.
type PulseModel struct {
	// Task is control (default) or classifier.
	Task string `json:"task"`
	// System is the Hamiltonian the pulses drive (control task).
	System PulseSystem `json:"system"`
	// Duration is the evolution time T (time units of the system: ns for
	// transmons).
	Duration Angle `json:"duration"`
	// Slices is the number of time slices; 0 chooses it from the fastest
	// carrier and the pulse shapes.
	Slices int `json:"slices,omitempty"`
	// StepFactor is the carrier phase per slice when slices is automatic
	// (default 0.1 rad).
	StepFactor float64 `json:"step_factor,omitempty"`
	// Integrator is midpoint (default; exact for piecewise-constant pulses)
	// or magnus4 (smooth and lab-frame pulses).
	Integrator string `json:"integrator,omitempty"`
	// Pulses are the drives and what of them trains.
	Pulses []PulseSpec `json:"pulses,omitempty"`
	// Objective is what the control task minimises.
	Objective *PulseObjective `json:"objective,omitempty"`
	// Penalties regularise the controls.
	Penalties *PulsePenalties `json:"penalties,omitempty"`
	// Goal stops the optimisation when the objective reaches it (e.g.
	// 1e-5 infidelity, 1.6e-3 Ha energy error); results.json records
	// goal_reached.
	Goal float64 `json:"goal,omitempty"`
	// Bounds is tanh (default; a smooth reparameterisation, for L-BFGS) or
	// project (clamping after each step of a stepping optimizer).
	Bounds string `json:"bounds,omitempty"`
	// Classifier configures the classifier task.
	Classifier *PulseClassifier `json:"classifier,omitempty"`
}

// PulseSystem is the system section.
type PulseSystem struct {
	// Kind is pauli, transmon or ising.
	Kind string `json:"kind"`
	// Qubits, Drift and Controls describe a pauli system: the drift and
	// each control channel a Pauli sum ("0.5*X0*X1 + 0.5*Z0*Z1", qubit 0
	// the least-significant bit); the control strings name the channels.
	Qubits   int      `json:"qubits,omitempty"`
	Drift    string   `json:"drift,omitempty"`
	Controls []string `json:"controls,omitempty"`
	// Transmons, Couplings, Frame and RWA describe a transmon system
	// (frequencies in GHz, times in ns); channels drive0, drive1, ….
	Transmons []TransmonSpec `json:"transmons,omitempty"`
	Couplings []CouplingSpec `json:"couplings,omitempty"`
	// Frame is rotating (default: each mode at its own frequency) or lab.
	Frame string `json:"frame,omitempty"`
	// FrameFreqs are the rotating-frame frequencies (GHz), default the
	// mode frequencies; pulse carriers are relative to them in every frame.
	FrameFreqs []float64 `json:"frame_freqs,omitempty"`
	// RWA drops the counter-rotating terms in the rotating frame (default
	// true).
	RWA *bool `json:"rwa,omitempty"`
	// Ising describes an ising system (channels hx0…, hz0…, J0-1…).
	Ising *IsingSpec `json:"ising,omitempty"`
	// Collapse lists Lindblad collapse operators (an open system).
	Collapse []CollapseSpec `json:"collapse,omitempty"`
}

// TransmonSpec is one transmon mode.
type TransmonSpec struct {
	Freq          float64 `json:"freq"`          // f01, GHz
	Anharmonicity float64 `json:"anharmonicity"` // α, GHz (negative)
	Levels        int     `json:"levels"`        // default 2
	Essential     int     `json:"essential,omitempty"`
}

// CouplingSpec is an exchange coupling g(a_i†a_j + h.c.).
type CouplingSpec struct {
	Modes []int   `json:"modes"`
	G     float64 `json:"g"` // GHz
}

// IsingSpec is an Ising chain whose fields and couplings are channels.
type IsingSpec struct {
	Spins    int      `json:"spins"`
	Fields   []string `json:"fields"` // x and/or z
	ZZ       bool     `json:"zz"`
	Periodic bool     `json:"periodic,omitempty"`
	Uniform  bool     `json:"uniform,omitempty"`
}

// CollapseSpec is a collapse operator √rate·L with L lower (a), raise (a†)
// or number (a†a) on a mode (qubit).
type CollapseSpec struct {
	Kind string  `json:"kind"`
	Mode int     `json:"mode,omitempty"`
	Rate float64 `json:"rate"`
}

// PulseSpec is one pulse.
type PulseSpec struct {
	Name string `json:"name"`
	// Channel is the channel it drives (a control string of a pauli
	// system, drive<k>, hx<j>, …); Drive, for transmons, attaches it to
	// mode k with the frame offsets (the carrier then counts from the
	// mode's frame frequency).
	Channel string `json:"channel,omitempty"`
	Drive   *int   `json:"drive,omitempty"`
	// Shape is the envelope: constant, pwc, pwl, gaussian, drag, flattop,
	// sigmoid, fourier, crab, bspline, or iq-<shape> for an I/Q pair.
	Shape string `json:"shape"`
	// Segments is the number of pieces or basis functions (pwc, pwl,
	// fourier, crab, bspline).
	Segments int `json:"segments,omitempty"`
	// Degree is the B-spline degree (default 2).
	Degree int `json:"degree,omitempty"`
	// Start and Duration place the pulse (default: the whole window).
	Start    Angle  `json:"start,omitempty"`
	Duration *Angle `json:"duration,omitempty"`
	// Carrier (rad per time unit) and Phase (rad).
	Carrier Angle `json:"carrier,omitempty"`
	Phase   Angle `json:"phase,omitempty"`
	// Params sets envelope parameters by name (amp, center, sigma, beta,
	// rise, width, …).
	Params map[string]Angle `json:"params,omitempty"`
	// Init sets the amplitude parameters: zero (default), constant,
	// linear, random or values.
	Init *PulseInit `json:"init,omitempty"`
	// Train lists what trains: envelope (default), carrier, phase, start,
	// duration; [] or [none] freezes the pulse.
	Train []string `json:"train,omitempty"`
	// Bound limits every amplitude parameter to [−bound, bound].
	Bound Angle `json:"bound,omitempty"`
}

// PulseInit initialises a pulse's amplitude parameters.
type PulseInit struct {
	// Kind is zero, constant (Value), linear (From → To), random
	// (uniform in ±Scale, from the spec's seed) or values (Values).
	Kind   string  `json:"kind"`
	Value  Angle   `json:"value,omitempty"`
	From   Angle   `json:"from,omitempty"`
	To     Angle   `json:"to,omitempty"`
	Scale  Angle   `json:"scale,omitempty"`
	Values []Angle `json:"values,omitempty"`
}

// PulseObjective is the objective section.
type PulseObjective struct {
	// Kind is gate, state, energy, superop (open-system gate) or density
	// (open-system state).
	Kind string `json:"kind"`
	// Gate names a target (x, y, z, h, s, t, cnot, cz, swap, iswap, qft)
	// and Matrix gives one explicitly (rows of numbers or strings such as
	// "0.5+0.5i").
	Gate   string     `json:"gate,omitempty"`
	Matrix [][]string `json:"matrix,omitempty"`
	// Measure is trace (1 − |Tr|/d, default), trace-squared or average.
	Measure string `json:"measure,omitempty"`
	// Essential lists the basis states of the gate's subspace (default:
	// the transmons' essential levels, or all states).
	Essential []int `json:"essential,omitempty"`
	// Leakage weights 1 − ‖P·U·P‖²/m; Guard weights the time-integrated
	// population outside the essential states.
	Leakage float64 `json:"leakage,omitempty"`
	Guard   float64 `json:"guard,omitempty"`
	// Initial and Final are basis-state indices (state, density, energy).
	Initial int `json:"initial,omitempty"`
	Final   int `json:"final,omitempty"`
	// Hamiltonian is the energy objective's Pauli sum (labels read right
	// to left: qubit 0 last).
	Hamiltonian string `json:"hamiltonian,omitempty"`
}

// PulsePenalties are the regularisers.
type PulsePenalties struct {
	Amplitude float64 `json:"amplitude,omitempty"` // weight of ∫|c|² dt
	Slew      float64 `json:"slew,omitempty"`      // weight of ∫|dc/dt|² dt
	Time      float64 `json:"time,omitempty"`      // weight of start + duration of trainable pulses
}

// PulseClassifier configures the re-uploading pulse classifier
// (control.ReuploadConfig).
type PulseClassifier struct {
	Qubits     int     `json:"qubits"`
	Layers     int     `json:"layers"`
	Encoding   string  `json:"encoding,omitempty"` // field (default), detuning, duration
	EncodeTime float64 `json:"encode_time,omitempty"`
	PulseTime  float64 `json:"pulse_time,omitempty"`
	Segments   int     `json:"segments,omitempty"`
	Coupling   Angle   `json:"coupling,omitempty"`
	// InputScale multiplies the features (default π/encode_time).
	InputScale      Angle   `json:"input_scale,omitempty"`
	TrainInputScale bool    `json:"train_input_scale,omitempty"`
	Drives          string  `json:"drives,omitempty"`  // xy (default), xz, xyz
	Readout         string  `json:"readout,omitempty"` // z (default) or parity
	Loss            string  `json:"loss,omitempty"`
	Bound           float64 `json:"bound,omitempty"`
	// InitScale is the standard deviation of the random starting
	// amplitudes (default 0.3).
	InitScale float64 `json:"init_scale,omitempty"`
}

// pulseTasks and the names the sections accept.
var (
	pulseSystems    = []string{"pauli", "transmon", "ising"}
	pulseObjectives = []string{"gate", "state", "energy", "superop", "density"}
	pulseTrainable  = []string{"envelope", "carrier", "phase", "start", "duration", "none"}
	pulseInits      = []string{"zero", "constant", "linear", "random", "values"}
	collapseKinds   = []string{"lower", "raise", "number"}
)

func (m *PulseModel) setDefaults(s *Spec) {
	if m.Task == "" {
		m.Task = "control"
	}
	if m.Integrator == "" {
		m.Integrator = "midpoint"
	}
	if m.Bounds == "" {
		m.Bounds = "tanh"
	}
	if m.Task == "classifier" {
		if m.Classifier == nil {
			m.Classifier = &PulseClassifier{}
		}
		c := m.Classifier
		setIfZero(&c.Layers, 1)
		setIfZero(&c.InitScale, 0.3)
		if c.Readout == "" {
			c.Readout = "z"
		}
		if c.Loss == "" {
			c.Loss = vqc.CrossEntropy
		}
		return
	}
	if m.System.Frame == "" {
		m.System.Frame = "rotating"
	}
	if m.System.RWA == nil {
		rwa := true
		m.System.RWA = &rwa
	}
	for i := range m.System.Transmons {
		setIfZero(&m.System.Transmons[i].Levels, 2)
	}
	if o := m.Objective; o != nil && o.Measure == "" {
		o.Measure = "trace"
	}
}

func (m *PulseModel) needsData() bool { return m.Task == "classifier" }

// acceptsFullBatch reports that the control task runs full-batch optimizers
// (L-BFGS) as well as stepping ones.
func (m *PulseModel) acceptsFullBatch() bool { return m.Task == "control" }

// acceptsFullBatch reports whether the spec's model trains with full-batch
// optimizers such as L-BFGS (Train.check asks).
func acceptsFullBatch(s *Spec) bool {
	fb, ok := s.Model.Config.(interface{ acceptsFullBatch() bool })
	return ok && fb.acceptsFullBatch()
}

func (m *PulseModel) describe() string {
	if m.Task == "classifier" {
		c := m.Classifier
		return fmt.Sprintf("classifier, %s, %d re-uploading %s, %s encoding", qubits(c.Qubits), c.Layers, pluralWord(c.Layers, "layer"), orDefault(c.Encoding, control.EncodeField))
	}
	obj := ""
	if m.Objective != nil {
		obj = m.Objective.Kind
		if m.Objective.Gate != "" {
			obj += " " + m.Objective.Gate
		}
	}
	return fmt.Sprintf("control, %s system, %d %s, T = %g, %s", m.System.Kind, len(m.Pulses), pluralWord(len(m.Pulses), "pulse"), float64(m.Duration), obj)
}

func pluralWord(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// check reports the problems of the section that need no data.
func (m *PulseModel) check(s *Spec, p *problems) {
	if !p.oneOf("model.task", m.Task, "control", "classifier") {
		return
	}
	if m.Task == "classifier" {
		m.checkClassifier(s, p)
		return
	}
	for _, f := range []string{"classifier"} {
		if s.Has("model." + f) {
			p.add("model."+f, "only the classifier task takes %s", f)
		}
	}
	if !(m.Duration > 0) || math.IsInf(float64(m.Duration), 0) {
		p.add("model.duration", "%v, want a positive evolution time", float64(m.Duration))
	}
	if m.Slices < 0 {
		p.add("model.slices", "%d, want ≥ 1 (or leave it out for an automatic count)", m.Slices)
	}
	if m.StepFactor < 0 || math.IsNaN(m.StepFactor) {
		p.add("model.step_factor", "%v, want > 0", m.StepFactor)
	}
	p.oneOf("model.integrator", m.Integrator, "midpoint", "magnus4")
	p.oneOf("model.bounds", m.Bounds, "tanh", "project")
	if m.Goal < 0 || math.IsNaN(m.Goal) {
		p.add("model.goal", "%v, want ≥ 0", m.Goal)
	}
	m.System.check(p)
	if len(m.Pulses) == 0 {
		p.add("model.pulses", "missing: at least one pulse, e.g. pulses: [{name: x, channel: \"0.5*X0\", shape: pwc, segments: 20}]")
	}
	names := map[string]bool{}
	for i := range m.Pulses {
		m.Pulses[i].check(item("model.pulses", i), m, names, p)
	}
	if m.Objective == nil {
		p.add("model.objective", "missing: what to minimise, e.g. objective: {kind: gate, gate: cnot}")
	} else {
		m.Objective.check(m, p)
	}
	if pen := m.Penalties; pen != nil {
		for _, f := range []struct {
			name string
			v    float64
		}{{"amplitude", pen.Amplitude}, {"slew", pen.Slew}, {"time", pen.Time}} {
			if f.v < 0 || math.IsNaN(f.v) || math.IsInf(f.v, 0) {
				p.add("model.penalties."+f.name, "%v, want a weight ≥ 0", f.v)
			}
		}
	}
	if o := s.Train.Optimizer; o.Name == "lbfgs" {
		if _, err := optim.NewMinimizer(o.Name, o.Hyper); err != nil {
			p.add("train.optimizer", "%v", err)
		}
	}
}

func (sys *PulseSystem) check(p *problems) {
	if !p.oneOf("model.system.kind", sys.Kind, pulseSystems...) {
		return
	}
	switch sys.Kind {
	case "pauli":
		if sys.Qubits < 1 || sys.Qubits > 10 {
			p.add("model.system.qubits", "%d, want 1 to 10", sys.Qubits)
		}
		for i, s := range append([]string{sys.Drift}, sys.Controls...) {
			field := "model.system.drift"
			if i > 0 {
				field = item("model.system.controls", i-1)
			}
			if s == "" || s == "0" {
				continue
			}
			obs, err := circuit.ParseObservable(s)
			if err != nil {
				p.add(field, "%v", err)
			} else if err := obs.Validate(sys.Qubits); err != nil && sys.Qubits >= 1 {
				p.add(field, "%v", err)
			}
		}
		if len(sys.Controls) == 0 {
			p.add("model.system.controls", "missing: the control operators, e.g. [\"0.5*X0\", \"0.5*Y0\"]")
		}
	case "transmon":
		if len(sys.Transmons) == 0 {
			p.add("model.system.transmons", "missing: the modes, e.g. [{freq: 5.0, anharmonicity: -0.3, levels: 3}]")
		}
		d := 1
		for i, t := range sys.Transmons {
			f := item("model.system.transmons", i)
			if t.Levels < 2 || t.Levels > 20 {
				p.add(f+".levels", "%d, want 2 to 20", t.Levels)
			}
			if t.Essential < 0 || t.Essential > t.Levels {
				p.add(f+".essential", "%d, want 0 … levels", t.Essential)
			}
			d *= max(t.Levels, 1)
		}
		if d > 256 {
			p.add("model.system.transmons", "%d levels in all, want at most 256", d)
		}
		for i, c := range sys.Couplings {
			if len(c.Modes) != 2 || c.Modes[0] == c.Modes[1] || slices.ContainsFunc(c.Modes, func(k int) bool { return k < 0 || k >= len(sys.Transmons) }) {
				p.add(item("model.system.couplings", i)+".modes", "%v, want two different modes in [0, %d)", c.Modes, len(sys.Transmons))
			}
		}
		p.oneOf("model.system.frame", sys.Frame, "rotating", "lab")
		if sys.FrameFreqs != nil && len(sys.FrameFreqs) != len(sys.Transmons) {
			p.add("model.system.frame_freqs", "%d frequencies for %d modes", len(sys.FrameFreqs), len(sys.Transmons))
		}
	case "ising":
		if sys.Ising == nil || sys.Ising.Spins < 1 || sys.Ising.Spins > 10 {
			p.add("model.system.ising", "want {spins: 1 … 10, fields: [x, z], zz: true}")
		} else {
			for i, f := range sys.Ising.Fields {
				p.oneOf(item("model.system.ising.fields", i), f, "x", "z")
			}
		}
	}
	for i, c := range sys.Collapse {
		f := item("model.system.collapse", i)
		p.oneOf(f+".kind", c.Kind, collapseKinds...)
		if c.Rate < 0 || math.IsNaN(c.Rate) {
			p.add(f+".rate", "%v, want ≥ 0", c.Rate)
		}
	}
}

func (ps *PulseSpec) check(field string, m *PulseModel, names map[string]bool, p *problems) {
	if ps.Name == "" {
		p.add(field+".name", "missing: every pulse needs a name")
	} else if names[ps.Name] {
		p.add(field+".name", "%q used twice", ps.Name)
	}
	names[ps.Name] = true
	if (ps.Channel == "") == (ps.Drive == nil) {
		p.add(field+".channel", "want exactly one of channel and drive")
	}
	if ps.Drive != nil && (m.System.Kind != "transmon" || *ps.Drive < 0 || *ps.Drive >= len(m.System.Transmons)) {
		p.add(field+".drive", "a transmon mode in [0, %d)", len(m.System.Transmons))
	}
	if _, err := pulseEnvelope(ps); err != nil {
		p.add(field+".shape", "%v", err)
	}
	for i, t := range ps.Train {
		p.oneOf(item(field+".train", i), t, pulseTrainable...)
	}
	if ps.Duration != nil && !(*ps.Duration > 0) {
		p.add(field+".duration", "%v, want > 0", float64(*ps.Duration))
	}
	if ps.Bound < 0 {
		p.add(field+".bound", "%v, want > 0", float64(ps.Bound))
	}
	if in := ps.Init; in != nil {
		p.oneOf(field+".init.kind", in.Kind, pulseInits...)
	}
}

func (o *PulseObjective) check(m *PulseModel, p *problems) {
	if !p.oneOf("model.objective.kind", o.Kind, pulseObjectives...) {
		return
	}
	if _, err := control.ParseMeasure(o.Measure); err != nil {
		p.oneOf("model.objective.measure", o.Measure, "trace", "trace-squared", "average")
	}
	open := len(m.System.Collapse) > 0
	switch o.Kind {
	case "gate", "superop":
		if (o.Gate == "") == (o.Matrix == nil) {
			p.add("model.objective.gate", "want exactly one of gate (a name) and matrix")
		}
		if o.Gate != "" {
			if _, err := namedGate(o.Gate, 0); err != nil {
				p.add("model.objective.gate", "%v", err)
			}
		}
		if _, err := complexMatrix(o.Matrix); err != nil {
			p.add("model.objective.matrix", "%v", err)
		}
	case "energy":
		if _, err := circuit.ParseObservable(o.Hamiltonian); err != nil {
			p.add("model.objective.hamiltonian", "%v", err)
		}
	}
	switch {
	case open && (o.Kind == "gate" || o.Kind == "state" || o.Kind == "energy"):
		p.add("model.objective.kind", "%s is for closed systems; with collapse operators use superop or density", o.Kind)
	case !open && (o.Kind == "superop" || o.Kind == "density"):
		p.add("model.objective.kind", "%s needs collapse operators (an open system)", o.Kind)
	}
	if o.Leakage < 0 || o.Guard < 0 {
		p.add("model.objective", "leakage and guard weights must be ≥ 0")
	}
}

func (m *PulseModel) checkClassifier(s *Spec, p *problems) {
	for _, f := range []string{"system", "duration", "pulses", "objective", "goal", "slices"} {
		if s.Has("model." + f) {
			p.add("model."+f, "the classifier task builds its own pulses; %s belongs to the control task", f)
		}
	}
	c := m.Classifier
	if c.Qubits < 1 || c.Qubits > 10 {
		p.add("model.classifier.qubits", "%d, want 1 to 10", c.Qubits)
	}
	if c.Layers < 1 {
		p.add("model.classifier.layers", "%d, want ≥ 1", c.Layers)
	}
	if c.Encoding != "" {
		p.oneOf("model.classifier.encoding", c.Encoding, control.EncodeField, control.EncodeDetuning, control.EncodeDuration)
	}
	if c.Drives != "" {
		p.oneOf("model.classifier.drives", c.Drives, "xy", "xz", "xyz")
	}
	p.oneOf("model.classifier.readout", c.Readout, "z", "parity")
	p.oneOf("model.classifier.loss", c.Loss, vqc.CrossEntropy, vqc.Square)
}

// complexMatrix parses rows of complex numbers ("1", "-0.5", "0.5+0.5i").
func complexMatrix(rows [][]string) ([][]complex128, error) {
	out := make([][]complex128, len(rows))
	for i, r := range rows {
		if len(r) != len(rows) {
			return nil, fmt.Errorf("row %d has %d entries, want %d (a square matrix)", i, len(r), len(rows))
		}
		out[i] = make([]complex128, len(r))
		for j, v := range r {
			c, err := strconv.ParseComplex(strings.ReplaceAll(v, " ", ""), 128)
			if err != nil {
				return nil, fmt.Errorf("entry (%d, %d) = %q: want a number such as 1, -0.5 or 0.5+0.5i", i, j, v)
			}
			out[i][j] = c
		}
	}
	return out, nil
}
