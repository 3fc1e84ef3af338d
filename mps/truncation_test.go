package mps_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/qmlgo/qml/circuit"
	"github.com/qmlgo/qml/mps"
	"github.com/qmlgo/qml/vqc/backendtest"
)

// fidelityFactor is the stated bound of TestFidelityEstimateIsHonest: the
// true fidelity |⟨ψ_exact|ψ_mps⟩|² lies within this factor of the reported
// estimate Π(1 − w). Measured ratios on these circuits span 0.83–1.22.
const fidelityFactor = 1.5

// Truncation is honest: at χ = 4, 8 and 16, on bond-filling brickwork
// circuits (neighbouring gates) and on random circuits (every gate kind,
// mostly non-adjacent, so swap networks truncate too), the reported
// fidelity estimate is within a factor 1.5 of the true fidelity against the
// exact state vector.
func TestFidelityEstimateIsHonest(t *testing.T) {
	sizes := []int{12, 14}
	if !testing.Short() {
		sizes = append(sizes, 18, 20)
	}
	for _, n := range sizes {
		for _, chi := range []int{4, 8, 16} {
			for kind := range 2 {
				rng := rand.New(rand.NewPCG(uint64(n), uint64(chi+kind)))
				c := brickwork(rng, n, 12)
				if kind == 1 {
					c = backendtest.RandomCircuit(rng, n, 6*n)
				}
				b := backendtest.RandomBinding(rng, c)
				want := exactState(t, c, b)
				s, err := mps.New(n, mps.Options{MaxBond: chi})
				if err != nil {
					t.Fatal(err)
				}
				if err := s.Run(c, b); err != nil {
					t.Fatal(err)
				}
				got, err := s.StateVector()
				if err != nil {
					t.Fatal(err)
				}
				r := s.Report()
				truth := overlap(want, got)
				if r.FidelityEstimate > 0.999 || r.MaxBond != chi {
					t.Fatalf("n=%d χ=%d kind %d: no truncation happened (%+v)", n, chi, kind, r)
				}
				if ratio := truth / r.FidelityEstimate; ratio > fidelityFactor || ratio < 1/fidelityFactor {
					t.Errorf("n=%d χ=%d kind %d: true fidelity %.4f, estimate %.4f (ratio %.3f)", n, chi, kind, truth, r.FidelityEstimate, ratio)
				}
				if math.Abs(s.Norm()-1) > 1e-12 {
					t.Errorf("n=%d χ=%d: truncated state has norm %v", n, chi, s.Norm())
				}
				if d := 1 - r.FidelityEstimate; d > r.DiscardedWeight+1e-15 {
					t.Errorf("1 − F = %v exceeds the summed discarded weight %v", d, r.DiscardedWeight)
				}
			}
		}
	}
}

// The report warns below the user's threshold and only then.
func TestReportWarning(t *testing.T) {
	c := brickwork(rand.New(rand.NewPCG(1, 2)), 12, 10)
	for _, tc := range []struct {
		warn float64
		want bool
	}{{0, false}, {0.5, false}, {0.999, true}} {
		s, err := mps.New(12, mps.Options{MaxBond: 8, WarnFidelity: tc.warn})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Run(c, circuit.Binding{}); err != nil {
			t.Fatal(err)
		}
		r := s.Report()
		if got := r.Warning != ""; got != tc.want {
			t.Errorf("WarnFidelity %v, estimate %.4f: warning %q", tc.warn, r.FidelityEstimate, r.Warning)
		}
		if tc.want && !strings.Contains(r.Warning, "fidelity estimate") {
			t.Errorf("warning %q does not name the fidelity estimate", r.Warning)
		}
	}
}

// A cutoff drops small Schmidt values without any bond limit: on a state
// with one Schmidt value of weight sin²(ε/2) ≈ 2.5e-9, a cutoff of 1e-8
// drops it (the bond stays 1) and reports exactly that weight.
func TestCutoffDiscardsSmallWeight(t *testing.T) {
	const eps = 1e-4
	c := circuit.New(2).RY(0, circuit.Const(eps)).CX(0, 1)
	for _, tc := range []struct {
		cutoff float64
		bond   int
	}{{0, 2}, {1e-10, 2}, {1e-8, 1}} {
		s, _ := mps.New(2, mps.Options{Cutoff: tc.cutoff})
		if err := s.Run(c, circuit.Binding{}); err != nil {
			t.Fatal(err)
		}
		r := s.Report()
		if r.MaxBond != tc.bond {
			t.Errorf("cutoff %g: bond %d, want %d", tc.cutoff, r.MaxBond, tc.bond)
		}
		w := math.Pow(math.Sin(eps/2), 2)
		if tc.bond == 1 && math.Abs(r.DiscardedWeight-w) > 1e-20 {
			t.Errorf("cutoff %g: discarded %.6g, want sin²(ε/2) = %.6g", tc.cutoff, r.DiscardedWeight, w)
		}
	}
}
