package dataset

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Dataset is a table of samples: features, and optionally class labels or
// regression targets.
//
// X is row-major: X[i] is the feature vector of sample i and every row has the
// same length. Datasets made by this package back their rows with large
// contiguous blocks. Y, when non-nil, holds one class label per sample in
// 0..NumClasses-1; Targets, when non-nil, one real-valued regression target
// per sample. A dataset may have both, either or neither.
//
// The fields are exported so trainers can read them without copies; code that
// edits them should call Validate afterwards.
type Dataset struct {
	// Name identifies the dataset in reports, e.g. "iris" or "moons".
	Name string
	// X holds the features, one row per sample.
	X [][]float64
	// Y holds integer class labels in 0..NumClasses-1, or is nil.
	Y []int
	// Targets holds regression targets, or is nil.
	Targets []float64
	// FeatureNames names the columns of X; nil or one name per column.
	FeatureNames []string
	// ClassNames names the classes; nil or NumClasses names.
	ClassNames []string
	// NumClasses is the number of classes; 0 when Y is nil.
	NumClasses int
}

// New returns a validated classification dataset over x and y, taking
// ownership of both slices. NumClasses is max(y)+1; feature and class names are
// left nil for the caller to fill in.
func New(name string, x [][]float64, y []int) (*Dataset, error) {
	if y == nil {
		return nil, errors.New("dataset: New needs labels; use NewRegression or a Dataset literal for unlabelled data")
	}
	k := 0
	for _, c := range y {
		k = max(k, c+1)
	}
	d := &Dataset{Name: name, X: x, Y: y, NumClasses: k}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return d, nil
}

// NewRegression returns a validated regression dataset over x and targets,
// taking ownership of both slices.
func NewRegression(name string, x [][]float64, targets []float64) (*Dataset, error) {
	if targets == nil {
		return nil, errors.New("dataset: NewRegression needs targets")
	}
	d := &Dataset{Name: name, X: x, Targets: targets}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return d, nil
}

// Validate reports the first inconsistency in d: no samples, ragged rows,
// NaN or infinite cells, labels or targets of the wrong length, labels outside
// 0..NumClasses-1, or name lists of the wrong length.
func (d *Dataset) Validate() error {
	if d == nil {
		return errors.New("dataset: nil dataset")
	}
	if len(d.X) == 0 {
		return fmt.Errorf("dataset %q: no samples", d.Name)
	}
	cols := len(d.X[0])
	if cols == 0 {
		return fmt.Errorf("dataset %q: samples have no features", d.Name)
	}
	for i, row := range d.X {
		if len(row) != cols {
			return fmt.Errorf("dataset %q: row %d has %d features, want %d", d.Name, i, len(row), cols)
		}
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("dataset %q: row %d, feature %s is %v", d.Name, i, d.featureName(j), v)
			}
		}
	}
	if d.FeatureNames != nil && len(d.FeatureNames) != cols {
		return fmt.Errorf("dataset %q: %d feature names for %d features", d.Name, len(d.FeatureNames), cols)
	}
	if d.Y != nil {
		if len(d.Y) != len(d.X) {
			return fmt.Errorf("dataset %q: %d labels for %d samples", d.Name, len(d.Y), len(d.X))
		}
		if d.NumClasses < 1 {
			return fmt.Errorf("dataset %q: labelled dataset with NumClasses %d", d.Name, d.NumClasses)
		}
		for i, c := range d.Y {
			if c < 0 || c >= d.NumClasses {
				return fmt.Errorf("dataset %q: row %d has label %d, want 0..%d", d.Name, i, c, d.NumClasses-1)
			}
		}
	} else if d.NumClasses != 0 {
		return fmt.Errorf("dataset %q: NumClasses %d but no labels", d.Name, d.NumClasses)
	}
	if d.ClassNames != nil && len(d.ClassNames) != d.NumClasses {
		return fmt.Errorf("dataset %q: %d class names for %d classes", d.Name, len(d.ClassNames), d.NumClasses)
	}
	if d.Targets != nil {
		if len(d.Targets) != len(d.X) {
			return fmt.Errorf("dataset %q: %d targets for %d samples", d.Name, len(d.Targets), len(d.X))
		}
		for i, v := range d.Targets {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("dataset %q: row %d has target %v", d.Name, i, v)
			}
		}
	}
	return nil
}

// featureName names column j for messages: its name if known, else its index.
func (d *Dataset) featureName(j int) string {
	if j < len(d.FeatureNames) {
		return fmt.Sprintf("%d (%s)", j, d.FeatureNames[j])
	}
	return fmt.Sprint(j)
}

// Len returns the number of samples.
func (d *Dataset) Len() int { return len(d.X) }

// Dim returns the number of features per sample (0 for an empty dataset).
func (d *Dataset) Dim() int {
	if len(d.X) == 0 {
		return len(d.FeatureNames)
	}
	return len(d.X[0])
}

// ClassCounts returns the number of samples in each class, indexed by label;
// nil when d has no labels.
func (d *Dataset) ClassCounts() []int {
	if d.Y == nil {
		return nil
	}
	counts := make([]int, d.NumClasses)
	for _, c := range d.Y {
		if c >= 0 && c < len(counts) {
			counts[c]++
		}
	}
	return counts
}

// Subset returns a new dataset holding the samples idx, in that order (an
// index may repeat). Rows are copied, so the result shares no memory with d.
func (d *Dataset) Subset(idx []int) (*Dataset, error) {
	for _, i := range idx {
		if i < 0 || i >= len(d.X) {
			return nil, fmt.Errorf("dataset %q: subset index %d out of range 0..%d", d.Name, i, len(d.X)-1)
		}
	}
	s := d.emptyLike(len(idx), d.Dim())
	s.FeatureNames = cloneStrings(d.FeatureNames)
	for k, i := range idx {
		copy(s.X[k], d.X[i])
		if d.Y != nil {
			s.Y[k] = d.Y[i]
		}
		if d.Targets != nil {
			s.Targets[k] = d.Targets[i]
		}
	}
	return s, nil
}

// Clone returns a deep copy of d.
func (d *Dataset) Clone() *Dataset {
	idx := make([]int, len(d.X))
	for i := range idx {
		idx[i] = i
	}
	s, _ := d.Subset(idx) // every index is in range
	return s
}

// emptyLike returns a dataset with d's name, class names and label/target
// layout, n zero rows of cols features and nil FeatureNames.
func (d *Dataset) emptyLike(n, cols int) *Dataset {
	s := &Dataset{
		Name:       d.Name,
		X:          newRows(n, cols),
		NumClasses: d.NumClasses,
		ClassNames: cloneStrings(d.ClassNames),
	}
	if d.Y != nil {
		s.Y = make([]int, n)
	}
	if d.Targets != nil {
		s.Targets = make([]float64, n)
	}
	return s
}

// Dense returns the features as a new n×d gonum matrix (a copy).
func (d *Dataset) Dense() *mat.Dense {
	n, c := d.Len(), d.Dim()
	if n == 0 || c == 0 {
		return &mat.Dense{}
	}
	m := mat.NewDense(n, c, nil)
	for i, row := range d.X {
		m.SetRow(i, row)
	}
	return m
}

// newRows returns n rows of cols zeros backed by one contiguous slice.
func newRows(n, cols int) [][]float64 {
	flat := make([]float64, n*cols)
	rows := make([][]float64, n)
	for i := range rows {
		rows[i] = flat[i*cols : (i+1)*cols : (i+1)*cols]
	}
	return rows
}

// cloneStrings copies s, keeping nil as nil.
func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string{}, s...)
}
