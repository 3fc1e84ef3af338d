package classical

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"gonum.org/v1/gonum/integrate/quad"

	"github.com/qmlgo/qml/dataset"
)

// gaussExpectation returns E[φ(u)φ(v)] for centred Gaussians with the given
// second moments by 2-D Gauss–Hermite quadrature, an independent check of
// the closed-form layer maps.
func gaussExpectation(phi func(float64) float64, k12, k11, k22 float64) float64 {
	const n = 100
	x, w := make([]float64, n), make([]float64, n)
	quad.Hermite{}.FixedLocations(x, w, math.Inf(-1), math.Inf(1))
	rho := k12 / math.Sqrt(k11*k22)
	s := 0.0
	for i := range n {
		for j := range n {
			g1, g2 := math.Sqrt2*x[i], math.Sqrt2*x[j]
			u := math.Sqrt(k11) * g1
			v := math.Sqrt(k22) * (rho*g1 + math.Sqrt(1-rho*rho)*g2)
			s += w[i] * w[j] * phi(u) * phi(v)
		}
	}
	return s / math.Pi
}

// reluExpectation returns E[relu(u)relu(v)] by integrating over u with
// Gauss–Legendre quadrature after the exact Gaussian expectation of
// relu(v) given u, E[relu(v) | u] = μΦ(μ/s) + sφ(μ/s): a smooth 1-D
// integral, unlike the kinked 2-D one.
func reluExpectation(k12, k11, k22 float64) float64 {
	rho := k12 / math.Sqrt(k11*k22)
	s := math.Sqrt(k22 * (1 - rho*rho))
	f := func(g float64) float64 {
		mu := math.Sqrt(k22) * rho * g
		m := mu*0.5*math.Erfc(-mu/(s*math.Sqrt2)) + s*math.Exp(-mu*mu/(2*s*s))/math.Sqrt(2*math.Pi)
		return math.Sqrt(k11) * g * m * math.Exp(-g*g/2) / math.Sqrt(2*math.Pi)
	}
	return quad.Fixed(f, 0, 14, 200, quad.Legendre{}, 0)
}

// TestNNGPLayerMap compares the arc-cosine and erf layer maps with
// quadrature, and the depth-1 kernel with closed forms.
func TestNNGPLayerMap(t *testing.T) {
	for _, c := range [][3]float64{{0.3, 1, 2}, {-0.5, 0.8, 0.9}, {0, 1, 1}, {1.19, 1.2, 1.3}} {
		for _, tc := range []struct {
			act string
			phi func(float64) float64
			tol float64
		}{{NNGPReLU, nil, 1e-12}, {NNGPErf, math.Erf, 1e-9}} {
			got := NNGPKernel{Activation: tc.act, WeightVar: 1}.layer(c[0], c[1], c[2])
			var want float64
			if tc.phi == nil {
				want = reluExpectation(c[0], c[1], c[2])
			} else {
				want = gaussExpectation(tc.phi, c[0], c[1], c[2])
			}
			if math.Abs(got-want) > tc.tol {
				t.Errorf("%s %v: F = %.10f, quadrature %.10f", tc.act, c, got, want)
			}
		}
	}
	// Depth 1, no bias, orthogonal unit inputs in 2-D: K⁰ = σ_w²/2·δ, so
	// K¹(x, x) = σ_w²·K⁰/2 and K¹(x, y) = σ_w²·K⁰/(2π) (θ = π/2).
	k := NNGPKernel{Activation: NNGPReLU, Depth: 1, WeightVar: 2}
	x, y := []float64{1, 0}, []float64{0, 1}
	if got, want := k.Eval(x, x), 2*1.0/2; math.Abs(got-want) > 1e-15 {
		t.Errorf("ReLU K(x, x) = %v, want %v", got, want)
	}
	if got, want := k.Eval(x, y), 2*1.0/(2*math.Pi); math.Abs(got-want) > 1e-15 {
		t.Errorf("ReLU K(x, y) = %v, want %v", got, want)
	}
	e := NNGPKernel{Activation: NNGPErf, Depth: 1, WeightVar: 1, BiasVar: 0.5}
	k0 := 0.5 + 1.0/2
	if got, want := e.Eval(x, x), 0.5+2/math.Pi*math.Asin(2*k0/(1+2*k0)); math.Abs(got-want) > 1e-15 {
		t.Errorf("erf K(x, x) = %v, want %v", got, want)
	}
}

