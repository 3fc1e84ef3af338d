package classical

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/optim"
)

// randomRBM returns an RBM whose parameters are N(0, sd²), strong enough
// to make the distribution far from uniform.
func randomRBM(t testing.TB, nv, nh int, gaussian bool, sd float64, seed uint64) *RBM {
	rng := rand.New(rand.NewPCG(seed, 9))
	r, err := NewRBM(nv, nh, gaussian, rng)
	if err != nil {
		t.Fatal(err)
	}
	for i := range r.Theta {
		r.Theta[i] = sd * rng.NormFloat64()
	}
	return r
}

// bitsOf returns the n low bits of x as 0/1 values.
func bitsOf(x, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = float64(x >> i & 1)
	}
	return v
}

// bruteEnergy is E(v, h) = −bᵀv − cᵀh − vᵀWh by explicit loops.
func bruteEnergy(r *RBM, v, h []float64) float64 {
	e := 0.0
	for i := range v {
		e -= r.B[i] * v[i]
		for j := range h {
			e -= v[i] * r.W[i*r.Hidden+j] * h[j]
		}
	}
	for j := range h {
		e -= r.C[j] * h[j]
	}
	return e
}

// bruteLogZ sums e^{−E(v,h)} over every joint binary state.
func bruteLogZ(r *RBM) float64 {
	var z float64
	for a := range 1 << r.Visible {
		for b := range 1 << r.Hidden {
			z += math.Exp(-bruteEnergy(r, bitsOf(a, r.Visible), bitsOf(b, r.Hidden)))
		}
	}
	return math.Log(z)
}

func TestRBMExactLogZ(t *testing.T) {
	for _, tc := range []struct{ nv, nh int }{{5, 3}, {3, 5}, {4, 4}, {1, 6}, {7, 1}} {
		r := randomRBM(t, tc.nv, tc.nh, false, 1, uint64(tc.nv*10+tc.nh))
		got, err := r.ExactLogZ()
		if err != nil {
			t.Fatal(err)
		}
		if want := bruteLogZ(r); math.Abs(got-want) > 1e-10 {
			t.Errorf("V=%d H=%d: log Z %.12f, brute force %.12f", tc.nv, tc.nh, got, want)
		}
	}
}

// TestRBMExactLogZGaussian integrates the Gaussian-visible RBM with one
// visible unit numerically: Z = Σ_h ∫ e^{−E(v,h)} dv by the trapezoid rule.
func TestRBMExactLogZGaussian(t *testing.T) {
	r := randomRBM(t, 1, 3, true, 0.8, 3)
	var z float64
	const lo, hi, n = -30.0, 30.0, 60000
	dv := (hi - lo) / n
	for b := range 1 << 3 {
		h := bitsOf(b, 3)
		for k := 0; k <= n; k++ {
			v := lo + dv*float64(k)
			e := (v-r.B[0])*(v-r.B[0])/2 - dot(r.C, h) - v*dot(r.W, h)
			w := dv
			if k == 0 || k == n {
				w /= 2
			}
			z += w * math.Exp(-e)
		}
	}
	got, err := r.ExactLogZ()
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(got-math.Log(z)) > 1e-8 {
		t.Errorf("log Z %.10f, numerical integral %.10f", got, math.Log(z))
	}
}

func TestRBMFreeEnergy(t *testing.T) {
	r := randomRBM(t, 4, 3, false, 1, 4)
	for a := range 1 << 4 {
		v := bitsOf(a, 4)
		var z float64
		for b := range 1 << 3 {
			z += math.Exp(-bruteEnergy(r, v, bitsOf(b, 3)))
		}
		got, err := r.FreeEnergy(v)
		if err != nil {
			t.Fatal(err)
		}
		if want := -math.Log(z); math.Abs(got-want) > 1e-12 {
			t.Errorf("F(%v) = %v, want %v", v, got, want)
		}
		h := bitsOf(a%8, 3)
		if e, _ := r.Energy(v, h); math.Abs(e-bruteEnergy(r, v, h)) > 1e-12 {
			t.Errorf("E(%v, %v) = %v, want %v", v, h, e, bruteEnergy(r, v, h))
		}
	}
}

// TestRBMGradientTerms checks the two halves of the likelihood gradient
// against finite differences: ∂(−F(v))/∂W_ij = v_i p(h_j=1|v) (the data
// term the trainer accumulates) and ∂ log Z/∂W_ij = ⟨v_i h_j⟩_model
// (brute-force enumeration).
func TestRBMGradientTerms(t *testing.T) {
	r := randomRBM(t, 3, 2, false, 1, 5)
	v := []float64{1, 0, 1}
	p := make([]float64, 2)
	if err := r.HiddenProbs(v, p); err != nil {
		t.Fatal(err)
	}
	var z float64
	corr := make([]float64, 6)
	for a := range 1 << 3 {
		for b := range 1 << 2 {
			vv, hh := bitsOf(a, 3), bitsOf(b, 2)
			w := math.Exp(-bruteEnergy(r, vv, hh))
			z += w
			for i := range 3 {
				for j := range 2 {
					corr[i*2+j] += w * vv[i] * hh[j]
				}
			}
		}
	}
	const h = 1e-6
	for k := range r.W {
		old := r.W[k]
		r.W[k] = old + h
		fp, _ := r.FreeEnergy(v)
		zp, _ := r.ExactLogZ()
		r.W[k] = old - h
		fm, _ := r.FreeEnergy(v)
		zm, _ := r.ExactLogZ()
		r.W[k] = old
		i, j := k/2, k%2
		if got, want := -(fp-fm)/(2*h), v[i]*p[j]; math.Abs(got-want) > 1e-7 {
			t.Errorf("∂(−F)/∂W_%d%d: finite difference %v, data term %v", i, j, got, want)
		}
		if got, want := (zp-zm)/(2*h), corr[k]/z; math.Abs(got-want) > 1e-7 {
			t.Errorf("∂log Z/∂W_%d%d: finite difference %v, model correlation %v", i, j, got, want)
		}
	}
}

