package classical

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qmlgo/qml/dataset"
)

// randomImages returns n samples of k values in [0, 1] with labels in
// 0..classes−1.
func randomImages(t testing.TB, n, k, classes int, seed uint64) *dataset.Dataset {
	rng := rand.New(rand.NewPCG(seed, 3))
	x, y := make([][]float64, n), make([]int, n)
	for i := range x {
		x[i] = make([]float64, k)
		for j := range x[i] {
			x[i][j] = rng.Float64()
		}
		y[i] = i % classes
	}
	d, err := dataset.New("random", x, y)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// bruteOutputs contracts the chain site by site without rescaling: an
// independent reference for the outputs f^ℓ(x).
func bruteOutputs(m *mpsChain, x []float64) []float64 {
	// v[a][ℓ] over the current left bond a; before the label site ℓ = 0 only.
	v := [][]float64{{1}}
	classes := 1
	for j := range m.Sites {
		phi := FeatureMap(x[j])
		dl, dr := m.Bonds[j], m.Bonds[j+1]
		lc := 1
		if j == m.Label {
			lc = m.Classes
		}
		next := make([][]float64, dr)
		for b := range next {
			next[b] = make([]float64, max(classes, lc))
		}
		for a := range dl {
			for s := range 2 {
				for b := range dr {
					for l := range max(classes, lc) {
						var t float64
						if lc > 1 {
							t = m.Tensors[j][((a*2+s)*dr+b)*lc+l] * v[a][0]
						} else {
							t = m.Tensors[j][(a*2+s)*dr+b] * v[a][l]
						}
						next[b][l] += phi[s] * t
					}
				}
			}
		}
		v, classes = next, max(classes, lc)
	}
	return v[0]
}

// bruteEnvNorm is ‖E(x)‖ = ‖l‖·‖r‖, the unnormalised contractions of the
// sites left and right of the class-index site, by plain loops.
func bruteEnvNorm(m *mpsChain, x []float64) float64 {
	l := []float64{1}
	for j := range m.Label {
		phi := FeatureMap(x[j])
		next := make([]float64, m.Bonds[j+1])
		for a := range l {
			for s := range 2 {
				for b := range next {
					next[b] += l[a] * phi[s] * m.Tensors[j][(a*2+s)*m.Bonds[j+1]+b]
				}
			}
		}
		l = next
	}
	r := rightEnvBrute(m, x, m.Label+1)
	return math.Sqrt(dot(l, l) * dot(r, r))
}

func TestMPSOutputs(t *testing.T) {
	for _, label := range []int{0, 3, 6} {
		m, err := NewMPSClassifier(7, 3, MPSConfig{Bond: 5, Noise: 0.3}, rand.New(rand.NewPCG(1, 1)))
		if err != nil {
			t.Fatal(err)
		}
		m.Label = label
		m.rotationInit(5, 0.3, rand.New(rand.NewPCG(1, 2)))
		d := randomImages(t, 5, 7, 3, 1)
		out := make([]float64, 3)
		for _, x := range d.X {
			raw := bruteOutputs(&m.mpsChain, x)
			if err := m.Outputs(x, out); err != nil {
				t.Fatal(err)
			}
			nrm := bruteEnvNorm(&m.mpsChain, x)
			for l := range out {
				if math.Abs(out[l]-raw[l]/nrm) > 1e-12 {
					t.Errorf("label site %d: f̂ = %v, brute force %v / %v", label, out, raw, nrm)
				}
			}
		}
	}
}

// TestMPSRotationInitKeepsNorm checks that every site of the
// initialisation without noise is an orthogonal map for any input, so the
// output norm over all classes is that of the boundary vectors.
func TestMPSRotationInitKeepsNorm(t *testing.T) {
	m, err := NewMPSClassifier(200, 2, MPSConfig{Bond: 6, Noise: 1e-300}, rand.New(rand.NewPCG(2, 1)))
	if err != nil {
		t.Fatal(err)
	}
	d := randomImages(t, 4, 200, 2, 2)
	for _, x := range d.X {
		out := bruteOutputs(&m.mpsChain, x)
		// Without noise both classes see the same chain: f⁰ = f¹, and
		// |f| ≤ 1 (a unit vector's component) but not exponentially small.
		if math.Abs(out[0]-out[1]) > 1e-12 || math.Abs(out[0]) > 1+1e-9 || math.Abs(out[0]) < 1e-6 {
			t.Errorf("outputs %v over 200 sites", out)
		}
	}
}

// TestMPSBondUpdateIsExact checks DMRG steps without truncation: after the
// split, the full contraction gives the outputs ΨB the bond optimisation
// produced up to each sample's positive normalisation (the environment
// norm of a single site differs from that of the bond), and the steps
// lower the training cost.
func TestMPSBondUpdateIsExact(t *testing.T) {
	m, err := NewMPSClassifier(6, 3, MPSConfig{Bond: 8, MaxBond: 64, Cutoff: 1e-300}, rand.New(rand.NewPCG(3, 1)))
	if err != nil {
		t.Fatal(err)
	}
	d := randomImages(t, 30, 6, 3, 3)
	before, _, _ := m.Evaluate(d)
	s := newMPSSweeper(m, d, SweepConfig{Sweeps: 1, CGSteps: 4})
	var st SweepStats
	out := make([]float64, 3)
	for _, step := range []struct {
		j     int
		right bool
	}{{0, true}, {1, true}, {2, true}, {2, false}, {1, false}} {
		if err := s.bond(step.j, step.right, &st); err != nil {
			t.Fatal(err)
		}
		for i, x := range d.X {
			m.Outputs(x, out)
			f := s.f[i*3 : i*3+3]
			c := dot(out, f) / dot(f, f)
			for l := range out {
				if !(c > 0) || math.Abs(out[l]-c*f[l]) > 1e-9*(1+math.Abs(out[l])) {
					t.Fatalf("bond %d right=%v sample %d: contraction %v, bond outputs %v", step.j, step.right, i, out, f)
				}
			}
		}
	}
	after, _, _ := m.Evaluate(d)
	if !(after < before) {
		t.Errorf("cost %v after five bond updates, %v before", after, before)
	}
}

func TestMPSGradClassifierGradient(t *testing.T) {
	m, err := NewMPSGradClassifier(5, 3, MPSConfig{Bond: 3, Noise: 0.3, LogitScale: 3}, rand.New(rand.NewPCG(4, 1)))
	if err != nil {
		t.Fatal(err)
	}
	d := randomImages(t, 4, 5, 3, 4)
	checkGradient(t, m, d.X, d.Y, 1e-6)
	p := make([]float64, 3)
	m.Probabilities(d.X[0], p)
	want := bruteOutputs(&m.mpsChain, d.X[0])
	scale(3/bruteEnvNorm(&m.mpsChain, d.X[0]), want)
	softmax(want)
	for l := range p {
		if math.Abs(p[l]-want[l]) > 1e-12 {
			t.Errorf("p = %v, want %v", p, want)
		}
	}
}

// TestMPSGradLossGradParallel checks that the batch gradient, split over
// goroutines, is the mean of the one-sample gradients.
func TestMPSGradLossGradParallel(t *testing.T) {
	m, err := NewMPSGradClassifier(40, 4, MPSConfig{Bond: 8, Noise: 0.3}, rand.New(rand.NewPCG(7, 1)))
	if err != nil {
		t.Fatal(err)
	}
	d := randomImages(t, 24, 40, 4, 7)
	grad := make([]float64, len(m.Params()))
	loss, err := m.LossGrad(d.X, d.Y, grad)
	if err != nil {
		t.Fatal(err)
	}
	one := make([]float64, len(grad))
	sum := make([]float64, len(grad))
	var lsum float64
	for i := range d.X {
		l, _ := m.LossGrad(d.X[i:i+1], d.Y[i:i+1], one)
		lsum += l / 24
		axpy(1.0/24, one, sum)
	}
	if math.Abs(loss-lsum) > 1e-12 {
		t.Errorf("batch loss %v, mean of samples %v", loss, lsum)
	}
	for k := range grad {
		if math.Abs(grad[k]-sum[k]) > 1e-12*(1+math.Abs(sum[k])) {
			t.Fatalf("gradient %d: batch %v, mean of samples %v", k, grad[k], sum[k])
		}
	}
}
