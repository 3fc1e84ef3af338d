package classical

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// MLP activations.
const (
	ReLU = "relu"
	Tanh = "tanh"
)

// MLP is a perceptron with one hidden layer, p(k|x) = softmax(W₂ a(W₁x +
// b₁) + b₂)_k with a = ReLU or tanh, trained on the mean cross-entropy plus
// (λ/2)(‖W₁‖² + ‖W₂‖²). It is the nonlinear reference bar of the tables.
type MLP struct {
	Features, Hidden, Classes int
	// Activation is ReLU or Tanh.
	Activation string
	// L2 is the penalty λ on the weights (not the biases).
	L2 float64
	// Theta holds W₁ (Hidden×Features), b₁, W₂ (Classes×Hidden), b₂, each
	// matrix row-major.
	Theta []float64
}

// NewMLP returns an MLP with Glorot-uniform weights (Glorot and Bengio,
// AISTATS 2010; scaled by √2 for ReLU, He et al. 2015) drawn from rng and
// zero biases. It returns an error for sizes below 1 (2 classes), an
// unknown activation or a bad λ.
func NewMLP(features, hidden, classes int, activation string, l2 float64, rng *rand.Rand) (*MLP, error) {
	if features < 1 || hidden < 1 || classes < 2 {
		return nil, fmt.Errorf("classical: MLP %d→%d→%d, want ≥ 1 features and hidden units and ≥ 2 classes", features, hidden, classes)
	}
	if activation != ReLU && activation != Tanh {
		return nil, fmt.Errorf("classical: MLP activation %q, want %q or %q", activation, ReLU, Tanh)
	}
	if !(l2 >= 0) || math.IsInf(l2, 0) {
		return nil, fmt.Errorf("classical: L2 penalty %v, want a finite λ ≥ 0", l2)
	}
	m := &MLP{Features: features, Hidden: hidden, Classes: classes, Activation: activation, L2: l2,
		Theta: make([]float64, hidden*(features+1)+classes*(hidden+1))}
	gain := 1.0
	if activation == ReLU {
		gain = math.Sqrt2
	}
	w1, _, w2, _ := m.split(m.Theta)
	for _, w := range []struct {
		v       []float64
		in, out int
	}{{w1, features, hidden}, {w2, hidden, classes}} {
		a := gain * math.Sqrt(6/float64(w.in+w.out))
		for j := range w.v {
			w.v[j] = a * (2*rng.Float64() - 1)
		}
	}
	return m, nil
}

// split returns the views W₁, b₁, W₂, b₂ of a parameter-shaped vector.
func (m *MLP) split(v []float64) (w1, b1, w2, b2 []float64) {
	f, h, c := m.Features, m.Hidden, m.Classes
	w1, v = v[:h*f], v[h*f:]
	b1, v = v[:h], v[h:]
	w2, v = v[:c*h], v[c*h:]
	return w1, b1, w2, v[:c]
}

// Params implements Classifier.
func (m *MLP) Params() []float64 { return m.Theta }

// NumClasses implements Classifier.
func (m *MLP) NumClasses() int { return m.Classes }

// forward writes the hidden pre-activations into u, the activations into
// a and the logits into z.
func (m *MLP) forward(x, u, a, z []float64) error {
	if len(x) != m.Features {
		return fmt.Errorf("classical: sample has %d features, the model %d", len(x), m.Features)
	}
	w1, b1, w2, b2 := m.split(m.Theta)
	f, h := m.Features, m.Hidden
	for j := range h {
		u[j] = b1[j] + dot(w1[j*f:(j+1)*f], x)
		if m.Activation == ReLU {
			a[j] = math.Max(u[j], 0)
		} else {
			a[j] = math.Tanh(u[j])
		}
	}
	for k := range m.Classes {
		z[k] = b2[k] + dot(w2[k*h:(k+1)*h], a)
	}
	return nil
}

// Probabilities implements Classifier.
func (m *MLP) Probabilities(x, p []float64) error {
	u, a := make([]float64, m.Hidden), make([]float64, m.Hidden)
	if err := m.forward(x, u, a, p); err != nil {
		return err
	}
	softmax(p)
	return nil
}

// LossGrad implements Classifier by backpropagation.
func (m *MLP) LossGrad(x [][]float64, y []int, grad []float64) (float64, error) {
	clear(grad)
	f, h := m.Features, m.Hidden
	_, _, w2, _ := m.split(m.Theta)
	g1, gb1, g2, gb2 := m.split(grad)
	u, a, da := make([]float64, h), make([]float64, h), make([]float64, h)
	z := make([]float64, m.Classes)
	var loss float64
	for i, xi := range x {
		if err := m.forward(xi, u, a, z); err != nil {
			return 0, err
		}
		if y[i] < 0 || y[i] >= m.Classes {
			return 0, fmt.Errorf("classical: label %d, want 0 to %d", y[i], m.Classes-1)
		}
		loss += softmaxCrossEntropy(z, y[i])
		clear(da)
		for k, dz := range z {
			axpy(dz, a, g2[k*h:(k+1)*h])
			gb2[k] += dz
			axpy(dz, w2[k*h:(k+1)*h], da)
		}
		for j := range h {
			if m.Activation == ReLU {
				if u[j] <= 0 {
					continue
				}
			} else {
				da[j] *= 1 - a[j]*a[j]
			}
			axpy(da[j], xi, g1[j*f:(j+1)*f])
			gb1[j] += da[j]
		}
	}
	inv := 1 / float64(len(x))
	for j := range grad {
		grad[j] *= inv
	}
	loss *= inv
	if m.L2 > 0 {
		w1, _, w2, _ := m.split(m.Theta)
		loss += m.L2 / 2 * (dot(w1, w1) + dot(w2, w2))
		axpy(m.L2, w1, g1)
		axpy(m.L2, w2, g2)
	}
	return loss, nil
}
