package classical

import (
	"math"
	"math/rand/v2"
	"testing"
)

// bruteBM returns log Z and p(x) for every state by direct sums.
func bruteBM(m *BoltzmannMachine) (float64, []float64) {
	n := m.N
	p := make([]float64, 1<<n)
	var z float64
	for s := range p {
		x := bitsOf(s, n)
		var negE float64
		for i := range n {
			negE += m.Theta[n*(n-1)/2+i] * x[i]
			for j := i + 1; j < n; j++ {
				negE += m.Theta[m.coupling(i, j)] * x[i] * x[j]
			}
		}
		p[s] = math.Exp(negE)
		z += p[s]
	}
	for s := range p {
		p[s] /= z
	}
	return math.Log(z), p
}

func randomBM(n int, seed uint64) *BoltzmannMachine {
	rng := rand.New(rand.NewPCG(seed, 5))
	m, _ := NewBoltzmannMachine(n, rng)
	for k := range m.Theta {
		m.Theta[k] = rng.NormFloat64()
	}
	return m
}

func TestBoltzmannExactLogZ(t *testing.T) {
	for _, n := range []int{1, 2, 5, 8} {
		m := randomBM(n, uint64(n))
		got, err := m.ExactLogZ()
		if err != nil {
			t.Fatal(err)
		}
		if want, _ := bruteBM(m); math.Abs(got-want) > 1e-10 {
			t.Errorf("N=%d: log Z %v, brute force %v", n, got, want)
		}
	}
}

// TestBoltzmannGradient checks the exact gradient against central
// differences of the brute-force NLL.
func TestBoltzmannGradient(t *testing.T) {
	m := randomBM(5, 6)
	x := [][]float64{{1, 0, 1, 1, 0}, {0, 0, 1, 0, 1}, {1, 1, 1, 0, 0}}
	grad := make([]float64, len(m.Theta))
	nll, err := m.Gradient(x, grad)
	if err != nil {
		t.Fatal(err)
	}
	bruteNLL := func() float64 {
		_, p := bruteBM(m)
		var s float64
		for _, v := range x {
			k := 0
			for i, b := range v {
				k |= int(b) << i
			}
			s -= math.Log(p[k])
		}
		return s / float64(len(x))
	}
	if want := bruteNLL(); math.Abs(nll-want) > 1e-10 {
		t.Errorf("NLL %v, brute force %v", nll, want)
	}
	for k, fd := range centralDiff(m.Theta, 1e-6, bruteNLL) {
		if math.Abs(fd-grad[k]) > 1e-6 {
			t.Errorf("∂NLL/∂θ_%d = %v, finite difference %v", k, grad[k], fd)
		}
	}
}

// TestBoltzmannGibbs compares Gibbs samples with the exact distribution by
// a chi-square test (15 degrees of freedom, 37.7 at 0.1%).
func TestBoltzmannGibbs(t *testing.T) {
	m := randomBM(4, 7)
	_, p := bruteBM(m)
	rng := rand.New(rand.NewPCG(7, 7))
	const n = 20000
	chains := make([][]float64, n)
	for c := range chains {
		chains[c] = make([]float64, 4)
	}
	m.Gibbs(chains, 20, rng)
	counts := make([]float64, 16)
	for _, x := range chains {
		k := 0
		for i, b := range x {
			k |= int(b) << i
		}
		counts[k]++
	}
	var chi2 float64
	for s, ps := range p {
		chi2 += (counts[s] - n*ps) * (counts[s] - n*ps) / (n * ps)
	}
	if chi2 > 37.7 {
		t.Errorf("chi-square %.1f over 15 degrees of freedom", chi2)
	}
}

// TestBoltzmannFit learns 3×3 bars and stripes with exact gradients: the
// NLL falls well below that of the uniform distribution, 9 ln 2.
func TestBoltzmannFit(t *testing.T) {
	x := basData(t, 3)
	m, _ := NewBoltzmannMachine(9, rand.New(rand.NewPCG(8, 1)))
	var last float64
	if err := m.Fit(x, BoltzmannTraining{Epochs: 300, Exact: true, OnEpoch: func(_ int, nll, _ float64) { last = nll }},
		rand.New(rand.NewPCG(8, 2))); err != nil {
		t.Fatal(err)
	}
	if last > 9*math.Ln2-1.5 {
		t.Errorf("NLL %.3f after 300 epochs, uniform %.3f", last, 9*math.Ln2)
	}
}
