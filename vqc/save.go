package vqc

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
)

// ModelFormat and ModelVersion identify the JSON model file. Version 1:
//
//	{
//	  "format": "qml-vqc-model",
//	  "version": 1,
//	  "config": { …Config… },
//	  "params": [ …Params… ],
//	  "preprocess": { … }   // optional, owned by the caller (spec)
//	}
//
// A reader refuses other formats and newer versions; the circuit is rebuilt
// from config, so a loaded model predicts exactly what the saved one did.
const (
	ModelFormat  = "qml-vqc-model"
	ModelVersion = 1
)

type modelFile struct {
	Format     string          `json:"format"`
	Version    int             `json:"version"`
	Config     Config          `json:"config"`
	Params     []float64       `json:"params"`
	Preprocess json.RawMessage `json:"preprocess,omitempty"`
}

// MarshalModel returns the JSON model file of m with an optional
// preprocessing record (nil to leave it out).
func (m *Model) MarshalModel(preprocess any) ([]byte, error) {
	f := modelFile{Format: ModelFormat, Version: ModelVersion, Config: m.Config, Params: m.Params}
	if preprocess != nil {
		raw, err := json.Marshal(preprocess)
		if err != nil {
			return nil, err
		}
		f.Preprocess = raw
	}
	return json.MarshalIndent(f, "", "  ")
}

// Save writes m atomically to path (see ModelFormat).
func (m *Model) Save(path string, preprocess any) error {
	data, err := m.MarshalModel(preprocess)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data)
}

// UnmarshalModel rebuilds a model from its JSON file and returns the raw
// preprocessing record (nil if absent).
func UnmarshalModel(data []byte) (*Model, json.RawMessage, error) {
	var f modelFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, nil, err
	}
	if f.Format != ModelFormat {
		return nil, nil, fmt.Errorf("format %q, want %q", f.Format, ModelFormat)
	}
	if f.Version < 1 || f.Version > ModelVersion {
		return nil, nil, fmt.Errorf("model version %d; this build reads versions 1 to %d", f.Version, ModelVersion)
	}
	m := &Model{Config: f.Config}
	if err := m.build(); err != nil {
		return nil, nil, fmt.Errorf("config: %w", err)
	}
	if len(f.Params) != m.NumParams() {
		return nil, nil, fmt.Errorf("params: %d values, the model has %d parameters", len(f.Params), m.NumParams())
	}
	for i, v := range f.Params {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, nil, fmt.Errorf("params[%d]: %g is not finite", i, v)
		}
	}
	m.Params = f.Params
	return m, f.Preprocess, nil
}

// Load reads a model file written by Save.
func Load(path string) (*Model, json.RawMessage, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	m, pre, err := UnmarshalModel(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, pre, nil
}
