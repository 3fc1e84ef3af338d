package spec

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A spec is read in two steps: YAML text into a yaml.Node tree, which keeps
// the line of every key and value, then the tree into the Go structs by the
// walk below. The walk is strict where encoding/json and yaml.Unmarshal are
// lenient: an unknown or repeated key, a value of the wrong type and a merge
// key are all errors that name their line and field. Field names are the
// structs' json tags, so the spec as run marshals back to the same keys.

// nodeDecoder is implemented by field types that read themselves from YAML:
// the model section (whose fields depend on its kind), the optimizer (an
// open set of hyperparameters) and angles written as expressions ("pi/2").
type nodeDecoder interface {
	decodeNode(d *decoder, n *yaml.Node, path string)
}

// decoder walks a yaml.Node tree into Go values, recording the line of every
// field it meets and every problem it finds.
type decoder struct {
	*problems
}

// ReadYAML reads exactly one YAML document from data, as Parse does, and
// returns its root node (an alias resolved). It is for files that hold
// specs inside a larger document, such as bench's suites, which then hand
// the parts to ParseNode. file names the source in errors; what names the
// document ("spec", "suite") and want says what an empty one should hold.
// A syntax error, an empty text or a second document is an Errors with its
// line.
func ReadYAML(file string, data []byte, what, want string) (*yaml.Node, error) {
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{{File: file, Msg: fmt.Sprintf("empty %s: want %s", what, want)}}
		}
		return nil, yamlError(file, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		line := extra.Line
		if err != nil {
			return nil, yamlError(file, err)
		}
		return nil, Errors{{File: file, Line: line, Msg: fmt.Sprintf("more than one YAML document; a %s is one document", what)}}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return resolve(root), nil
}

// yamlLine finds the line in a go-yaml syntax error: "yaml: line 3: …".
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a go-yaml syntax error into an Error with its line.
func yamlError(file string, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return Errors{{File: file, Line: line, Msg: "YAML syntax: " + m[2]}}
	}
	return Errors{{File: file, Msg: "YAML syntax: " + strings.TrimPrefix(msg, "yaml: ")}}
}

// child returns the path of a field below path.
func child(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// item returns the path of element i of the sequence at path.
func item(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// isNull reports an empty value ("key:" or "key: null"), which leaves a
// field at its default.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
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

// decode stores n in v (addressable), recording path's line.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	n = resolve(n)
	if _, ok := d.lines[path]; !ok {
		d.lines[path] = n.Line
	}
	if isNull(n) {
		return
	}
	if nd, ok := v.Addr().Interface().(nodeDecoder); ok {
		nd.decodeNode(d, n, path)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		d.decode(n, v.Elem(), path)
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		d.decodeSlice(n, v, path)
	case reflect.Map:
		d.decodeMap(n, v, path)
	default:
		d.decodeScalar(n, v, path)
	}
}

// pairs returns the key/value pairs of a mapping node, reporting repeated
// and merge keys; ok is false (and a problem recorded) if n is not a mapping.
func (d *decoder) pairs(n *yaml.Node, path, want string) (keys, values []*yaml.Node, ok bool) {
	if n.Kind != yaml.MappingNode {
		d.addAt(n.Line, path, "want %s, got %s", want, describe(n))
		return nil, nil, false
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.addAt(k.Line, path, "a key must be a plain name, got %s", describe(k))
			continue
		}
		if k.ShortTag() == "!!merge" {
			d.addAt(k.Line, path, "merge keys (<<) are not supported; write the fields out")
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.addAt(k.Line, child(path, k.Value), "repeated (first set on line %d)", first)
			continue
		}
		seen[k.Value] = k.Line
		keys, values = append(keys, k), append(values, v)
	}
	return keys, values, true
}

// fieldNames maps the json tag names of struct type t to field indices.
func fieldNames(t reflect.Type) (names []string, index map[string]int) {
	index = map[string]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		names = append(names, name)
		index[name] = i
	}
	return names, index
}

