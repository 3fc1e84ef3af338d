package classical

import (
	"math"
	"math/rand/v2"
	"testing"
)

// rightEnvBrute contracts sites k..Sites−1 of m with φ(x) by plain loops
// and returns the vector on bond k.
func rightEnvBrute(m *mpsChain, x []float64, k int) []float64 {
	r := []float64{1}
	for j := m.Sites - 1; j >= k; j-- {
		phi := FeatureMap(x[j])
		next := make([]float64, m.Bonds[j])
		for a := range next {
			for s := range 2 {
				for b := range r {
					next[a] += phi[s] * m.Tensors[j][(a*2+s)*m.Bonds[j+1]+b] * r[b]
				}
			}
		}
		r = next
	}
	return r
}

// TestMPSDataInitLossless checks that without truncation (bond ≥ 2^4 for
// the four sites right of bond 1) the data initialisation keeps the
// product-state kernel: the environments of two inputs overlap by
// ∏_j φ(x_j)·φ(x'_j) = ∏_j cos(π(x_j − x'_j)/2) (Stoudenmire and Schwab,
// eq. 3), whatever the data.
func TestMPSDataInitLossless(t *testing.T) {
	m, err := NewMPSClassifier(5, 2, MPSConfig{Bond: 16}, rand.New(rand.NewPCG(5, 1)))
	if err != nil {
		t.Fatal(err)
	}
	d := randomImages(t, 40, 5, 2, 5)
	if err := m.dataInit(featureRows(d.X), 16); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		x, y := d.X[i], d.X[i+5]
		want := 1.0
		for j := 1; j < 5; j++ {
			want *= math.Cos(math.Pi / 2 * (x[j] - y[j]))
		}
		if got := dot(rightEnvBrute(&m.mpsChain, x, 1), rightEnvBrute(&m.mpsChain, y, 1)); math.Abs(got-want) > 1e-12 {
			t.Errorf("pair %d: environment overlap %v, product kernel %v", i, got, want)
		}
	}
}

// TestMPSDataInitLeadingDirection checks a truncated site against the
// closed form: with bond 1 the last site keeps the leading eigenvector of
// the 2×2 matrix ρ = (1/n) Σ φφᵀ, at angle θ = ½ atan2(2ρ01, ρ00 − ρ11).
func TestMPSDataInitLeadingDirection(t *testing.T) {
	m, err := NewMPSClassifier(3, 2, MPSConfig{Bond: 1}, rand.New(rand.NewPCG(6, 1)))
	if err != nil {
		t.Fatal(err)
	}
	d := randomImages(t, 50, 3, 2, 6)
	if err := m.dataInit(featureRows(d.X), 1); err != nil {
		t.Fatal(err)
	}
	var r00, r01, r11 float64
	for _, x := range d.X {
		p := FeatureMap(x[2])
		r00, r01, r11 = r00+p[0]*p[0]/50, r01+p[0]*p[1]/50, r11+p[1]*p[1]/50
	}
	theta := math.Atan2(2*r01, r00-r11) / 2
	c, s := math.Cos(theta), math.Sin(theta)
	got := m.Tensors[2]
	if m.Bonds[2] != 1 || len(got) != 2 {
		t.Fatalf("last site has bond %d and %d entries, want 1 and 2", m.Bonds[2], len(got))
	}
	if math.Abs(math.Abs(got[0]*c+got[1]*s)-1) > 1e-12 || math.Abs(got[0]*s-got[1]*c) > 1e-12 {
		t.Errorf("last site %v, want ±(%v, %v)", got, c, s)
	}
	for _, v := range m.Tensors[0] {
		if v != 0 {
			t.Fatalf("class-index site %v, want zeros", m.Tensors[0])
		}
	}
}
