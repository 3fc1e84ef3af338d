package spec

import (
	"go.yaml.in/yaml/v3"
)

// ParseNode is Parse for a spec already read into a YAML node tree. A spec
// assembled from parts of a larger file — a benchmark suite (package
// bench) pairs a dataset entry with a model entry — keeps the lines its
// nodes carry, so every problem it has is located in that larger file.
// file names the source in errors and anchors relative paths.
func ParseNode(file string, root *yaml.Node) (*Spec, error) {
	if root == nil {
		return nil, Errors{{File: file, Msg: "empty spec: want a mapping with data, model and train"}}
	}
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	root = resolve(root)
	s := &Spec{File: file, lines: map[string]int{"": max(root.Line, 1)}}
	d := &decoder{&problems{file: file, lines: s.lines}}
	if root.Kind != yaml.MappingNode {
		d.addAt(root.Line, "", "a spec is a mapping with data, model and train; got %s", describe(root))
		return nil, d.err()
	}
	d.decodeStruct(root, reflectValue(s), "")
	s.setDefaults()
	if err := s.Check(); err != nil {
		for _, e := range err.(Errors) {
			if !d.reported(e.Field) {
				d.list = append(d.list, e)
			}
		}
	}
	if err := d.err(); err != nil {
		return nil, err
	}
	return s, nil
}
