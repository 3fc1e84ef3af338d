package spec

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/vqc"
)

// Random streams: every random choice of a run draws from a PCG seeded by
// the spec's seed and one of these stream numbers, so that changing, say,
// the split never changes the generated data.
const (
	streamData  = 1 // generated samples
	streamSplit = 2 // train/validation/test split
)

// Splits are the raw samples of a run, as loaded or generated, split for
// training, validation and testing. Preprocessing is fitted on Train only.
type Splits struct {
	// Name is the dataset's name, e.g. "iris" or "circle".
	Name string
	// SHA256 is dataset.SHA256 of all samples before the split, pinning the
	// data a result was obtained on.
	SHA256 string
	// Samples counts all samples before the split.
	Samples int
	// Train, Validation and Test are the parts; Validation is nil when the
	// spec asks for none.
	Train, Validation, Test *dataset.Dataset
}

// LoadData loads or generates the data of s and splits it. It returns nil
// for a model without data.
func (s *Spec) LoadData() (*Splits, error) {
	d := s.Data
	if d == nil {
		return nil, nil
	}
	all, err := s.loadRaw()
	if err != nil {
		return nil, err
	}
	sp := &Splits{Name: all.Name, SHA256: all.SHA256(), Samples: all.Len()}
	if task := s.task(); task == vqc.Regressor && all.Targets == nil {
		return nil, s.Errorf("model.task", "%s has class labels, not regression targets; a regressor needs a csv with labels: float", all.Name)
	} else if task == vqc.Classifier && all.Y == nil {
		return nil, s.Errorf("model.task", "%s has no class labels; a classifier needs labels (csv labels: string or int)", all.Name)
	}
	rng := rand.New(rand.NewPCG(s.Seed, streamSplit))
	rest := all
	switch {
	case d.TestSamples > 0:
		n := all.Len() - d.TestSamples
		if rest, err = all.Subset(seq(0, n)); err == nil {
			sp.Test, err = all.Subset(seq(n, all.Len()))
		}
		if err == nil && d.Validation > 0 {
			sp.Train, sp.Validation, err = dataset.StratifiedSplit(rest, d.Validation, rng)
		} else {
			sp.Train = rest
		}
	case d.Validation > 0:
		sp.Train, sp.Validation, sp.Test, err = dataset.TrainValTestSplit(all, d.Validation, d.Test, rng)
	default:
		sp.Train, sp.Test, err = dataset.StratifiedSplit(all, d.Test, rng)
	}
	if err != nil {
		field := "data.test"
		if d.Validation > 0 {
			field = "data.validation"
		}
		return nil, s.Errorf(field, "%v", err)
	}
	return sp, nil
}

// loadRaw reads the embedded dataset or CSV file, or runs the generator.
func (s *Spec) loadRaw() (*dataset.Dataset, error) {
	d := s.Data
	if d.CSV != nil {
		return s.loadCSV()
	}
	if g, ok := generators[d.Dataset]; ok {
		rng := rand.New(rand.NewPCG(s.Seed, streamData))
		ds, err := g.make(d, d.Samples+d.TestSamples, rng)
		if err != nil {
			return nil, s.Errorf("data.dataset", "%v", err)
		}
		return ds, nil
	}
	ds, err := dataset.Load(d.Dataset)
	if err != nil {
		return nil, s.Errorf("data.dataset", "%v", err)
	}
	return ds, nil
}

// loadCSV reads data.csv.
func (s *Spec) loadCSV() (*dataset.Dataset, error) {
	c := s.Data.CSV
	opts := dataset.CSVOptions{LabelName: c.Label, LabelIndex: -1}
	if c.LabelColumn != nil {
		opts.LabelIndex = *c.LabelColumn
	}
	if c.Separator != "" {
		opts.Comma = c.Separator[0]
	}
	switch c.labels(s.task()) {
	case "int":
		opts.Labels = dataset.IntLabels
	case "float":
		opts.Labels = dataset.FloatTargets
	default:
		opts.Labels = dataset.StringLabels
	}
	ds, err := dataset.LoadCSV(s.Path(c.Path), opts)
	if err != nil {
		var ce *dataset.CSVError
		if errors.As(err, &ce) {
			// The file's own line is more useful than the spec's.
			return nil, s.Errorf("data.csv.path", "%v", err)
		}
		return nil, s.Errorf("data.csv.path", "%v", errorsUnwrap(err))
	}
	return ds, nil
}

// labels returns how the CSV's labels are read for a task.
func (c *CSV) labels(task vqc.Task) string {
	switch {
	case c.Labels != "":
		return c.Labels
	case task == vqc.Regressor:
		return "float"
	}
	return "string"
}

// task returns the model's task when it is a VQC, else "".
func (s *Spec) task() vqc.Task {
	if m, ok := s.Model.Config.(*VQC); ok {
		return vqc.Task(m.Task)
	}
	return ""
}

// seq returns lo, lo+1, …, hi−1.
func seq(lo, hi int) []int {
	out := make([]int, 0, max(hi-lo, 0))
	for i := lo; i < hi; i++ {
		out = append(out, i)
	}
	return out
}

// errorsUnwrap drops the "open FILE:" wrapper of a path error, whose file
// the message names anyway.
func errorsUnwrap(err error) error {
	if u := errors.Unwrap(err); u != nil {
		return u
	}
	return err
}

// Describe summarises the sizes of a split, e.g. "112 train, 38 test".
func (sp *Splits) Describe() string {
	msg := fmt.Sprintf("%d train", sp.Train.Len())
	if sp.Validation != nil {
		msg += fmt.Sprintf(", %d validation", sp.Validation.Len())
	}
	return msg + fmt.Sprintf(", %d test", sp.Test.Len())
}

// LoadDataset returns the dataset data.dataset would name: an embedded one,
// or a generator's draw with its default settings and the given seed (the
// samples a spec with that seed and no test_samples would draw).
func LoadDataset(name string, seed uint64) (*dataset.Dataset, error) {
	g, ok := generators[name]
	if !ok {
		if !isEmbedded(name) {
			return nil, fmt.Errorf("unknown dataset %q (known: %s)", name, strings.Join(DatasetNames(), ", "))
		}
		return dataset.Load(name)
	}
	s := &Spec{Seed: seed, Data: &Data{Dataset: name}}
	g.setDefaults(s)
	return g.make(s.Data, s.Data.Samples, rand.New(rand.NewPCG(seed, streamData)))
}
