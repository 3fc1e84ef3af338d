package classical

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/optim"
)

// randomDBM returns a DBM with weights and biases drawn from N(0, s²).
func randomDBM(t *testing.T, layers []int, s float64, seed uint64) *DBM {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	d, err := NewDBM(layers, rng)
	if err != nil {
		t.Fatal(err)
	}
	for i := range d.Theta {
		d.Theta[i] = s * rng.NormFloat64()
	}
	return d
}

// bruteDBM enumerates every full state of a tiny DBM with the energy
// written out from the definition, independently of the package's sums:
// it returns log Z, log Σ_h e^{−E(v,h)} for every visible index v
// (unit i is bit i), and the model expectations of −∂E/∂θ (laid out like
// Theta).
func bruteDBM(d *DBM) (logZ float64, logPv []float64, model []float64) {
	total := 0
	for _, n := range d.Layers {
		total += n
	}
	nv := d.Layers[0]
	logPv = make([]float64, 1<<nv)
	for i := range logPv {
		logPv[i] = math.Inf(-1)
	}
	weights := make([]float64, 1<<total)
	energy := func(x [][]float64) float64 {
		var e float64
		for l := range d.Layers {
			for j, xj := range x[l] {
				e -= d.B[l][j] * xj
			}
			if l == 0 {
				continue
			}
			n := d.Layers[l]
			for i, xi := range x[l-1] {
				for j, xj := range x[l] {
					e -= xi * d.W[l][i*n+j] * xj
				}
			}
		}
		return e
	}
	states := func(code int) [][]float64 {
		x := make([][]float64, len(d.Layers))
		b := 0
		for l, n := range d.Layers {
			x[l] = make([]float64, n)
			for j := range x[l] {
				x[l][j] = float64(code >> b & 1)
				b++
			}
		}
		return x
	}
	logZ = math.Inf(-1)
	for code := range weights {
		e := -energy(states(code))
		weights[code] = e
		logZ = logAddExp(logZ, e)
		v := code & (1<<nv - 1)
		logPv[v] = logAddExp(logPv[v], e)
	}
	model = make([]float64, len(d.Theta))
	for code, e := range weights {
		p := math.Exp(e - logZ)
		x := states(code)
		off := 0
		for l := 1; l < len(d.Layers); l++ {
			n := d.Layers[l]
			for i := range x[l-1] {
				for j := range x[l] {
					model[off+i*n+j] += p * x[l-1][i] * x[l][j]
				}
			}
			off += d.Layers[l-1] * n
		}
		for l := range d.Layers {
			for j := range x[l] {
				model[off+j] += p * x[l][j]
			}
			off += d.Layers[l]
		}
	}
	return logZ, logPv, model
}

func logAddExp(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	if math.IsInf(b, -1) {
		return a
	}
	return a + math.Log1p(math.Exp(b-a))
}

// TestDBMExactLogZ compares the half-summed log Z and log-likelihood with
// brute-force enumeration of every unit, for 2 and 3 hidden layers and
// either parity enumerated.
func TestDBMExactLogZ(t *testing.T) {
	for _, layers := range [][]int{{3, 2, 2}, {2, 4, 1}, {3, 2, 3, 2}, {2, 1, 3, 1}} {
		d := randomDBM(t, layers, 1, 1)
		logZ, logPv, _ := bruteDBM(d)
		got, err := d.ExactLogZ()
		if err != nil || math.Abs(got-logZ) > 1e-10 {
			t.Errorf("%v: log Z %v (%v), brute force %v", layers, got, err, logZ)
		}
		for code := range logPv {
			v := bitsOf(code, layers[0])
			ll, err := d.ExactLogLikelihood([][]float64{v}, got)
			if err != nil || math.Abs(ll-(logPv[code]-logZ)) > 1e-10 {
				t.Errorf("%v: log p(%v) = %v (%v), brute force %v", layers, v, ll, err, logPv[code]-logZ)
			}
		}
	}
}

