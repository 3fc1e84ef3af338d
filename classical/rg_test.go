package classical

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"
)

// TestChainSamples checks the sampled neighbour correlation against
// ⟨sᵢsᵢ₊ᵣ⟩ = tanhʳ K.
func TestChainSamples(t *testing.T) {
	const k = 0.8
	x, err := ChainSamples(k, 20, 20000, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []int{1, 3} {
		c := 0.0
		for _, s := range x {
			c += s[5] * s[5+r]
		}
		c /= float64(len(x))
		if want := math.Pow(math.Tanh(k), float64(r)); math.Abs(c-want) > 0.02 {
			t.Errorf("⟨s s⟩ at distance %d = %.4f, want %.4f", r, c, want)
		}
	}
}

// TestPairRBMFlowDecimation checks the transfer-matrix K′ against closed
// forms: a hidden spin that copies v₂ⱼ (W1 → ∞, W2 = 0) is decimation,
// tanh K′ = tanh² K; the maximum-likelihood weights tanh²W = tanh K give
// the same flow (⟨mⱼmⱼ₊₁⟩ = tanh²2W·t(1+t)²/4 = t² with t = tanh K).
func TestPairRBMFlowDecimation(t *testing.T) {
	for _, k := range []float64{0.2, 0.7, 1.5} {
		copyRBM := PairRBM{W1: 40, W2: 0}
		w := math.Atanh(math.Sqrt(math.Tanh(k)))
		for _, r := range []PairRBM{copyRBM, {W1: w, W2: w}} {
			if got, want := r.Flow(k), DecimationFlow(k); math.Abs(got-want) > 1e-12 {
				t.Errorf("K = %v, %+v: K′ = %v, decimation %v", k, r, got, want)
			}
		}
	}
}

// TestLearnedFlow trains the pair RBM on chain samples for K from 0.2 to 2
// and checks K′ < K, the gap to decimation, and that the iterated flow
// runs to K = 0.
func TestLearnedFlow(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 3))
	ks := []float64{0.2, 0.5, 1, 1.5, 2}
	pts, err := LearnedFlow(ks, 32, 500, 300, 0.05, rng)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pts {
		t.Logf("K = %.2f: learned K′ = %.4f, decimation %.4f (W = %.3f, %.3f)", p.K, p.Learned, p.Exact, p.W1, p.W2)
		if !(p.Learned < p.K) {
			t.Errorf("K = %v: learned K′ = %v is not below K", p.K, p.Learned)
		}
		if math.Abs(p.Learned-p.Exact) > 0.1 {
			t.Errorf("K = %v: learned K′ = %v, decimation %v", p.K, p.Learned, p.Exact)
		}
	}
	traj, err := IterateFlow(2, 8, 32, 500, 300, 0.05, rng)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("iterated flow from K = 2: %.4f", traj)
	if last := traj[len(traj)-1]; last > 0.05 {
		t.Errorf("flow ends at K = %v, want → 0", last)
	}
}

// TestPairRBMGradient checks the likelihood gradient against central
// differences.
func TestPairRBMGradient(t *testing.T) {
	f := [4]float64{0.4, 0.1, 0.15, 0.35}
	r := PairRBM{W1: 0.3, W2: -0.7}
	_, g1, g2 := r.likelihood(f)
	const h = 1e-6
	l1p, _, _ := PairRBM{r.W1 + h, r.W2}.likelihood(f)
	l1m, _, _ := PairRBM{r.W1 - h, r.W2}.likelihood(f)
	l2p, _, _ := PairRBM{r.W1, r.W2 + h}.likelihood(f)
	l2m, _, _ := PairRBM{r.W1, r.W2 - h}.likelihood(f)
	if d1, d2 := (l1p-l1m)/(2*h), (l2p-l2m)/(2*h); math.Abs(g1-d1) > 1e-8 || math.Abs(g2-d2) > 1e-8 {
		t.Errorf("gradient (%v, %v), finite differences (%v, %v)", g1, g2, d1, d2)
	}
}

// TestBlockSpins checks the majority rule and its tie-break on a 4×4
// lattice with 2×2 blocks.
func TestBlockSpins(t *testing.T) {
	x := [][]float64{{
		1, 1, -1, 1,
		1, -1, -1, -1,
		-1, 1, 1, -1,
		-1, -1, 1, 1,
	}}
	y, err := BlockSpins(x, 4, 2)
	if err != nil {
		t.Fatal(err)
	}
	// Blocks: (+3 → +), (−2 → −), (−2 → −), (tie, top-left +1 → +).
	want := []float64{1, -1, -1, 1}
	for i := range want {
		if y[0][i] != want[i] {
			t.Fatalf("block spins %v, want %v", y[0], want)
		}
	}
	if _, err := BlockSpins(x, 4, 3); err == nil {
		t.Error("3×3 blocks on 4×4 accepted")
	}
}

