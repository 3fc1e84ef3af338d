package classical

import (
	"errors"

	"gonum.org/v1/gonum/mat"
)

// dataInit replaces every site but the class-index one by the isometry
// that keeps the largest-weight directions of the training inputs, the
// feature-space "reduced density matrix" truncation of Stoudenmire
// (arXiv:1801.00315, Sec. III) applied along the chain, and zeroes the
// class-index site. phi[i][2j+s] is φ_s(x_ij) for sample i.
//
// Sweeping in from the right end, site j sees each sample as v = φ(x_j) ⊗
// r_{j+1}(x), r_{j+1} the already compressed (unit-norm) contraction of
// the sites to its right; its tensor becomes the top-d eigenvectors U of
// ρ_j = (1/n) Σ v vᵀ, and r_j = Uᵀv. Sites left of the class index are
// built the same way from the left end. The environments that the class
// index (or a bond tensor next to it) then sees are the d directions
// that carry the most weight of the data's product states, a kernel-PCA
// basis that varies smoothly with the pixels: the rotation initialisation
// instead starts from environments that scatter similar images over
// unrelated directions, which the sweeps only partly undo, so the model
// fits the training set but generalises worse.
//
// Both classifiers divide by the environment norm, so the isometries need
// no scale.
func (m *mpsChain) dataInit(phi [][]float64, d int) error {
	n := len(phi)
	if n == 0 {
		return errors.New("classical: the data initialisation of an MPS needs samples")
	}
	// env[i] is sample i's unit-norm environment at the current bond.
	env := make([][]float64, n)
	for i := range env {
		env[i] = []float64{1}
	}
	for j := m.Sites - 1; j > m.Label; j-- {
		dr := m.Bonds[j+1]
		// v = φ_j ⊗ r, index s*dr + b; the tensor is A[a][s][b] = U[(s,b)][a].
		u, err := topEigenvectors(env, phi, j, dr, false, d)
		if err != nil {
			return err
		}
		dl := u.RawMatrix().Cols
		t := make([]float64, dl*2*dr)
		for a := range dl {
			for sb := range 2 * dr {
				t[a*2*dr+sb] = u.At(sb, a)
			}
		}
		m.Tensors[j], m.Bonds[j] = t, dl
	}
	for i := range env {
		env[i] = []float64{1}
	}
	for j := range m.Label {
		dl := m.Bonds[j]
		// v = l ⊗ φ_j, index a*2 + s; the tensor is A[a][s][b] = U[(a,s)][b].
		u, err := topEigenvectors(env, phi, j, dl, true, d)
		if err != nil {
			return err
		}
		m.Tensors[j], m.Bonds[j+1] = u.RawMatrix().Data, u.RawMatrix().Cols
	}
	m.Tensors[m.Label] = make([]float64, m.Bonds[m.Label]*2*m.Bonds[m.Label+1]*m.Classes)
	return nil
}

// topEigenvectors returns, for the vectors v_i = φ(x_ij) ⊗ env[i] (or
// env[i] ⊗ φ(x_ij) when envFirst), the k×min(k, d) matrix whose columns
// are the leading eigenvectors of (1/n) Σ v_i v_iᵀ, k = 2·dim, and it
// overwrites env[i] with the normalised projection onto them.
func topEigenvectors(env, phi [][]float64, j, dim int, envFirst bool, d int) (*mat.Dense, error) {
	n, k := len(env), 2*dim
	v := mat.NewDense(n, k, nil)
	for i, e := range env {
		row := v.RawRowView(i)
		p0, p1 := phi[i][2*j], phi[i][2*j+1]
		for b, eb := range e {
			if envFirst {
				row[2*b], row[2*b+1] = eb*p0, eb*p1
			} else {
				row[b], row[dim+b] = p0*eb, p1*eb
			}
		}
	}
	var rho mat.SymDense
	rho.SymOuterK(1/float64(n), v.T())
	var eig mat.EigenSym
	if !eig.Factorize(&rho, true) {
		return nil, errors.New("classical: eigendecomposition of the data's feature covariance did not converge")
	}
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	// Columns in descending order of eigenvalue (EigenSym sorts ascending).
	keep := min(k, d)
	u := mat.NewDense(k, keep, nil)
	for c := range keep {
		u.SetCol(c, mat.Col(nil, k-1-c, &vecs))
	}
	var proj mat.Dense
	proj.Mul(v, u)
	for i := range env {
		env[i] = append([]float64(nil), proj.RawRowView(i)...)
		normalize(env[i])
	}
	return u, nil
}
