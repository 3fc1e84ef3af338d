package classical

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
)

// RBM is a restricted Boltzmann machine (Smolensky 1986; Hinton, Neural
// Comput. 14, 1771 (2002)) with binary hidden units h ∈ {0,1}^H and either
// binary visible units v ∈ {0,1}^V,
//
//	E(v, h) = −bᵀv − cᵀh − vᵀWh,
//
// or, with Gaussian set, real visible units of unit variance,
//
//	E(v, h) = ½‖v − b‖² − cᵀh − vᵀWh,
//
// and p(v, h) = e^{−E(v,h)}/Z. Summing out h gives the free energy
//
//	F(v) = −bᵀv − Σ_j softplus(c_j + (vᵀW)_j)      (Bernoulli)
//	F(v) = ½‖v − b‖² − Σ_j softplus(c_j + (vᵀW)_j)  (Gaussian)
//
// with p(v) = e^{−F(v)}/Z. Gaussian visibles expect data standardised to
// unit variance per feature (Hinton, "A Practical Guide to Training RBMs",
// UTML TR 2010-003, §13.2).
type RBM struct {
	// Visible and Hidden are the layer sizes V and H.
	Visible, Hidden int
	// Gaussian selects real-valued visible units.
	Gaussian bool
	// Theta holds every parameter: W (V×H, row-major: W[i*H+j] couples
	// visible i and hidden j), then b (V), then c (H). W, B and C are views
	// into it (and are not written by encoding/json; UnmarshalJSON
	// restores them).
	Theta   []float64
	W, B, C []float64 `json:"-"`
}

// UnmarshalJSON reads what encoding/json writes for an RBM and points W,
// B and C into the decoded Theta.
func (r *RBM) UnmarshalJSON(data []byte) error {
	type plain RBM
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	if p.Visible < 1 || p.Hidden < 1 || len(p.Theta) != p.Visible*p.Hidden+p.Visible+p.Hidden {
		return fmt.Errorf("classical: RBM with %d visible and %d hidden units has %d parameters, want V·H + V + H", p.Visible, p.Hidden, len(p.Theta))
	}
	*r = RBM(p)
	r.setViews()
	return nil
}

// maxRBMUnits bounds each layer so that parameter counts stay in memory.
const maxRBMUnits = 1 << 14

// NewRBM returns an RBM with weights drawn from N(0, 0.01²) and zero
// biases, the initialisation of Hinton's guide (§8) and scikit-learn's
// BernoulliRBM. It returns an error for layer sizes outside 1 to 16384.
func NewRBM(visible, hidden int, gaussian bool, rng *rand.Rand) (*RBM, error) {
	if visible < 1 || hidden < 1 || visible > maxRBMUnits || hidden > maxRBMUnits {
		return nil, fmt.Errorf("classical: RBM with %d visible and %d hidden units, want 1 to %d each", visible, hidden, maxRBMUnits)
	}
	r := &RBM{Visible: visible, Hidden: hidden, Gaussian: gaussian, Theta: make([]float64, visible*hidden+visible+hidden)}
	r.setViews()
	for i := range r.W {
		r.W[i] = 0.01 * rng.NormFloat64()
	}
	return r, nil
}

// setViews points W, B and C into Theta.
func (r *RBM) setViews() {
	nw := r.Visible * r.Hidden
	r.W, r.B, r.C = r.Theta[:nw:nw], r.Theta[nw:nw+r.Visible:nw+r.Visible], r.Theta[nw+r.Visible:]
}

// Clone returns a deep copy of r.
func (r *RBM) Clone() *RBM {
	c := *r
	c.Theta = append([]float64(nil), r.Theta...)
	c.setViews()
	return &c
}

// checkVisible reports a sample of the wrong width.
func (r *RBM) checkVisible(v []float64) error {
	if len(v) != r.Visible {
		return fmt.Errorf("classical: sample has %d features, the RBM %d visible units", len(v), r.Visible)
	}
	return nil
}