// decodeStruct reads a mapping into the fields of a struct. A struct with a
// "kind" (or "name") field also accepts a plain scalar as that field alone,
// so `encoder: angle` means `encoder: {kind: angle}`.
func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	names, index := fieldNames(v.Type())
	if n.Kind == yaml.ScalarNode {
		for _, short := range []string{"kind", "name"} {
			if i, ok := index[short]; ok && v.Field(i).Kind() == reflect.String {
				d.lines[child(path, short)] = n.Line
				v.Field(i).SetString(n.Value)
				return
			}
		}
	}
	keys, values, ok := d.pairs(n, path, "a mapping of "+strings.Join(names, ", "))
	if !ok {
		return
	}
	for j, k := range keys {
		i, known := index[k.Value]
		p := child(path, k.Value)
		if !known {
			d.addAt(k.Line, p, "unknown field%s (known fields: %s)", suggest(k.Value, names), strings.Join(names, ", "))
			continue
		}
		d.lines[p] = k.Line
		d.decode(values[j], v.Field(i), p)
	}
}

// decodeSlice reads a sequence; a single scalar is read as a list of one.
func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, path string) {
	items := []*yaml.Node{n}
	switch n.Kind {
	case yaml.SequenceNode:
		items = n.Content
	case yaml.MappingNode:
		if v.Type().Elem().Kind() != reflect.Struct {
			d.addAt(n.Line, path, "want a list, got a mapping")
			return
		}
	}
	s := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, it := range items {
		p := item(path, i)
		d.lines[p] = resolve(it).Line
		d.decode(it, s.Index(i), p)
	}
	v.Set(s)
}

// decodeMap reads a mapping with string keys.
func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path string) {
	keys, values, ok := d.pairs(n, path, "a mapping")
	if !ok {
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(keys))
	for j, k := range keys {
		p := child(path, k.Value)
		d.lines[p] = k.Line
		e := reflect.New(v.Type().Elem()).Elem()
		d.decode(values[j], e, p)
		m.SetMapIndex(reflect.ValueOf(k.Value), e)
	}
	v.Set(m)
}

// decodeScalar reads a string, bool or number, with YAML's own rules for
// each (so 1_000 and 0x10 are integers), and names the expected type when
// the value does not fit.
func (d *decoder) decodeScalar(n *yaml.Node, v reflect.Value, path string) {
	want := map[reflect.Kind]string{
		reflect.String: "a string", reflect.Bool: "true or false",
		reflect.Int: "an integer", reflect.Uint64: "a non-negative integer", reflect.Float64: "a number",
	}[v.Kind()]
	if want == "" {
		d.addAt(n.Line, path, "internal: cannot read a %s", v.Type())
		return
	}
	if n.Kind != yaml.ScalarNode {
		d.addAt(n.Line, path, "want %s, got %s", want, describe(n))
		return
	}
	if v.Kind() == reflect.String {
		v.SetString(n.Value)
		return
	}
	tags := map[reflect.Kind][]string{
		reflect.Bool: {"!!bool"}, reflect.Int: {"!!int"}, reflect.Uint64: {"!!int"}, reflect.Float64: {"!!int", "!!float"},
	}[v.Kind()]
	if !slices.Contains(tags, n.ShortTag()) {
		d.addAt(n.Line, path, "want %s, got %s", want, describe(n))
		return
	}
	tmp := reflect.New(v.Type())
	if err := n.Decode(tmp.Interface()); err != nil {
		d.addAt(n.Line, path, "want %s, got %s", want, describe(n))
		return
	}
	v.Set(tmp.Elem())
}

// suggest returns ` (did you mean "x"?)` for the known name closest to s
// when it is a likely typo, else "".
func suggest(s string, names []string) string {
	best, bestDist := "", 3
	for _, name := range names {
		if dist := editDistance(s, name); dist < bestDist {
			best, bestDist = name, dist
		}
	}
	if best == "" {
		return fmt.Sprintf(" %q", s)
	}
	return fmt.Sprintf(" %q (did you mean %q?)", s, best)
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			sub := prev[j-1]
			if a[i-1] != b[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// oneOf reports value at field unless it is one of allowed.
func (p *problems) oneOf(field, value string, allowed ...string) bool {
	if slices.Contains(allowed, value) {
		return true
	}
	p.add(field, "%q is not one of %s%s", value, strings.Join(allowed, ", "), suggestOnly(value, allowed))
	return false
}

// suggestOnly is suggest's "did you mean" part alone.
func suggestOnly(s string, names []string) string {
	msg := suggest(s, names)
	if i := strings.Index(msg, " (did you mean"); i >= 0 {
		return msg[i:]
	}
	return ""
}

// reflectValue returns the addressable value ptr points to.
func reflectValue(ptr any) reflect.Value { return reflect.ValueOf(ptr).Elem() }
