package bench

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/qmlgo/qml/spec"
)

// problems collects the located errors of one pass over a suite file, in
// the error type of package spec, so a suite's messages read like a spec's.
type problems struct {
	file string
	list spec.Errors
}

// add records a problem at a line.
func (p *problems) add(line int, field, format string, a ...any) {
	p.list = append(p.list, &spec.Error{File: p.file, Line: line, Field: field, Msg: fmt.Sprintf(format, a...)})
}

// maxErrors caps a report, as spec does.
const maxErrors = 20

// err returns the problems sorted by line, or nil.
func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	l := slices.Clone(p.list)
	slices.SortStableFunc(l, func(a, b *spec.Error) int { return cmp.Compare(a.Line, b.Line) })
	if len(l) > maxErrors {
		l = l[:maxErrors]
	}
	return l
}

// pairs returns the keys and values of a mapping, reporting repeated and
// non-scalar keys; nil if n is not a mapping (reported as wanting want).
func (p *problems) pairs(n *yaml.Node, path, want string) (keys, values []*yaml.Node) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		p.add(n.Line, path, "want %s, got %s", want, describe(n))
		return nil, nil
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		field := path + "." + k.Value
		if path == "" {
			field = k.Value
		}
		switch {
		case k.Kind != yaml.ScalarNode:
			p.add(k.Line, path, "a key must be a plain name, got %s", describe(k))
			continue
		case k.ShortTag() == "!!merge":
			p.add(k.Line, path, "merge keys (<<) are not supported; write the fields out")
			continue
		}
		if first, dup := seen[k.Value]; dup {
			p.add(k.Line, field, "repeated (first set on line %d)", first)
			continue
		}
		seen[k.Value] = k.Line
		keys, values = append(keys, k), append(values, v)
	}
	return keys, values
}

// mapping reads a mapping whose keys must be among known, returning the
// values by key.
func (p *problems) mapping(n *yaml.Node, path string, known []string) map[string]*yaml.Node {
	keys, values := p.pairs(n, path, "a mapping of "+strings.Join(known, ", "))
	out := map[string]*yaml.Node{}
	for i, k := range keys {
		if !slices.Contains(known, k.Value) {
			field := k.Value
			if path != "" {
				field = path + "." + k.Value
			}
			p.add(k.Line, field, "unknown field (known fields: %s)", strings.Join(known, ", "))
			continue
		}
		out[k.Value] = values[i]
	}
	return out
}

// str reads a string scalar; "" for nil.
func (p *problems) str(n *yaml.Node, path string) string {
	if n == nil {
		return ""
	}
	if n = resolve(n); n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		p.add(n.Line, path, "want a string, got %s", describe(n))
		return ""
	}
	return n.Value
}

// uint reads a non-negative integer scalar.
func (p *problems) uint(n *yaml.Node, path string) uint64 {
	n = resolve(n)
	var v uint64
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&v) != nil {
		p.add(n.Line, path, "want a non-negative integer, got %s", describe(n))
		return 0
	}
	return v
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// describe names what a node is, for "want X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return strconv.Quote(n.Value)
	}
	return "nothing"
}
