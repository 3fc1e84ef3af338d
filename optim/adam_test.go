package optim

import (
	"math"
	"testing"
)

// TestAdamHandComputed checks two Adam steps (α = 0.1, β₁ = 0.9,
// β₂ = 0.999, ε = 1e-8) from x = (1, −1, 0) with g₁ = (2, −0.5, 0) and
// g₂ = (1, 0.5, 0), worked by hand from Kingma & Ba, Algorithm 1:
//
//	t = 1: m = (0.2, −0.05, 0), v = (0.004, 0.00025, 0); m̂ = g₁, v̂ = g₁²,
//	       so each coordinate moves by −α·g/(|g| + ε) (0 for g = 0);
//	t = 2: m = (0.28, 0.005, 0), v = (0.004996, 0.00049975, 0),
//	       m̂ = m/0.19, v̂ = v/0.001999.
func TestAdamHandComputed(t *testing.T) {
	a, err := NewAdam(AdamConfig{LR: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8})
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{1, -1, 0}
	want1 := []float64{1 - 0.1*2/(2+1e-8), -1 + 0.1*0.5/(0.5+1e-8), 0}
	want2 := []float64{
		want1[0] - 0.1*(0.28/0.19)/(math.Sqrt(0.004996/0.001999)+1e-8),
		want1[1] - 0.1*(0.005/0.19)/(math.Sqrt(0.00049975/0.001999)+1e-8),
		0,
	}
	for step, tc := range []struct{ g, want []float64 }{
		{[]float64{2, -0.5, 0}, want1},
		{[]float64{1, 0.5, 0}, want2},
	} {
		stepAll(t, a, x, tc.g)
		for i := range x {
			if math.Abs(x[i]-tc.want[i]) > 1e-14 {
				t.Errorf("step %d: x[%d] = %.17g, want %.17g", step+1, i, x[i], tc.want[i])
			}
		}
	}
}
