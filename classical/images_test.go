package classical

import (
	"testing"

	"github.com/qmlgo/qml/dataset"
)

func TestNudgeAndPoolImages(t *testing.T) {
	// One 3×4 image with pixels 1…12 (row-major).
	img := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	d, err := dataset.New("img", [][]float64{img}, []int{0})
	if err != nil {
		t.Fatal(err)
	}
	d.NumClasses = 1
	n, err := NudgeImages(d, 3, 4)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{
		img,
		{0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8},    // down
		{2, 3, 4, 0, 6, 7, 8, 0, 10, 11, 12, 0}, // left
		{0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11},  // right
		{5, 6, 7, 8, 9, 10, 11, 12, 0, 0, 0, 0}, // up
	}
	if n.Len() != 5 {
		t.Fatalf("%d images, want 5", n.Len())
	}
	for k, w := range want {
		for j := range w {
			if n.X[k][j] != w[j] {
				t.Fatalf("shift %d: %v, want %v", k, n.X[k], w)
			}
		}
	}
	sq, _ := dataset.New("sq", [][]float64{{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}}, []int{0})
	p, err := PoolImages(sq, 4, 4, 2)
	if err != nil {
		t.Fatal(err)
	}
	// Blocks {1,2,5,6}, {3,4,7,8}, {9,10,13,14}, {11,12,15,16}.
	for j, v := range []float64{3.5, 5.5, 11.5, 13.5} {
		if p.X[0][j] != v {
			t.Fatalf("pooled %v, want [3.5 5.5 11.5 13.5]", p.X[0])
		}
	}
	if _, err := PoolImages(sq, 4, 4, 3); err == nil {
		t.Error("pooling 4×4 by 3 accepted")
	}
}
