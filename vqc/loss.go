package vqc

import (
	"fmt"
	"math"
)

// Loss names.
const (
	CrossEntropy = "cross-entropy"
	Square       = "square"
)

// logSumExp returns log Σ_j e^{z_j}, with the maximum taken out so that
// large outputs neither overflow nor lose the small terms.
func logSumExp(z []float64) float64 {
	zmax := math.Inf(-1)
	for _, v := range z {
		zmax = math.Max(zmax, v)
	}
	sum := 0.0
	for _, v := range z {
		sum += math.Exp(v - zmax)
	}
	return zmax + math.Log(sum)
}

// softmax returns e^{z_k} / Σ_j e^{z_j}.
func softmax(z []float64) []float64 {
	lse := logSumExp(z)
	p := make([]float64, len(z))
	for k, v := range z {
		p[k] = math.Exp(v - lse)
	}
	return p
}

// softmaxCrossEntropy returns −log softmax(z)_y = logsumexp(z) − z_y and
// writes its gradient ∂L/∂z = softmax(z) − onehot(y) into grad.
func softmaxCrossEntropy(z []float64, y int, grad []float64) float64 {
	copy(grad, softmax(z))
	grad[y]--
	return logSumExp(z) - z[y]
}

// sigmoidCrossEntropy is the binary cross-entropy of p = σ(z) against y ∈
// {0, 1}: log(1 + e^z) − y·z, with ∂L/∂z = σ(z) − y. Written with softplus
// so large |z| neither overflows nor loses the small probability.
func sigmoidCrossEntropy(z float64, y int) (loss, grad float64) {
	softplus := math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z)))
	return softplus - float64(y)*z, 1/(1+math.Exp(-z)) - float64(y)
}

// squareLoss is (t − z)² with ∂L/∂z = 2(z − t).
func squareLoss(z, t float64) (loss, grad float64) {
	d := z - t
	return d * d, 2 * d
}

func checkLoss(name string) error {
	switch name {
	case CrossEntropy, Square:
		return nil
	}
	return fmt.Errorf("loss %q: want cross-entropy or square", name)
}