// hiddenInput writes c + vᵀW into a (length H).
func (r *RBM) hiddenInput(v, a []float64) {
	copy(a, r.C)
	h := r.Hidden
	for i, vi := range v {
		if vi != 0 {
			axpy(vi, r.W[i*h:(i+1)*h], a)
		}
	}
}

// FreeEnergy returns F(v).
func (r *RBM) FreeEnergy(v []float64) (float64, error) {
	if err := r.checkVisible(v); err != nil {
		return 0, err
	}
	return r.freeEnergy(v, make([]float64, r.Hidden)), nil
}

// freeEnergy is FreeEnergy with a scratch vector of length H.
func (r *RBM) freeEnergy(v, a []float64) float64 {
	r.hiddenInput(v, a)
	var f float64
	for _, x := range a {
		f -= softplus(x)
	}
	if r.Gaussian {
		for i, vi := range v {
			f += (vi - r.B[i]) * (vi - r.B[i]) / 2
		}
		return f
	}
	return f - dot(r.B, v)
}

// Energy returns E(v, h).
func (r *RBM) Energy(v, h []float64) (float64, error) {
	if err := r.checkVisible(v); err != nil {
		return 0, err
	}
	if len(h) != r.Hidden {
		return 0, fmt.Errorf("classical: hidden state has %d units, the RBM %d", len(h), r.Hidden)
	}
	a := make([]float64, r.Hidden)
	r.hiddenInput(v, a)
	// vᵀWh + cᵀh = Σ_j h_j (c_j + (vᵀW)_j).
	e := -dot(a, h)
	if r.Gaussian {
		for i, vi := range v {
			e += (vi - r.B[i]) * (vi - r.B[i]) / 2
		}
		return e, nil
	}
	return e - dot(r.B, v), nil
}

// HiddenProbs writes p(h_j = 1 | v) = σ(c_j + (vᵀW)_j) into p (length H).
func (r *RBM) HiddenProbs(v, p []float64) error {
	if err := r.checkVisible(v); err != nil {
		return err
	}
	if len(p) != r.Hidden {
		return fmt.Errorf("classical: output has %d values, the RBM %d hidden units", len(p), r.Hidden)
	}
	r.hiddenInput(v, p)
	for j, x := range p {
		p[j] = sigmoid(x)
	}
	return nil
}

// VisibleMeans writes E[v_i | h] into m (length V): σ(b_i + (Wh)_i) for
// Bernoulli visibles, b_i + (Wh)_i for Gaussian ones.
func (r *RBM) VisibleMeans(h, m []float64) error {
	if len(h) != r.Hidden || len(m) != r.Visible {
		return fmt.Errorf("classical: hidden state of %d and output of %d values, the RBM has %d hidden and %d visible units",
			len(h), len(m), r.Hidden, r.Visible)
	}
	for i := range m {
		m[i] = r.B[i] + dot(r.W[i*r.Hidden:(i+1)*r.Hidden], h)
		if !r.Gaussian {
			m[i] = sigmoid(m[i])
		}
	}
	return nil
}

// sigmoid is the logistic function 1/(1 + e^{−x}).
func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// softplus is log(1 + eˣ), computed without overflow.
func softplus(x float64) float64 {
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}

// Transform returns p(h = 1 | v) for every row of x, the RBM's features for
// a downstream classifier (scikit-learn's BernoulliRBM.transform).
func (r *RBM) Transform(x [][]float64) ([][]float64, error) {
	block := make([]float64, len(x)*r.Hidden)
	out := make([][]float64, len(x))
	var sp sparseRow
	for n, v := range x {
		if err := r.checkVisible(v); err != nil {
			return nil, err
		}
		out[n] = block[n*r.Hidden : (n+1)*r.Hidden : (n+1)*r.Hidden]
		r.hiddenBatch(v, 1, 1, out[n], &sp)
	}
	return out, nil
}