// TestDBMExactGradient checks ExactGradient against central finite
// differences of the brute-force mean log-likelihood.
func TestDBMExactGradient(t *testing.T) {
	for _, layers := range [][]int{{3, 2, 2}, {2, 2, 2, 2}, {2, 1, 3, 1}} {
		d := randomDBM(t, layers, 0.7, 2)
		x := [][]float64{{1, 0, 1}, {0, 1, 1}, {1, 1, 0}}
		for i := range x {
			x[i] = x[i][:layers[0]]
		}
		grad := make([]float64, len(d.Theta))
		if err := d.ExactGradient(x, grad); err != nil {
			t.Fatal(err)
		}
		ll := func() float64 {
			logZ, logPv, _ := bruteDBM(d)
			var s float64
			for _, v := range x {
				code := 0
				for i, b := range v {
					code |= int(b) << i
				}
				s += logPv[code] - logZ
			}
			return s / float64(len(x))
		}
		for i, fd := range centralDiff(d.Theta, 1e-5, ll) {
			if math.Abs(fd-grad[i]) > 1e-7 {
				t.Errorf("%v: ∂/∂θ_%d = %v, finite difference %v", layers, i, grad[i], fd)
			}
		}
	}
}

// TestDBMMeanFieldFixedPoint checks that the converged means satisfy the
// fixed-point equations (written out here), that they are a stationary
// point of the variational bound −E(v, μ) + H(μ) (computed here, checked
// by finite differences in μ), and that the bound lies below the exact
// log p(v).
func TestDBMMeanFieldFixedPoint(t *testing.T) {
	for _, layers := range [][]int{{4, 3, 2}, {4, 3, 3, 2}} {
		d := randomDBM(t, layers, 1, 3)
		logZ, logPv, _ := bruteDBM(d)
		v := []float64{1, 0, 1, 1}
		mu, iters, err := d.MeanField(v, MeanFieldConfig{MaxIter: 10000, Tol: 1e-13})
		if err != nil || iters >= 10000 {
			t.Fatalf("%v: %v after %d sweeps", layers, err, iters)
		}
		L := len(layers) - 1
		for l := 1; l <= L; l++ {
			for j := range mu[l] {
				a := d.B[l][j]
				for i := range mu[l-1] {
					a += d.W[l][i*layers[l]+j] * mu[l-1][i]
				}
				if l < L {
					for k := range mu[l+1] {
						a += d.W[l+1][j*layers[l+1]+k] * mu[l+1][k]
					}
				}
				if want := 1 / (1 + math.Exp(-a)); math.Abs(mu[l][j]-want) > 1e-11 {
					t.Errorf("%v: μ_%d,%d = %v, fixed point %v", layers, l, j, mu[l][j], want)
				}
			}
		}
		bound := func() float64 {
			var f float64
			for l := range layers {
				for j, m := range mu[l] {
					f += d.B[l][j] * m
					if l > 0 {
						f -= m*math.Log(m) + (1-m)*math.Log(1-m)
						for i := range mu[l-1] {
							f += mu[l-1][i] * d.W[l][i*layers[l]+j] * m
						}
					}
				}
			}
			return f
		}
		for l := 1; l <= L; l++ {
			for j, g := range centralDiff(mu[l], 1e-6, bound) {
				if math.Abs(g) > 1e-7 {
					t.Errorf("%v: ∂bound/∂μ_%d,%d = %v, want 0", layers, l, j, g)
				}
			}
		}
		lb, err := d.LowerBound(v, mu, logZ)
		if err != nil || math.Abs(lb-(bound()-logZ)) > 1e-10 || lb > logPv[0b1101]-logZ {
			t.Errorf("%v: bound %v (%v), written out %v, exact log p(v) %v", layers, lb, err, bound()-logZ, logPv[0b1101]-logZ)
		}
	}
}

