package classical

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"

	"gonum.org/v1/gonum/floats"

	"github.com/qmlgo/qml/dataset"
)

// MPSGradClassifier is the matrix-product-state classifier trained by
// gradient descent on all its tensors at once, as in the TensorNetwork and
// TorchMPS line of work (Efthymiou, Hidary and Leichenauer, arXiv:
// 1906.06329; Miller, arXiv:2101.04273): the normalised outputs f̂^ℓ(x) =
// f^ℓ(x)/‖E(x)‖ of the same model as MPSClassifier, with the class index
// on the middle site and fixed bond dimensions, are the logits of a softmax
// trained on the cross-entropy by any optim.Optimizer through Fit. It
// implements Classifier.
//
// Dividing by the environment norm ‖E(x)‖ makes the logits independent of
// the scale of every site but the class-index one, so no contraction over
// 196 sites vanishes or overflows and the logit scale is learnt by one
// tensor. The constructor starts from the rotation initialisation
// (mpsChain.rotationInit); InitFromData replaces it by the data
// initialisation (mpsChain.dataInit), from which training converges far
// faster: from the rotations, whose environments scatter similar images
// over unrelated directions, Adam barely learns MNIST 14×14.
type MPSGradClassifier struct {
	mpsChain
	// offsets[j] is where site j's tensor starts in theta.
	offsets []int
	theta   []float64
	// gain is κ = MPSConfig.LogitScale.
	gain float64
}

// NewMPSGradClassifier returns a gradient-trained MPS classifier over
// sites inputs with bond dimension cfg.Bond (MaxBond and Cutoff unused).
func NewMPSGradClassifier(sites, classes int, cfg MPSConfig, rng *rand.Rand) (*MPSGradClassifier, error) {
	cfg.defaults()
	if err := cfg.check(sites, classes); err != nil {
		return nil, err
	}
	m := &MPSGradClassifier{mpsChain: mpsChain{Sites: sites, Classes: classes, Label: sites / 2}, gain: cfg.LogitScale}
	m.rotationInit(cfg.Bond, cfg.Noise, rng)
	m.pack()
	return m, nil
}

