package classical

import (
	"math/rand/v2"
	"testing"
)

func TestHopfieldStoreAndRecall(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 1))
	const n = 64
	h, err := NewHopfield(n)
	if err != nil {
		t.Fatal(err)
	}
	pats := make([][]float64, 3)
	for k := range pats {
		pats[k] = make([]float64, n)
		for i := range pats[k] {
			pats[k][i] = float64(2*rng.IntN(2) - 1)
		}
	}
	if err := h.Store(pats); err != nil {
		t.Fatal(err)
	}
	// Hebb's rule by hand: W_ij = (1/N) Σ_μ ξ_i ξ_j, W_ii = 0.
	for i := range n {
		for j := range n {
			var want float64
			if i != j {
				for _, p := range pats {
					want += p[i] * p[j] / n
				}
			}
			if d := h.W[i*n+j] - want; d > 1e-12 || d < -1e-12 {
				t.Fatalf("W[%d][%d] = %v, want %v", i, j, h.W[i*n+j], want)
			}
		}
	}
	for _, async := range []bool{true, false} {
		s := append([]float64(nil), pats[1]...)
		for i := range 6 {
			s[i*7] = -s[i*7]
		}
		e0, _ := h.Energy(s)
		if _, ok, err := h.Recall(s, async, 20, rng); err != nil || !ok {
			t.Fatalf("async=%v: recall did not converge: %v", async, err)
		}
		e1, _ := h.Energy(s)
		if m := Overlap(s, pats[1]); m != 1 || e1 > e0 {
			t.Errorf("async=%v: overlap %v, energy %v → %v", async, m, e0, e1)
		}
	}
	if _, err := h.Energy(make([]float64, n)); err == nil {
		t.Error("a state of zeros accepted")
	}
}

// TestHopfieldCapacity is the check: for N = 100 the retrieval
// overlap falls below the AGS value 0.967 at a load between 0.12 and 0.16.
func TestHopfieldCapacity(t *testing.T) {
	loads := []float64{0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20}
	pts, err := CapacityCurve(100, loads, 20, 0, rand.New(rand.NewPCG(32, 1)))
	if err != nil {
		t.Fatal(err)
	}
	ac, err := CapacityTransition(pts)
	if err != nil {
		t.Fatalf("%v: %+v", err, pts)
	}
	if ac < 0.12 || ac > 0.16 {
		t.Errorf("transition at α = %.3f, want 0.12 to 0.16 (%+v)", ac, pts)
	}
}
