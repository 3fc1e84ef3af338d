package bench

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/qmlgo/qml/spec"
)

// Suite is a parsed suite file: datasets, one split seed, the model seeds
// and the model entries. Each model entry is the model, train and backend
// sections of a `qml train` spec, plus the preprocessing it wants (scale,
// angle range, PCA, features), so any model `qml train` can train can be
// benchmarked.
//
// A suite file looks like
//
//	name: small
//	split_seed: 7        # one train/test split per dataset, for every model
//	seeds: 5             # model seeds 1…5 (or a list: [3, 8, 13])
//	datasets:
//	  iris: {dataset: iris, test: 0.25}
//	  circle: {dataset: circle, samples: 200, test_samples: 500}
//	models:
//	  - name: logistic
//	    model: {kind: logistic}
//	    data: {scale: standard}
//	    train: {epochs: 100, optimizer: {name: adam, lr: 0.05}}
//	  - name: vqc
//	    datasets: [iris]   # default: every dataset
//	    data: {scale: minmax, angle_range: [0, pi]}
//	    model: {kind: vqc, task: classifier, qubits: 4, layers: 2}
//	    train: {epochs: 20, batch_size: 16}
//	    backend: statevector
type Suite struct {
	// Name labels the suite; it defaults to the file name without
	// directory and extension.
	Name string
	// File is the path the suite was read from; relative paths inside it
	// (a dataset's csv.path) are resolved against its directory.
	File string
	// SHA256 is the hex SHA-256 of the suite file's bytes: shards of one
	// suite carry the same one, and Merge refuses to mix suites.
	SHA256 string
	// SplitSeed draws generated data and splits every dataset.
	SplitSeed uint64
	// Seeds are the model seeds; every (dataset, model) pair runs once per
	// seed.
	Seeds []uint64
	// Datasets and Models are in file order.
	Datasets []string
	Models   []ModelEntry

	// data holds each dataset's data section.
	data map[string]*yaml.Node
}

// ModelEntry is one entry of a suite's models list.
type ModelEntry struct {
	// Name labels the model's rows; names are unique within a suite.
	Name string
	// Kind is the model kind (spec.ModelKinds), "vqc" by default.
	Kind string
	// Datasets are the datasets the model runs on, in suite order.
	Datasets []string
	// Line is the entry's line in the suite file.
	Line int

	// node is the entry's mapping: name, datasets, data, model, train,
	// backend.
	node *yaml.Node
}

// Classical reports whether the entry is a classical reference, a model
// that simulates no quantum system (every kind but vqc and pulse).
func (m *ModelEntry) Classical() bool { return m.Kind != "vqc" && m.Kind != "pulse" }

// DefaultSeeds is the number of model seeds of a suite that names none.
const DefaultSeeds = 5

// suiteKeys are the top-level keys of a suite file.
var suiteKeys = []string{"name", "split_seed", "seeds", "datasets", "models"}

// entryKeys are the keys of a model entry.
var entryKeys = []string{"name", "datasets", "data", "model", "train", "backend"}

// preprocessKeys are the data keys a model entry may set: how it prepares
// the shared split, never which samples are in it.
var preprocessKeys = []string{"features", "pca", "scale", "angle_range"}

// LoadSuite reads and checks the suite file at path (see ParseSuite).
func LoadSuite(path string) (*Suite, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("suite: %w", err)
	}
	return ParseSuite(path, data)
}

