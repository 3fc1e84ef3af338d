package classical

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/qmlgo/qml/dataset"
	"github.com/qmlgo/qml/optim"
)

// trainBAS fits an RBM with hidden units to every rows×rows
// bars-and-stripes pattern with Adam (learning rate lr decayed by a cosine
// to lr/100, full batch) and returns the exact NLL after each epoch.
func trainBAS(t *testing.T, rows, hidden int, method string, k, chains, epochs int, lr float64) []float64 {
	d, err := dataset.BarsAndStripes(rows, rows)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	r, err := NewRBM(rows*rows, hidden, false, rng)
	if err != nil {
		t.Fatal(err)
	}
	adam, _ := optim.New("adam", map[string]float64{"lr": lr})
	sch, _ := optim.CosineDecay(lr, lr/100, epochs)
	opt, _ := optim.WithSchedule(adam, sch)
	hist, err := r.Fit(d.X, RBMTraining{Method: method, K: k, Epochs: epochs, BatchSize: d.Len(), Chains: chains,
		Optimizer: opt, NLL: true}, rng)
	if err != nil {
		t.Fatal(err)
	}
	nll := make([]float64, len(hist))
	for i, e := range hist {
		nll[i] = e.NLL
	}
	return nll
}

// TestRBMBarsAndStripes3x3 is the quick form of the check: PCD-5
// on the 14 patterns of 3×3 bars and stripes ends within 0.2 nats of the
// optimum ln 14.
func TestRBMBarsAndStripes3x3(t *testing.T) {
	nll := trainBAS(t, 3, 16, PCD, 5, 200, 1500, 0.02)
	if got, opt := nll[len(nll)-1], math.Log(14); got > opt+0.2 {
		t.Errorf("NLL %.4f, want within 0.2 of ln 14 = %.4f", got, opt)
	}
}

// TestRBMBarsAndStripesCurves records the exact NLL curves of CD-1, CD-10,
// PCD-10 and PT (24 hidden units, Adam from lr 0.01, 4000 full-batch
// epochs) on 3×3 and 4×4 bars and stripes and checks PCD within 0.2 nats
// of ln 14 and ln 30. Several minutes; QML_LONG=1.
func TestRBMBarsAndStripesCurves(t *testing.T) {
	if os.Getenv("QML_LONG") == "" {
		t.Skip("set QML_LONG=1 for the bars-and-stripes NLL curves")
	}
	for _, rows := range []int{3, 4} {
		opt := math.Log(float64(int(2)<<rows - 2))
		for _, m := range []struct {
			method    string
			k, chains int
		}{{CD, 1, 0}, {CD, 10, 0}, {PCD, 10, 500}, {PT, 1, 100}} {
			nll := trainBAS(t, rows, 24, m.method, m.k, m.chains, 4000, 0.01)
			var curve []float64
			for e := 499; e < len(nll); e += 500 {
				curve = append(curve, math.Round(nll[e]*1000)/1000)
			}
			t.Logf("%d×%d %s-%d: NLL every 500 epochs %v (optimum %.3f)", rows, rows, m.method, m.k, curve, opt)
			if m.method == PCD && nll[len(nll)-1] > opt+0.2 {
				t.Errorf("%d×%d PCD: NLL %.4f, want within 0.2 of %.4f", rows, rows, nll[len(nll)-1], opt)
			}
		}
	}
}
