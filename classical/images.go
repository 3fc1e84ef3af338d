package classical

import (
	"fmt"

	"github.com/qmlgo/qml/dataset"
)

// NudgeImages returns d with four more copies of every image, shifted by
// one pixel down, left, right and up (in that order, after all the
// originals), zeros shifted in: the 5× augmentation of scikit-learn's
// "Restricted Boltzmann Machine features for digit classification"
// example (nudge_dataset). Each row of d is a rows×cols image, pixel
// (r, c) at feature r*cols + c; labels, names and class names are kept.
func NudgeImages(d *dataset.Dataset, rows, cols int) (*dataset.Dataset, error) {
	if d == nil || rows < 1 || cols < 1 || d.Dim() != rows*cols {
		return nil, fmt.Errorf("classical: nudging %d×%d images needs %d features per sample", rows, cols, rows*cols)
	}
	n := d.Len()
	// Shifts (dr, dc): the content moves by (dr, dc), as scikit-learn's
	// convolutions with [[0,1,0],[0,0,0],[0,0,0]], … do.
	shifts := [][2]int{{0, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, 0}}
	block := make([]float64, len(shifts)*n*rows*cols)
	x := make([][]float64, 0, len(shifts)*n)
	var y []int
	for k, sh := range shifts {
		for i, src := range d.X {
			off := (k*n + i) * rows * cols
			dst := block[off : off+rows*cols : off+rows*cols]
			for r := range rows {
				for c := range cols {
					sr, sc := r-sh[0], c-sh[1]
					if sr >= 0 && sr < rows && sc >= 0 && sc < cols {
						dst[r*cols+c] = src[sr*cols+sc]
					}
				}
			}
			x = append(x, dst)
		}
		y = append(y, d.Y...)
	}
	out := &dataset.Dataset{Name: d.Name + "-nudged", X: x, FeatureNames: d.FeatureNames, ClassNames: d.ClassNames}
	if d.Y != nil {
		out.Y, out.NumClasses = y, d.NumClasses
	}
	return out, out.Validate()
}

// PoolImages returns d with every rows×cols image average-pooled over
// k×k blocks (rows and cols must be multiples of k), e.g. MNIST's 28×28
// to 14×14 with k = 2 as Stoudenmire and Schwab prepare it. Pixel (r, c)
// of the result is feature r*(cols/k) + c, named "p_r_c".
func PoolImages(d *dataset.Dataset, rows, cols, k int) (*dataset.Dataset, error) {
	if d == nil || k < 1 || rows%k != 0 || cols%k != 0 || d.Dim() != rows*cols {
		return nil, fmt.Errorf("classical: pooling %d×%d images by %d needs %d features per sample and sides divisible by %d", rows, cols, k, rows*cols, k)
	}
	pr, pc := rows/k, cols/k
	block := make([]float64, d.Len()*pr*pc)
	x := make([][]float64, d.Len())
	inv := 1 / float64(k*k)
	for i, src := range d.X {
		dst := block[i*pr*pc : (i+1)*pr*pc : (i+1)*pr*pc]
		for r := range rows {
			for c := range cols {
				dst[(r/k)*pc+c/k] += src[r*cols+c] * inv
			}
		}
		x[i] = dst
	}
	names := make([]string, pr*pc)
	for r := range pr {
		for c := range pc {
			names[r*pc+c] = fmt.Sprintf("p_%d_%d", r, c)
		}
	}
	out := &dataset.Dataset{Name: fmt.Sprintf("%s-pool%d", d.Name, k), X: x, Y: d.Y, Targets: d.Targets,
		NumClasses: d.NumClasses, ClassNames: d.ClassNames, FeatureNames: names}
	return out, out.Validate()
}
