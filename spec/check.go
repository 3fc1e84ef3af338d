package spec

import (
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
	"github.com/qmlgo/qml/vqc"
)

// Check reports every problem of s that can be found without loading data:
// unknown names, out-of-range numbers, fields that contradict each other,
// missing files. Parse runs it; call it again after changing a parsed spec
// (a command-line override, say). The error is an Errors, or nil.
func (s *Spec) Check() error {
	p := &problems{file: s.File, lines: s.lines}
	if s.lines == nil {
		p.lines = map[string]int{}
	}
	if _, ok := backends[s.Backend]; !ok {
		p.oneOf("backend", s.Backend, sortedKeys(backends)...)
	}
	if s.Model.Config == nil {
		if _, ok := modelKinds[s.Model.Kind]; !ok {
			p.add("model.kind", "unknown model kind %q (known: %s)", s.Model.Kind, strings.Join(ModelKinds(), ", "))
		} else {
			p.add("model", "missing: a spec needs a model section")
		}
	} else {
		s.Model.Config.check(s, p)
		switch {
		case s.Model.Config.needsData() && s.Data == nil:
			p.add("data", "missing: this model trains on data; add a data section with dataset or csv")
		case !s.Model.Config.needsData() && s.Data != nil:
			p.add("data", "this model has no data (a VQE minimises an energy); remove the data section")
		}
	}
	if s.Data != nil {
		s.Data.check(s, p)
	}
	s.Train.check(s, p)
	s.checkNoise(p)
	return p.err()
}

// check reports problems of the data section.
func (d *Data) check(s *Spec, p *problems) {
	gen, isGen := generators[d.Dataset]
	switch {
	case d.Dataset == "" && d.CSV == nil:
		p.add("data", "missing: name a dataset (%s) or a csv file", strings.Join(DatasetNames(), ", "))
	case d.Dataset != "" && d.CSV != nil:
		p.add("data.csv", "give either dataset or csv, not both")
	case d.CSV != nil:
		d.CSV.check(s, p)
	case !isGen && !isEmbedded(d.Dataset):
		p.add("data.dataset", "unknown dataset %q (known: %s)%s", d.Dataset, strings.Join(DatasetNames(), ", "), suggestOnly(d.Dataset, DatasetNames()))
	}
	for _, f := range generatorFields {
		if s.Has("data."+f) && (!isGen || d.CSV != nil || !slices.Contains(gen.fields, f)) {
			p.add("data."+f, "%s", notAGeneratorField(d, f))
		}
	}
	if isGen && d.CSV == nil {
		gen.check(d, p)
	}
	switch {
	case s.Has("data.test") && s.Has("data.test_samples"):
		p.add("data.test_samples", "give either test (a fraction) or test_samples, not both")
	case s.Has("data.test_samples") && (!isGen || d.Dataset == "parity" || d.Dataset == "bars-and-stripes"):
		p.add("data.test_samples", "only a random generator (circle, moons, circles, xor, linear) can draw a separate test set; use test: a fraction")
	case s.Has("data.test_samples") && d.TestSamples < 1:
		p.add("data.test_samples", "%d, want at least 1", d.TestSamples)
	case !(d.Test > 0 && d.Test < 1) && d.TestSamples == 0:
		p.add("data.test", "%v is outside (0, 1): the test fraction must leave samples on both sides", d.Test)
	}
	if !(d.Validation >= 0 && d.Validation < 1) {
		p.add("data.validation", "%v is outside [0, 1)", d.Validation)
	} else if d.Test < 1 && d.Test+d.Validation >= 1 {
		p.add("data.validation", "test %v + validation %v leave no training samples; want a sum below 1", d.Test, d.Validation)
	}
	seen := map[string]int{}
	for i, f := range d.Features {
		field := item("data.features", i)
		if f == "" {
			p.add(field, "empty feature name")
		} else if j, dup := seen[f]; dup {
			p.add(field, "%q repeats data.features[%d]", f, j)
		}
		seen[f] = i
	}
	if s.Has("data.features") && len(d.Features) == 0 {
		p.add("data.features", "empty list: leave the field out to keep every feature")
	}
	if d.PCA < 0 {
		p.add("data.pca", "%d, want a positive number of components (or leave it out)", d.PCA)
	}
	if p.oneOf("data.scale", d.Scale, "standard", "minmax", "none") {
		d.checkAngleRange(s, p)
	}
}

