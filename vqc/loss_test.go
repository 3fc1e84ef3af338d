package vqc

import (
	"math"
	"testing"
)

// TestLossesAreStable checks the losses against their closed forms where
// a naive formula would overflow or round to log(0).
func TestLossesAreStable(t *testing.T) {
	grad := make([]float64, 2)
	// softmax([1000, 0]): class 1 has probability e^{−1000}, so −log p = 1000.
	if l := softmaxCrossEntropy([]float64{1000, 0}, 1, grad); math.Abs(l-1000) > 1e-9 {
		t.Errorf("softmax cross-entropy = %g, want 1000", l)
	}
	if math.Abs(grad[0]-1) > 1e-12 || math.Abs(grad[1]+1) > 1e-12 {
		t.Errorf("gradient %v, want [1 −1]", grad)
	}
	// Binary: −log σ(−800) = 800 (log1p form), gradient σ(z) − y = −1.
	if l, g := sigmoidCrossEntropy(-800, 1); math.Abs(l-800) > 1e-9 || math.Abs(g+1) > 1e-12 {
		t.Errorf("sigmoid cross-entropy = %g, %g; want 800, −1", l, g)
	}
	if l, g := sigmoidCrossEntropy(0, 0); math.Abs(l-math.Ln2) > 1e-15 || math.Abs(g-0.5) > 1e-15 {
		t.Errorf("sigmoid cross-entropy at 0 = %g, %g; want ln 2, 1/2", l, g)
	}
	// Three equal outputs: p = 1/3 each, loss ln 3.
	g3 := make([]float64, 3)
	if l := softmaxCrossEntropy([]float64{2, 2, 2}, 0, g3); math.Abs(l-math.Log(3)) > 1e-15 {
		t.Errorf("uniform softmax loss %g, want ln 3", l)
	}
}
