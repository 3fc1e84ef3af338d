package control

import (
	"fmt"
	"math"

	"github.com/qmlgo/qml/linalg"
	"github.com/qmlgo/qml/vqc"
)

// Encoding names how a feature enters a re-uploading pulse model.
const (
	// EncodeField: the feature sets the strength of a resonant field,
	// ½·Scale·x·σ (a rotation by Scale·x·EncodeTime).
	EncodeField = "field"
	// EncodeDetuning: the feature sets a detuning, the strength of a
	// ½·Scale·x·σz field.
	EncodeDetuning = "detuning"
	// EncodeDuration: the feature sets how long a field of strength
	// Scale stays on, EncodeTime·x (the same rotation Scale·EncodeTime·x as
	// EncodeField, reached by time instead of strength; x ≥ 0 expected).
	EncodeDuration = "duration"
)

// ReuploadConfig describes the pulse-level re-uploading classifier of
// NewReuploading: n qubits with an always-on Ising coupling
// J·Σ Z_q Z_{q+1}; per layer an encoding window, in which feature j drives
// qubit j mod n (the X axis for j < n, the Z axis for the next n features,
// so a single qubit can read two features as vqc's angle encoding does),
// then a window of trainable piecewise-constant drives (½X and ½Y by
// default, see Drives) on every qubit; Z readout on the first qubits (one per class beyond two) or the
// parity Z⊗…⊗Z.
type ReuploadConfig struct {
	Qubits, Features, Layers int
	Classes                  int      // 2 or more (classifier); 0 for a regressor
	Task                     vqc.Task // default classifier
	Loss                     string
	Encoding                 string  // EncodeField (default), EncodeDetuning, EncodeDuration
	EncodeTime               float64 // window per layer (default 1)
	PulseTime                float64 // trainable window per layer (default 1)
	Segments                 int     // PWC segments per trainable pulse and layer (default 1)
	Coupling                 float64 // J (default π/4: a CZ-like phase in one unit of time)
	Scale                    float64 // input scale (default π/EncodeTime: x = 1 is a π rotation)
	TrainScale               bool
	Readout                  string // "z" (default) or "parity"
	// Drives are the axes of the trainable drives per qubit: "xy"
	// (default), "xz" or "xyz".
	Drives string
	Bound  float64 // amplitude bound of the trainable drives (0: none)
	Init   []float64
}