// checkAngleRange reports a malformed angle_range or one without minmax.
func (d *Data) checkAngleRange(s *Spec, p *problems) {
	if !s.Has("data.angle_range") {
		return
	}
	switch r := d.AngleRange; {
	case d.Scale != "minmax":
		p.add("data.angle_range", "only used with scale: minmax (scale is %s)", d.Scale)
	case len(r) != 2:
		p.add("data.angle_range", "want [low, high], got %d values", len(r))
	case !(r[0] < r[1]) || math.IsInf(float64(r[0]), 0) || math.IsInf(float64(r[1]), 0):
		p.add("data.angle_range", "[%v, %v]: want finite low < high", r[0], r[1])
	}
}

// notAGeneratorField explains why field f does not apply.
func notAGeneratorField(d *Data, f string) string {
	gen, ok := generators[d.Dataset]
	if !ok || d.CSV != nil {
		return "only generated datasets take " + f
	}
	if len(gen.fields) == 0 {
		return fmt.Sprintf("the %s generator takes no %s", d.Dataset, f)
	}
	return fmt.Sprintf("the %s generator takes no %s (it takes %s)", d.Dataset, f, strings.Join(gen.fields, ", "))
}

// check reports problems of the csv section.
func (c *CSV) check(s *Spec, p *problems) {
	if c.Path == "" {
		p.add("data.csv.path", "missing: the CSV file to read")
	} else if st, err := os.Stat(s.Path(c.Path)); err != nil {
		p.add("data.csv.path", "cannot read %s: %v", s.Path(c.Path), errors.Unwrap(err))
	} else if st.IsDir() {
		p.add("data.csv.path", "%s is a directory, want a CSV file", s.Path(c.Path))
	}
	if c.Label != "" && c.LabelColumn != nil {
		p.add("data.csv.label_column", "give either label (a column name) or label_column, not both")
	}
	if c.Labels != "" {
		p.oneOf("data.csv.labels", c.Labels, "string", "int", "float")
	}
	if len(c.Separator) > 1 || c.Separator == `"` {
		p.add("data.csv.separator", "%q: want one character such as \",\" or \";\"", c.Separator)
	}
}

// check reports problems of the train section.
func (t *Train) check(s *Spec, p *problems) {
	if !s.Has("train.epochs") && t.Epochs == 0 {
		p.add("train.epochs", "missing: how many epochs to train, e.g. train: {epochs: 30}")
	} else if t.Epochs < 1 {
		p.add("train.epochs", "%d, want at least 1", t.Epochs)
	}
	if t.BatchSize < 0 {
		p.add("train.batch_size", "%d is negative; want a size, or 0 for the full batch", t.BatchSize)
	}
	if t.Patience < 0 {
		p.add("train.patience", "%d is negative; want epochs without improvement, or 0 to train every epoch", t.Patience)
	}
	if t.Workers < 0 {
		p.add("train.workers", "%d is negative; want a goroutine count, or 0 for one per CPU", t.Workers)
	}
	if _, err := vqc.ParseGradientMethod(t.Gradient); err != nil {
		p.oneOf("train.gradient", t.Gradient, "auto", "adjoint", "parameter-shift", "finite-difference")
	}
	if _, err := t.Optimizer.New(); err != nil {
		var ce *optim.ConfigError
		switch {
		case errors.As(err, &ce):
			p.add(child("train.optimizer", ce.Field), "%v, want %s", ce.Value, ce.Want)
		case !slices.Contains(optim.Names(), t.Optimizer.Name):
			p.oneOf("train.optimizer.name", t.Optimizer.Name, optim.Names()...)
		case errors.Is(err, optim.ErrFullBatch) && acceptsFullBatch(s):
			// Full-batch models (pulse control) run L-BFGS; see pulse.go.
		case errors.Is(err, optim.ErrFullBatch):
			p.add("train.optimizer.name", "%s is a full-batch method; mini-batch training needs a stepping optimizer (sgd, momentum, nesterov, adam, bbi)", t.Optimizer.Name)
		default:
			p.add("train.optimizer", "%v", err)
		}
	}
}

// New builds the optimizer.
func (o Optimizer) New() (optim.Optimizer, error) { return optim.New(o.Name, o.Hyper) }

// isEmbedded reports whether name is an embedded dataset.
func isEmbedded(name string) bool {
	return slices.Contains(dataset.Names(), strings.ReplaceAll(name, "_", "-"))
}

// DatasetNames returns every name data.dataset accepts: the embedded
// datasets and the generators, sorted.
func DatasetNames() []string {
	names := append(dataset.Names(), sortedKeys(generators)...)
	slices.Sort(names)
	return names
}
