package classical

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestFitRecordsLogZ checks the epoch records of RBM.Fit and DBM.Fit
// against the models' own exact sums after training: LogZ is ExactLogZ
// and NLL is −LogLikelihood at it, or both NaN when NLL is off.
func TestFitRecordsLogZ(t *testing.T) {
	x := basData(t, 3)
	for _, nll := range []bool{false, true} {
		r, err := NewRBM(9, 3, false, rand.New(rand.NewPCG(1, 2)))
		if err != nil {
			t.Fatal(err)
		}
		rh, err := r.Fit(x, RBMTraining{Epochs: 2, NLL: nll}, rand.New(rand.NewPCG(3, 4)))
		if err != nil {
			t.Fatal(err)
		}
		z, _ := r.ExactLogZ()
		ll, _ := r.LogLikelihood(x, z)
		checkLogZ(t, "RBM", nll, rh[len(rh)-1].LogZ, rh[len(rh)-1].NLL, z, -ll)

		d, err := NewDBM([]int{9, 3, 2}, rand.New(rand.NewPCG(1, 2)))
		if err != nil {
			t.Fatal(err)
		}
		dh, err := d.Fit(x, DBMTraining{Epochs: 2, Chains: 5, NLL: nll}, rand.New(rand.NewPCG(3, 4)))
		if err != nil {
			t.Fatal(err)
		}
		z, _ = d.ExactLogZ()
		ll, _ = d.ExactLogLikelihood(x, z)
		checkLogZ(t, "DBM", nll, dh[len(dh)-1].LogZ, dh[len(dh)-1].NLL, z, -ll)
	}
}

func checkLogZ(t *testing.T, model string, nll bool, logZ, gotNLL, wantZ, wantNLL float64) {
	t.Helper()
	if !nll {
		if !math.IsNaN(logZ) || !math.IsNaN(gotNLL) {
			t.Errorf("%s without NLL: log Z %v, NLL %v, want NaN", model, logZ, gotNLL)
		}
		return
	}
	if math.Abs(logZ-wantZ) > 1e-12*math.Abs(wantZ) || math.Abs(gotNLL-wantNLL) > 1e-12*math.Abs(wantNLL) {
		t.Errorf("%s: log Z %v, NLL %v; exact %v, %v", model, logZ, gotNLL, wantZ, wantNLL)
	}
}

// TestFitStepChecks checks the learning-rate and weight-decay errors both
// machines share.
func TestFitStepChecks(t *testing.T) {
	x := basData(t, 3)
	r, _ := NewRBM(9, 3, false, rand.New(rand.NewPCG(1, 2)))
	d, _ := NewDBM([]int{9, 3, 2}, rand.New(rand.NewPCG(1, 2)))
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct {
		name string
		fit  func() error
		want string
	}{
		{"RBM lr", func() error { _, err := r.Fit(x, RBMTraining{Epochs: 1, LearningRate: math.Inf(1)}, rng); return err }, "RBM learning rate +Inf"},
		{"RBM decay", func() error { _, err := r.Fit(x, RBMTraining{Epochs: 1, WeightDecay: -1}, rng); return err }, "RBM weight decay -1"},
		{"DBM lr", func() error { _, err := d.Fit(x, DBMTraining{Epochs: 1, LearningRate: -1}, rng); return err }, "DBM learning rate -1"},
		{"DBM decay", func() error { _, err := d.Fit(x, DBMTraining{Epochs: 1, WeightDecay: math.NaN()}, rng); return err }, "DBM weight decay NaN"},
	} {
		if err := tc.fit(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