// NewReuploading builds the classifier configuration of rc. Init, when
// given, holds the starting amplitudes of the trainable drives (layer by
// layer, qubit by qubit, axis by axis, segment by segment); otherwise they
// start at zero.
func NewReuploading(rc ReuploadConfig) (ClassifierConfig, error) {
	if rc.Qubits < 1 || rc.Features < 1 || rc.Layers < 1 {
		return ClassifierConfig{}, fmt.Errorf("control: re-uploading model needs qubits, features and layers ≥ 1 (got %d, %d, %d)", rc.Qubits, rc.Features, rc.Layers)
	}
	if rc.Features > 2*rc.Qubits {
		return ClassifierConfig{}, fmt.Errorf("control: %d features need at least %d qubits (two per qubit)", rc.Features, (rc.Features+1)/2)
	}
	def := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	def(&rc.EncodeTime, 1)
	def(&rc.PulseTime, 1)
	def(&rc.Coupling, math.Pi/4)
	def(&rc.Scale, math.Pi/rc.EncodeTime)
	if rc.Segments == 0 {
		rc.Segments = 1
	}
	if rc.Encoding == "" {
		rc.Encoding = EncodeField
	}
	if rc.Task == "" {
		rc.Task = vqc.Classifier
	}
	if rc.Drives == "" {
		rc.Drives = "xy"
	}
	axes := map[string][]int{"xy": {0, 1}, "xz": {0, 2}, "xyz": {0, 1, 2}}[rc.Drives]
	if axes == nil {
		return ClassifierConfig{}, fmt.Errorf("control: drives %q: want xy, xz or xyz", rc.Drives)
	}
	n := rc.Qubits
	zz := ""
	for q := 0; q+1 < n; q++ {
		zz += fmt.Sprintf(" + %v*Z%d*Z%d", rc.Coupling, q, q+1)
	}
	if zz == "" {
		zz = "0"
	} else {
		zz = zz[3:]
	}
	var controls []string
	for q := range n {
		controls = append(controls, fmt.Sprintf("0.5*X%d", q), fmt.Sprintf("0.5*Y%d", q), fmt.Sprintf("0.5*Z%d", q))
	}
	sys, err := PauliSystem(n, zz, controls...)
	if err != nil {
		return ClassifierConfig{}, err
	}
	period := rc.EncodeTime + rc.PulseTime
	var inputs []Input
	k := 0
	for l := range rc.Layers {
		t0 := float64(l) * period
		for j := range rc.Features {
			q, axis := j%n, 0 // X
			if j >= n || rc.Encoding == EncodeDetuning {
				axis = 2 // Z
			}
			p := NewPulse(fmt.Sprintf("enc%d.x%d", l, j), PWC{N: 1}, t0, rc.EncodeTime)
			p.SetTrain(false)
			in := Input{Pulse: p, Feature: j, Scale: rc.Scale, TrainScale: rc.TrainScale}
			if rc.Encoding == EncodeDuration {
				p.Params[0] = rc.Scale
				in.Param, in.Offset, in.Scale, in.TrainScale = p.Index(Duration), 1e-9, rc.EncodeTime, false
			}
			inputs = append(inputs, in)
			sys.Channels[3*q+axis].Add(p)
		}
		for q := range n {
			for _, a := range axes {
				p := NewPulse(fmt.Sprintf("l%d.%c%d", l, "xyz"[a], q), PWC{N: rc.Segments}, t0+rc.EncodeTime, rc.PulseTime)
				for s := range p.Params {
					if k < len(rc.Init) {
						p.Params[s] = rc.Init[k]
					}
					k++
				}
				if rc.Bound > 0 {
					p.BoundAmplitudes(rc.Bound)
				}
				sys.Channels[3*q+a].Add(p)
			}
		}
	}
	readout, err := reuploadReadout(rc, sys.Levels)
	if err != nil {
		return ClassifierConfig{}, err
	}
	return ClassifierConfig{
		Problem: Problem{System: sys, Duration: float64(rc.Layers) * period},
		Inputs:  inputs, Readout: readout, Task: rc.Task, Classes: rc.Classes, Loss: rc.Loss,
	}, nil
}

// reuploadReadout returns the Z or parity observables.
func reuploadReadout(rc ReuploadConfig, levels []int) ([]*linalg.Matrix, error) {
	outputs := 1
	if rc.Task == vqc.Classifier && rc.Classes > 2 {
		outputs = rc.Classes
	}
	switch rc.Readout {
	case "", "z":
		if outputs > rc.Qubits {
			return nil, fmt.Errorf("control: %d classes need %d readout qubits, have %d", rc.Classes, outputs, rc.Qubits)
		}
		var out []*linalg.Matrix
		for k := range outputs {
			o, err := pauliOperator(fmt.Sprintf("Z%d", k), levels)
			if err != nil {
				return nil, err
			}
			out = append(out, o)
		}
		return out, nil
	case "parity":
		if outputs > 1 {
			return nil, fmt.Errorf("control: parity readout gives one output, %d classes need %d", rc.Classes, outputs)
		}
		s := ""
		for q := range rc.Qubits {
			s += fmt.Sprintf("*Z%d", q)
		}
		o, err := pauliOperator(s[1:], levels)
		if err != nil {
			return nil, err
		}
		return []*linalg.Matrix{o}, nil
	}
	return nil, fmt.Errorf("control: readout %q: want z or parity", rc.Readout)
}
