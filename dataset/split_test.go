package dataset

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// TestStratifiedSplit checks per-class test counts round(frac·count) — for
// wine's 59/71/48 at 0.25 that is 15/18/12 — and that train and test
// partition the samples.
func TestStratifiedSplit(t *testing.T) {
	tests := []struct {
		name      string
		frac      float64
		wantTest  []int
		wantTrain []int
	}{
		{"iris", 0.2, []int{10, 10, 10}, []int{40, 40, 40}},
		{"wine", 0.25, []int{15, 18, 12}, []int{44, 53, 36}},
		{"breast-cancer", 0.3, []int{64, 107}, []int{148, 250}},
	}
	for _, tt := range tests {
		d, err := Load(tt.name)
		if err != nil {
			t.Fatal(err)
		}
		train, test, err := StratifiedSplit(d, tt.frac, newRand(8))
		if err != nil {
			t.Fatal(err)
		}
		if got := test.ClassCounts(); !slices.Equal(got, tt.wantTest) {
			t.Errorf("%s: test counts %v, want %v", tt.name, got, tt.wantTest)
		}
		if got := train.ClassCounts(); !slices.Equal(got, tt.wantTrain) {
			t.Errorf("%s: train counts %v, want %v", tt.name, got, tt.wantTrain)
		}
		checkPartition(t, d, train, test)
		again, _, _ := StratifiedSplit(d, tt.frac, newRand(8))
		if again.SHA256() != train.SHA256() {
			t.Errorf("%s: same seed, different split", tt.name)
		}
	}
}

// checkPartition checks that the parts' (row, label) pairs together are
// exactly d's, as multisets.
func checkPartition(t *testing.T, d *Dataset, parts ...*Dataset) {
	t.Helper()
	count := map[string]int{}
	rowKey := func(x []float64, y int) string {
		var b strings.Builder
		for _, v := range x {
			b.WriteString(floatBits(v))
		}
		b.WriteString(floatBits(float64(y)))
		return b.String()
	}
	for i, x := range d.X {
		count[rowKey(x, d.Y[i])]++
	}
	n := 0
	for _, p := range parts {
		n += p.Len()
		for i, x := range p.X {
			count[rowKey(x, p.Y[i])]--
		}
	}
	if n != d.Len() {
		t.Errorf("parts hold %d samples, want %d", n, d.Len())
	}
	for k, c := range count {
		if c != 0 {
			t.Fatalf("sample %s off by %d", k, c)
		}
	}
}

func floatBits(v float64) string {
	b := math.Float64bits(v)
	out := make([]byte, 16)
	for i := range out {
		out[i] = "0123456789abcdef"[b>>(60-4*i)&15]
	}
	return string(out)
}

func TestTrainValTestSplit(t *testing.T) {
	d, _ := Load("iris")
	train, val, test, err := TrainValTestSplit(d, 0.1, 0.2, newRand(9))
	if err != nil {
		t.Fatal(err)
	}
	// Per class of 50: round(0.2·50) = 10 test, round(0.1·50) = 5 validation.
	for _, c := range []struct {
		part *Dataset
		want []int
	}{{train, []int{35, 35, 35}}, {val, []int{5, 5, 5}}, {test, []int{10, 10, 10}}} {
		if got := c.part.ClassCounts(); !slices.Equal(got, c.want) {
			t.Errorf("counts %v, want %v", got, c.want)
		}
	}
	checkPartition(t, d, train, val, test)
}

func TestSplitUnlabelled(t *testing.T) {
	d := &Dataset{Name: "u", X: newRows(10, 1)}
	for i := range d.X {
		d.X[i][0] = float64(i)
	}
	train, test, err := StratifiedSplit(d, 0.3, newRand(10))
	if err != nil {
		t.Fatal(err)
	}
	if train.Len() != 7 || test.Len() != 3 {
		t.Errorf("sizes %d, %d; want 7, 3", train.Len(), test.Len())
	}
	// Both parts keep the original order.
	for _, p := range []*Dataset{train, test} {
		for i := 1; i < p.Len(); i++ {
			if p.X[i][0] <= p.X[i-1][0] {
				t.Errorf("part not in original order: %v", p.X)
			}
		}
	}
}

func TestSplitErrors(t *testing.T) {
	d, _ := Load("iris")
	tiny := &Dataset{Name: "tiny", X: [][]float64{{1}, {2}}, Y: []int{0, 1}, NumClasses: 2}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"frac 0", third(StratifiedSplit(d, 0, newRand(1))), "fraction 0 outside (0, 1)"},
		{"frac 1", third(StratifiedSplit(d, 1, newRand(1))), "fraction 1 outside"},
		{"frac NaN", third(StratifiedSplit(d, math.NaN(), newRand(1))), "fraction NaN"},
		{"no rng", third(StratifiedSplit(d, 0.5, nil)), "random generator"},
		{"sum", fourth(TrainValTestSplit(d, 0.5, 0.5, newRand(1))), "sum to 1"},
		{"empty test", third(StratifiedSplit(tiny, 0.2, newRand(1))), "test part of the split is empty"},
		{"empty train", third(StratifiedSplit(tiny, 0.6, newRand(1))), "train part of the split is empty"},
		{"invalid", third(StratifiedSplit(&Dataset{}, 0.5, newRand(1))), "no samples"},
	}
	for _, tt := range tests {
		if tt.err == nil || !strings.Contains(tt.err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, tt.err, tt.want)
		}
	}
}

func fourth[T, U, V any](_ T, _ U, _ V, err error) error { return err }
