package classical

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/dataset"
)

// bruteAmplitude is ψ(x) by plain matrix products.
func bruteAmplitude(b *BornMachine, x []float64) float64 {
	v := []float64{1}
	for j, bit := range x {
		dl, dr := b.Bonds[j], b.Bonds[j+1]
		next := make([]float64, dr)
		for a := range dl {
			for c := range dr {
				next[c] += v[a] * b.Tensors[j][(a*2+int(bit))*dr+c]
			}
		}
		v = next
	}
	return v[0]
}

func TestBornExactZ(t *testing.T) {
	b, err := NewBornMachine(7, 3, 3, 0, rand.New(rand.NewPCG(21, 1)))
	if err != nil {
		t.Fatal(err)
	}
	var z, total float64
	for k := range 1 << 7 {
		x := bitsOf(k, 7)
		psi := bruteAmplitude(b, x)
		z += psi * psi
		lp, err := b.LogProb(x)
		if err != nil {
			t.Fatal(err)
		}
		total += math.Exp(lp)
	}
	if math.Abs(z-b.Z()) > 1e-12 || math.Abs(z-1) > 1e-12 || math.Abs(total-1) > 1e-12 {
		t.Errorf("Σψ² = %v, Z = %v, Σp = %v; want 1, 1, 1", z, b.Z(), total)
	}
}

// TestBornSampleDistribution compares zipper samples with the exact
// distribution by a chi-square test (31 degrees of freedom; 61.1 is the
// 0.1% critical value).
func TestBornSampleDistribution(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 1))
	b, _ := NewBornMachine(5, 3, 3, 0, rng)
	const n = 20000
	samples, err := b.Sample(n, rng)
	if err != nil {
		t.Fatal(err)
	}
	counts := make([]float64, 32)
	for _, x := range samples {
		k := 0
		for i, v := range x {
			k |= int(v) << i
		}
		counts[k]++
	}
	var chi2 float64
	for k := range 32 {
		psi := bruteAmplitude(b, bitsOf(k, 5))
		want := n * psi * psi / b.Z()
		chi2 += (counts[k] - want) * (counts[k] - want) / want
	}
	if chi2 > 61.1 {
		t.Errorf("chi-square %.1f over 31 degrees of freedom", chi2)
	}
}

// TestBornGradient checks ∂L/∂B against central differences of the exact
// NLL of the chain with sites j, j+1 replaced by an untruncated split of B.
func TestBornGradient(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 1))
	b, _ := NewBornMachine(5, 2, 64, 0, rng)
	x := [][]float64{{1, 0, 1, 1, 0}, {0, 0, 1, 0, 1}, {1, 1, 1, 0, 0}}
	tr := newBornTrainer(b, x)
	const j = 0
	dl, dm, dr := b.Bonds[j], b.Bonds[j+1], b.Bonds[j+2]
	bt := make([]float64, dl*2*2*dr)
	for r := range dl * 2 {
		for m := range dm {
			axpy(b.Tensors[j][r*dm+m], b.Tensors[j+1][m*2*dr:(m+1)*2*dr], bt[r*2*dr:(r+1)*2*dr])
		}
	}
	grad := make([]float64, len(bt))
	if err := tr.gradient(j, bt, grad); err != nil {
		t.Fatal(err)
	}
	nll := func(bt []float64) float64 {
		c := &BornMachine{Sites: b.Sites, Bonds: append([]int(nil), b.Bonds...), Tensors: append([][]float64(nil), b.Tensors...), Center: j}
		// Site j holds B itself (bond 2·dr), site j+1 the identity.
		c.Bonds[j+1] = 2 * dr
		c.Tensors[j] = bt
		id := make([]float64, 2*dr*2*dr)
		for k := range 2 * dr {
			id[k*2*dr+k] = 1
		}
		c.Tensors[j+1] = id
		v, _ := c.NLL(x)
		return v
	}
	const h = 1e-6
	for k := range bt {
		old := bt[k]
		bt[k] = old + h
		p := nll(bt)
		bt[k] = old - h
		m := nll(bt)
		bt[k] = old
		if fd := (p - m) / (2 * h); math.Abs(fd-grad[k]) > 1e-6*(1+math.Abs(fd)) {
			t.Errorf("∂L/∂B[%d] = %v, finite difference %v", k, grad[k], fd)
		}
	}
}

// TestBornBarsAndStripes is the check: on the 30 patterns of 4×4
// bars and stripes the NLL ends within 0.01 of ln 30, at least 99% of 1000
// samples are patterns, and every pattern is drawn.
func TestBornBarsAndStripes(t *testing.T) {
	d, _ := dataset.BarsAndStripes(4, 4)
	rng := rand.New(rand.NewPCG(1, 1))
	b, err := NewBornMachine(16, 2, 16, 1e-9, rng)
	if err != nil {
		t.Fatal(err)
	}
	hist, err := b.Train(d.X, BornTraining{Sweeps: 10, LearningRate: 0.05})
	if err != nil {
		t.Fatal(err)
	}
	if nll := hist[len(hist)-1].NLL; math.Abs(nll-math.Log(30)) > 0.01 {
		t.Errorf("NLL %.5f, want within 0.01 of ln 30 = %.5f", nll, math.Log(30))
	}
	samples, _ := b.Sample(1000, rng)
	seen := map[string]bool{}
	valid := 0
	patterns := map[string]bool{}
	for _, x := range d.X {
		patterns[bitString(x)] = true
	}
	for _, x := range samples {
		if k := bitString(x); patterns[k] {
			valid++
			seen[k] = true
		}
	}
	if valid < 990 || len(seen) != 30 {
		t.Errorf("%d of 1000 samples valid, %d of 30 patterns drawn", valid, len(seen))
	}
}

func bitString(x []float64) string {
	b := make([]byte, len(x))
	for i, v := range x {
		b[i] = '0' + byte(v)
	}
	return string(b)
}

// basData returns the rows×rows bars-and-stripes patterns.
func basData(t testing.TB, rows int) [][]float64 {
	d, err := dataset.BarsAndStripes(rows, rows)
	if err != nil {
		t.Fatal(err)
	}
	return d.X
}
