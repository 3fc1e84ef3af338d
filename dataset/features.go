package dataset

import (
	"errors"
	"fmt"
	"slices"
)

// OneHot returns the labels as one-hot rows: row i has a 1 in column Y[i]
// and 0 elsewhere, NumClasses columns wide, the target layout of a softmax
// or multi-output model.
func (d *Dataset) OneHot() ([][]float64, error) {
	if d.Y == nil {
		return nil, fmt.Errorf("dataset %q: OneHot needs class labels", d.Name)
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	out := newRows(d.Len(), d.NumClasses)
	for i, c := range d.Y {
		out[i][c] = 1
	}
	return out, nil
}

// SelectFeatures returns a copy of d keeping only the columns idx, in that
// order (an index may repeat).
func (d *Dataset) SelectFeatures(idx ...int) (*Dataset, error) {
	if len(idx) == 0 {
		return nil, errors.New("dataset: SelectFeatures needs at least one column")
	}
	in := d.Dim()
	for _, j := range idx {
		if j < 0 || j >= in {
			return nil, fmt.Errorf("dataset %q: feature index %d out of range 0..%d", d.Name, j, in-1)
		}
	}
	var names []string
	if d.FeatureNames != nil {
		names = make([]string, len(idx))
		for k, j := range idx {
			names[k] = d.FeatureNames[j]
		}
	}
	return mapRows(d, in, len(idx), names, func(dst, src []float64) {
		for k, j := range idx {
			dst[k] = src[j]
		}
	})
}

// SelectFeaturesByName is SelectFeatures by column name.
func (d *Dataset) SelectFeaturesByName(names ...string) (*Dataset, error) {
	idx := make([]int, len(names))
	for k, name := range names {
		idx[k] = slices.Index(d.FeatureNames, name)
		if idx[k] < 0 {
			return nil, fmt.Errorf("dataset %q: no feature named %q", d.Name, name)
		}
	}
	return d.SelectFeatures(idx...)
}