// TestRBMSampleDistribution compares Gibbs samples of a 4-visible RBM with
// the exact marginal by a chi-square test (15 degrees of freedom; 37.7 is
// the 0.1% critical value).
func TestRBMSampleDistribution(t *testing.T) {
	r := randomRBM(t, 4, 3, false, 1.2, 6)
	logZ := bruteLogZ(r)
	const n = 20000
	samples, err := r.Sample(n, 30, rand.New(rand.NewPCG(6, 6)))
	if err != nil {
		t.Fatal(err)
	}
	counts := make([]float64, 16)
	for _, v := range samples {
		k := 0
		for i, x := range v {
			k |= int(x) << i
		}
		counts[k]++
	}
	var chi2 float64
	for a := range 16 {
		f, _ := r.FreeEnergy(bitsOf(a, 4))
		want := n * math.Exp(-f-logZ)
		chi2 += (counts[a] - want) * (counts[a] - want) / want
	}
	if chi2 > 37.7 {
		t.Errorf("chi-square %.1f over 15 degrees of freedom (counts %v)", chi2, counts)
	}
}

func TestRBMAIS(t *testing.T) {
	for _, tc := range []struct {
		name     string
		gaussian bool
		nv, nh   int
	}{{"bernoulli", false, 14, 10}, {"gaussian", true, 6, 8}} {
		r := randomRBM(t, tc.nv, tc.nh, tc.gaussian, 0.5, 7)
		exact, err := r.ExactLogZ()
		if err != nil {
			t.Fatal(err)
		}
		est, se, err := r.AIS(AISConfig{Runs: 100, Steps: 2000}, rand.New(rand.NewPCG(7, 7)))
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(est-exact) > math.Max(4*se, 0.02) {
			t.Errorf("%s: AIS log Z %.4f ± %.4f, exact %.4f", tc.name, est, se, exact)
		}
	}
}

// TestRBMPseudoLikelihood checks that scikit-learn's stochastic estimate
// averages to V⁻¹·V·Σ_i log p(v_i | v_−i) = Σ_i log p(v_i | v_−i), the
// conditionals computed from brute-force free energies.
func TestRBMPseudoLikelihood(t *testing.T) {
	r := randomRBM(t, 5, 3, false, 1, 8)
	v := []float64{1, 0, 0, 1, 1}
	var want float64
	for i := range v {
		f, _ := r.FreeEnergy(v)
		u := append([]float64(nil), v...)
		u[i] = 1 - u[i]
		g, _ := r.FreeEnergy(u)
		want += math.Log(math.Exp(-f) / (math.Exp(-f) + math.Exp(-g)))
	}
	const n = 20000
	x := make([][]float64, n)
	for k := range x {
		x[k] = v
	}
	pl, err := r.PseudoLikelihood(x, rand.New(rand.NewPCG(8, 8)))
	if err != nil {
		t.Fatal(err)
	}
	var mean float64
	for _, p := range pl {
		mean += p / n
	}
	if math.Abs(mean-want) > 0.05 {
		t.Errorf("mean pseudo-likelihood %.4f, exact %.4f", mean, want)
	}
}

// TestRBMGaussianFit trains Gaussian visibles on two clusters at ±1.5 in
// each of 3 dimensions (unit variance): the exact NLL must fall below that
// of the best single Gaussian, whose mean NLL is (3/2) log 2π + Σ var/2.
func TestRBMGaussianFit(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 1))
	x := make([][]float64, 400)
	for i := range x {
		c := float64(2*(i%2) - 1)
		x[i] = []float64{1.5*c + 0.5*rng.NormFloat64(), 1.5*c + 0.5*rng.NormFloat64(), 1.5*c + 0.5*rng.NormFloat64()}
	}
	r, _ := NewRBM(3, 4, true, rng)
	opt, _ := optim.New("adam", map[string]float64{"lr": 0.02})
	if _, err := r.Fit(x, RBMTraining{Method: CD, K: 1, Epochs: 60, BatchSize: 20, Optimizer: opt}, rng); err != nil {
		t.Fatal(err)
	}
	logZ, err := r.ExactLogZ()
	if err != nil {
		t.Fatal(err)
	}
	ll, _ := r.LogLikelihood(x, logZ)
	// Per dimension the data variance is 1.5² + 0.5² = 2.5.
	single := 1.5*math.Log(2*math.Pi) + 3*math.Log(2.5)/2 + 1.5
	if -ll >= single {
		t.Errorf("NLL %.3f, not below the single Gaussian's %.3f", -ll, single)
	}
	if _, err := r.Fit(x, RBMTraining{Method: PT, Epochs: 1}, rng); err == nil {
		t.Error("parallel tempering with Gaussian visibles accepted")
	}
}
