package dataset

import (
	"math"
	"slices"
	"testing"
)

// TestMinMaxToAngles maps iris to [0, π]: every training column then spans
// exactly [0, π].
func TestMinMaxToAngles(t *testing.T) {
	d, _ := Load("iris")
	s := NewMinMaxScaler(0, math.Pi)
	a, err := FitTransform(s, d)
	if err != nil {
		t.Fatal(err)
	}
	for j := range d.Dim() {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, x := range a[0].X {
			lo, hi = min(lo, x[j]), max(hi, x[j])
		}
		if lo != 0 || math.Abs(hi-math.Pi) > 1e-15 {
			t.Errorf("column %d spans [%v, %v], want [0, π]", j, lo, hi)
		}
	}
}

// TestMinMaxValues checks hand values, clipping, extrapolation and the
// constant-column midpoint.
func TestMinMaxValues(t *testing.T) {
	train := &Dataset{X: [][]float64{{2, 5}, {4, 5}, {10, 5}}}
	test := &Dataset{X: [][]float64{{6, 9}, {-2, 5}, {12, 0}}}
	tests := []struct {
		clip bool
		want [][]float64
	}{
		// [2, 10] → [-1, 1]: x ↦ -1 + (x−2)/4.
		{true, [][]float64{{0, 0}, {-1, 0}, {1, 0}}},
		{false, [][]float64{{0, 0}, {-2, 0}, {1.5, 0}}},
	}
	for _, tt := range tests {
		s := &MinMaxScaler{Lo: -1, Hi: 1, Clip: tt.clip}
		out, err := FitTransform(s, train, test)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(out[0].X, [][]float64{{-1, 0}, {-0.5, 0}, {1, 0}}, slices.Equal) {
			t.Errorf("train → %v", out[0].X)
		}
		if !slices.EqualFunc(out[1].X, tt.want, slices.Equal) {
			t.Errorf("clip %v: test → %v, want %v", tt.clip, out[1].X, tt.want)
		}
	}
	for _, r := range [][2]float64{{1, 1}, {2, 1}, {0, math.Inf(1)}, {math.NaN(), 1}} {
		if err := (&MinMaxScaler{Lo: r[0], Hi: r[1]}).Fit(train); err == nil {
			t.Errorf("range %v accepted", r)
		}
	}
}
