package classical

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// StackTraining configures StackRBMs: every layer is an RBM trained by
// persistent contrastive divergence with an L1 penalty on its weights,
// which (Mehta & Schwab, arXiv:1410.3831, Fig. 3) makes the receptive
// fields of the hidden units local, like the blocks of a block-spin RG.
type StackTraining struct {
	Epochs, BatchSize int
	LearningRate      float64
	// L1 is the penalty λ Σ|W|, applied after every update as the proximal
	// (soft-threshold) step W ← sign(W)·max(|W| − ηλ, 0) of ISTA.
	L1 float64
}

// StackRBMs trains a stack of RBMs on spin configurations x (±1): layer 1
// on the spins mapped to {0, 1}, each further layer on the hidden
// probabilities of the one below, with the given hidden sizes.
func StackRBMs(x [][]float64, hidden []int, cfg StackTraining, rng *rand.Rand) ([]*RBM, error) {
	if len(x) == 0 || len(hidden) == 0 {
		return nil, errors.New("classical: a stack needs data and at least one layer")
	}
	if cfg.Epochs < 1 || cfg.BatchSize < 1 || !(cfg.LearningRate > 0) || !(cfg.L1 >= 0) {
		return nil, fmt.Errorf("classical: stack training %+v: want epochs, batch size ≥ 1, rate > 0, L1 ≥ 0", cfg)
	}
	data := make([][]float64, len(x))
	for i, s := range x {
		data[i] = make([]float64, len(s))
		for j, v := range s {
			data[i][j] = (v + 1) / 2
		}
	}
	var stack []*RBM
	for _, h := range hidden {
		r, err := NewRBM(len(data[0]), h, false, rng)
		if err != nil {
			return nil, err
		}
		thr := cfg.LearningRate * cfg.L1
		tc := RBMTraining{Method: PCD, K: 1, Epochs: cfg.Epochs, BatchSize: cfg.BatchSize, LearningRate: cfg.LearningRate,
			OnBatch: func(int, int, int) {
				for i, w := range r.W {
					r.W[i] = math.Copysign(math.Max(math.Abs(w)-thr, 0), w)
				}
			}}
		if _, err := r.Fit(data, tc, rng); err != nil {
			return nil, err
		}
		stack = append(stack, r)
		if data, err = r.Transform(data); err != nil {
			return nil, err
		}
	}
	return stack, nil
}

// ReceptiveField describes where a hidden unit looks on an L×L lattice of
// its layer's inputs.
type ReceptiveField struct {
	// Locality is the largest fraction of Σᵢ W²ᵢⱼ inside one P×P patch
	// (periodic), P the patch side asked for.
	Locality float64
	// Row and Col are the centre of that patch.
	Row, Col float64
}

// ReceptiveFields returns the receptive field of every hidden unit of r,
// whose visible units are the sites of an l×l lattice, for patch side p.
func ReceptiveFields(r *RBM, l, p int) ([]ReceptiveField, error) {
	if r.Visible != l*l || p < 1 || p > l {
		return nil, fmt.Errorf("classical: %d visible units on a %d×%d lattice with %d×%d patches", r.Visible, l, l, p, p)
	}
	out := make([]ReceptiveField, r.Hidden)
	for j := range r.Hidden {
		total := 0.0
		w2 := make([]float64, l*l)
		for i := range w2 {
			w := r.W[i*r.Hidden+j]
			w2[i] = w * w
			total += w2[i]
		}
		best := ReceptiveField{}
		for r0 := range l {
			for c0 := range l {
				s := 0.0
				for a := range p {
					for b := range p {
						s += w2[((r0+a)%l)*l+(c0+b)%l]
					}
				}
				if s > best.Locality*total {
					best = ReceptiveField{Locality: s / total, Row: math.Mod(float64(r0)+float64(p-1)/2, float64(l)), Col: math.Mod(float64(c0)+float64(p-1)/2, float64(l))}
				}
			}
		}
		if total == 0 {
			best.Locality = 0
		}
		out[j] = best
	}
	return out, nil
}

// BlockSpins coarse-grains ±1 configurations on an l×l lattice by the
// majority rule on b×b blocks (Kadanoff's block spins; a tied block takes
// its top-left spin).
func BlockSpins(x [][]float64, l, b int) ([][]float64, error) {
	if b < 1 || l%b != 0 {
		return nil, fmt.Errorf("classical: %d×%d blocks do not tile a %d×%d lattice", b, b, l, l)
	}
	m := l / b
	out := make([][]float64, len(x))
	for n, s := range x {
		if len(s) != l*l {
			return nil, fmt.Errorf("classical: configuration %d has %d sites, want %d", n, len(s), l*l)
		}
		y := make([]float64, m*m)
		for r := range m {
			for c := range m {
				sum := 0.0
				for a := range b {
					for d := range b {
						sum += s[(r*b+a)*l+c*b+d]
					}
				}
				switch {
				case sum > 0:
					y[r*m+c] = 1
				case sum < 0:
					y[r*m+c] = -1
				default:
					y[r*m+c] = s[r*b*l+c*b]
				}
			}
		}
		out[n] = y
	}
	return out, nil
}

