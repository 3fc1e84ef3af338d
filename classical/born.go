package classical

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"

	"github.com/qmlgo/qml/linalg"
)

// BornMachine is the matrix-product-state Born machine of Han, Wang, Fan,
// Wang and Zhang (Phys. Rev. X 8, 031012 (2018), arXiv:1709.01662): a
// distribution over binary strings x ∈ {0,1}^N,
//
//	p(x) = ψ(x)² / Z,   ψ(x) = A_1[x_1] A_2[x_2] ⋯ A_N[x_N],   Z = Σ_x ψ(x)²,
//
// with real D_{j−1}×D_j matrices A_j[s] (D_0 = D_N = 1). The MPS is kept in
// mixed canonical form around the site Center: sites left of it are left-
// orthonormal (Σ_s A[s]ᵀA[s] = I), sites right of it right-orthonormal
// (Σ_s A[s]A[s]ᵀ = I), so Z is the squared norm of the center tensor,
// exactly, and sampling proceeds site by site without approximation.
//
// Site tensor j is stored row-major as [a][s][b] (left bond, bit, right
// bond).
type BornMachine struct {
	Sites   int
	Bonds   []int
	Tensors [][]float64
	Center  int
	// Truncation decides every split's bond dimension.
	Truncation linalg.Truncation
}

// NewBornMachine returns a Born machine over sites bits with random
// tensors of bond dimension bond, brought to right-canonical form (center
// on site 0) and normalised, Z = 1. Later splits keep at most maxBond
// singular values and drop those below cutoff (relative squared weight).
func NewBornMachine(sites, bond, maxBond int, cutoff float64, rng *rand.Rand) (*BornMachine, error) {
	if sites < 2 || bond < 1 || maxBond < 1 || bond > 1024 || maxBond > 1024 {
		return nil, fmt.Errorf("classical: Born machine with %d sites, bond %d, max bond %d; want ≥ 2 sites and bonds 1 to 1024", sites, bond, maxBond)
	}
	tr := linalg.Truncation{MaxBond: maxBond, Cutoff: cutoff}
	if err := tr.Validate(); err != nil {
		return nil, err
	}
	b := &BornMachine{Sites: sites, Bonds: make([]int, sites+1), Tensors: make([][]float64, sites), Truncation: tr}
	for k := range b.Bonds {
		// Bond k cannot usefully exceed 2^min(k, N−k).
		b.Bonds[k] = min(bond, 1<<min(k, sites-k, 20))
	}
	for j := range sites {
		t := make([]float64, b.Bonds[j]*2*b.Bonds[j+1])
		for i := range t {
			t[i] = rng.NormFloat64()
		}
		b.Tensors[j] = t
	}
	b.Center = sites - 1
	for j := sites - 1; j > 0; j-- {
		if err := b.moveLeft(j); err != nil {
			return nil, err
		}
	}
	b.normalize()
	return b, nil
}

// normalize scales the center tensor to unit norm (Z = 1).
func (b *BornMachine) normalize() {
	t := b.Tensors[b.Center]
	if n := math.Sqrt(dot(t, t)); n > 0 {
		scale(1/n, t)
	}
}

// Z returns the normalisation Σ_x ψ(x)², the squared norm of the center
// tensor in canonical form.
func (b *BornMachine) Z() float64 {
	t := b.Tensors[b.Center]
	return dot(t, t)
}

// moveLeft makes site j right-orthonormal by an LQ-like factorisation
// (SVD) and absorbs the rest into site j−1, moving the center from j to
// j−1 without truncation.
func (b *BornMachine) moveLeft(j int) error {
	dl, dr := b.Bonds[j], b.Bonds[j+1]
	m := mat.NewDense(dl, 2*dr, b.Tensors[j])
	var svd mat.SVD
	if !svd.Factorize(m, mat.SVDThin) {
		return errors.New("classical: SVD did not converge")
	}
	s := svd.Values(nil)
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	k := len(s)
	// A_j = Vᵀ (k × 2dr); A_{j−1} ← A_{j−1} · U S.
	a := make([]float64, k*2*dr)
	for c := range k {
		for col := range 2 * dr {
			a[c*2*dr+col] = v.At(col, c)
		}
	}
	us := mat.NewDense(dl, k, nil)
	for r := range dl {
		for c := range k {
			us.Set(r, c, u.At(r, c)*s[c])
		}
	}
	pl := b.Bonds[j-1]
	prev := mat.NewDense(pl*2, dl, b.Tensors[j-1])
	var np mat.Dense
	np.Mul(prev, us)
	b.Tensors[j-1] = np.RawMatrix().Data
	b.Tensors[j] = a
	b.Bonds[j] = k
	b.Center = j - 1
	return nil
}

