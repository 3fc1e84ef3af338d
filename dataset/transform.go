package dataset

import (
	"errors"
	"fmt"
)

// Transformer is a feature transform fitted on training data and then
// applied, unchanged, to any dataset with the same features. Scaler,
// MinMaxScaler and PCA implement it.
type Transformer interface {
	// Fit learns the transform's statistics from d.
	Fit(d *Dataset) error
	// Transform returns a transformed copy of d; labels, targets and class
	// names are carried over.
	Transform(d *Dataset) (*Dataset, error)
}

var (
	_ Transformer = (*Scaler)(nil)
	_ Transformer = (*MinMaxScaler)(nil)
	_ Transformer = (*PCA)(nil)
)

// FitTransform fits t on train and returns train followed by every dataset
// in rest, all transformed by it: the usual fit-on-train, apply-to-test step.
func FitTransform(t Transformer, train *Dataset, rest ...*Dataset) ([]*Dataset, error) {
	if err := t.Fit(train); err != nil {
		return nil, err
	}
	out := make([]*Dataset, 0, 1+len(rest))
	for _, d := range append([]*Dataset{train}, rest...) {
		td, err := t.Transform(d)
		if err != nil {
			return nil, err
		}
		out = append(out, td)
	}
	return out, nil
}

// errNotFitted is returned by Transform before a successful Fit.
var errNotFitted = errors.New("dataset: transform used before Fit")

// mapRows validates d against a fitted width in, then returns a copy of d
// with cols features named names (nil keeps d's names when cols == in),
// whose row i is f(out, d.X[i]).
func mapRows(d *Dataset, in, cols int, names []string, f func(dst, src []float64)) (*Dataset, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if d.Dim() != in {
		return nil, fmt.Errorf("dataset %q: %d features, transform was fitted on %d", d.Name, d.Dim(), in)
	}
	out := d.emptyLike(d.Len(), cols)
	copy(out.Y, d.Y)
	copy(out.Targets, d.Targets)
	out.FeatureNames = names
	if names == nil {
		out.FeatureNames = cloneStrings(d.FeatureNames)
	}
	for i, src := range d.X {
		f(out.X[i], src)
	}
	return out, nil
}

// fitCheck validates a dataset a transform is fitted on.
func fitCheck(d *Dataset, minRows int) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if d.Len() < minRows {
		return fmt.Errorf("dataset %q: fitting needs at least %d samples, got %d", d.Name, minRows, d.Len())
	}
	return nil
}
