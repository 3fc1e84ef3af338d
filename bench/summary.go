package bench

import (
	"cmp"
	"math"
	"slices"
)

// Metric is how a row is scored: the final keys of its train and test
// values and which way is better.
type Metric struct {
	// Name labels the metric in tables, e.g. "accuracy".
	Name string `json:"name"`
	// Train and Test are keys of Record.Final; Train may be "".
	Train string `json:"train,omitempty"`
	Test  string `json:"test"`
	// Higher reports that a larger value is better.
	Higher bool `json:"higher"`
}

// metrics are tried in order; a row is scored by the first whose test key
// its records have: accuracy for classifiers, the negative log-likelihood
// for generative models, the energy error for a VQE, the loss otherwise.
var metrics = []Metric{
	{Name: "accuracy", Train: "train_accuracy", Test: "test_accuracy", Higher: true},
	{Name: "NLL", Train: "nll", Test: "test_nll"},
	{Name: "NLL", Test: "nll"},
	{Name: "energy error", Test: "energy_error"},
	{Name: "infidelity", Test: "infidelity"},
	{Name: "loss", Train: "train_loss", Test: "test_loss"},
}

// metricOf returns the metric of a set of records of one row.
func metricOf(recs []Record) (Metric, bool) {
	for _, m := range metrics {
		for _, r := range recs {
			if _, ok := r.Final[m.Test]; ok {
				return m, true
			}
		}
	}
	return Metric{}, false
}

// Stat is the mean and sample standard deviation of N values.
type Stat struct {
	Mean float64 `json:"mean"`
	Std  float64 `json:"std"`
	N    int     `json:"n"`
}

// statOf summarises xs; the standard deviation of one value is 0.
func statOf(xs []float64) Stat {
	s := Stat{N: len(xs)}
	if s.N == 0 {
		return Stat{Mean: math.NaN(), Std: math.NaN()}
	}
	for _, x := range xs {
		s.Mean += x
	}
	s.Mean /= float64(s.N)
	if s.N > 1 {
		var ss float64
		for _, x := range xs {
			ss += (x - s.Mean) * (x - s.Mean)
		}
		s.Std = math.Sqrt(ss / float64(s.N-1))
	}
	return s
}

// Summary is one row of the table: a model on a dataset over its seeds.
type Summary struct {
	Dataset   string `json:"dataset"`
	Model     string `json:"model"`
	Kind      string `json:"kind"`
	Backend   string `json:"backend,omitempty"`
	Classical bool   `json:"classical"`
	// Metric scores the row; zero when no run finished.
	Metric Metric `json:"metric"`
	// Train and Test are the metric over the successful runs.
	Train       Stat `json:"train"`
	Test        Stat `json:"test"`
	Parameters  int  `json:"parameters"`
	Wall        Stat `json:"wall_seconds"`
	Epochs      Stat `json:"epochs"`
	Evaluations Stat `json:"circuit_evaluations"`
	Runs        int  `json:"runs"`
	Failed      int  `json:"failed"`
	// Error is the first failed run's error.
	Error string `json:"error,omitempty"`
	// DatasetSHA256, TrainSize and TestSize pin the split.
	DatasetSHA256       string `json:"dataset_sha256,omitempty"`
	TrainSize, TestSize int
}

// Summarise reduces a file's records to one row per (dataset, model):
// datasets in suite order, and within a dataset the rows ordered by their
// test metric, best first (rows without one last, then by name).
func Summarise(f *File) []Summary {
	groups := map[[2]string][]Record{}
	for _, r := range f.Records {
		k := [2]string{r.Dataset, r.Model}
		groups[k] = append(groups[k], r)
	}
	var out []Summary
	for _, d := range f.Datasets {
		var rows []Summary
		for _, m := range f.Models {
			if recs := groups[[2]string{d, m}]; len(recs) > 0 {
				rows = append(rows, summarise(recs))
			}
		}
		slices.SortStableFunc(rows, compareRows)
		out = append(out, rows...)
	}
	return out
}

// compareRows orders rows best first by test metric.
func compareRows(a, b Summary) int {
	okA, okB := a.Test.N > 0, b.Test.N > 0
	switch {
	case okA != okB:
		if okA {
			return -1
		}
		return 1
	case !okA:
		return cmp.Compare(a.Model, b.Model)
	case a.Metric.Name != b.Metric.Name:
		return cmp.Compare(metricRank(a.Metric), metricRank(b.Metric))
	case a.Metric.Higher:
		return cmp.Compare(b.Test.Mean, a.Test.Mean)
	}
	return cmp.Compare(a.Test.Mean, b.Test.Mean)
}

// metricRank is a metric's place in metrics.
func metricRank(m Metric) int {
	return slices.IndexFunc(metrics, func(x Metric) bool { return x == m })
}

// summarise reduces the records of one (dataset, model) pair.
func summarise(recs []Record) Summary {
	r0 := recs[0]
	s := Summary{Dataset: r0.Dataset, Model: r0.Model, Kind: r0.Kind, Backend: r0.Backend, Classical: r0.Classical, Runs: len(recs)}
	m, ok := metricOf(recs)
	if ok {
		s.Metric = m
	}
	var train, test, wall, epochs, evals []float64
	for _, r := range recs {
		if r.Error != "" {
			if s.Failed++; s.Error == "" {
				s.Error = r.Error
			}
			continue
		}
		s.Parameters, s.DatasetSHA256, s.TrainSize, s.TestSize = r.Parameters, r.DatasetSHA256, r.Train, r.Test
		if v, ok := r.Final[m.Test]; ok {
			test = append(test, v)
		}
		if v, ok := r.Final[m.Train]; ok {
			train = append(train, v)
		}
		wall = append(wall, r.WallSeconds)
		epochs = append(epochs, float64(r.Epochs))
		evals = append(evals, float64(r.CircuitEvaluations))
	}
	s.Train, s.Test, s.Wall, s.Epochs, s.Evaluations = statOf(train), statOf(test), statOf(wall), statOf(epochs), statOf(evals)
	return s
}
