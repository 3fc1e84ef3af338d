package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Spec is one run: where the data comes from and how it is prepared, the
// model, the simulator backend, the training settings and where results go.
// docs/spec.md documents every field with an example. The json tags are the
// YAML keys, so a Spec marshals to JSON with the keys of the file it was read
// from (results.json records the spec as run that way).
type Spec struct {
	// Name labels the run in reports; it defaults to the file name without
	// directory and extension.
	Name string `json:"name"`
	// Seed fixes every random choice of the run: the data split, generated
	// data, the initial parameters and the mini-batch shuffles.
	Seed uint64 `json:"seed"`
	// Data is where the samples come from; nil for VQE, which has none.
	Data *Data `json:"data,omitempty"`
	// Model is the model to train.
	Model Model `json:"model"`
	// Backend is the simulator that runs the circuits; "statevector" is the
	// default.
	Backend string `json:"backend"`
	// Noise is the noise model the circuits run under (see Noise); nil
	// runs them noise free.
	Noise *Noise `json:"noise,omitempty"`
	// Train holds the training settings.
	Train Train `json:"train"`
	// Output is the directory results go to, relative to the working
	// directory; it defaults to runs/<name>.
	Output string `json:"output"`

	// File is the path the spec was read from; relative paths inside it
	// (data.csv.path, model.ansatz.qasm) are resolved against its directory.
	File string `json:"-"`
	// lines maps every field path present in the file to its line.
	lines map[string]int
}

// Data says where samples come from and how they are prepared. Exactly one
// of Dataset and CSV is set.
type Data struct {
	// Dataset names an embedded dataset (iris, wine, breast-cancer, digits)
	// or a generator (circle, moons, circles, xor, parity, bars-and-stripes,
	// linear).
	Dataset string `json:"dataset,omitempty"`
	// CSV reads samples from a file instead.
	CSV *CSV `json:"csv,omitempty"`

	// Samples is how many points a generator draws for training (and
	// validation); generators have a default.
	Samples int `json:"samples,omitempty"`
	// Noise is the standard deviation of Gaussian noise added by moons,
	// circles and xor.
	Noise float64 `json:"noise,omitempty"`
	// Factor is the inner radius of circles relative to the outer one.
	Factor float64 `json:"factor,omitempty"`
	// Bits is the parity generator's bit count: all 2^bits strings.
	Bits int `json:"bits,omitempty"`
	// Shape is bars-and-stripes' [rows, cols].
	Shape []int `json:"shape,omitempty"`
	// Dimension and Margin tune the linear generator.
	Dimension int     `json:"dimension,omitempty"`
	Margin    float64 `json:"margin,omitempty"`

	// Test is the fraction of samples held out for testing (stratified).
	Test float64 `json:"test,omitempty"`
	// TestSamples draws a separate test set of that size from a generator
	// instead of splitting off a fraction.
	TestSamples int `json:"test_samples,omitempty"`
	// Validation is the fraction of samples held out for validation after
	// every epoch; 0 means none.
	Validation float64 `json:"validation,omitempty"`

	// Features keeps only these columns, by name or 0-based index.
	Features []string `json:"features,omitempty"`
	// PCA projects the (standardised) features onto that many principal
	// components; 0 means no PCA.
	PCA int `json:"pca,omitempty"`
	// Scale is the last step: "standard" (zero mean, unit variance),
	// "minmax" (onto AngleRange) or "none".
	Scale string `json:"scale,omitempty"`
	// AngleRange is minmax's target interval, [0, π] by default.
	AngleRange []Angle `json:"angle_range,omitempty"`
}

// CSV reads samples from a comma-separated file with a header line.
type CSV struct {
	// Path is the file, relative to the spec's directory; .gz is read
	// compressed.
	Path string `json:"path"`
	// Label names the label column; empty means the column at LabelColumn.
	Label string `json:"label,omitempty"`
	// LabelColumn is the label column's 0-based index when Label is empty;
	// negative counts from the end (the default −1 is the last column).
	LabelColumn *int `json:"label_column,omitempty"`
	// Labels says how labels are read: "string" (class names, numbered in
	// sorted order; the classifier default), "int" (class numbers 0…k−1) or
	// "float" (regression targets; the regressor default).
	Labels string `json:"labels,omitempty"`
	// Separator is the field separator, "," by default.
	Separator string `json:"separator,omitempty"`
}

