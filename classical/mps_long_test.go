package classical

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
)

// TestMPSClassifierDigits is the check: the 8×8 digits (64 sites,
// pixels scaled to [0, 1]), bond 10, 2 sweeps → test accuracy ≥ 0.95.
// About 10 s; run with QML_LONG=1.
func TestMPSClassifierDigits(t *testing.T) {
	if os.Getenv("QML_LONG") == "" {
		t.Skip("set QML_LONG=1 for the digits MPS classifier")
	}
	train, test := digitsSplit(t)
	m, err := NewMPSClassifier(64, 10, MPSConfig{Bond: 10}, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	hist, err := m.Train(train, SweepConfig{Sweeps: 2})
	if err != nil {
		t.Fatal(err)
	}
	_, acc, _ := m.Evaluate(test)
	for _, h := range hist {
		t.Logf("sweep %d: train accuracy %.4f, %.1f s", h.Sweep, h.Accuracy, h.Seconds)
	}
	t.Logf("test accuracy %.4f", acc)
	if acc < 0.95 {
		t.Errorf("test accuracy %.4f, want ≥ 0.95", acc)
	}
}

// TestMPSGradClassifierDigits trains the gradient variant (Adam on the
// cross-entropy, bond 10) on the same split; QML_LONG=1.
func TestMPSGradClassifierDigits(t *testing.T) {
	if os.Getenv("QML_LONG") == "" {
		t.Skip("set QML_LONG=1 for the digits gradient-trained MPS")
	}
	train, test := digitsSplit(t)
	rng := rand.New(rand.NewPCG(1, 1))
	m, err := NewMPSGradClassifier(64, 10, MPSConfig{Bond: 10}, rng)
	if err != nil {
		t.Fatal(err)
	}
	opt, _ := optim.New("adam", map[string]float64{"lr": 0.003})
	if _, err := Fit(m, train, FitOptions{Epochs: 8, BatchSize: 32, Optimizer: opt}, rng); err != nil {
		t.Fatal(err)
	}
	_, acc, _ := Evaluate(m, test)
	t.Logf("test accuracy %.4f", acc)
	if acc < 0.93 {
		t.Errorf("test accuracy %.4f, want ≥ 0.93", acc)
	}
}

// mnistPooled loads an MNIST CSV of /work/shared/data (label first),
// scales pixels to [0, 1] and pools 28×28 to 14×14.
func mnistPooled(t testing.TB, name string) *dataset.Dataset {
	dir := os.Getenv("QML_DATA")
	if dir == "" {
		dir = "../../shared/data"
	}
	d, err := dataset.LoadCSV(filepath.Join(dir, name), dataset.CSVOptions{NumClasses: 10})
	if err != nil {
		t.Skipf("MNIST not available: %v", err)
	}
	for _, x := range d.X {
		scale(1.0/255, x)
	}
	p, err := PoolImages(d, 28, 28, 2)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestMPSClassifierMNIST is the MNIST check: 14×14 pooled images
// (196 sites), the first 10k training images, bond 20, 4 sweeps → test accuracy ≥
// 0.97 on the 10k test images, with the time per sweep logged. Minutes;
// run with QML_LONG=1 (QML_DATA overrides the data directory).
func TestMPSClassifierMNIST(t *testing.T) {
	if os.Getenv("QML_LONG") == "" {
		t.Skip("set QML_LONG=1 for the MNIST MPS classifier")
	}
	train := mnistPooled(t, "mnist_train_first10k.csv.gz")
	test := mnistPooled(t, "mnist_test.csv.gz")
	m, err := NewMPSClassifier(196, 10, MPSConfig{Bond: 20}, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = m.Train(train, SweepConfig{Sweeps: 4, OnSweep: func(s SweepStats) {
		_, acc, _ := m.Evaluate(test)
		t.Logf("sweep %d: train accuracy %.4f, test %.4f, max bond %d, %.1f s per sweep", s.Sweep, s.Accuracy, acc, s.MaxBond, s.Seconds)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, acc, _ := m.Evaluate(test); acc < 0.97 {
		t.Errorf("test accuracy %.4f, want ≥ 0.97", acc)
	}
}