// TestSpinStats checks the magnetisation and neighbour correlation of a
// ferromagnetic and a Néel configuration.
func TestSpinStats(t *testing.T) {
	pos := LatticePositions(4, 4)
	up := make([]float64, 16)
	neel := make([]float64, 16)
	for i := range up {
		up[i] = 1
		neel[i] = float64(1 - 2*((i/4+i%4)%2))
	}
	for _, tc := range []struct {
		x       []float64
		m, corr float64
	}{{up, 1, 1}, {neel, 0, -1}} {
		st := SpinStats([][]float64{tc.x}, pos, 4)
		if st.Magnetization != tc.m || st.NeighbourCorr != tc.corr {
			t.Errorf("stats %+v, want m = %v, corr = %v", st, tc.m, tc.corr)
		}
	}
}

// TestReceptiveFields checks the locality of a unit whose weights fill one
// 4×4 patch and of one spread evenly.
func TestReceptiveFields(t *testing.T) {
	r, err := NewRBM(64, 2, false, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 64 {
		row, col := i/8, i%8
		r.W[i*2] = 0
		if row >= 2 && row < 6 && col >= 3 && col < 7 {
			r.W[i*2] = 1
		}
		r.W[i*2+1] = 1
	}
	f, err := ReceptiveFields(r, 8, 4)
	if err != nil {
		t.Fatal(err)
	}
	if f[0].Locality != 1 || f[0].Row != 3.5 || f[0].Col != 4.5 {
		t.Errorf("patch unit: %+v", f[0])
	}
	if f[1].Locality != 0.25 {
		t.Errorf("spread unit: locality %v, want 16/64", f[1].Locality)
	}
}

// TestStackRBMs trains the 2-D stack of the RG lesson. Default: a quick
// 8×8 run that only checks shapes; QML_LONG=1: 16×16 Ising configurations
// at T = 2.27, layers 256 → 64 → 16, and the check that every
// first-layer unit keeps ≥ 50 % of its weight norm within a 4×4 patch.
func TestStackRBMs(t *testing.T) {
	l, hidden, n, cfg := 8, []int{16, 4}, 200, StackTraining{Epochs: 3, BatchSize: 20, LearningRate: 0.05, L1: 0.02}
	long := os.Getenv("QML_LONG") != ""
	if long {
		l, hidden, n, cfg.Epochs = 16, []int{64, 16}, 2000, 100
	}
	rng := rand.New(rand.NewPCG(1, 2))
	x, err := IsingSamples(l, 2.27, n, 100, 2, rng)
	if err != nil {
		t.Fatal(err)
	}
	stack, err := StackRBMs(x, hidden, cfg, rng)
	if err != nil {
		t.Fatal(err)
	}
	if len(stack) != 2 || stack[1].Visible != hidden[0] || stack[1].Hidden != hidden[1] {
		t.Fatalf("stack shapes %d→%d, %d→%d", stack[0].Visible, stack[0].Hidden, stack[1].Visible, stack[1].Hidden)
	}
	rf, err := ReceptiveFields(stack[0], l, 4)
	if err != nil {
		t.Fatal(err)
	}
	worst := 1.0
	for _, f := range rf {
		worst = math.Min(worst, f.Locality)
	}
	t.Logf("%d×%d: smallest 4×4 locality of the first layer %.3f", l, l, worst)
	if long && worst < 0.5 {
		t.Errorf("a first-layer unit keeps only %.3f of its weight norm in a 4×4 patch", worst)
	}
	ups, err := UpPass(stack, x, rng)
	if err != nil || len(ups) != 2 || len(ups[1][0]) != hidden[1] {
		t.Fatalf("up-pass: %v", err)
	}
}

// TestStackPositions checks that a unit coupled to one unit below sits on
// it, and one coupled evenly to two units across the periodic boundary
// sits between them on the wrapped side.
func TestStackPositions(t *testing.T) {
	r, err := NewRBM(2, 2, false, rand.New(rand.NewPCG(1, 1)))
	if err != nil {
		t.Fatal(err)
	}
	copy(r.W, []float64{1, 1, 0, 1}) // W[i*H+j]: unit 0 ← visible 0; unit 1 ← both
	pos, err := StackPositions(r, [][2]float64{{1, 2}, {7, 2}}, 8)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(pos[0][0]-1) > 1e-12 || math.Abs(pos[0][1]-2) > 1e-12 {
		t.Errorf("unit 0 at %v, want (1, 2)", pos[0])
	}
	if d := math.Min(pos[1][0], 8-pos[1][0]); d > 1e-12 || math.Abs(pos[1][1]-2) > 1e-12 {
		t.Errorf("unit 1 at %v, want (0, 2)", pos[1])
	}
}
