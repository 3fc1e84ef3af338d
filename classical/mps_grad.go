package classical

import (
	"fmt"
	"math/rand/v2"
)

// MPSGradClassifier is the matrix-product-state classifier trained by
// gradient descent on all its tensors at once, as in the TensorNetwork and
// TorchMPS line of work (Efthymiou, Hidary and Leichenauer, arXiv:
// 1906.06329; Miller, arXiv:2101.04273): the outputs f^ℓ(x) of the same
// model as MPSClassifier, with the class index on the middle site and fixed
// bond dimensions, are the logits of a softmax trained on the
// cross-entropy by any optim.Optimizer through Fit. It implements
// Classifier.
//
// It starts from the rotation initialisation (mpsChain.rotationInit), whose
// sites are orthogonal maps for every input, so the logits of a long chain
// start O(1) instead of 2^{−N/2}, and contracts without rescaling: training
// keeps the tensors near that scale.
type MPSGradClassifier struct {
	mpsChain
	// offsets[j] is where site j's tensor starts in theta.
	offsets []int
	theta   []float64
}

// NewMPSGradClassifier returns a gradient-trained MPS classifier over
// sites inputs with bond dimension cfg.Bond (MaxBond and Cutoff unused).
func NewMPSGradClassifier(sites, classes int, cfg MPSConfig, rng *rand.Rand) (*MPSGradClassifier, error) {
	cfg.defaults()
	if err := cfg.check(sites, classes); err != nil {
		return nil, err
	}
	m := &MPSGradClassifier{mpsChain: mpsChain{Sites: sites, Classes: classes, Label: sites / 2}}
	m.rotationInit(cfg.Bond, cfg.Noise, rng)
	m.pack()
	return m, nil
}

// pack moves the site tensors into one parameter vector (the tensors stay
// views into it).
func (m *MPSGradClassifier) pack() {
	m.offsets = make([]int, m.Sites+1)
	for j, t := range m.Tensors {
		m.offsets[j+1] = m.offsets[j] + len(t)
	}
	m.theta = make([]float64, m.offsets[m.Sites])
	for j, t := range m.Tensors {
		copy(m.theta[m.offsets[j]:], t)
		m.Tensors[j] = m.theta[m.offsets[j]:m.offsets[j+1]:m.offsets[j+1]]
	}
}

// Params implements Classifier.
func (m *MPSGradClassifier) Params() []float64 { return m.theta }

// NumClasses implements Classifier.
func (m *MPSGradClassifier) NumClasses() int { return m.Classes }

// Probabilities implements Classifier: softmax of the outputs.
func (m *MPSGradClassifier) Probabilities(x, p []float64) error {
	if err := m.checkInput(x); err != nil {
		return err
	}
	if len(p) != m.Classes {
		return fmt.Errorf("classical: output has %d values, the MPS %d classes", len(p), m.Classes)
	}
	m.outputs(x, p)
	softmax(p)
	return nil
}

// siteMatrix writes M_j(x) = Σ_s φ_s A_j[s] (dl×dr) into out.
func (m *MPSGradClassifier) siteMatrix(j int, phi [2]float64, out []float64) {
	dl, dr := m.Bonds[j], m.Bonds[j+1]
	t := m.Tensors[j]
	for a := range dl {
		row := out[a*dr : (a+1)*dr]
		r0, r1 := t[(a*2)*dr:(a*2+1)*dr], t[(a*2+1)*dr:(a*2+2)*dr]
		for b := range row {
			row[b] = phi[0]*r0[b] + phi[1]*r1[b]
		}
	}
}

