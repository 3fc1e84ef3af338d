package bench

import (
	"errors"
	"os"
	"testing"

	"github.com/qmlgo/qml/spec"
)

// FuzzParseSuite checks that no input makes ParseSuite panic, that every
// failure is a spec.Errors of problems in the named file, and that an
// accepted suite has a grid whose every cell has a spec.
func FuzzParseSuite(f *testing.F) {
	f.Add([]byte(goodSuite))
	for _, path := range []string{"testdata/tiny.yaml", "../examples/bench/small.yaml"} {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	for _, seed := range []string{
		"", "---", "- 1", "{{{{", "a: b: c", "seeds: -1", "seeds: [1, 1]", "datasets: []",
		"datasets: {x: &a {dataset: iris}, y: *a}\nmodels: [{name: m, model: {kind: logistic}, train: {epochs: 1}}]",
		"datasets: {iris: {dataset: iris}}\nmodels: [{name: m, model: [1], data: 3, train: {epochs: 1}}]",
		"datasets: {iris: {dataset: iris}}\nmodels: [{name: m, datasets: {a: 1}, model: {kind: logistic}}]",
		"datasets: {iris: {<<: {dataset: iris}}}\nmodels: [{name: m, model: {kind: logistic}, data: {<<: {}}}]",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSuite("f.yaml", data)
		if err != nil {
			var list spec.Errors
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %T is not a spec.Errors: %v", err, err)
			}
			for _, e := range list {
				if e.File != "f.yaml" || e.Msg == "" {
					t.Fatalf("problem %+v lacks its file or message", e)
				}
			}
			return
		}
		// One seed per (dataset, model) pair: the seed does not change the
		// spec, and a suite may have a thousand.
		for _, c := range s.Grid() {
			if c.Seed != s.Seeds[0] {
				continue
			}
			if _, err := s.Spec(c.Dataset, c.Model, c.Seed); err != nil {
				t.Fatalf("accepted suite, cell %s: %v", c.ID(), err)
			}
		}
	})
}