// checkBits reports a sample that is not a binary string of Sites bits.
func (b *BornMachine) checkBits(x []float64) error {
	if len(x) != b.Sites {
		return fmt.Errorf("classical: sample has %d bits, the Born machine %d sites", len(x), b.Sites)
	}
	for j, v := range x {
		if v != 0 && v != 1 {
			return fmt.Errorf("classical: bit %d is %v; the Born machine models binary data", j, v)
		}
	}
	return nil
}

// LogProb returns log p(x) = log ψ(x)² − log Z (−Inf when ψ(x) = 0).
// The running vector is rescaled at every site and the scale kept as a
// log, so long chains do not underflow.
func (b *BornMachine) LogProb(x []float64) (float64, error) {
	if err := b.checkBits(x); err != nil {
		return 0, err
	}
	v := []float64{1}
	var logScale float64
	for j, bit := range x {
		dr := b.Bonds[j+1]
		s := int(bit)
		next := make([]float64, dr)
		for a, va := range v {
			if va != 0 {
				axpy(va, b.Tensors[j][(a*2+s)*dr:(a*2+s+1)*dr], next)
			}
		}
		logScale += normalize(next)
		v = next
	}
	return 2*(logScale+math.Log(math.Abs(v[0]))) - math.Log(b.Z()), nil
}

// NLL returns the mean negative log-likelihood −(1/n) Σ log p(x_n).
func (b *BornMachine) NLL(x [][]float64) (float64, error) {
	if len(x) == 0 {
		return 0, errors.New("classical: NLL of no samples")
	}
	var s float64
	for _, v := range x {
		lp, err := b.LogProb(v)
		if err != nil {
			return 0, err
		}
		s -= lp
	}
	return s / float64(len(x)), nil
}

// Sample draws n independent exact samples by the "zipper": with the
// center on site 0 and every other site right-orthonormal, the marginal of
// the first k bits is the squared norm of the partial product
// A_1[x_1]⋯A_k[x_k], so each bit is drawn from its exact conditional
// (Han et al., Sec. III C; Ferris and Vidal, Phys. Rev. B 85, 165146
// (2012)). It moves the center to site 0 first.
func (b *BornMachine) Sample(n int, rng *rand.Rand) ([][]float64, error) {
	if n < 1 {
		return nil, fmt.Errorf("classical: %d samples, want at least 1", n)
	}
	for b.Center > 0 {
		if err := b.moveLeft(b.Center); err != nil {
			return nil, err
		}
	}
	out := make([][]float64, n)
	for i := range out {
		x := make([]float64, b.Sites)
		v := []float64{1}
		for j := range b.Sites {
			dr := b.Bonds[j+1]
			var cand [2][]float64
			var w [2]float64
			for s := range 2 {
				cand[s] = make([]float64, dr)
				for a, va := range v {
					if va != 0 {
						axpy(va, b.Tensors[j][(a*2+s)*dr:(a*2+s+1)*dr], cand[s])
					}
				}
				w[s] = dot(cand[s], cand[s])
			}
			s := 0
			if rng.Float64()*(w[0]+w[1]) >= w[0] {
				s = 1
			}
			x[j] = float64(s)
			// Rescale so the partial products do not underflow.
			if w[s] > 0 {
				scale(1/math.Sqrt(w[s]), cand[s])
			}
			v = cand[s]
		}
		out[i] = x
	}
	return out, nil
}
