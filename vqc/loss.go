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

// softmaxCrossEntropy returns −log softmax(z)_y and its gradient ∂L/∂z =
// softmax(z) − onehot(y), computed with the max subtracted for stability.
func softmaxCrossEntropy(z []float64, y int, grad []float64) float64 {
	zmax := math.Inf(-1)
	for _, v := range z {
		zmax = math.Max(zmax, v)
	}
	sum := 0.0
	for k, v := range z {
		grad[k] = math.Exp(v - zmax)
		sum += grad[k]
	}
	for k := range grad {
		grad[k] /= sum
	}
	loss := -(z[y] - zmax - math.Log(sum))
	grad[y]--
	return loss
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
