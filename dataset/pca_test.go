package dataset

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestPCAClosedForm: the four points (±a, 0), (0, ±b) with a > b have mean 0,
// principal directions e1 and e2 and variances 2a²/3 and 2b²/3 (divisor
// n−1 = 3).
func TestPCAClosedForm(t *testing.T) {
	const a, b = 3.0, 1.0
	d := &Dataset{X: [][]float64{{a, 0}, {-a, 0}, {0, b}, {0, -b}}}
	p := &PCA{K: 2}
	if err := p.Fit(d); err != nil {
		t.Fatal(err)
	}
	want := mat.NewDense(2, 2, []float64{1, 0, 0, 1})
	if !mat.EqualApprox(p.Components, want, 1e-12) {
		t.Errorf("components\n%v\nwant identity", mat.Formatted(p.Components))
	}
	if math.Abs(p.Variances[0]-2*a*a/3) > 1e-12 || math.Abs(p.Variances[1]-2*b*b/3) > 1e-12 {
		t.Errorf("variances %v, want [%v %v]", p.Variances, 2*a*a/3, 2*b*b/3)
	}
	r := p.ExplainedVarianceRatio()
	if math.Abs(r[0]-a*a/(a*a+b*b)) > 1e-12 {
		t.Errorf("explained ratio %v, want %v", r, a*a/(a*a+b*b))
	}
}

// TestPCAKnownDirection: samples spread along u = (1, 2, 2)/3 with small
// isotropic noise; the first component must be u, the components
// orthonormal, the variances descending, and Transform must equal
// (x − mean)·v_k computed here by hand.
func TestPCAKnownDirection(t *testing.T) {
	rng := newRand(11)
	u := []float64{1.0 / 3, 2.0 / 3, 2.0 / 3}
	d := &Dataset{Name: "line", X: newRows(400, 3), FeatureNames: []string{"a", "b", "c"}}
	for _, x := range d.X {
		s := 3 * rng.NormFloat64()
		for j := range x {
			x[j] = 5 + s*u[j] + 0.05*rng.NormFloat64()
		}
	}
	train, test, err := StratifiedSplit(d, 0.25, rng)
	if err != nil {
		t.Fatal(err)
	}
	p := &PCA{K: 2}
	out, err := FitTransform(p, train, test)
	if err != nil {
		t.Fatal(err)
	}
	v := p.Components
	if dot := mat.Dot(v.ColView(0), mat.NewVecDense(3, u)); dot < 0.9999 {
		t.Errorf("first component %v · u = %v", mat.Col(nil, 0, v), dot)
	}
	var gram mat.Dense
	gram.Mul(v.T(), v)
	if !mat.EqualApprox(&gram, mat.NewDiagDense(2, []float64{1, 1}), 1e-12) {
		t.Errorf("VᵀV =\n%v", mat.Formatted(&gram))
	}
	for k := 1; k < len(p.Variances); k++ {
		if p.Variances[k] > p.Variances[k-1] {
			t.Errorf("variances not descending: %v", p.Variances)
		}
	}
	if r := p.ExplainedVarianceRatio(); len(r) != 2 || r[0] < 0.99 {
		t.Errorf("explained variance ratio %v", r)
	}
	if out[1].FeatureNames[1] != "pc1" || out[1].Dim() != 2 {
		t.Errorf("output names %v", out[1].FeatureNames)
	}
	for i, x := range test.X {
		for k := range 2 {
			want := 0.0
			for j := range x {
				want += (x[j] - p.Mean[j]) * v.At(j, k)
			}
			if math.Abs(out[1].X[i][k]-want) > 1e-12 {
				t.Fatalf("test row %d component %d = %v, want %v", i, k, out[1].X[i][k], want)
			}
		}
	}
}

func TestPCAErrors(t *testing.T) {
	d := &Dataset{X: [][]float64{{1, 2}, {3, 4}, {5, 7}}}
	for _, k := range []int{0, 3} {
		if err := (&PCA{K: k}).Fit(d); err == nil {
			t.Errorf("K=%d accepted for 3×2 data", k)
		}
	}
	if err := (&PCA{K: 1}).Fit(&Dataset{X: [][]float64{{1, 2}}}); err == nil {
		t.Error("PCA on one sample accepted")
	}
}