// TestNNGPMonteCarlo compares the kernel with the covariance of sampled
// finite networks. Default: 4000 networks of width 256 (within 5 %);
// QML_LONG=1: the 10⁵ networks of width 2048 for ReLU and, since
// erf costs ten times more per unit, 10⁵ of width 256 for erf (within 1 %).
func TestNNGPMonteCarlo(t *testing.T) {
	nets, widths, tol := 4000, []int{256, 256}, 0.05
	if os.Getenv("QML_LONG") != "" {
		nets, widths, tol = 100000, []int{2048, 256}, 0.01
	}
	x := [][]float64{{1, 0.5, -0.3}, {0.2, -1, 0.4}, {-0.7, 0.1, 0.9}}
	for i, k := range []NNGPKernel{
		{Activation: NNGPReLU, Depth: 2, WeightVar: 2, BiasVar: 0.1},
		{Activation: NNGPErf, Depth: 3, WeightVar: 1.5, BiasVar: 0.05},
	} {
		width := widths[i]
		pts, err := CovarianceScan(k, x, []int{width}, nets, rand.New(rand.NewPCG(7, 8)))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s depth %d: relative error %.4f at width %d over %d networks", k.Activation, k.Depth, pts[0].RelError, width, nets)
		if pts[0].RelError > tol {
			t.Errorf("%s: relative error %.4f, want < %g", k.Activation, pts[0].RelError, tol)
		}
	}
}

// TestReLUKurtosis checks the sampled excess kurtosis against the exact
// 3[(1 + 5/N)^L − 1], and (QML_LONG=1) the log–log slope of the
// kurtosis against L/N at criticality, σ_w² = 2.
func TestReLUKurtosis(t *testing.T) {
	k := NNGPKernel{Activation: NNGPReLU, WeightVar: 2}
	x := []float64{0.3, -1, 0.5}
	pts, err := KurtosisScan(k, x, []int{16}, []int{4}, 40000, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	if p := pts[0]; math.Abs(p.Kurtosis-p.Theory) > 0.1*p.Theory {
		t.Errorf("N = 16, L = 4: excess kurtosis %.3f, exact %.3f", p.Kurtosis, p.Theory)
	}
	if os.Getenv("QML_LONG") == "" {
		return
	}
	pts, err = KurtosisScan(k, x, []int{32, 64, 128}, []int{1, 2, 4}, 200000, rand.New(rand.NewPCG(3, 4)))
	if err != nil {
		t.Fatal(err)
	}
	var r, kappa []float64
	for _, p := range pts {
		r, kappa = append(r, p.Ratio), append(kappa, p.Kurtosis)
		t.Logf("N = %d, L = %d: κ = %.4f ± %.4f (exact %.4f)", p.Width, p.Depth, p.Kurtosis, p.StdErr, p.Theory)
	}
	s, _, err := LogLogSlope(r, kappa)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("log–log slope of κ against L/N: %.3f", s)
	if s < 0.8 || s > 1.2 {
		t.Errorf("slope %.3f, want 0.8 to 1.2", s)
	}
}

// TestGPInterpolates checks that the noise-free GP posterior mean passes
// through the training targets with zero variance there, and that the
// posterior variance elsewhere lies between 0 and the prior variance.
func TestGPInterpolates(t *testing.T) {
	k := NNGPKernel{Activation: NNGPErf, Depth: 2, WeightVar: 2, BiasVar: 0.1}
	x := [][]float64{{-1}, {-0.3}, {0.4}, {1.1}}
	y := [][]float64{{0.5}, {-0.2}, {0.9}, {0.1}}
	gp, err := FitGP(k, 1e-10, x, y)
	if err != nil {
		t.Fatal(err)
	}
	mean, vars, err := gp.Predict(append(x, []float64{0}), true)
	if err != nil {
		t.Fatal(err)
	}
	for i := range x {
		if math.Abs(mean[i][0]-y[i][0]) > 1e-6 || math.Abs(vars[i]) > 1e-6 {
			t.Errorf("x = %v: mean %v (want %v), variance %v", x[i], mean[i][0], y[i][0], vars[i])
		}
	}
	if v := vars[len(x)]; !(v > 0 && v < k.Eval([]float64{0}, []float64{0})) {
		t.Errorf("variance at 0 = %v", v)
	}
}

// TestNNGPClassifierIris fits the NNGP classifier on standardised iris.
func TestNNGPClassifierIris(t *testing.T) {
	d, err := dataset.Load("iris")
	if err != nil {
		t.Fatal(err)
	}
	var s dataset.Scaler
	if err := s.Fit(d); err != nil {
		t.Fatal(err)
	}
	if d, err = s.Transform(d); err != nil {
		t.Fatal(err)
	}
	train, test, err := dataset.StratifiedSplit(d, 0.3, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	c, err := FitNNGPClassifier(NNGPKernel{Activation: NNGPReLU, Depth: 3, WeightVar: 2, BiasVar: 0.1}, 0.01, train)
	if err != nil {
		t.Fatal(err)
	}
	_, acc, err := c.Evaluate(test)
	if err != nil {
		t.Fatal(err)
	}
	if acc < 0.9 {
		t.Errorf("iris test accuracy %.3f, want ≥ 0.9", acc)
	}
}
