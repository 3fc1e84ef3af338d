package classical

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
)

// trainDBMBAS pre-trains and then jointly trains a DBM on the 14 patterns
// of 3×3 bars and stripes (pre-training: PCD-1 RBMs, batch 2, lr 0.1;
// joint: Adam from lr 0.01 with a cosine decay, full batch, 100 chains)
// and returns the exact NLL at the start, after pre-training and at the
// end.
func trainDBMBAS(t *testing.T, layers []int, pretrain, epochs, k int) (start, pre, final float64) {
	t.Helper()
	data, err := dataset.BarsAndStripes(3, 3)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	d, err := NewDBM(layers, rng)
	if err != nil {
		t.Fatal(err)
	}
	nll := func() float64 {
		z, err := d.ExactLogZ()
		if err != nil {
			t.Fatal(err)
		}
		ll, err := d.ExactLogLikelihood(data.X, z)
		if err != nil {
			t.Fatal(err)
		}
		return -ll
	}
	start = nll()
	if err := d.Pretrain(data.X, DBMPretraining{RBM: RBMTraining{Method: PCD, Epochs: pretrain, BatchSize: 2, LearningRate: 0.1, Chains: 50}}, rng); err != nil {
		t.Fatal(err)
	}
	pre = nll()
	adam, _ := optim.New("adam", map[string]float64{"lr": 0.01})
	sch, _ := optim.CosineDecay(0.01, 1e-4, epochs)
	opt, _ := optim.WithSchedule(adam, sch)
	if _, err := d.Fit(data.X, DBMTraining{K: k, Epochs: epochs, BatchSize: data.Len(), Optimizer: opt, Chains: 100}, rng); err != nil {
		t.Fatal(err)
	}
	return start, pre, nll()
}

// TestDBMBarsAndStripes checks that pre-training and then joint training
// lower the exact NLL of 3×3 bars and stripes: from ln 512 = 6.24 (the
// uniform start) to below 3.5 nats (the optimum is ln 14 = 2.64) in 300
// joint epochs.
func TestDBMBarsAndStripes(t *testing.T) {
	start, pre, final := trainDBMBAS(t, []int{9, 12, 6}, 300, 300, 5)
	if !(pre < start) || !(final < pre) || final > 3.5 {
		t.Errorf("NLL %.3f at the start, %.3f pre-trained, %.3f trained; want decreasing to ≤ 3.5 (ln 14 = %.3f)", start, pre, final, math.Log(14))
	}
}

// TestDBMBarsAndStripesLong records the NLL of two- and three-layer DBMs
// after 1000 joint epochs (QML_LONG=1; a few seconds).
func TestDBMBarsAndStripesLong(t *testing.T) {
	if os.Getenv("QML_LONG") == "" {
		t.Skip("set QML_LONG=1 for the longer DBM runs")
	}
	for _, layers := range [][]int{{9, 12, 6}, {9, 12, 8, 4}} {
		start, pre, final := trainDBMBAS(t, layers, 300, 1000, 5)
		t.Logf("%v: NLL %.3f → %.3f pre-trained → %.3f trained (ln 14 = %.3f)", layers, start, pre, final, math.Log(14))
		if final > math.Log(14)+0.5 {
			t.Errorf("%v: NLL %.3f, want within 0.5 of ln 14", layers, final)
		}
	}
}

// BenchmarkDBMEpoch times one joint-training epoch of a 9-12-6 DBM on the
// 14 bars-and-stripes patterns (full batch, 100 chains, PCD-5, 10
// mean-field sweeps at most).
func BenchmarkDBMEpoch(b *testing.B) {
	data, _ := dataset.BarsAndStripes(3, 3)
	rng := rand.New(rand.NewPCG(1, 2))
	d, _ := NewDBM([]int{9, 12, 6}, rng)
	chains, _ := d.NewChains(100, rng)
	cfg := DBMTraining{K: 5, Epochs: 1, BatchSize: data.Len(), LearningRate: 0.01, Persistent: chains}
	for b.Loop() {
		if _, err := d.Fit(data.X, cfg, rng); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDBMBarsAndStripes4x4 trains a 16-20-10 DBM on the 30 patterns of
// 4×4 bars and stripes (600 joint epochs, Adam from lr 0.003 with a cosine
// decay), checks its exact NLL within 1 nat of ln 30 and compares AIS with
// the exact log Z (QML_LONG=1; about a minute).
func TestDBMBarsAndStripes4x4(t *testing.T) {
	if os.Getenv("QML_LONG") == "" {
		t.Skip("set QML_LONG=1 for the 4×4 DBM and its AIS check")
	}
	data, _ := dataset.BarsAndStripes(4, 4)
	rng := rand.New(rand.NewPCG(3, 4))
	d, _ := NewDBM([]int{16, 20, 10}, rng)
	if err := d.Pretrain(data.X, DBMPretraining{RBM: RBMTraining{Epochs: 300, BatchSize: 5, LearningRate: 0.1}}, rng); err != nil {
		t.Fatal(err)
	}
	adam, _ := optim.New("adam", map[string]float64{"lr": 0.003})
	sch, _ := optim.CosineDecay(0.003, 3e-5, 600)
	opt, _ := optim.WithSchedule(adam, sch)
	if _, err := d.Fit(data.X, DBMTraining{K: 5, Epochs: 600, BatchSize: data.Len(), Optimizer: opt}, rng); err != nil {
		t.Fatal(err)
	}
	exact, err := d.ExactLogZ()
	if err != nil {
		t.Fatal(err)
	}
	ll, _ := d.ExactLogLikelihood(data.X, exact)
	lb, _ := d.MeanLowerBound(data.X, exact, MeanFieldConfig{})
	t.Logf("NLL %.3f exact, %.3f mean-field bound (ln 30 = %.3f)", -ll, -lb, math.Log(30))
	if -ll > math.Log(30)+1 {
		t.Errorf("NLL %.3f, want within 1 nat of ln 30", -ll)
	}
	for _, steps := range []int{1000, 10000} {
		got, se, err := d.AIS(AISConfig{Runs: 100, Steps: steps, Data: data.X}, rng)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("AIS %5d steps: log Z = %.3f ± %.3f, exact %.3f", steps, got, se, exact)
		if math.Abs(got-exact) > 3*se+0.1 {
			t.Errorf("AIS log Z %.3f ± %.3f, exact %.3f", got, se, exact)
		}
	}
}
