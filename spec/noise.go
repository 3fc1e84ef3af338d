package spec

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/density"
	"github.com/qmlgo/qml/vqc"
	"go.yaml.in/yaml/v3"
)

// Noise is the noise: section of a spec, the noise model a vqc trains and
// is evaluated under. It is written inline in the form ParseNoiseModel
// reads,
//
//	noise:
//	  channels:
//	    - {type: depolarizing2, p: 0.01, gates: [cx]}
//	  readout:
//	    - {p: 0.02}
//
// or as the path of such a file, relative to the spec ("noise: device.yaml").
// A spec with noise runs on the density-matrix backend (exact expectation
// values up to density.MaxQubits qubits, parameter-shift gradients).
type Noise struct {
	// File is the model's file when the spec names one.
	File string
	// Model is the parsed noise model.
	Model *circuit.NoiseModel
}

// decodeNode reads an inline model, locating its problems at their lines
// in the spec, or a file name, reporting each problem of the file (with
// the file's own line) at the spec's noise line.
func (n *Noise) decodeNode(d *decoder, node *yaml.Node, path string) {
	if node.Kind != yaml.ScalarNode {
		n.Model = d.noiseModel(node, path)
		return
	}
	n.File = node.Value
	file := n.File
	if !filepath.IsAbs(file) {
		file = filepath.Join(filepath.Dir(d.file), file)
	}
	data, err := readNoiseFile(file)
	if err != nil {
		d.addAt(node.Line, path, "%v", err)
		return
	}
	m, err := ParseNoiseModel(file, data)
	if err != nil {
		// ParseNoiseModel's errors are always an Errors.
		for _, e := range err.(Errors) {
			d.addAt(node.Line, path, "%v", e)
		}
		return
	}
	n.Model = m
}

// maxNoiseFile bounds a noise-model file: a model is a few rules.
const maxNoiseFile = 1 << 20

// readNoiseFile reads a regular file of at most maxNoiseFile bytes (so a
// spec naming a device or a pipe cannot hang the parser).
func readNoiseFile(file string) ([]byte, error) {
	fi, err := os.Stat(file)
	switch {
	case err != nil:
		return nil, err
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%s is not a regular file", file)
	case fi.Size() > maxNoiseFile:
		return nil, fmt.Errorf("%s has %d bytes; a noise model has at most %d", file, fi.Size(), maxNoiseFile)
	}
	return os.ReadFile(file)
}

// MarshalJSON writes the file name when the spec gave one, else the model.
func (n Noise) MarshalJSON() ([]byte, error) {
	if n.File != "" {
		return json.Marshal(n.File)
	}
	return json.Marshal(n.Model)
}

func init() {
	backends["density"] = func() vqc.Backend { return &density.Backend{} }
}

// newBackend returns the simulator of the spec: its backend, or, when the
// spec has a noise model, the density matrix under that model.
func (s *Spec) newBackend() (vqc.Backend, bool) {
	if s.Noise != nil && s.Noise.Model != nil {
		return &density.Backend{Noise: s.Noise.Model}, true
	}
	return NewBackend(s.Backend)
}

// checkNoise validates the noise model against the model's qubits.
func (s *Spec) checkNoise(p *problems) {
	if s.Noise == nil || s.Noise.Model == nil {
		return
	}
	if s.Backend != "statevector" && s.Backend != "density" {
		p.add("backend", "backend %s does not run noise; leave it out or use density", s.Backend)
	}
	v, ok := s.Model.Config.(*VQC)
	if !ok {
		p.add("noise", "only vqc models run under noise")
		return
	}
	if v.Qubits > 0 {
		if err := s.Noise.Model.Check(v.Qubits); err != nil {
			p.add("noise", "%v", err)
		}
		if v.Qubits > density.MaxQubits {
			p.add("noise", "noise needs the density matrix, at most %d qubits; the model has %d", density.MaxQubits, v.Qubits)
		}
	}
}