// TestDBMTrainingGradient checks the two terms of Fit's gradient estimate
// on a tiny model: the data term (mean-field statistics) is the gradient
// of the variational bound max_μ [−E(v, μ) + H(μ)] in θ (by the envelope
// theorem; finite differences of the re-converged bound), and the model
// term of many persistent chains after burn-in matches the brute-force
// model expectations within their sampling error.
func TestDBMTrainingGradient(t *testing.T) {
	d := randomDBM(t, []int{3, 2, 2}, 0.8, 4)
	x := [][]float64{{1, 0, 1}, {0, 1, 1}}
	mf := MeanFieldConfig{MaxIter: 10000, Tol: 1e-13}
	tr := &dbmTrainer{d: d, cfg: DBMTraining{MeanField: mf}, mu: d.newState(), a: d.newState(),
		acc: make([]float64, len(d.Theta))}
	data := make([]float64, len(d.Theta))
	tr.dataTerm(x, []int{0, 1}, data)
	bound := func() float64 {
		var s float64
		for _, v := range x {
			mu, _, _ := d.MeanField(v, mf)
			lb, _ := d.LowerBound(v, mu, 0)
			s += lb
		}
		return s / float64(len(x))
	}
	for i, fd := range centralDiff(d.Theta, 1e-5, bound) {
		if math.Abs(fd-data[i]) > 1e-6 {
			t.Errorf("data term θ_%d = %v, finite difference of the bound %v", i, data[i], fd)
		}
	}
	_, _, model := bruteDBM(d)
	rng := rand.New(rand.NewPCG(5, 5))
	const n = 8000
	chains, _ := d.NewChains(n, rng)
	tr.chains, tr.rng, tr.probs, tr.vals = chains, rng, d.newBatch(n), make([][]float64, 3)
	tr.cfg.K = 30
	neg := make([]float64, len(d.Theta))
	tr.modelTerm(neg)
	for i, m := range model {
		// Each statistic is a mean of n values in [0, 1]: 5σ ≤ 5·0.5/√n.
		if math.Abs(-neg[i]-m) > 2.5/math.Sqrt(n) {
			t.Errorf("model term θ_%d = %v, exact %v", i, -neg[i], m)
		}
	}
}

// TestDBMSampleDistribution draws samples from a tiny DBM and compares
// their histogram with the brute-force p(v) by a chi-square test (7
// degrees of freedom; 24.3 is the 0.999 quantile), seeded.
func TestDBMSampleDistribution(t *testing.T) {
	d := randomDBM(t, []int{3, 2, 2}, 1, 6)
	logZ, logPv, _ := bruteDBM(d)
	const n = 20000
	samples, err := d.Sample(n, 30, rand.New(rand.NewPCG(7, 7)))
	if err != nil {
		t.Fatal(err)
	}
	counts := make([]float64, 8)
	for _, v := range samples {
		counts[int(v[0])|int(v[1])<<1|int(v[2])<<2]++
	}
	var chi2 float64
	for code, c := range counts {
		e := n * math.Exp(logPv[code]-logZ)
		chi2 += (c - e) * (c - e) / e
	}
	if chi2 > 24.3 {
		t.Errorf("χ² = %.1f over 7 degrees of freedom; counts %v", chi2, counts)
	}
}

// TestDBMAIS compares the AIS estimate of log Z with the exact value.
func TestDBMAIS(t *testing.T) {
	for _, layers := range [][]int{{6, 4, 3}, {5, 3, 3, 2}} {
		d := randomDBM(t, layers, 0.7, 8)
		exact, err := d.ExactLogZ()
		if err != nil {
			t.Fatal(err)
		}
		data := [][]float64{{1, 0, 1, 1, 0, 0}, {0, 1, 1, 0, 1, 0}}
		for i := range data {
			data[i] = data[i][:layers[0]]
		}
		got, se, err := d.AIS(AISConfig{Runs: 100, Steps: 400, Data: data}, rand.New(rand.NewPCG(9, 9)))
		if err != nil || math.Abs(got-exact) > 3*se+0.02 {
			t.Errorf("%v: AIS log Z = %v ± %v (%v), exact %v", layers, got, se, err, exact)
		}
	}
}