// ParseSuite reads a suite from YAML text; file names the source in errors
// and anchors relative paths. Every problem — in the suite's own keys or in
// any model entry as spec.Parse would find it for each of its datasets — is
// reported at once as a spec.Errors of file:line messages, e.g.
//
//	small.yaml:31: model.qubits: 0, want at least 1 (model "vqc" on dataset "iris")
//
// A suite must give every dataset at least one classical model, so the
// references are always in the table.
func ParseSuite(file string, data []byte) (*Suite, error) {
	p := &problems{file: file}
	root, err := spec.ReadYAML(file, data, "suite", "a mapping with datasets and models")
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	s := &Suite{File: file, SHA256: hex.EncodeToString(sum[:]), data: map[string]*yaml.Node{}}
	if root.Kind != yaml.MappingNode {
		p.add(root.Line, "", "a suite is a mapping with datasets and models; got %s", describe(root))
		return nil, p.err()
	}
	fields := p.mapping(root, "", suiteKeys)
	s.Name = p.str(fields["name"], "name")
	if s.Name == "" {
		base := file[strings.LastIndexAny(file, `/\`)+1:]
		s.Name = strings.TrimSuffix(base, ".yaml")
		s.Name = strings.TrimSuffix(s.Name, ".yml")
	}
	if n := fields["split_seed"]; n != nil {
		s.SplitSeed = p.uint(n, "split_seed")
	}
	s.Seeds = p.seeds(fields["seeds"])
	p.datasets(s, fields["datasets"], root.Line)
	p.models(s, fields["models"], root.Line)
	if len(p.list) == 0 {
		p.checkEntries(s)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return s, nil
}

// seeds reads seeds: a count k (seeds 1…k) or a list of seeds.
func (p *problems) seeds(n *yaml.Node) []uint64 {
	if n == nil {
		return seq(DefaultSeeds)
	}
	if n.Kind == yaml.SequenceNode {
		if len(n.Content) == 0 {
			p.add(n.Line, "seeds", "an empty list; want at least one seed")
		}
		var out []uint64
		for i, it := range n.Content {
			v := p.uint(resolve(it), fmt.Sprintf("seeds[%d]", i))
			if slices.Contains(out, v) {
				p.add(it.Line, fmt.Sprintf("seeds[%d]", i), "seed %d is repeated", v)
			}
			out = append(out, v)
		}
		return out
	}
	before := len(p.list)
	k := p.uint(n, "seeds")
	if len(p.list) > before {
		return nil
	}
	if k < 1 || k > 1000 {
		p.add(n.Line, "seeds", "%d, want 1 to 1000 seeds (or a list of seeds)", k)
		return nil
	}
	return seq(int(k))
}

// seq returns the seeds 1…k.
func seq(k int) []uint64 {
	out := make([]uint64, k)
	for i := range out {
		out[i] = uint64(i + 1)
	}
	return out
}

// datasets reads the datasets mapping: a name, then a spec data section.
func (p *problems) datasets(s *Suite, n *yaml.Node, line int) {
	if n == nil {
		p.add(line, "datasets", "missing: name at least one dataset, e.g. datasets: {iris: {dataset: iris}}")
		return
	}
	keys, values := p.pairs(n, "datasets", "a mapping from dataset names to data sections")
	if keys == nil && n.Kind == yaml.MappingNode {
		p.add(n.Line, "datasets", "empty; name at least one dataset")
	}
	for i, k := range keys {
		v := values[i]
		if v.Kind != yaml.MappingNode {
			p.add(v.Line, "datasets."+k.Value, "want a data section (dataset: …, test: …), got %s", describe(v))
			continue
		}
		s.Datasets = append(s.Datasets, k.Value)
		s.data[k.Value] = v
	}
}

// models reads the models list.
func (p *problems) models(s *Suite, n *yaml.Node, line int) {
	if n == nil {
		p.add(line, "models", "missing: list at least one model entry")
		return
	}
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		p.add(n.Line, "models", "want a non-empty list of model entries, got %s", describe(n))
		return
	}
	seen := map[string]int{}
	for i, it := range n.Content {
		it = resolve(it)
		path := fmt.Sprintf("models[%d]", i)
		if it.Kind != yaml.MappingNode {
			p.add(it.Line, path, "want a model entry (name, model, train, …), got %s", describe(it))
			continue
		}
		f := p.mapping(it, path, entryKeys)
		m := ModelEntry{Line: it.Line, node: it, Kind: "vqc"}
		m.Name = p.str(f["name"], path+".name")
		if f["name"] == nil {
			p.add(it.Line, path+".name", "missing: every model entry needs a name for its rows")
		} else if first, dup := seen[m.Name]; dup {
			p.add(f["name"].Line, path+".name", "%q is repeated (first on line %d)", m.Name, first)
		}
		seen[m.Name] = it.Line
		if f["model"] == nil {
			p.add(it.Line, path+".model", "missing: a model section as in a qml train spec")
		} else if mk := f["model"]; mk.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(mk.Content); j += 2 {
				if mk.Content[j].Value == "kind" {
					m.Kind = resolve(mk.Content[j+1]).Value
				}
			}
		}
		if d := f["data"]; d != nil {
			dk, _ := p.pairs(d, path+".data", "a mapping of "+strings.Join(preprocessKeys, ", "))
			for _, k := range dk {
				if !slices.Contains(preprocessKeys, k.Value) {
					p.add(k.Line, path+".data."+k.Value, "a model entry may set only how data are prepared (%s); the samples and the split belong to the dataset", strings.Join(preprocessKeys, ", "))
				}
			}
		}
		m.Datasets = p.entryDatasets(s, f["datasets"], path)
		s.Models = append(s.Models, m)
	}
}

// entryDatasets reads a model entry's datasets list, every dataset by
// default.
func (p *problems) entryDatasets(s *Suite, n *yaml.Node, path string) []string {
	if n == nil {
		return slices.Clone(s.Datasets)
	}
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	var names []string
	for _, it := range items {
		it = resolve(it)
		name := p.str(it, path+".datasets")
		if _, ok := s.data[name]; !ok && it.Kind == yaml.ScalarNode {
			p.add(it.Line, path+".datasets", "unknown dataset %q (the suite's datasets: %s)", name, strings.Join(s.Datasets, ", "))
			continue
		}
		names = append(names, name)
	}
	// Keep suite order, whatever order the entry lists them in.
	var out []string
	for _, d := range s.Datasets {
		if slices.Contains(names, d) {
			out = append(out, d)
		}
	}
	return out
}

// checkEntries parses every (dataset, model) pair as the spec it will run
// as, and checks that every dataset has a classical reference.
func (p *problems) checkEntries(s *Suite) {
	seen := map[string]bool{}
	for _, d := range s.Datasets {
		classical := false
		for i := range s.Models {
			m := &s.Models[i]
			if !slices.Contains(m.Datasets, d) {
				continue
			}
			classical = classical || m.Classical()
			if _, err := s.Spec(d, m.Name, 0); err != nil {
				var list spec.Errors
				if !errors.As(err, &list) {
					p.add(m.Line, "", "%v (model %q on dataset %q)", err, m.Name, d)
					continue
				}
				for _, e := range list {
					if key := e.Error(); !seen[key] {
						seen[key] = true
						p.list = append(p.list, &spec.Error{File: e.File, Line: e.Line, Field: e.Field,
							Msg: fmt.Sprintf("%s (model %q on dataset %q)", e.Msg, m.Name, d)})
					}
				}
			}
		}
		if !classical {
			p.add(s.data[d].Line, "datasets."+d, "no classical model runs on %q: add a reference (logistic, mlp, mps-classifier, rbm, …) so the table can be read", d)
		}
	}
}

// Spec returns the run spec of model on dataset with the given model seed:
// the dataset's data section with the entry's preprocessing keys laid over
// it, and the entry's model, train and backend sections. Its problems are
// located in the suite file.
func (s *Suite) Spec(dataset, model string, seed uint64) (*spec.Spec, error) {
	m := s.model(model)
	d := s.data[dataset]
	if m == nil || d == nil {
		return nil, fmt.Errorf("suite %s: no model %q on dataset %q", s.Name, model, dataset)
	}
	node := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: m.Line}
	add := func(key string, line int, v *yaml.Node) {
		k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: line}
		node.Content = append(node.Content, k, v)
	}
	add("name", m.Line, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: dataset + "/" + model, Line: m.Line})
	add("data", d.Line, overlay(d, entryField(m.node, "data")))
	for _, key := range []string{"model", "train", "backend"} {
		if v := entryField(m.node, key); v != nil {
			add(key, v.Line, v)
		}
	}
	sp, err := spec.ParseNode(s.File, node)
	if err != nil {
		return nil, err
	}
	sp.Seed = seed
	return sp, nil
}

// model returns the entry called name, or nil.
func (s *Suite) model(name string) *ModelEntry {
	for i := range s.Models {
		if s.Models[i].Name == name {
			return &s.Models[i]
		}
	}
	return nil
}

// entryField returns the value of key in mapping n, or nil.
func entryField(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if resolve(n.Content[i]).Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// overlay returns a mapping with base's pairs, those of top replacing the
// ones with the same key, and top's other pairs after them.
func overlay(base, top *yaml.Node) *yaml.Node {
	out := *base
	out.Content = nil
	for i := 0; i+1 < len(base.Content); i += 2 {
		if top == nil || entryField(top, resolve(base.Content[i]).Value) == nil {
			out.Content = append(out.Content, base.Content[i], base.Content[i+1])
		}
	}
	if top != nil {
		out.Content = append(out.Content, top.Content...)
	}
	return &out
}
