package classical

import (
	"fmt"
	"math"
)

// Logistic is multinomial (softmax) logistic regression with an L2
// penalty: p(k|x) = softmax(W x + b)_k, trained on the mean cross-entropy
// plus (λ/2)‖W‖² (the bias is not penalised). It is the reference bar of
// every classification table: a linear model on the same features.
type Logistic struct {
	// Features and Classes are the input width and the number of classes.
	Features, Classes int
	// L2 is the penalty λ.
	L2 float64
	// Theta holds W (Classes×Features, row-major) followed by b.
	Theta []float64
}

// NewLogistic returns a model with zero weights. It returns an error for
// fewer than one feature or two classes, or a negative or non-finite λ.
func NewLogistic(features, classes int, l2 float64) (*Logistic, error) {
	if features < 1 || classes < 2 {
		return nil, fmt.Errorf("classical: logistic regression with %d features and %d classes, want ≥ 1 and ≥ 2", features, classes)
	}
	if !(l2 >= 0) || math.IsInf(l2, 0) {
		return nil, fmt.Errorf("classical: L2 penalty %v, want a finite λ ≥ 0", l2)
	}
	return &Logistic{Features: features, Classes: classes, L2: l2, Theta: make([]float64, classes*(features+1))}, nil
}

// Params implements Classifier.
func (m *Logistic) Params() []float64 { return m.Theta }

// NumClasses implements Classifier.
func (m *Logistic) NumClasses() int { return m.Classes }

// logits writes W x + b into z.
func (m *Logistic) logits(x, z []float64) error {
	if len(x) != m.Features {
		return fmt.Errorf("classical: sample has %d features, the model %d", len(x), m.Features)
	}
	f := m.Features
	bias := m.Theta[m.Classes*f:]
	for k := range m.Classes {
		z[k] = bias[k] + dot(m.Theta[k*f:(k+1)*f], x)
	}
	return nil
}

// Probabilities implements Classifier.
func (m *Logistic) Probabilities(x, p []float64) error {
	if err := m.logits(x, p); err != nil {
		return err
	}
	softmax(p)
	return nil
}

// LossGrad implements Classifier: the mean cross-entropy over the batch
// plus (λ/2)‖W‖², and its gradient (pₖ − [y = k]) x averaged, plus λW.
func (m *Logistic) LossGrad(x [][]float64, y []int, grad []float64) (float64, error) {
	clear(grad)
	f := m.Features
	z := make([]float64, m.Classes)
	var loss float64
	for i, xi := range x {
		if err := m.logits(xi, z); err != nil {
			return 0, err
		}
		if y[i] < 0 || y[i] >= m.Classes {
			return 0, fmt.Errorf("classical: label %d, want 0 to %d", y[i], m.Classes-1)
		}
		loss += softmaxCrossEntropy(z, y[i])
		for k, dz := range z {
			axpy(dz, xi, grad[k*f:(k+1)*f])
			grad[m.Classes*f+k] += dz
		}
	}
	inv := 1 / float64(len(x))
	for j := range grad {
		grad[j] *= inv
	}
	loss *= inv
	if m.L2 > 0 {
		w := m.Theta[:m.Classes*f]
		loss += m.L2 / 2 * dot(w, w)
		axpy(m.L2, w, grad[:m.Classes*f])
	}
	return loss, nil
}
