package dataset

import (
	"slices"
	"testing"
)

func TestBatcher(t *testing.T) {
	tests := []struct {
		n, size  int
		dropLast bool
		sizes    []int
	}{
		{10, 3, false, []int{3, 3, 3, 1}},
		{10, 3, true, []int{3, 3, 3}},
		{9, 3, false, []int{3, 3, 3}},
		{4, 10, false, []int{4}},
		{1, 1, true, []int{1}},
	}
	for _, tt := range tests {
		b, err := NewBatcher(tt.n, tt.size, tt.dropLast, newRand(12))
		if err != nil {
			t.Fatal(err)
		}
		if b.NumBatches() != len(tt.sizes) {
			t.Errorf("%+v: NumBatches %d", tt, b.NumBatches())
		}
		var prev []int
		for epoch := range 3 {
			var all []int
			for k, batch := range b.Epoch() {
				if len(batch) != tt.sizes[k] {
					t.Errorf("%+v: batch %d has %d", tt, k, len(batch))
				}
				all = append(all, batch...)
			}
			if !tt.dropLast || tt.n%tt.size == 0 {
				sorted := slices.Sorted(slices.Values(all))
				for i, v := range sorted {
					if v != i {
						t.Fatalf("%+v epoch %d: indices %v not a permutation", tt, epoch, all)
					}
				}
			}
			if epoch > 0 && tt.n >= 9 && slices.Equal(all, prev) {
				t.Errorf("%+v: epoch %d repeats the previous order", tt, epoch)
			}
			prev = all
		}
	}
}

func TestBatcherDeterministicAndOrdered(t *testing.T) {
	a, _ := NewBatcher(20, 4, false, newRand(13))
	b, _ := NewBatcher(20, 4, false, newRand(13))
	for range 3 {
		if !slices.EqualFunc(a.Epoch(), b.Epoch(), slices.Equal) {
			t.Fatal("same seed, different batches")
		}
	}
	seq, _ := NewBatcher(5, 2, false, nil)
	if got := seq.Epoch(); !slices.EqualFunc(got, [][]int{{0, 1}, {2, 3}, {4}}, slices.Equal) {
		t.Errorf("nil rng batches %v", got)
	}
	for _, c := range [][2]int{{0, 1}, {1, 0}} {
		if _, err := NewBatcher(c[0], c[1], false, nil); err == nil {
			t.Errorf("NewBatcher(%d, %d) accepted", c[0], c[1])
		}
	}
	if _, err := NewBatcher(3, 4, true, nil); err == nil {
		t.Error("dropLast with size > n accepted")
	}
}

// TestShuffle checks that rows keep their labels and targets: each sample is
// built with x = i, y = i mod 3, target = 10 i.
func TestShuffle(t *testing.T) {
	d := &Dataset{X: newRows(30, 1), Y: make([]int, 30), Targets: make([]float64, 30), NumClasses: 3}
	for i := range d.X {
		d.X[i][0], d.Y[i], d.Targets[i] = float64(i), i%3, 10*float64(i)
	}
	before := d.ClassCounts()
	if err := d.Shuffle(newRand(14)); err != nil {
		t.Fatal(err)
	}
	moved := 0
	for i, x := range d.X {
		k := int(x[0])
		if d.Y[i] != k%3 || d.Targets[i] != 10*x[0] {
			t.Fatalf("row %v has label %d target %v", x, d.Y[i], d.Targets[i])
		}
		if k != i {
			moved++
		}
	}
	if moved < 20 || !slices.Equal(before, d.ClassCounts()) {
		t.Errorf("%d of 30 rows moved; counts %v → %v", moved, before, d.ClassCounts())
	}
	if d.Shuffle(nil) == nil {
		t.Error("Shuffle(nil) accepted")
	}
}
