package classical

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// FeatureMap is the local feature map of Stoudenmire and Schwab (arXiv:
// 1605.05775, eq. 3): a value x ∈ [0, 1] becomes the unit vector
// φ(x) = [cos(πx/2), sin(πx/2)], so black (0) and white (1) pixels are
// orthogonal and a whole input is the product state Φ(x) = ⊗_j φ(x_j).
func FeatureMap(x float64) [2]float64 {
	s, c := math.Sincos(math.Pi / 2 * x)
	return [2]float64{c, s}
}

// mpsChain is the tensor train shared by the MPS classifiers: Sites site
// tensors with physical dimension 2, bond dimensions Bonds[0..Sites]
// (Bonds[0] = Bonds[Sites] = 1), and one site, Label, carrying an extra
// class index. A plain site tensor is stored row-major as [a][s][b] (left
// bond, physical, right bond); the label site as [a][s][b][ℓ].
type mpsChain struct {
	Sites, Classes int
	Bonds          []int
	Tensors        [][]float64
	Label          int
}

// rotationInit fills a chain whose inner bonds all have dimension d with
// the norm-preserving initialisation: site j maps a value x to
//
//	A_j(x) = cos(πx/2)·Q_j + sin(πx/2)·Q_j K_j,   K_j = O_j J O_jᵀ,
//
// with Q_j and O_j random orthogonal matrices and J the block-diagonal 90°
// rotation (J² = −I). K_j is skew-symmetric and orthogonal, so A_j(x)ᵀA_j(x)
// = (cos² + sin²) I: A_j(x) is orthogonal for every input value.
// Contracting any number of sites then keeps a vector's norm exactly, so
// the outputs of a 196- or 784-site chain neither vanish nor overflow,
// where random tensors shrink them by about 2^{−N/2}; and the random Q_j,
// O_j make different inputs reach different directions, unlike a
// commuting (identity-like) start, whose contraction depends only on the
// sum of the inputs. Each entry is then multiplied by 1 + noise·N(0,1).
// The boundary sites use the first row (column) of A, and the label site
// repeats A for every class with independent noise. For odd d the last
// index has no rotation partner and keeps K = 0 there.
func (m *mpsChain) rotationInit(d int, noise float64, rng *rand.Rand) {
	m.Bonds = make([]int, m.Sites+1)
	for k := range m.Bonds {
		m.Bonds[k] = d
	}
	m.Bonds[0], m.Bonds[m.Sites] = 1, 1
	m.Tensors = make([][]float64, m.Sites)
	j2 := mat.NewDense(d, d, nil)
	for a := 0; a+1 < d; a += 2 {
		j2.Set(a, a+1, 1)
		j2.Set(a+1, a, -1)
	}
	for j := range m.Sites {
		q, o := randomOrthogonal(d, rng), randomOrthogonal(d, rng)
		var k, qk mat.Dense
		k.Product(o, j2, o.T())
		qk.Mul(q, &k)
		site := [2]*mat.Dense{q, &qk}
		dl, dr := m.Bonds[j], m.Bonds[j+1]
		classes := 1
		if j == m.Label {
			classes = m.Classes
		}
		t := make([]float64, dl*2*dr*classes)
		for a := range dl {
			for s := range 2 {
				for b := range dr {
					// The first site has a = 0 (the first row); the
					// last keeps the first column.
					col := b
					if j == m.Sites-1 {
						col = 0
					}
					v := site[s].At(a, col)
					for l := range classes {
						t[((a*2+s)*dr+b)*classes+l] = v * (1 + noise*rng.NormFloat64())
					}
				}
			}
		}
		m.Tensors[j] = t
	}
}

// randomOrthogonal returns a Haar-random d×d orthogonal matrix: the Q of
// a Gaussian matrix's QR decomposition with R's diagonal made positive
// (Mezzadri, Notices AMS 54, 592 (2007)).
func randomOrthogonal(d int, rng *rand.Rand) *mat.Dense {
	g := mat.NewDense(d, d, nil)
	for i := range d {
		for k := range d {
			g.Set(i, k, rng.NormFloat64())
		}
	}
	var qr mat.QR
	qr.Factorize(g)
	var q, r mat.Dense
	qr.QTo(&q)
	qr.RTo(&r)
	for k := range d {
		if r.At(k, k) < 0 {
			for i := range d {
				q.Set(i, k, -q.At(i, k))
			}
		}
	}
	return &q
}

// checkInput reports an input of the wrong width or outside [0, 1].
func (m *mpsChain) checkInput(x []float64) error {
	if len(x) != m.Sites {
		return fmt.Errorf("classical: sample has %d features, the MPS %d sites", len(x), m.Sites)
	}
	for j, v := range x {
		if !(v >= -1e-9 && v <= 1+1e-9) {
			return fmt.Errorf("classical: feature %d is %v; the MPS feature map wants values in [0, 1] (scale the data)", j, v)
		}
	}
	return nil
}

// normalizedOutputs writes f^ℓ(x)/‖E(x)‖ into out: the left and right
// environments of the class-index site are contracted separately, each
// normalised at every site, and then joined through that site.
func (m *mpsChain) normalizedOutputs(x, out []float64) {
	lab, L := m.Label, m.Classes
	l := []float64{1}
	for j := range lab {
		next := make([]float64, m.Bonds[j+1])
		phi := FeatureMap(x[j])
		dr := m.Bonds[j+1]
		for a, la := range l {
			for s := range 2 {
				if c := la * phi[s]; c != 0 {
					axpy(c, m.Tensors[j][(a*2+s)*dr:(a*2+s+1)*dr], next)
				}
			}
		}
		normalize(next)
		l = next
	}
	r := []float64{1}
	for j := m.Sites - 1; j > lab; j-- {
		dl, dr := m.Bonds[j], m.Bonds[j+1]
		next := make([]float64, dl)
		phi := FeatureMap(x[j])
		for a := range dl {
			next[a] = phi[0]*dot(m.Tensors[j][(a*2)*dr:(a*2+1)*dr], r) + phi[1]*dot(m.Tensors[j][(a*2+1)*dr:(a*2+2)*dr], r)
		}
		normalize(next)
		r = next
	}
	clear(out)
	phi := FeatureMap(x[lab])
	dr, t := m.Bonds[lab+1], m.Tensors[lab]
	for a, la := range l {
		for s := range 2 {
			for b, rb := range r {
				if c := la * phi[s] * rb; c != 0 {
					axpy(c, t[((a*2+s)*dr+b)*L:((a*2+s)*dr+b+1)*L], out)
				}
			}
		}
	}
}
