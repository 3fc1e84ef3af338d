package dataset

import (
	"fmt"
	"strconv"
)

// MaxBarsSide bounds the sides of BarsAndStripes images.
const MaxBarsSide = 12

// BarsAndStripes returns every distinct rows×cols bars-and-stripes image once
// (the Born-machine benchmark of MacKay, "Information Theory, Inference, and
// Learning Algorithms", 2003, and Benedetti et al., npj Quantum Inf. 5, 45
// (2019)): a bar image fills some subset of the columns, a stripe image some
// subset of the rows. The empty and the full image are both, and appear once,
// so there are 2^cols + 2^rows − 2 images (30 for 4×4, 14 for 3×3).
//
// Pixel (r, c) is feature r*cols + c (row-major), value 0 or 1, named "p_r_c".
// Rows come in order: the bars, column subset m = 0..2^cols−1 filling column c
// when bit c of m is set (label 0, "bars", including the empty and the full
// image), then the stripes, row subsets m = 1..2^rows−2 (label 1, "stripes").
func BarsAndStripes(rows, cols int) (*Dataset, error) {
	if rows < 1 || cols < 1 || rows > MaxBarsSide || cols > MaxBarsSide {
		return nil, fmt.Errorf("dataset: BarsAndStripes size %d×%d outside 1..%d per side", rows, cols, MaxBarsSide)
	}
	nBars, nStripes := 1<<cols, 1<<rows-2
	d := &Dataset{
		Name:         fmt.Sprintf("bars-and-stripes-%dx%d", rows, cols),
		X:            newRows(nBars+nStripes, rows*cols),
		Y:            make([]int, nBars+nStripes),
		FeatureNames: make([]string, rows*cols),
		ClassNames:   []string{"bars", "stripes"},
		NumClasses:   2,
	}
	for r := range rows {
		for c := range cols {
			d.FeatureNames[r*cols+c] = "p_" + strconv.Itoa(r) + "_" + strconv.Itoa(c)
		}
	}
	for m := range nBars {
		for r := range rows {
			for c := range cols {
				d.X[m][r*cols+c] = float64(m >> c & 1)
			}
		}
	}
	for k := range nStripes {
		i, m := nBars+k, k+1
		for r := range rows {
			for c := range cols {
				d.X[i][r*cols+c] = float64(m >> r & 1)
			}
		}
		d.Y[i] = 1
	}
	return d, nil
}
