package dataset

import (
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// PCA projects features onto the top K principal components of the data it
// was fitted on, computed by gonum's stat.PC (an SVD of the centred data).
// Features are centred, not scaled: standardise first with a Scaler when the
// columns have different units. PCA is the usual way to shrink, say, 64 digit
// pixels to the handful of inputs a few-qubit encoder can take.
type PCA struct {
	// K is the number of components kept.
	K int
	// Mean is the fitted column mean subtracted before projecting.
	Mean []float64
	// Components holds the K principal directions as the orthonormal
	// columns of a d×K matrix, in order of decreasing variance. Each
	// direction's sign is fixed so that its largest-magnitude entry is
	// positive, which makes the result independent of the SVD's sign choice.
	Components *mat.Dense
	// Variances holds the variance (divisor n−1) of the data along every
	// principal direction, min(n, d) values in decreasing order, not just K.
	Variances []float64
}

// Fit computes the principal components of d; K must lie in 1..min(n, d)
// and d needs at least two samples.
func (p *PCA) Fit(d *Dataset) error {
	if err := fitCheck(d, 2); err != nil {
		return err
	}
	n, cols := d.Len(), d.Dim()
	if p.K < 1 || p.K > min(n, cols) {
		return fmt.Errorf("dataset %q: PCA K=%d outside 1..%d", d.Name, p.K, min(n, cols))
	}
	a := d.Dense()
	var pc stat.PC
	if !pc.PrincipalComponents(a, nil) {
		return fmt.Errorf("dataset %q: PCA: SVD did not converge", d.Name)
	}
	var vecs mat.Dense
	pc.VectorsTo(&vecs)
	p.Components = mat.DenseCopyOf(vecs.Slice(0, cols, 0, p.K))
	for k := range p.K {
		fixSign(p.Components, k)
	}
	p.Variances = pc.VarsTo(nil)
	p.Mean = make([]float64, cols)
	for j := range cols {
		p.Mean[j] = stat.Mean(mat.Col(nil, j, a), nil)
	}
	return nil
}

// fixSign negates column k of m if its largest-magnitude entry is negative.
func fixSign(m *mat.Dense, k int) {
	rows, _ := m.Dims()
	big := 0
	for i := range rows {
		if math.Abs(m.At(i, k)) > math.Abs(m.At(big, k)) {
			big = i
		}
	}
	if m.At(big, k) < 0 {
		for i := range rows {
			m.Set(i, k, -m.At(i, k))
		}
	}
}

// ExplainedVarianceRatio returns the fraction of the total variance each of
// the K kept components carries.
func (p *PCA) ExplainedVarianceRatio() []float64 {
	total := 0.0
	for _, v := range p.Variances {
		total += v
	}
	out := make([]float64, min(p.K, len(p.Variances)))
	for k := range out {
		if total > 0 {
			out[k] = p.Variances[k] / total
		}
	}
	return out
}

// Transform returns d projected onto the fitted components: feature k of a
// sample x is (x − Mean)·v_k, named "pc<k>".
func (p *PCA) Transform(d *Dataset) (*Dataset, error) {
	if p.Components == nil || p.Mean == nil {
		return nil, errNotFitted
	}
	names := make([]string, p.K)
	for k := range names {
		names[k] = "pc" + strconv.Itoa(k)
	}
	centred := make([]float64, len(p.Mean))
	return mapRows(d, len(p.Mean), p.K, names, func(dst, src []float64) {
		for j, v := range src {
			centred[j] = v - p.Mean[j]
		}
		mat.NewVecDense(p.K, dst).MulVec(p.Components.T(), mat.NewVecDense(len(centred), centred))
	})
}
