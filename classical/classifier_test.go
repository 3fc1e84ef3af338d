package classical

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
)

// checkGradient compares c.LossGrad's gradient with central finite
// differences of its loss at every parameter.
func checkGradient(t *testing.T, c Classifier, x [][]float64, y []int, tol float64) {
	t.Helper()
	p := c.Params()
	grad := make([]float64, len(p))
	if _, err := c.LossGrad(x, y, grad); err != nil {
		t.Fatal(err)
	}
	scratch := make([]float64, len(p))
	const h = 1e-6
	for j := range p {
		old := p[j]
		p[j] = old + h
		lp, _ := c.LossGrad(x, y, scratch)
		p[j] = old - h
		lm, _ := c.LossGrad(x, y, scratch)
		p[j] = old
		if fd := (lp - lm) / (2 * h); math.Abs(fd-grad[j]) > tol*(1+math.Abs(fd)) {
			t.Errorf("parameter %d: gradient %.8g, finite difference %.8g", j, grad[j], fd)
		}
	}
}

func randomBatch(rng *rand.Rand, n, features, classes int) ([][]float64, []int) {
	x, y := make([][]float64, n), make([]int, n)
	for i := range x {
		x[i] = make([]float64, features)
		for j := range x[i] {
			x[i][j] = rng.NormFloat64()
		}
		y[i] = rng.IntN(classes)
	}
	return x, y
}

func TestClassifierGradients(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 1))
	x, y := randomBatch(rng, 5, 4, 3)
	lr, _ := NewLogistic(4, 3, 0.3)
	for j := range lr.Theta {
		lr.Theta[j] = rng.NormFloat64()
	}
	mt, _ := NewMLP(4, 6, 3, Tanh, 0.2, rng)
	mr, _ := NewMLP(4, 6, 3, ReLU, 0.1, rng)
	for _, tc := range []struct {
		name string
		c    Classifier
	}{{"logistic", lr}, {"mlp tanh", mt}, {"mlp relu", mr}} {
		t.Run(tc.name, func(t *testing.T) { checkGradient(t, tc.c, x, y, 1e-6) })
	}
}

// TestLogisticProbabilities checks the softmax against a hand-computed
// two-class case: logits (w·x, 0) give p₀ = σ(w·x).
func TestLogisticProbabilities(t *testing.T) {
	m, _ := NewLogistic(2, 2, 0)
	copy(m.Theta, []float64{1, -2, 0, 0, 0.5, 0})
	p := make([]float64, 2)
	if err := m.Probabilities([]float64{0.3, 0.1}, p); err != nil {
		t.Fatal(err)
	}
	want := 1 / (1 + math.Exp(-(0.3 - 0.2 + 0.5)))
	if math.Abs(p[0]-want) > 1e-15 || math.Abs(p[0]+p[1]-1) > 1e-15 {
		t.Errorf("p = %v, want p₀ = %v", p, want)
	}
	if err := m.Probabilities([]float64{1}, p); err == nil {
		t.Error("wrong width accepted")
	}
}

// TestClassifiersOnDigits trains both references on the 8×8 digits
// scaled to [0, 1]; scikit-learn's LogisticRegression reaches about 0.96
// test accuracy on such a split.
func TestClassifiersOnDigits(t *testing.T) {
	train, test := digitsSplit(t)
	rng := rand.New(rand.NewPCG(2, 2))
	lr, _ := NewLogistic(64, 10, 1e-4)
	mlp, _ := NewMLP(64, 64, 10, ReLU, 1e-4, rng)
	for _, tc := range []struct {
		name string
		c    Classifier
		want float64
	}{{"logistic", lr, 0.94}, {"mlp", mlp, 0.95}} {
		opt, _ := optim.New("adam", map[string]float64{"lr": 0.01})
		hist, err := Fit(tc.c, train, FitOptions{Epochs: 30, BatchSize: 32, Optimizer: opt, Validation: test}, rng)
		if err != nil {
			t.Fatal(err)
		}
		_, acc, _ := Evaluate(tc.c, test)
		if last := hist[len(hist)-1]; acc < tc.want || last.ValAccuracy != acc {
			t.Errorf("%s: test accuracy %.4f (last epoch %.4f), want ≥ %.2f", tc.name, acc, last.ValAccuracy, tc.want)
		}
	}
}

// digitsSplit returns the 8×8 digits scaled to [0, 1] (pixels are 0…16),
// split 75/25 stratified with a fixed seed.
func digitsSplit(t testing.TB) (train, test *dataset.Dataset) {
	d, err := dataset.Load("digits")
	if err != nil {
		t.Fatal(err)
	}
	d = d.Clone()
	for _, x := range d.X {
		for j := range x {
			x[j] /= 16
		}
	}
	train, test, err = dataset.StratifiedSplit(d, 0.25, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	return train, test
}

func TestFitErrors(t *testing.T) {
	m, _ := NewLogistic(2, 2, 0)
	unlabelled, _ := dataset.New("u", [][]float64{{1, 2}}, nil)
	if _, err := Fit(m, unlabelled, FitOptions{Epochs: 1}, rand.New(rand.NewPCG(1, 1))); err == nil {
		t.Error("unlabelled data accepted")
	}
	three, _ := dataset.New("t", [][]float64{{1, 2}, {0, 1}, {1, 1}}, []int{0, 1, 2})
	if _, err := Fit(m, three, FitOptions{Epochs: 1}, rand.New(rand.NewPCG(1, 1))); err == nil {
		t.Error("more classes than the model accepted")
	}
	if _, err := NewMLP(2, 3, 2, "sigmoid", 0, rand.New(rand.NewPCG(1, 1))); err == nil {
		t.Error("unknown activation accepted")
	}
	if _, err := NewLogistic(2, 2, -1); err == nil {
		t.Error("negative penalty accepted")
	}
}
