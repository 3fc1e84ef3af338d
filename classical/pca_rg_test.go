package classical

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"
)

// TestPlaneWaveOverlap checks the overlap of exact plane waves, mixtures
// within an orbit, and a localised vector.
func TestPlaneWaveOverlap(t *testing.T) {
	const l = 8
	wave := func(p, q int, phase float64) []float64 {
		v := make([]float64, l*l)
		for r := range l {
			for c := range l {
				v[r*l+c] = math.Cos(2*math.Pi*float64(p*r+q*c)/l + phase)
			}
		}
		return v
	}
	mix := wave(2, 1, 0.3)
	for i, x := range wave(1, 2, 1.1) {
		mix[i] += 0.7 * x
	}
	delta := make([]float64, l*l)
	delta[9] = 1
	for _, tc := range []struct {
		name string
		v    []float64
		want float64
		p, q int
	}{{"(3,0)", wave(3, 0, 0.2), 1, 3, 0}, {"(2,1)+(1,2)", mix, 1, 2, 1}, {"delta", delta, 8.0 / 64, -1, -1}} {
		o, p, q, err := PlaneWaveOverlap(tc.v, l)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(o-tc.want) > 1e-12 || (tc.p >= 0 && (p != tc.p || q != tc.q)) {
			t.Errorf("%s: overlap %v at (%d, %d), want %v at (%d, %d)", tc.name, o, p, q, tc.want, tc.p, tc.q)
		}
	}
}

// TestPCAFourierModes samples a 16×16 lattice at T_c and checks that the
// top five principal components (k = 0 and the four modes of |k| = 2π/L)
// are plane waves (overlap > 0.95), and that the PCA eigenvalue matches the
// structure factor of its wave vectors. QML_LONG=1 runs the check:
// the top ten components on 32×32 (16000 configurations; the sampling
// noise of the covariance mixes nearby orbits below that).
func TestPCAFourierModes(t *testing.T) {
	l, n, top := 16, 4000, 5
	if os.Getenv("QML_LONG") != "" {
		l, n, top = 32, 16000, 10
	}
	x, err := IsingSamples(l, CriticalTemperature, n, 100, 2, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	vals, vecs, err := SpinPCA(x)
	if err != nil {
		t.Fatal(err)
	}
	spec, err := FourierSpectrum(x, l)
	if err != nil {
		t.Fatal(err)
	}
	for i := range top {
		o, p, q, err := PlaneWaveOverlap(vecs[i], l)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("PC %d: λ = %.2f, overlap %.4f with k = 2π(%d, %d)/%d", i, vals[i], o, p, q, l)
		if o < 0.95 {
			t.Errorf("PC %d: overlap %.4f with plane waves, want > 0.95", i, o)
		}
	}
	// The first non-uniform shell, (1, 0), holds PCs 1–4.
	if s := spec[0].Lambda; math.Abs(vals[1]-s) > 0.1*s {
		t.Errorf("λ₁ = %.2f, structure factor at |k| = 2π/L %.2f", vals[1], s)
	}
}

// TestSpectrumExponent fits λ(k) ∝ k^−(2−η) at T_c: on a 32×32 lattice by
// default (within 0.25 of 7/4), on the 64×64 (within 0.15) with
// QML_LONG=1.
func TestSpectrumExponent(t *testing.T) {
	l, n, tol := 32, 400, 0.25
	if os.Getenv("QML_LONG") != "" {
		l, n, tol = 64, 2000, 0.15
	}
	x, err := IsingSamples(l, CriticalTemperature, n, 100, 2, rand.New(rand.NewPCG(3, 4)))
	if err != nil {
		t.Fatal(err)
	}
	pts, err := FourierSpectrum(x, l)
	if err != nil {
		t.Fatal(err)
	}
	a, err := SpectrumExponent(pts, 4*math.Pi/float64(l), math.Pi/2)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("L = %d: λ(k) ∝ k^−%.3f (2 − η = 1.75)", l, a)
	if math.Abs(a-1.75) > tol {
		t.Errorf("exponent %.3f, want 1.75 ± %g", a, tol)
	}
}
