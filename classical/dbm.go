package classical

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
)

// DBM is a deep Boltzmann machine (Salakhutdinov and Hinton, "Deep
// Boltzmann Machines", AISTATS 2009): binary layers x_0 = v (visible),
// x_1, …, x_L (hidden, L ≥ 2), each coupled only to its neighbours,
//
//	E(x) = −Σ_{l=0}^{L} b_lᵀx_l − Σ_{l=1}^{L} x_{l−1}ᵀ W_l x_l,
//
// and p(x) = e^{−E(x)}/Z. Given its two neighbours a layer is a product of
// independent units,
//
//	p(x_l,j = 1 | x_{l−1}, x_{l+1}) = σ(b_l + W_lᵀx_{l−1} + W_{l+1}x_{l+1})_j,
//
// so the odd layers are independent given the even ones and vice versa:
// Gibbs sampling alternates between the two halves, and summing out one
// half analytically leaves a sum over the other (ExactLogZ, AIS).
// Unlike a stack of RBMs (a deep belief net) every hidden layer receives
// input from above and below, and the posterior p(h | v) does not
// factorise: training uses mean-field inference for it (MeanField, Fit).
type DBM struct {
	// Layers holds the layer sizes, visible first: [V, H_1, …, H_L].
	Layers []int
	// Theta holds every parameter: W_1, …, W_L (W_l is Layers[l−1] ×
	// Layers[l], row-major: W_l[i*H_l+j] couples unit i of layer l−1 and
	// unit j of layer l), then the biases b_0, …, b_L. W and B are views
	// into it, restored by UnmarshalJSON.
	Theta []float64
	// W[l] is W_l (W[0] is nil); B[l] is b_l.
	W, B [][]float64 `json:"-"`
}

// maxDBMLayers bounds the depth: the pre-training recipe and the
// literature stop at three hidden layers, and deeper models mix poorly.
const maxDBMLayers = 6

// NewDBM returns a DBM with the given layer sizes (visible first, at
// least two hidden layers), weights drawn from N(0, 0.01²) and zero
// biases (Hinton's guide, §8). Pretrain replaces these by a greedy
// layer-wise initialisation. It returns an error for fewer than three or
// more than six layers, or a layer outside 1 to 16384 units.
func NewDBM(layers []int, rng *rand.Rand) (*DBM, error) {
	d := &DBM{Layers: append([]int(nil), layers...)}
	if err := d.checkLayers(); err != nil {
		return nil, err
	}
	d.Theta = make([]float64, d.numParams())
	d.setViews()
	for l := 1; l < len(d.Layers); l++ {
		for i := range d.W[l] {
			d.W[l][i] = 0.01 * rng.NormFloat64()
		}
	}
	return d, nil
}

// checkLayers validates the layer sizes.
func (d *DBM) checkLayers() error {
	if len(d.Layers) < 3 || len(d.Layers) > maxDBMLayers {
		return fmt.Errorf("classical: DBM with %d layers %v, want a visible layer and 2 to %d hidden layers", len(d.Layers), d.Layers, maxDBMLayers-1)
	}
	for _, n := range d.Layers {
		if n < 1 || n > maxRBMUnits {
			return fmt.Errorf("classical: DBM layers %v, want 1 to %d units each", d.Layers, maxRBMUnits)
		}
	}
	return nil
}

// numParams is Σ_l n_{l−1} n_l + Σ_l n_l.
func (d *DBM) numParams() int {
	n := 0
	for l, k := range d.Layers {
		n += k
		if l > 0 {
			n += d.Layers[l-1] * k
		}
	}
	return n
}

// setViews points W and B into Theta.
func (d *DBM) setViews() {
	L := len(d.Layers)
	d.W, d.B = make([][]float64, L), make([][]float64, L)
	off := 0
	for l := 1; l < L; l++ {
		n := d.Layers[l-1] * d.Layers[l]
		d.W[l] = d.Theta[off : off+n : off+n]
		off += n
	}
	for l, n := range d.Layers {
		d.B[l] = d.Theta[off : off+n : off+n]
		off += n
	}
}

// UnmarshalJSON reads what encoding/json writes for a DBM and points W and
// B into the decoded Theta.
func (d *DBM) UnmarshalJSON(data []byte) error {
	var p struct {
		Layers []int
		Theta  []float64
	}
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	m := DBM{Layers: p.Layers, Theta: p.Theta}
	if err := m.checkLayers(); err != nil {
		return err
	}
	if len(m.Theta) != m.numParams() {
		return fmt.Errorf("classical: DBM with layers %v has %d parameters, want %d", m.Layers, len(m.Theta), m.numParams())
	}
	m.setViews()
	*d = m
	return nil
}

// Clone returns a deep copy of d.
func (d *DBM) Clone() *DBM {
	c := &DBM{Layers: append([]int(nil), d.Layers...), Theta: append([]float64(nil), d.Theta...)}
	c.setViews()
	return c
}

// Visible returns the number of visible units.
func (d *DBM) Visible() int { return d.Layers[0] }

// checkVisible reports a sample of the wrong width.
func (d *DBM) checkVisible(v []float64) error {
	if len(v) != d.Layers[0] {
		return fmt.Errorf("classical: sample has %d features, the DBM %d visible units", len(v), d.Layers[0])
	}
	return nil
}

// input writes the total input b_l + W_lᵀ below + W_{l+1} above of layer
// l into a (length n_l); below (layer l−1) and above (layer l+1) are
// ignored where the layer has no such neighbour.
func (d *DBM) input(l int, below, above, a []float64) {
	copy(a, d.B[l])
	n := d.Layers[l]
	if l > 0 {
		for i, x := range below {
			if x != 0 {
				axpy(x, d.W[l][i*n:(i+1)*n], a)
			}
		}
	}
	if l+1 < len(d.Layers) {
		m := d.Layers[l+1]
		for j := range a {
			a[j] += dot(d.W[l+1][j*m:(j+1)*m], above)
		}
	}
}

// Energy returns E(x) for a full state x = [v, h_1, …, h_L].
func (d *DBM) Energy(x [][]float64) (float64, error) {
	if len(x) != len(d.Layers) {
		return 0, fmt.Errorf("classical: state of %d layers, the DBM has %d", len(x), len(d.Layers))
	}
	for l, xl := range x {
		if len(xl) != d.Layers[l] {
			return 0, fmt.Errorf("classical: layer %d of the state has %d units, the DBM %d", l, len(xl), d.Layers[l])
		}
	}
	var e float64
	for l, xl := range x {
		e -= dot(d.B[l], xl)
		if l > 0 {
			e -= bilinear(x[l-1], d.W[l], xl)
		}
	}
	return e, nil
}

// bilinear returns aᵀ W b for W of shape len(a) × len(b), row-major.
func bilinear(a, w, b []float64) float64 {
	n := len(b)
	var s float64
	for i, x := range a {
		if x != 0 {
			s += x * dot(w[i*n:(i+1)*n], b)
		}
	}
	return s
}