// LayerStats are the statistics compared between RBM layers and block
// spins: the mean absolute magnetisation per configuration and the mean
// correlation of neighbouring units.
type LayerStats struct {
	Units         int
	Magnetization float64 // ⟨|Σᵢ sᵢ|/n⟩
	NeighbourCorr float64 // ⟨sᵢsⱼ⟩ over neighbouring pairs
}

// SpinStats returns the layer statistics of ±1 configurations whose unit i
// sits at pos[i] on a periodic square of side l: neighbours are the pairs
// whose distance lies between 0.5a and 1.2a, a = l/√n the mean spacing (on a
// square lattice, exactly the nearest neighbours).
func SpinStats(x [][]float64, pos [][2]float64, l float64) LayerStats {
	n := len(pos)
	a := l / math.Sqrt(float64(n))
	var pairs [][2]int
	for i := range n {
		for j := i + 1; j < n; j++ {
			dr := math.Abs(pos[i][0] - pos[j][0])
			dc := math.Abs(pos[i][1] - pos[j][1])
			dr, dc = math.Min(dr, l-dr), math.Min(dc, l-dc)
			if d := math.Hypot(dr, dc); d > 0.5*a && d < 1.2*a {
				pairs = append(pairs, [2]int{i, j})
			}
		}
	}
	st := LayerStats{Units: n}
	for _, s := range x {
		m := 0.0
		for _, v := range s {
			m += v
		}
		st.Magnetization += math.Abs(m) / float64(n)
		c := 0.0
		for _, p := range pairs {
			c += s[p[0]] * s[p[1]]
		}
		if len(pairs) > 0 {
			st.NeighbourCorr += c / float64(len(pairs))
		}
	}
	st.Magnetization /= float64(len(x))
	st.NeighbourCorr /= float64(len(x))
	return st
}

// LatticePositions returns the sites of an m×m lattice of spacing l/m,
// the positions of block spins.
func LatticePositions(m int, l float64) [][2]float64 {
	pos := make([][2]float64, m*m)
	for r := range m {
		for c := range m {
			pos[r*m+c] = [2]float64{(float64(r) + 0.5) * l / float64(m), (float64(c) + 0.5) * l / float64(m)}
		}
	}
	return pos
}

// UpPass draws hidden ±1 spins of every layer of the stack for each
// configuration: h ~ p(h | v) layer by layer, starting from the spins.
func UpPass(stack []*RBM, x [][]float64, rng *rand.Rand) ([][][]float64, error) {
	out := make([][][]float64, len(stack))
	cur := make([][]float64, len(x))
	for i, s := range x {
		cur[i] = make([]float64, len(s))
		for j, v := range s {
			cur[i][j] = (v + 1) / 2
		}
	}
	for k, r := range stack {
		next := make([][]float64, len(cur))
		spins := make([][]float64, len(cur))
		p := make([]float64, r.Hidden)
		for i, v := range cur {
			if err := r.HiddenProbs(v, p); err != nil {
				return nil, err
			}
			next[i] = make([]float64, r.Hidden)
			spins[i] = make([]float64, r.Hidden)
			for j, q := range p {
				if rng.Float64() < q {
					next[i][j], spins[i][j] = 1, 1
				} else {
					spins[i][j] = -1
				}
			}
		}
		out[k] = spins
		cur = next
	}
	return out, nil
}

// StackPositions places the hidden units of a higher RBM of the stack on
// the lattice: unit j sits at the periodic (circular) mean of the positions
// of the units below it, weighted by W²ᵢⱼ — where its receptive field,
// seen through the stack, is centred.
func StackPositions(r *RBM, below [][2]float64, l float64) ([][2]float64, error) {
	if len(below) != r.Visible {
		return nil, fmt.Errorf("classical: %d positions for %d visible units", len(below), r.Visible)
	}
	out := make([][2]float64, r.Hidden)
	for j := range r.Hidden {
		for d := range 2 {
			var c, s float64
			for i, p := range below {
				w := r.W[i*r.Hidden+j]
				a := 2 * math.Pi * p[d] / l
				c += w * w * math.Cos(a)
				s += w * w * math.Sin(a)
			}
			out[j][d] = math.Mod(math.Atan2(s, c)*l/(2*math.Pi)+l, l)
		}
	}
	return out, nil
}