// Train holds the training settings.
type Train struct {
	// Epochs is the number of passes over the training data (≥ 1).
	Epochs int `json:"epochs"`
	// BatchSize is the mini-batch size; 0 means the full batch.
	BatchSize int `json:"batch_size"`
	// Optimizer is the update rule and its hyperparameters.
	Optimizer Optimizer `json:"optimizer"`
	// Gradient is auto, adjoint, parameter-shift or finite-difference.
	Gradient string `json:"gradient"`
	// Patience stops training after that many epochs without improvement
	// of the validation loss (or the training loss) and keeps the best
	// parameters; 0 trains every epoch.
	Patience int `json:"patience,omitempty"`
	// Workers evaluates the samples of a batch on that many goroutines; 0
	// means one per CPU.
	Workers int `json:"workers,omitempty"`
	// WarmStart names a model.json (relative to the spec) whose parameters
	// start the training instead of the seeded initialisation; its model
	// must have the same configuration.
	WarmStart string `json:"warm_start,omitempty"`
}

// Parse reads a spec from YAML text. file names the source in errors and
// anchors relative paths. Parse checks the syntax, the field names and the
// value types, fills the defaults and runs every check that needs no data
// (Check); an error is an Errors listing each problem with its line.
func Parse(file string, data []byte) (*Spec, error) {
	doc, err := ReadYAML(file, data, "spec", "a mapping with data, model and train")
	if err != nil {
		return nil, err
	}
	return ParseNode(file, doc)
}

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

// Load reads and checks the spec file at path (see Parse).
func Load(path string) (*Spec, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("spec: %w", err)
	}
	return Parse(path, data)
}

// Line returns the line of field (a dotted path such as "model.qubits") in
// the spec file, or of its nearest parent present in the file.
func (s *Spec) Line(field string) int { return lineOf(s.lines, field) }

// Has reports whether field was written in the spec file.
func (s *Spec) Has(field string) bool {
	_, ok := s.lines[field]
	return ok
}

// Errorf returns an *Error located at field, for problems found after
// parsing (while loading data or building the model).
func (s *Spec) Errorf(field, format string, a ...any) *Error {
	return &Error{File: s.File, Line: s.Line(field), Field: field, Msg: fmt.Sprintf(format, a...)}
}

// Path resolves a path written in the spec against the spec's directory.
func (s *Spec) Path(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(s.File), p)
}

// setDefaults fills what the file left out.
func (s *Spec) setDefaults() {
	if s.Name == "" {
		base := filepath.Base(s.File)
		s.Name = strings.TrimSuffix(base, filepath.Ext(base))
	}
	if s.Backend == "" {
		s.Backend = "statevector"
	}
	if s.Output == "" {
		s.Output = filepath.Join("runs", s.Name)
	}
	if s.Train.Optimizer.Name == "" {
		s.Train.Optimizer.Name = "adam"
	}
	if s.Train.Gradient == "" {
		s.Train.Gradient = "auto"
	}
	if s.Model.Kind == "" {
		s.Model.Kind = "vqc"
	}
	if s.Model.Config != nil {
		s.Model.Config.setDefaults(s)
	}
	if d := s.Data; d != nil {
		if d.Scale == "" {
			d.Scale = "none"
		}
		if d.Scale == "minmax" && len(d.AngleRange) == 0 {
			d.AngleRange = []Angle{0, math.Pi}
		}
		if d.Test == 0 && d.TestSamples == 0 && !s.Has("data.test") {
			d.Test = 0.25
		}
		if g, ok := generators[d.Dataset]; ok && d.CSV == nil {
			g.setDefaults(s)
		}
	}
}

// JSON returns the spec as run, as indented JSON with the YAML keys.
func (s *Spec) JSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(buf.Bytes()), nil
}

// sortedKeys returns the keys of m in order, for stable messages.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
