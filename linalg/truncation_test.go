package linalg

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestTruncationKeep(t *testing.T) {
	// s² = 9, 4, 1, 0.25; total 14.25; tail sums 14.25, 5.25, 1.25, 0.25.
	s := []float64{3, 2, 1, 0.5}
	tests := []struct {
		name      string
		t         Truncation
		s         []float64
		k         int
		discarded float64
	}{
		{"keep all", Truncation{}, s, 4, 0},
		{"rsum2 drops one", Truncation{Cutoff: 0.02}, s, 3, 0.25 / 14.25},
		{"rsum2 drops two", Truncation{Cutoff: 0.1}, s, 2, 1.25 / 14.25},
		{"rsum2 boundary is inclusive", Truncation{Cutoff: 1.25 / 14.25}, s, 2, 1.25 / 14.25},
		{"max bond", Truncation{MaxBond: 1}, s, 1, 5.25 / 14.25},
		{"max bond beats cutoff", Truncation{MaxBond: 2, Cutoff: 0.02}, s, 2, 1.25 / 14.25},
		{"cutoff beats max bond", Truncation{MaxBond: 3, Cutoff: 0.1}, s, 2, 1.25 / 14.25},
		{"sum2", Truncation{Cutoff: 1.25, Mode: CutoffSum2}, s, 2, 1.25 / 14.25},
		{"rel", Truncation{Cutoff: 0.2, Mode: CutoffRel}, s, 3, 0.25 / 14.25},
		{"abs", Truncation{Cutoff: 1, Mode: CutoffAbs}, s, 2, 1.25 / 14.25},
		{"huge cutoff keeps one", Truncation{Cutoff: 10}, s, 1, 5.25 / 14.25},
		{"exact zeros dropped", Truncation{}, []float64{1, 0, 0}, 1, 0},
		{"zero matrix keeps one", Truncation{Cutoff: 0.5}, []float64{0, 0}, 1, 0},
		{"empty", Truncation{}, nil, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k, disc := tc.t.Keep(tc.s)
			if k != tc.k || math.Abs(disc-tc.discarded) > 1e-16 {
				t.Errorf("Keep = (%d, %v), want (%d, %v)", k, disc, tc.k, tc.discarded)
			}
		})
	}
}

func TestTruncationValidate(t *testing.T) {
	for _, bad := range []Truncation{{MaxBond: -1}, {Cutoff: -1e-3}, {Cutoff: math.NaN()}, {Cutoff: math.Inf(1)}, {Mode: 7}} {
		if bad.Validate() == nil {
			t.Errorf("%+v: want error", bad)
		}
		if _, _, _, _, err := TruncatedSVD(Identity(2), bad); err == nil {
			t.Errorf("TruncatedSVD with %+v: want error", bad)
		}
	}
}

// TestTruncatedSVDDiscardsExpectedWeight builds matrices with known singular
// values and checks the kept values, the reported discarded weight and, by
// the Eckart–Young theorem, ‖a − u·diag(s)·vh‖_F² = Σ_dropped s_i².
func TestTruncatedSVDDiscardsExpectedWeight(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	sv := []float64{1, 0.8, 0.5, 0.1, 0.05, 0.01}
	total := 0.0
	for _, v := range sv {
		total += v * v
	}
	tests := []struct {
		m, n int
		t    Truncation
		k    int
	}{
		{8, 6, Truncation{MaxBond: 3}, 3},
		{6, 9, Truncation{Cutoff: 0.01}, 3}, // tail(3) = 0.0126/1.9026 = 0.0066
		{6, 6, Truncation{Cutoff: 0.06, Mode: CutoffRel}, 4},
		{6, 6, Truncation{MaxBond: 5, Renormalize: true}, 5},
	}
	for _, tc := range tests {
		a := withSingularValues(t, rng, tc.m, tc.n, sv)
		u, s, vh, disc, err := TruncatedSVD(a, tc.t)
		if err != nil {
			t.Fatal(err)
		}
		if len(s) != tc.k || u.Cols != tc.k || vh.Rows != tc.k {
			t.Fatalf("%+v: kept %d (u %d cols, vh %d rows), want %d", tc.t, len(s), u.Cols, vh.Rows, tc.k)
		}
		dropped := 0.0
		for _, v := range sv[tc.k:] {
			dropped += v * v
		}
		if math.Abs(disc-dropped/total) > 1e-14 {
			t.Errorf("%+v: discarded %v, want %v", tc.t, disc, dropped/total)
		}
		scale := 1.0
		if tc.t.Renormalize {
			kept := 0.0
			for _, v := range s {
				kept += v * v
			}
			if math.Abs(kept-total) > 1e-14 {
				t.Errorf("renormalised Σs² = %v, want %v", kept, total)
			}
			scale = math.Sqrt(1 - dropped/total)
		}
		for i, v := range s {
			if math.Abs(v*scale-sv[i]) > 1e-14 {
				t.Errorf("%+v: s[%d] = %v, want %v", tc.t, i, v*scale, sv[i])
			}
		}
		if !tc.t.Renormalize {
			var r Matrix
			_ = r.Sub(a, product(u, diag(s), vh))
			if res := r.FrobeniusNorm(); math.Abs(res*res-dropped) > 1e-14 {
				t.Errorf("%+v: ‖a − a_k‖² = %v, want %v", tc.t, res*res, dropped)
			}
		}
		if d := orthonormalityError(u) + orthonormalityError(dagger(vh)); d > 1e-14 {
			t.Errorf("%+v: orthonormality error %.3g", tc.t, d)
		}
	}
}
