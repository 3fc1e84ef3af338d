package spec

import (
	"bytes"
	"encoding/json"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Model is the model section of a spec: a kind and that kind's settings.
// Each kind (vqc now; pulse-level and classical models later) registers the
// struct its section decodes into, so the fields a spec may write depend on
// the kind it names.
type Model struct {
	// Kind selects the model family; "vqc" is the default.
	Kind string
	// Config holds the kind's settings: *VQC for kind "vqc".
	Config ModelConfig
}

// ModelConfig is the settings struct of one model kind. Its exported
// fields, named by their json tags, are the YAML keys of the model section.
type ModelConfig interface {
	// setDefaults fills the fields the file left out.
	setDefaults(s *Spec)
	// check reports every problem that can be found without the data.
	check(s *Spec, p *problems)
	// needsData reports whether the model trains on samples (a VQE does not).
	needsData() bool
	// build makes the trainable model for a run whose data is prepared.
	build(r *Run) (Trainer, error)
	// describe summarises the model in a few words for the user.
	describe() string
}

// modelKinds maps each kind name to a constructor of its empty settings.
var modelKinds = map[string]func() ModelConfig{}

// registerModelKind makes kind available in specs; each kind's file calls
// it from an init function.
func registerModelKind(kind string, newConfig func() ModelConfig) {
	modelKinds[kind] = newConfig
}

// ModelKinds returns the kinds a spec may name, sorted.
func ModelKinds() []string { return sortedKeys(modelKinds) }

// decodeNode reads the kind first, then the rest of the section into that
// kind's settings.
func (m *Model) decodeNode(d *decoder, n *yaml.Node, path string) {
	if n.Kind != yaml.MappingNode {
		d.addAt(n.Line, path, "want a mapping with kind, task, qubits, …, got %s", describe(n))
		return
	}
	rest := *n
	rest.Content = nil
	m.Kind = "vqc"
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "kind" {
			p := child(path, "kind")
			d.lines[p] = k.Line
			d.decodeScalar(resolve(v), reflectValue(&m.Kind), p)
			continue
		}
		rest.Content = append(rest.Content, n.Content[i], v)
	}
	newConfig, ok := modelKinds[m.Kind]
	if !ok {
		d.add(child(path, "kind"), "unknown model kind %q (known: %s)", m.Kind, strings.Join(ModelKinds(), ", "))
		return
	}
	m.Config = newConfig()
	d.decodeStruct(&rest, reflectValue(m.Config), path)
}

// Describe summarises the model in a few words, e.g. "vqc classifier, 4
// qubits, 2 strongly-entangling layers".
func (m Model) Describe() string {
	if m.Config == nil {
		return m.Kind
	}
	return m.Kind + " " + m.Config.describe()
}

// MarshalJSON writes the kind followed by the kind's settings in one object.
func (m Model) MarshalJSON() ([]byte, error) {
	kind, err := json.Marshal(map[string]string{"kind": m.Kind})
	if err != nil || m.Config == nil {
		return kind, err
	}
	cfg, err := json.Marshal(m.Config)
	if err != nil {
		return nil, err
	}
	if bytes.Equal(cfg, []byte("{}")) {
		return kind, nil
	}
	return append(append(kind[:len(kind)-1], ','), cfg[1:]...), nil
}
