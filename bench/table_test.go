package bench

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// TestStatOf compares with values worked by hand: the mean of 0.9 and 1.0
// is 0.95 and their sample standard deviation √((0.05² + 0.05²)/1) ≈ 0.0707.
func TestStatOf(t *testing.T) {
	for _, tc := range []struct {
		xs        []float64
		mean, std float64
	}{
		{[]float64{0.9, 1.0}, 0.95, math.Sqrt(0.005)},
		{[]float64{2}, 2, 0},
		{[]float64{1, 2, 3, 4}, 2.5, math.Sqrt(5.0 / 3)},
	} {
		s := statOf(tc.xs)
		if math.Abs(s.Mean-tc.mean) > 1e-15 || math.Abs(s.Std-tc.std) > 1e-15 || s.N != len(tc.xs) {
			t.Errorf("statOf(%v) = %+v, want mean %v std %v", tc.xs, s, tc.mean, tc.std)
		}
	}
	if s := statOf(nil); s.N != 0 || !math.IsNaN(s.Mean) {
		t.Errorf("statOf(nil) = %+v", s)
	}
}

// benchFile is a hand-made bench.json: a quantum model that loses to two
// classical ones on accuracy, and one that failed.
func benchFile() *File {
	acc := func(train, test float64) map[string]float64 {
		return map[string]float64{"train_accuracy": train, "test_accuracy": test}
	}
	rec := func(model, kind string, seed uint64, classical bool, final map[string]float64) Record {
		return Record{Cell: Cell{Dataset: "iris", Model: model, Seed: seed}, Kind: kind, Classical: classical,
			Parameters: 10, Epochs: 5, WallSeconds: 1.5, Final: final, DatasetSHA256: "abcdef0123456789ff", Train: 112, Test: 38}
	}
	vqc := rec("vqc", "vqc", 1, false, acc(0.9, 0.75))
	vqc.Backend, vqc.CircuitEvaluations = "statevector", 1000
	vqc2 := rec("vqc", "vqc", 2, false, acc(1.0, 0.9))
	vqc2.Backend, vqc2.CircuitEvaluations = "statevector", 3000
	bad := rec("broken", "mlp", 1, true, nil)
	bad.Error = "training: a | b\nsecond line"
	return &File{Format: FileFormat, SplitSeed: 7, Seeds: []uint64{1, 2}, Datasets: []string{"iris"},
		Models: []string{"vqc", "broken", "mlp", "logistic"},
		Records: []Record{vqc, rec("mlp", "mlp", 1, true, acc(1, 1)), bad, vqc2, rec("mlp", "mlp", 2, true, acc(1, 0.9)),
			rec("logistic", "logistic", 1, true, acc(0.95, 0.85)), rec("logistic", "logistic", 2, true, acc(0.95, 0.85))}}
}

func TestMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := Markdown(&b, benchFile(), Summarise(benchFile()), TableOptions{Times: true}); err != nil {
		t.Fatal(err)
	}
	want := `### iris — 112 train / 38 test, sha256 abcdef012345 (split seed 7, seeds 1–2)

| # | model | kind | family | params | metric | train | test | mean time (s) | evals | epochs | runs | notes |
|---:|---|---|---|---:|---|---|---|---:|---:|---:|---:|---|
| 1 | mlp | mlp | classical | 10 | accuracy | 1.000 ± 0.000 | 0.950 ± 0.071 | 1.5 | — | 5 | 2/2 |  |
| 2 | logistic | logistic | classical | 10 | accuracy | 0.950 ± 0.000 | 0.850 ± 0.000 | 1.5 | — | 5 | 2/2 |  |
| 3 | vqc | vqc (statevector) | quantum | 10 | accuracy | 0.950 ± 0.071 | 0.825 ± 0.106 | 1.5 | 2e+03 | 5 | 2/2 |  |
| – | broken | mlp | classical | 0 | — | — | — | — | — | — | 0/1 | 1 failed: training: a \| b |

`
	if got := b.String(); got != want {
		t.Errorf("table\n%s\nwant\n%s", got, want)
	}
	b.Reset()
	if err := Markdown(&b, benchFile(), Summarise(benchFile()), TableOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "time") {
		t.Error("Times: false still prints the time column")
	}
}

func TestSeedList(t *testing.T) {
	for _, tc := range []struct {
		seeds []uint64
		want  string
	}{
		{[]uint64{1, 2, 3}, "1–3"}, {[]uint64{4}, "4"}, {[]uint64{3, 8, 13}, "3, 8, 13"},
	} {
		if got := seedList(tc.seeds); got != tc.want {
			t.Errorf("seedList(%v) = %q, want %q", tc.seeds, got, tc.want)
		}
	}
}

func TestPlotModels(t *testing.T) {
	path := t.TempDir() + "/bench.png"
	if err := PlotModels(Summarise(benchFile()), path); err != nil {
		t.Fatal(err)
	}
	if err := PlotModels(nil, path); err == nil {
		t.Error("PlotModels drew nothing without an error")
	}
}
