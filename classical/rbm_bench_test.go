package classical

import (
	"math/rand/v2"
	"os"
	"testing"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/internal/cputime"
	"github.com/qmlgo/qml/optim"
)

// nudgedDigits prepares the data of scikit-learn's RBM example: the 8×8
// digits with their four one-pixel shifts, min-max scaled to [0, 1] per
// feature, split 80/20.
func nudgedDigits(t testing.TB) (train, test *dataset.Dataset) {
	d, err := dataset.Load("digits")
	if err != nil {
		t.Fatal(err)
	}
	if d, err = NudgeImages(d, 8, 8); err != nil {
		t.Fatal(err)
	}
	parts, err := dataset.FitTransform(dataset.NewMinMaxScaler(0, 1), d)
	if err != nil {
		t.Fatal(err)
	}
	train, test, err = dataset.StratifiedSplit(parts[0], 0.2, rand.New(rand.NewPCG(0, 0)))
	if err != nil {
		t.Fatal(err)
	}
	return train, test
}

// BenchmarkRBMDigitsEpoch times one epoch of scikit-learn's RBM example
// training (100 hidden units, PCD-1 with 10 chains, batch 10, lr 0.06) on
// the 7188 training images. scikit-learn 1.2.1's BernoulliRBM takes 48.7 ms
// per epoch on one thread on the reference machine; run with -cpu 1. The
// cpu-ms/op metric is the process's CPU time per epoch, which other load
// on the machine does not inflate.
func BenchmarkRBMDigitsEpoch(b *testing.B) {
	train, _ := nudgedDigits(b)
	rng := rand.New(rand.NewPCG(0, 0))
	r, err := NewRBM(64, 100, false, rng)
	if err != nil {
		b.Fatal(err)
	}
	cfg := RBMTraining{Method: PCD, K: 1, Epochs: 1, BatchSize: 10, LearningRate: 0.06}
	start := cputime.Process()
	for b.Loop() {
		if _, err := r.Fit(train.X, cfg, rng); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cputime.Process()-start)/1e6/float64(b.N), "cpu-ms/op")
}

// TestRBMDigitsFeatures is scikit-learn's RBM example: 100 hidden units
// trained by PCD-1 (lr 0.06, batch 10, 10 epochs) on the nudged digits,
// then logistic regression (C = 6000, i.e. λ = 1/(6000 n), fitted by
// L-BFGS) on the hidden probabilities. scikit-learn 1.2.1 reaches 0.937
// test accuracy; raw-pixel logistic regression 0.78. About 15 s; run with
// QML_LONG=1.
func TestRBMDigitsFeatures(t *testing.T) {
	if os.Getenv("QML_LONG") == "" {
		t.Skip("set QML_LONG=1 for scikit-learn's RBM digits pipeline")
	}
	train, test := nudgedDigits(t)
	rng := rand.New(rand.NewPCG(0, 0))
	r, err := NewRBM(64, 100, false, rng)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Fit(train.X, RBMTraining{Method: PCD, Epochs: 10, BatchSize: 10, LearningRate: 0.06}, rng); err != nil {
		t.Fatal(err)
	}
	feats := func(d *dataset.Dataset) *dataset.Dataset {
		x, err := r.Transform(d.X)
		if err != nil {
			t.Fatal(err)
		}
		f, err := dataset.New("rbm-features", x, d.Y)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	ftrain, ftest := feats(train), feats(test)
	lr, _ := NewLogistic(100, 10, 1/(6000*float64(ftrain.Len())))
	if _, err := FitLBFGS(lr, ftrain, optim.LBFGSConfig{Memory: 10, GradTol: 1e-5, MaxIters: 2000}); err != nil {
		t.Fatal(err)
	}
	_, acc, _ := Evaluate(lr, ftest)
	t.Logf("RBM features + logistic regression: test accuracy %.4f", acc)
	if acc < 0.94 {
		t.Errorf("test accuracy %.4f, want ≥ 0.94 (scikit-learn: 0.937)", acc)
	}
}
