package dataset

import (
	"slices"
	"strings"
	"testing"
)

func TestOneHot(t *testing.T) {
	d := &Dataset{X: [][]float64{{0}, {0}, {0}}, Y: []int{2, 0, 1}, NumClasses: 3}
	got, err := d.OneHot()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("OneHot = %v, want %v", got, want)
	}
	if _, err := (&Dataset{X: [][]float64{{0}}}).OneHot(); err == nil {
		t.Error("OneHot without labels succeeded")
	}
}

func TestSelectFeatures(t *testing.T) {
	d, _ := Load("iris")
	s, err := d.SelectFeaturesByName("petal_width_cm", "sepal_length_cm")
	if err != nil {
		t.Fatal(err)
	}
	// First iris row: 5.1, 3.5, 1.4, 0.2.
	if !slices.Equal(s.X[0], []float64{0.2, 5.1}) || !slices.Equal(s.FeatureNames, []string{"petal_width_cm", "sepal_length_cm"}) {
		t.Errorf("row %v names %v", s.X[0], s.FeatureNames)
	}
	if !slices.Equal(s.Y, d.Y) || !slices.Equal(s.ClassNames, d.ClassNames) {
		t.Error("labels not carried over")
	}
	u, err := (&Dataset{X: [][]float64{{1, 2, 3}}}).SelectFeatures(2, 2)
	if err != nil || !slices.Equal(u.X[0], []float64{3, 3}) || u.FeatureNames != nil {
		t.Errorf("SelectFeatures(2, 2) = %v, %v", u, err)
	}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{second(d.SelectFeatures()), "at least one column"},
		{second(d.SelectFeatures(4)), "feature index 4 out of range 0..3"},
		{second(d.SelectFeatures(-1)), "feature index -1"},
		{second(d.SelectFeaturesByName("colour")), `no feature named "colour"`},
	} {
		if tt.err == nil || !strings.Contains(tt.err.Error(), tt.want) {
			t.Errorf("error %v, want %q", tt.err, tt.want)
		}
	}
}