// LossGrad implements Classifier: the mean cross-entropy of the softmax of
// f(x) and its gradient by one forward and one backward pass of vectors
// along the chain per sample.
func (m *MPSGradClassifier) LossGrad(x [][]float64, y []int, grad []float64) (float64, error) {
	clear(grad)
	n, lab, L := m.Sites, m.Label, m.Classes
	mats := make([][]float64, n)
	for j := range n {
		if j != lab {
			mats[j] = make([]float64, m.Bonds[j]*m.Bonds[j+1])
		}
	}
	// left[j] = L_j (length Bonds[j]) for j ≤ lab; right[j] = R_j for j > lab.
	left, right := make([][]float64, n+1), make([][]float64, n+1)
	for j := range left {
		left[j], right[j] = make([]float64, m.Bonds[j]), make([]float64, m.Bonds[j])
	}
	f := make([]float64, L)
	var loss float64
	for i, xi := range x {
		if err := m.checkInput(xi); err != nil {
			return 0, err
		}
		if y[i] < 0 || y[i] >= L {
			return 0, fmt.Errorf("classical: label %d, want 0 to %d", y[i], L-1)
		}
		phis := make([][2]float64, n)
		for j, v := range xi {
			phis[j] = FeatureMap(v)
			if j != lab {
				m.siteMatrix(j, phis[j], mats[j])
			}
		}
		left[0][0] = 1
		for j := range lab {
			vecMat(left[j], mats[j], m.Bonds[j+1], left[j+1])
		}
		right[n][0] = 1
		for j := n - 1; j > lab; j-- {
			matVec(mats[j], m.Bonds[j+1], right[j+1], right[j])
		}
		// f^ℓ = Σ L[a] φ_s T[a,s,b,ℓ] R[b], with u[a,b,ℓ] kept for the gradient.
		dl, dr := m.Bonds[lab], m.Bonds[lab+1]
		t := m.Tensors[lab]
		clear(f)
		for a, la := range left[lab] {
			for s := range 2 {
				c := la * phis[lab][s]
				for b, rb := range right[lab+1] {
					axpy(c*rb, t[((a*2+s)*dr+b)*L:((a*2+s)*dr+b+1)*L], f)
				}
			}
		}
		loss += softmaxCrossEntropy(f, y[i]) // f now holds g = p − e_y
		g := f
		// Label-site gradient and the adjoints of L_lab and R_{lab+1}.
		gt := grad[m.offsets[lab]:m.offsets[lab+1]]
		dL, dR := make([]float64, dl), make([]float64, dr)
		for a, la := range left[lab] {
			for s := range 2 {
				ps := phis[lab][s]
				for b, rb := range right[lab+1] {
					off := ((a*2+s)*dr + b) * L
					axpy(la*ps*rb, g, gt[off:off+L])
					gt := dot(t[off:off+L], g) * ps
					dL[a] += gt * rb
					dR[b] += gt * la
				}
			}
		}
		// Sites left of the label: ∂/∂A_j[a,s,b] = φ_s L_j[a] δ_{j+1}[b].
		for j := lab - 1; j >= 0; j-- {
			m.accumulateSite(grad, j, phis[j], left[j], dL)
			next := make([]float64, m.Bonds[j])
			matVec(mats[j], m.Bonds[j+1], dL, next)
			dL = next
		}
		// Sites right of the label: ∂/∂A_j[a,s,b] = φ_s ε_j[a] R_{j+1}[b].
		for j := lab + 1; j < n; j++ {
			m.accumulateSite(grad, j, phis[j], dR, right[j+1])
			next := make([]float64, m.Bonds[j+1])
			vecMat(dR, mats[j], m.Bonds[j+1], next)
			dR = next
		}
	}
	inv := 1 / float64(len(x))
	for k := range grad {
		grad[k] *= inv
	}
	return loss * inv, nil
}

// accumulateSite adds φ_s l[a] r[b] to the gradient of site j's A[a,s,b].
func (m *MPSGradClassifier) accumulateSite(grad []float64, j int, phi [2]float64, l, r []float64) {
	dr := m.Bonds[j+1]
	g := grad[m.offsets[j]:m.offsets[j+1]]
	for a, la := range l {
		for s := range 2 {
			if c := la * phi[s]; c != 0 {
				axpy(c, r, g[(a*2+s)*dr:(a*2+s+1)*dr])
			}
		}
	}
}

// vecMat writes vᵀM (M row-major with cols columns) into out.
func vecMat(v, mtx []float64, cols int, out []float64) {
	clear(out)
	for a, va := range v {
		if va != 0 {
			axpy(va, mtx[a*cols:(a+1)*cols], out)
		}
	}
}

// matVec writes M v (M row-major with cols columns) into out.
func matVec(mtx []float64, cols int, v, out []float64) {
	for a := range out {
		out[a] = dot(mtx[a*cols:(a+1)*cols], v)
	}
}
