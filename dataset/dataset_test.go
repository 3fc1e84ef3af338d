package dataset

import (
	"math"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	ok := func() *Dataset {
		return &Dataset{
			Name:         "t",
			X:            [][]float64{{1, 2}, {3, 4}, {5, 6}},
			Y:            []int{0, 1, 1},
			FeatureNames: []string{"a", "b"},
			ClassNames:   []string{"no", "yes"},
			NumClasses:   2,
		}
	}
	tests := []struct {
		name string
		edit func(d *Dataset)
		want string // substring of the error; "" means valid
	}{
		{"valid", func(d *Dataset) {}, ""},
		{"unlabelled", func(d *Dataset) { d.Y, d.NumClasses, d.ClassNames = nil, 0, nil }, ""},
		{"regression", func(d *Dataset) { d.Targets = []float64{1, 2, 3} }, ""},
		{"no samples", func(d *Dataset) { d.X, d.Y = nil, nil }, "no samples"},
		{"no features", func(d *Dataset) { d.X = [][]float64{{}, {}, {}} }, "no features"},
		{"ragged", func(d *Dataset) { d.X[1] = []float64{1} }, "row 1 has 1 features, want 2"},
		{"NaN", func(d *Dataset) { d.X[2][1] = math.NaN() }, "row 2, feature 1 (b) is NaN"},
		{"Inf", func(d *Dataset) { d.X[0][0] = math.Inf(-1) }, "row 0, feature 0 (a) is -Inf"},
		{"feature names", func(d *Dataset) { d.FeatureNames = []string{"a"} }, "1 feature names for 2 features"},
		{"label count", func(d *Dataset) { d.Y = d.Y[:2] }, "2 labels for 3 samples"},
		{"label range", func(d *Dataset) { d.Y[1] = 2 }, "row 1 has label 2, want 0..1"},
		{"negative label", func(d *Dataset) { d.Y[0] = -1 }, "row 0 has label -1"},
		{"no classes", func(d *Dataset) { d.NumClasses, d.ClassNames = 0, nil }, "NumClasses 0"},
		{"classes without labels", func(d *Dataset) { d.Y = nil }, "NumClasses 2 but no labels"},
		{"class names", func(d *Dataset) { d.ClassNames = []string{"x"} }, "1 class names for 2 classes"},
		{"target count", func(d *Dataset) { d.Targets = []float64{1} }, "1 targets for 3 samples"},
		{"target NaN", func(d *Dataset) { d.Targets = []float64{1, math.NaN(), 3} }, "row 1 has target NaN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ok()
			tt.edit(d)
			err := d.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Validate = %v, want error containing %q", err, tt.want)
			}
		})
	}
	var nilSet *Dataset
	if nilSet.Validate() == nil {
		t.Error("nil dataset validated")
	}
}

func TestNew(t *testing.T) {
	d, err := New("n", [][]float64{{0}, {1}, {2}}, []int{0, 3, 1})
	if err != nil {
		t.Fatal(err)
	}
	if d.NumClasses != 4 || d.Len() != 3 || d.Dim() != 1 {
		t.Errorf("NumClasses, Len, Dim = %d, %d, %d; want 4, 3, 1", d.NumClasses, d.Len(), d.Dim())
	}
	if got := d.ClassCounts(); !equalInts(got, []int{1, 1, 0, 1}) {
		t.Errorf("ClassCounts = %v", got)
	}
	if _, err := New("n", [][]float64{{0}}, nil); err == nil {
		t.Error("New without labels succeeded")
	}
	if _, err := New("n", [][]float64{{0}, {1}}, []int{0}); err == nil {
		t.Error("New with too few labels succeeded")
	}
	r, err := NewRegression("r", [][]float64{{0}, {1}}, []float64{0.5, 1.5})
	if err != nil || r.ClassCounts() != nil {
		t.Fatalf("NewRegression: %v, ClassCounts %v", err, r.ClassCounts())
	}
	if _, err := NewRegression("r", [][]float64{{0}}, nil); err == nil {
		t.Error("NewRegression without targets succeeded")
	}
}

func TestSubsetAndClone(t *testing.T) {
	d := &Dataset{
		Name: "s", X: [][]float64{{0, 10}, {1, 11}, {2, 12}}, Y: []int{0, 1, 0},
		Targets: []float64{0.5, 1.5, 2.5}, FeatureNames: []string{"a", "b"}, NumClasses: 2,
	}
	s, err := d.Subset([]int{2, 0, 2})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{2, 12}, {0, 10}, {2, 12}}
	for i := range want {
		if !equalFloats(s.X[i], want[i]) {
			t.Errorf("Subset row %d = %v, want %v", i, s.X[i], want[i])
		}
	}
	if !equalInts(s.Y, []int{0, 0, 0}) || !equalFloats(s.Targets, []float64{2.5, 0.5, 2.5}) {
		t.Errorf("Subset labels %v targets %v", s.Y, s.Targets)
	}
	s.X[0][0], s.FeatureNames[0] = 99, "z"
	if d.X[2][0] != 2 || d.FeatureNames[0] != "a" {
		t.Error("Subset shares memory with its source")
	}
	if _, err := d.Subset([]int{3}); err == nil {
		t.Error("Subset with index 3 of 3 succeeded")
	}
	c := d.Clone()
	if c.SHA256() != d.SHA256() {
		t.Error("Clone differs from source")
	}
	c.Y[0] = 1
	if d.Y[0] != 0 {
		t.Error("Clone shares labels")
	}
}

func TestDense(t *testing.T) {
	d := &Dataset{X: [][]float64{{1, 2, 3}, {4, 5, 6}}}
	m := d.Dense()
	if r, c := m.Dims(); r != 2 || c != 3 || m.At(1, 0) != 4 || m.At(0, 2) != 3 {
		t.Errorf("Dense = %v", m)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