// TestDBMJSON round-trips a DBM through encoding/json.
func TestDBMJSON(t *testing.T) {
	d := randomDBM(t, []int{4, 3, 2}, 1, 10)
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back DBM
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	v := []float64{1, 0, 0, 1}
	a, _ := d.ExactLogZ()
	b, _ := back.ExactLogZ()
	if a != b || back.W[2][5] != d.W[2][5] || back.B[0][3] != d.B[0][3] {
		t.Errorf("round trip changed the model: log Z %v → %v", a, b)
	}
	if _, _, err := back.MeanField(v, MeanFieldConfig{}); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{`{"Layers":[4,3],"Theta":[]}`, `{"Layers":[2,1,1],"Theta":[1,2]}`} {
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// TestDBMErrors checks that bad arguments are errors.
func TestDBMErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	if _, err := NewDBM([]int{4, 3}, rng); err == nil {
		t.Error("one hidden layer: no error")
	}
	if _, err := NewDBM([]int{4, 0, 2}, rng); err == nil {
		t.Error("empty layer: no error")
	}
	d := randomDBM(t, []int{3, 2, 2}, 1, 1)
	if _, _, err := d.MeanField([]float64{1, 0}, MeanFieldConfig{}); err == nil {
		t.Error("short sample: no error")
	}
	if _, err := d.Fit([][]float64{{1, 0, 1}}, DBMTraining{}, rng); err == nil {
		t.Error("zero epochs: no error")
	}
	if _, err := d.Fit([][]float64{{1, 2, 1}}, DBMTraining{Epochs: 1}, rng); err == nil {
		t.Error("value 2: no error")
	}
	if err := d.Pretrain([][]float64{{1, 0, 1}}, DBMPretraining{RBM: RBMTraining{Epochs: 1, Optimizer: tiedOptimizer{}}}, rng); err == nil {
		t.Error("pre-training with an optimizer: no error")
	}
	big := randomDBM(t, []int{30, 2, 30}, 1, 1)
	if _, err := big.ExactLogZ(); err != nil {
		t.Errorf("odd half of 2 units: %v", err)
	}
	big = randomDBM(t, []int{30, 30, 30}, 1, 1)
	if _, err := big.ExactLogZ(); err == nil {
		t.Error("2^30 states: no error")
	}
}

// TestDBMPretrainTies checks that the doubled copies of the bottom and top
// pre-training RBMs stay tied through training.
func TestDBMPretrainTies(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	data := [][]float64{{1, 0, 1}, {0, 1, 1}, {1, 1, 0}}
	for _, l := range []int{1, 2} {
		r, pairs, in, err := layerRBM(l, 2, 3, 2, data, rng)
		if err != nil {
			t.Fatal(err)
		}
		sgd, _ := optim.NewSGD(optim.SGDConfig{LR: 0.1})
		if _, err := r.Fit(in, RBMTraining{Epochs: 20, BatchSize: 2, Optimizer: tiedOptimizer{sgd, pairs}}, rng); err != nil {
			t.Fatal(err)
		}
		if len(pairs) == 0 {
			t.Fatalf("layer %d: no tied pairs", l)
		}
		for _, p := range pairs {
			if r.Theta[p[0]] != r.Theta[p[1]] || r.Theta[p[0]] == 0 && p[0] < len(r.W) {
				t.Fatalf("layer %d: θ_%d = %v, θ_%d = %v; want equal (and trained)", l, p[0], r.Theta[p[0]], p[1], r.Theta[p[1]])
			}
		}
	}
}
