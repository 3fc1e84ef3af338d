package spec

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/qmlgo/qml/dataset"
)

// TestPreprocessFitsOnTrainOnly checks the pipeline against hand-computed
// statistics of the training rows alone: min-max maps the training minimum
// and maximum of each column onto the angle range, and a test value outside
// the training range is clipped.
func TestPreprocessFitsOnTrainOnly(t *testing.T) {
	s, err := Parse("t.yaml", []byte("data: {dataset: iris, features: [petal_width_cm, 0], scale: minmax, angle_range: [-1, 1]}\nmodel: {qubits: 2}\ntrain: {epochs: 1}\n"))
	if err != nil {
		t.Fatal(err)
	}
	train := &dataset.Dataset{Name: "t", X: [][]float64{{1, 0, 0, 2}, {3, 0, 0, 6}, {2, 0, 0, 4}},
		FeatureNames: []string{"sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"}}
	p, err := s.fitPreprocess(train)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Select) != 2 || p.Select[0] != 3 || p.Select[1] != 0 {
		t.Fatalf("select %v, want [3 0]", p.Select)
	}
	test := &dataset.Dataset{Name: "u", X: [][]float64{{2, 9, 9, 5}, {10, 9, 9, -10}}}
	out, err := p.Apply(test)
	if err != nil {
		t.Fatal(err)
	}
	// Column petal_width: train range [2, 6] → 5 maps to 0.5, −10 clips to −1;
	// column sepal_length: train range [1, 3] → 2 maps to 0, 10 clips to 1.
	want := [][]float64{{0.5, 0}, {-1, 1}}
	for i := range want {
		for j := range want[i] {
			if math.Abs(out.X[i][j]-want[i][j]) > 1e-15 {
				t.Errorf("row %d col %d = %v, want %v", i, j, out.X[i][j], want[i][j])
			}
		}
	}
}

// TestPreprocessJSONRoundTrip checks that a pipeline with every step, read
// back from its JSON, prepares data bit for bit as the fitted one.
func TestPreprocessJSONRoundTrip(t *testing.T) {
	s, err := Parse("t.yaml", []byte("data: {dataset: wine, pca: 3, scale: standard}\nmodel: {qubits: 3}\ntrain: {epochs: 1}\n"))
	if err != nil {
		t.Fatal(err)
	}
	sp, err := s.LoadData()
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.fitPreprocess(sp.Train)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Steps) != 3 || p.Steps[0].Kind != "standard" || p.Steps[1].Kind != "pca" || p.Steps[2].Kind != "standard" {
		t.Fatalf("steps %+v", p.Steps)
	}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var q Preprocess
	if err := json.Unmarshal(data, &q); err != nil {
		t.Fatal(err)
	}
	a, err := p.Apply(sp.Test)
	if err != nil {
		t.Fatal(err)
	}
	b, err := q.Apply(sp.Test)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.X {
		for j := range a.X[i] {
			if a.X[i][j] != b.X[i][j] {
				t.Fatalf("row %d col %d: %v after the round trip, %v before", i, j, b.X[i][j], a.X[i][j])
			}
		}
	}
	// The last step standardises the training split's components exactly.
	tr, _ := p.Apply(sp.Train)
	for j := 0; j < 3; j++ {
		mean, sq := 0.0, 0.0
		for _, x := range tr.X {
			mean += x[j]
			sq += x[j] * x[j]
		}
		n := float64(tr.Len())
		if mean /= n; math.Abs(mean) > 1e-12 || math.Abs(sq/n-1) > 1e-12 {
			t.Errorf("component %d: mean %v, second moment %v", j, mean, sq/n)
		}
	}
}

func TestPreprocessRejectsBadRecords(t *testing.T) {
	d := &dataset.Dataset{Name: "d", X: [][]float64{{1, 2}}}
	for _, p := range []Preprocess{
		{RawFeatures: []string{"a"}},
		{RawFeatures: []string{"a", "b"}, Steps: []Step{{Kind: "whiten"}}},
		{RawFeatures: []string{"a", "b"}, Steps: []Step{{Kind: "pca", Mean: []float64{0, 0}, Components: [][]float64{{1}}}}},
		{RawFeatures: []string{"a", "b"}, Steps: []Step{{Kind: "minmax", Min: []float64{0, 0}, Max: []float64{1, 1}}}},
	} {
		if _, err := p.Apply(d); err == nil {
			t.Errorf("%+v: no error", p)
		}
	}
}