// InitFromData replaces the tensors by the data initialisation
// (mpsChain.dataInit) computed from the inputs of d at the constructor's
// bond dimension: the environments of the class-index site become the
// leading directions of d's product states, and the class-index tensor
// starts at zero (the first steps fit it as a linear classifier of those
// environments, then the other sites follow). Call it before Fit.
func (m *MPSGradClassifier) InitFromData(d *dataset.Dataset) error {
	if d == nil || d.Len() == 0 {
		return fmt.Errorf("classical: the data initialisation of an MPS needs samples")
	}
	for _, x := range d.X {
		if err := m.checkInput(x); err != nil {
			return err
		}
	}
	bond := 0
	for _, b := range m.Bonds {
		bond = max(bond, b)
	}
	if err := m.dataInit(featureRows(d.X), bond); err != nil {
		return err
	}
	m.pack()
	return nil
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

// Probabilities implements Classifier: the softmax of the normalised
// outputs f̂(x) (MPSClassifier.Outputs).
func (m *MPSGradClassifier) Probabilities(x, p []float64) error {
	if err := m.checkInput(x); err != nil {
		return err
	}
	if len(p) != m.Classes {
		return fmt.Errorf("classical: output has %d values, the MPS %d classes", len(p), m.Classes)
	}
	m.normalizedOutputs(x, p)
	scale(m.gain, p)
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
// the normalised outputs f̂(x) and its gradient, by one forward and one
// backward pass of vectors along the chain per sample, the samples split
// over runtime.GOMAXPROCS goroutines.
//
// The forward pass normalises the running environment at every site, u =
// v/‖v‖, so no product of 196 matrices underflows; the backward pass
// carries the adjoint through each normalisation as ∂/∂v = (g − u(u·g))/‖v‖.
func (m *MPSGradClassifier) LossGrad(x [][]float64, y []int, grad []float64) (float64, error) {
	if len(x) != len(y) {
		return 0, fmt.Errorf("classical: %d samples and %d labels", len(x), len(y))
	}
	for i, xi := range x {
		if err := m.checkInput(xi); err != nil {
			return 0, err
		}
		if y[i] < 0 || y[i] >= m.Classes {
			return 0, fmt.Errorf("classical: label %d, want 0 to %d", y[i], m.Classes-1)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(x))
	if len(x)*len(m.theta) < 1<<16 {
		workers = 1
	}
	grads := make([][]float64, workers)
	losses := make([]float64, workers)
	grads[0] = grad
	clear(grad)
	var wg sync.WaitGroup
	for w := range workers {
		if w > 0 {
			grads[w] = make([]float64, len(grad))
		}
		lo, hi := w*len(x)/workers, (w+1)*len(x)/workers
		wg.Go(func() {
			p := m.newGradPass()
			for i := lo; i < hi; i++ {
				losses[w] += p.sample(x[i], y[i], grads[w])
			}
		})
	}
	wg.Wait()
	var loss float64
	for w := range workers {
		loss += losses[w]
		if w > 0 {
			floats.Add(grad, grads[w])
		}
	}
	inv := 1 / float64(len(x))
	floats.Scale(inv, grad)
	return loss * inv, nil
}

// gradPass holds one goroutine's buffers for LossGrad: the normalised
// environments left[j] (j ≤ Label) and right[j] (j > Label) of a sample,
// the norms they were divided by, and its site matrices.
type gradPass struct {
	m           *MPSGradClassifier
	mats        [][]float64
	left, right [][]float64
	norms       []float64
	phis        [][2]float64
	f           []float64
}

func (m *MPSGradClassifier) newGradPass() *gradPass {
	n := m.Sites
	p := &gradPass{m: m, mats: make([][]float64, n), left: make([][]float64, n+1), right: make([][]float64, n+1),
		norms: make([]float64, n+1), phis: make([][2]float64, n), f: make([]float64, m.Classes)}
	for j := range n {
		if j != m.Label {
			p.mats[j] = make([]float64, m.Bonds[j]*m.Bonds[j+1])
		}
	}
	for j := range p.left {
		p.left[j], p.right[j] = make([]float64, m.Bonds[j]), make([]float64, m.Bonds[j])
	}
	return p
}

// sample adds the gradient of sample (x, y)'s cross-entropy to grad and
// returns that cross-entropy.
func (p *gradPass) sample(x []float64, y int, grad []float64) float64 {
	m := p.m
	n, lab, L := m.Sites, m.Label, m.Classes
	left, right := p.left, p.right
	for j, v := range x {
		p.phis[j] = FeatureMap(v)
		if j != lab {
			m.siteMatrix(j, p.phis[j], p.mats[j])
		}
	}
	left[0][0] = 1
	for j := range lab {
		vecMat(left[j], p.mats[j], m.Bonds[j+1], left[j+1])
		p.norms[j+1] = math.Exp(normalize(left[j+1]))
	}
	right[n][0] = 1
	for j := n - 1; j > lab; j-- {
		matVec(p.mats[j], m.Bonds[j+1], right[j+1], right[j])
		p.norms[j] = math.Exp(normalize(right[j]))
	}
	// f̂^ℓ = Σ l[a] φ_s T[a,s,b,ℓ] r[b] with l, r the normalised environments.
	dl, dr := m.Bonds[lab], m.Bonds[lab+1]
	t, f := m.Tensors[lab], p.f
	clear(f)
	for a, la := range left[lab] {
		for s := range 2 {
			c := la * p.phis[lab][s]
			for b, rb := range right[lab+1] {
				axpy(c*rb, t[((a*2+s)*dr+b)*L:((a*2+s)*dr+b+1)*L], f)
			}
		}
	}
	// The logits are κ f̂; f becomes ∂C/∂f̂ = κ (p − e_y).
	scale(m.gain, f)
	loss := softmaxCrossEntropy(f, y)
	scale(m.gain, f)
	// Label-site gradient and the adjoints of l and r.
	gt := grad[m.offsets[lab]:m.offsets[lab+1]]
	dL, dR := make([]float64, dl), make([]float64, dr)
	for a, la := range left[lab] {
		for s := range 2 {
			ps := p.phis[lab][s]
			for b, rb := range right[lab+1] {
				off := ((a*2+s)*dr + b) * L
				axpy(la*ps*rb, f, gt[off:off+L])
				gf := dot(t[off:off+L], f) * ps
				dL[a] += gf * rb
				dR[b] += gf * la
			}
		}
	}
	// Sites left of the label: through the normalisation of left[j+1],
	// then ∂/∂A_j[a,s,b] = φ_s left[j][a] δ[b].
	for j := lab - 1; j >= 0; j-- {
		unnormalizeAdjoint(dL, left[j+1], p.norms[j+1])
		m.accumulateSite(grad, j, p.phis[j], left[j], dL)
		next := make([]float64, m.Bonds[j])
		matVec(p.mats[j], m.Bonds[j+1], dL, next)
		dL = next
	}
	// Sites right of the label: ∂/∂A_j[a,s,b] = φ_s ε[a] right[j+1][b].
	for j := lab + 1; j < n; j++ {
		unnormalizeAdjoint(dR, right[j], p.norms[j])
		m.accumulateSite(grad, j, p.phis[j], dR, right[j+1])
		next := make([]float64, m.Bonds[j+1])
		vecMat(dR, p.mats[j], m.Bonds[j+1], next)
		dR = next
	}
	return loss
}

// unnormalizeAdjoint turns g = ∂C/∂u for u = v/nrm (nrm = ‖v‖) into
// ∂C/∂v = (g − u(u·g))/nrm in place.
func unnormalizeAdjoint(g, u []float64, nrm float64) {
	c := dot(u, g)
	for k := range g {
		g[k] = (g[k] - c*u[k]) / nrm
	}
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
