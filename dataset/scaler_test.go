package dataset

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// TestScalerStandardises checks with gonum's stat.Mean and stat.PopStdDev that
// the transformed training data has mean 0 and standard deviation 1 per column.
func TestScalerStandardises(t *testing.T) {
	d, _ := Load("wine")
	var s Scaler
	if err := s.Fit(d); err != nil {
		t.Fatal(err)
	}
	z, err := s.Transform(d)
	if err != nil {
		t.Fatal(err)
	}
	for j := range z.Dim() {
		col := make([]float64, z.Len())
		for i, x := range z.X {
			col[i] = x[j]
		}
		mean, std := stat.PopMeanStdDev(col, nil)
		if math.Abs(mean) > 1e-12 || math.Abs(std-1) > 1e-12 {
			t.Errorf("column %s: mean %v std %v", z.FeatureNames[j], mean, std)
		}
	}
	if z.SHA256() == d.SHA256() || d.X[0][0] != 14.23 {
		t.Error("Transform changed its input or did nothing")
	}
}

// TestScalerValues checks hand-computed values: column [1, 2, 3, 4] has mean
// 2.5 and population std √1.25; a constant column is only centred; test data
// use the training statistics.
func TestScalerValues(t *testing.T) {
	train := &Dataset{X: [][]float64{{1, 7}, {2, 7}, {3, 7}, {4, 7}}, Y: []int{0, 1, 0, 1}, NumClasses: 2}
	test := &Dataset{X: [][]float64{{5, 8}}, Y: []int{1}, NumClasses: 2}
	var s Scaler
	out, err := FitTransform(&s, train, test)
	if err != nil {
		t.Fatal(err)
	}
	sd := math.Sqrt(1.25)
	want := [][]float64{{-1.5 / sd, 0}, {-0.5 / sd, 0}, {0.5 / sd, 0}, {1.5 / sd, 0}}
	for i := range want {
		for j := range want[i] {
			if math.Abs(out[0].X[i][j]-want[i][j]) > 1e-15 {
				t.Errorf("train[%d][%d] = %v, want %v", i, j, out[0].X[i][j], want[i][j])
			}
		}
	}
	if got := out[1].X[0]; math.Abs(got[0]-2.5/sd) > 1e-15 || got[1] != 1 || out[1].Y[0] != 1 {
		t.Errorf("test row %v label %d, want [%v 1] 1", got, out[1].Y[0], 2.5/sd)
	}
}

func TestTransformErrors(t *testing.T) {
	d := &Dataset{X: [][]float64{{1, 2}, {3, 4}}}
	narrow := &Dataset{Name: "narrow", X: [][]float64{{1}}}
	for name, tr := range map[string]Transformer{"scaler": &Scaler{}, "minmax": NewMinMaxScaler(0, 1), "pca": &PCA{K: 1}} {
		if _, err := tr.Transform(d); err != errNotFitted {
			t.Errorf("%s: Transform before Fit: %v", name, err)
		}
		if err := tr.Fit(&Dataset{}); err == nil {
			t.Errorf("%s: Fit on an empty dataset succeeded", name)
		}
		if err := tr.Fit(d); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := tr.Transform(narrow); err == nil || !strings.Contains(err.Error(), "1 features, transform was fitted on 2") {
			t.Errorf("%s: width mismatch: %v", name, err)
		}
		if _, err := FitTransform(tr, d, narrow); err == nil {
			t.Errorf("%s: FitTransform with a narrow test set succeeded", name)
		}
	}
}
