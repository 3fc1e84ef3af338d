package bench

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/qmlgo/qml/spec"
)

// goodSuite is a valid suite; the bad cases below edit it.
const goodSuite = `name: t
split_seed: 3
seeds: [4, 9]
datasets:
  iris: {dataset: iris}
  moons: {dataset: moons, samples: 40}
models:
  - name: logistic
    model: {kind: logistic}
    data: {scale: standard}
    train: {epochs: 2}
  - name: vqc
    datasets: [moons]
    data: {scale: minmax}
    model: {kind: vqc, task: classifier, qubits: 2, layers: 1}
    train: {epochs: 1}
`

func TestParseSuite(t *testing.T) {
	s, err := ParseSuite("t.yaml", []byte(goodSuite))
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "t" || s.SplitSeed != 3 || !slices.Equal(s.Seeds, []uint64{4, 9}) {
		t.Errorf("suite header = %q, %d, %v", s.Name, s.SplitSeed, s.Seeds)
	}
	if !slices.Equal(s.Datasets, []string{"iris", "moons"}) || len(s.Models) != 2 {
		t.Fatalf("datasets %v, %d models", s.Datasets, len(s.Models))
	}
	if m := s.Models[1]; m.Name != "vqc" || m.Kind != "vqc" || m.Classical() || !slices.Equal(m.Datasets, []string{"moons"}) {
		t.Errorf("model 1 = %+v", m)
	}
	// The grid: datasets in order, then models, then seeds.
	var ids []string
	for _, c := range s.Grid() {
		ids = append(ids, c.ID())
	}
	want := []string{"iris/logistic/4", "iris/logistic/9", "moons/logistic/4", "moons/logistic/9", "moons/vqc/4", "moons/vqc/9"}
	if !slices.Equal(ids, want) {
		t.Errorf("grid = %v, want %v", ids, want)
	}
	// The spec of a cell: the dataset's data with the entry's
	// preprocessing, the entry's model and train, the cell's seed.
	sp, err := s.Spec("moons", "vqc", 9)
	if err != nil {
		t.Fatal(err)
	}
	if sp.Seed != 9 || sp.Data.Dataset != "moons" || sp.Data.Samples != 40 || sp.Data.Scale != "minmax" || sp.Model.Kind != "vqc" || sp.Train.Epochs != 1 {
		t.Errorf("spec = seed %d, data %+v, kind %s, epochs %d", sp.Seed, *sp.Data, sp.Model.Kind, sp.Train.Epochs)
	}
}

func TestParseSuiteDefaults(t *testing.T) {
	s, err := ParseSuite("dir/my-suite.yaml", []byte("datasets: {iris: {dataset: iris}}\nmodels: [{name: l, model: {kind: logistic}, train: {epochs: 1}}]"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "my-suite" || len(s.Seeds) != DefaultSeeds || s.Seeds[0] != 1 || s.SplitSeed != 0 {
		t.Errorf("defaults: name %q, seeds %v, split seed %d", s.Name, s.Seeds, s.SplitSeed)
	}
}

// TestParseSuiteErrors checks that every problem is reported at its line in
// the suite file, with the field and what was expected — including problems
// inside a model entry's spec sections, which spec finds.
func TestParseSuiteErrors(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           []string // file:line: … substrings, in order
	}{
		{"syntax", "seeds: [4, 9]", "seeds: [4, 9", []string{"t.yaml:2: YAML syntax: did not find expected"}},
		{"unknown key", "split_seed: 3", "split_sed: 3", []string{"t.yaml:2: split_sed: unknown field"}},
		{"bad seeds", "seeds: [4, 9]", "seeds: many", []string{`t.yaml:3: seeds: want a non-negative integer, got "many"`}},
		{"repeated seed", "seeds: [4, 9]", "seeds: [4, 4]", []string{"t.yaml:3: seeds[1]: seed 4 is repeated"}},
		{"zero seeds", "seeds: [4, 9]", "seeds: 0", []string{"t.yaml:3: seeds: 0, want 1 to 1000"}},
		{"no datasets", "datasets:\n  iris: {dataset: iris}\n  moons: {dataset: moons, samples: 40}\n", "", []string{"t.yaml:1: datasets: missing"}},
		{"dataset not a mapping", "iris: {dataset: iris}", "iris: iris", []string{"t.yaml:5: datasets.iris: want a data section"}},
		{"unknown entry key", "    data: {scale: standard}", "    dta: {scale: standard}", []string{"t.yaml:10: models[0].dta: unknown field"}},
		{"repeated name", "name: vqc", "name: logistic", []string{`t.yaml:12: models[1].name: "logistic" is repeated (first on line 8)`}},
		{"unknown dataset", "datasets: [moons]", "datasets: [mons]", []string{`t.yaml:13: models[1].datasets: unknown dataset "mons"`}},
		{"split key in entry", "data: {scale: minmax}", "data: {scale: minmax, test: 0.5}", []string{"t.yaml:14: models[1].data.test: a model entry may set only how data are prepared"}},
		{"spec error in model", "qubits: 2, layers: 1", "qubits: 0, layers: 1", []string{"t.yaml:15: model.qubits:", `(model "vqc" on dataset "moons")`}},
		{"spec error in train", "train: {epochs: 2}", "train: {epochs: 2, optimizer: {name: adamm}}", []string{"t.yaml:11: train.optimizer.name:", `(model "logistic" on dataset "iris")`}},
		{"unknown kind", "kind: logistic", "kind: logistc", []string{`t.yaml:9: model.kind: unknown model kind "logistc"`}},
		{"no classical reference", "model: {kind: logistic}", "model: {kind: vqc, task: classifier, qubits: 4, layers: 1}",
			[]string{`t.yaml:5: datasets.iris: no classical model runs on "iris"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(goodSuite, tc.old, tc.new, 1)
			if text == goodSuite {
				t.Fatalf("%q not in the suite", tc.old)
			}
			_, err := ParseSuite("t.yaml", []byte(text))
			if err == nil {
				t.Fatal("no error")
			}
			var list spec.Errors
			if !errors.As(err, &list) {
				t.Fatalf("error %T %v is not a spec.Errors", err, err)
			}
			msg := err.Error()
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error\n%s\nlacks %q", msg, w)
				}
			}
		})
	}
}

func TestLoadSuiteExamples(t *testing.T) {
	for _, path := range []string{"testdata/tiny.yaml", "../examples/bench/small.yaml"} {
		if _, err := LoadSuite(path); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}

// BenchmarkParseSuite parses the small suite, every (dataset, model) spec
// included.
func BenchmarkParseSuite(b *testing.B) {
	data, err := os.ReadFile("../examples/bench/small.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ParseSuite("small.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
